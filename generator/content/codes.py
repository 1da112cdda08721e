"""Every problem code, with what it means: one registry for the checks of YAML files and of
spreadsheets. A :class:`~generator.content.errors.Problem` with a code not listed here is a bug
(it raises at once), and the content-format reference page lists the registry, so a code
printed by ``plantrack check`` or ``plantrack import`` can always be looked up.
"""

from __future__ import annotations

from generator.content.schema import (
    AREA,
    DECISION,
    EVIDENCE,
    FEEDBACK,
    ITEM,
    PLAN,
    ROUND,
    SECTION,
    SITE,
    SOURCE,
    TARGET,
    TERM,
    UPDATE,
    WORDING,
)

_FIXED: dict[str, str] = {
    # reading a YAML file
    "not-utf8": "The file is not UTF-8 text.",
    "yaml-syntax": "The file is not valid YAML.",
    "yaml-tag": "A value carries a YAML tag; only plain YAML is read.",
    "yaml-key": "A field name is a list or a mapping.",
    "duplicate-key": "A field is given twice in one mapping.",
    "file-too-large": "The file is larger than a plan file may be.",
    "too-many-values": "The file holds more values than a plan file may.",
    "alias-expansion": "The file's YAML aliases expand to too many values.",
    "too-deep": "Values nest deeper than a plan file may.",
    # the content format
    "unknown-field": "A field the content format does not have (a did-you-mean is given).",
    "not-a-mapping": "Fields (name: value) were expected.",
    "not-a-list": "A list was expected.",
    "not-text": "Text was expected, not a list or a mapping.",
    "bad-id": "An id is not lowercase letters, digits and hyphens.",
    "bad-url": "An address is not http(s) or a path.",
    "bad-email": "An email address is not one.",
    "bad-date": "A date is not written YYYY-MM-DD.",
    "impossible-date": "A date does not exist in the calendar (30 February).",
    "unknown-month": "A due date has a word before a year that looks like a misspelt month.",
    "future-date": "Progress is dated after the date the site judges against.",
    # languages (site.yml languages)
    "unknown-language": "A language code has no catalog of the site's words.",
    "missing-translation": "A text is not given in one of the site's languages.",
    "not-a-site-language": "A text is given in a language the site does not publish.",
    "bad-catalog": "A catalog of the site's words lacks a key English has, or is not valid.",
    "unknown-status": "A status wording the vocabulary does not give a meaning (a "
                      "did-you-mean, and how to add the council's word, are given).",
    "unknown-confidence": "A confidence wording the vocabulary does not give a meaning.",
    "unknown-meaning": "A vocabulary wording means something other than a status or a "
                       "confidence.",
    "bad-wording": "A vocabulary wording has no words (only *).",
    "duplicate-wording": "A vocabulary gives one wording twice.",
    "bad-progress": "Progress is not a whole number from 0 to 100.",
    # across a plan and across files
    "duplicate-ref": "Two items of a plan share a ref.",
    "bad-ref": "A ref has no letters or digits.",
    "ref-collision": "Two refs would give the same page name.",
    "unknown-ref": "A related item's ref is not in the plan.",
    "unknown-area": "An item names an area the plan does not list.",
    "unknown-decision": "A plan names a decision record that does not exist.",
    "unknown-plan": "A decision record, or an import, names a plan that does not exist.",
    "reserved-id": "A plan id is the name of one of the site's own data files.",
    # reporting rounds, corrections and revised due dates
    "duplicate-round": "Two rounds of a plan share a label, or labels giving the same address.",
    "bad-round-label": "A round's label has no letters or digits to make its address from.",
    "round-order": "Rounds are not listed oldest first, each closing after the one above.",
    "unknown-round": "An update or an item names a round the plan does not list.",
    "unknown-correction": "An update corrects a date on which the item has no earlier update.",
    "ambiguous-correction": "An update corrects a date on which the item has several updates.",
    "already-corrected": "An update corrects one that another update corrects already.",
    "due-not-revised": "An item's due is not the due date of its latest revising update.",
    "no-original-due": "Updates revise an item's due date, but its original_due is not given.",
    # spreadsheets and the JSON export
    "no-header": "No header row was found.",
    "no-rows": "The sheet has no rows to import.",
    "text-above-header": "More than a title stands above the header row.",
    "unknown-layout": "The layout cannot be told from the headings.",
    "unknown-column": "A column the layout does not know.",
    "unnamed-column": "A column with data has no heading.",
    "duplicate-column": "Two columns give the same field.",
    "bad-map": "A --map option is not COLUMN=FIELD.",
    "unknown-map-column": "A --map option names a column the sheet does not have.",
    "unknown-map-field": "A --map option names a field the content format does not have.",
    "missing-ref": "A row has no ref.",
    "missing-title": "A row has no title.",
    "unknown-parent": "A row's parent is not the ref of another row.",
    "parent-loop": "A row's parent is beneath the row itself.",
    "bad-json": "A cell of the export's JSON is not what the export writes.",
    "not-an-object": "An item of a JSON export is not an object of fields.",
    "bad-plans-sheet": "The Plans sheet does not have the columns plan, field and value.",
    "unknown-plan-field": "A plan field the content format does not have.",
    "duplicate-plan-field": "A plan field is given twice.",
}

_TABLES = (SITE, FEEDBACK, SOURCE, AREA, WORDING, TERM, PLAN, ROUND, UPDATE, EVIDENCE, TARGET, ITEM,
           SECTION, DECISION)
_CHOICES = ("status", "kind", "direction", "missing-translations")
"""Fields whose value is one of a closed list: ``unknown-<field>``."""

CODES: dict[str, str] = {
    **_FIXED,
    **{f"missing-{f.name}": f"A required field, {f.name}, is missing."
       for table in _TABLES for f in table if f.required},
    **{f"unknown-{name}": f"A {name} that is not one of those the content format lists."
       for name in _CHOICES if f"unknown-{name}" not in _FIXED},
    **{f"duplicate-{kind}": f"Two {kind} files share an id." for kind in ("plan", "decision")},
}
"""Every code, with a one-line meaning, in the order the reference page lists them."""
