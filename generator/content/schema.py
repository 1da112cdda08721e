"""The content format: every field of every file, its type and what it means.

This one table drives validation (unknown fields, required fields, types), the JSON Schema
published with the site, and the reference page of the format, so the three never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from generator.content.status import CONFIDENCES, REPORTED_WORDS

ItemKind = Literal["section", "recommendation", "aim", "objective", "action", "commitment",
                   "indicator", "step"]
PlanStatus = Literal["draft", "adopted", "superseded"]
FieldType = Literal[
    "text", "ref", "due", "date", "slug", "url", "url-template", "email", "status",
    "status-before", "plan-status", "kind", "direction", "progress", "text-list", "id-list",
    "ref-list", "feedback", "source", "areas", "updates", "targets", "sections", "items",
    "vocabulary", "meaning", "confidence", "glossary", "rounds", "evidence", "web-url",
    "languages", "missing-translations",
]
"""What a field holds: each type has one converter in :mod:`generator.content.checking`."""

ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
PLAN_STATUSES: tuple[PlanStatus, ...] = get_args(PlanStatus)
DIRECTIONS = ("higher", "lower")
MISSING_TRANSLATIONS = ("error", "warn")


@dataclass(frozen=True)
class Field:
    """One field of a content file."""

    name: str
    type: FieldType
    doc: str
    required: bool = False
    label: str = ""
    neutral: bool = False
    """Text that is the same in every language (a label other fields refer to, a phone
    number): given once, never per language."""

    @property
    def translated(self) -> bool:
        """Whether a site with several languages takes this field in each of them."""
        return self.type in ("text", "due") and not self.neutral


def _f(name: str, type_: FieldType, doc: str, required: bool = False, label: str = "",
       neutral: bool = False) -> Field:
    return Field(name, type_, doc, required, label, neutral)


SITE = (
    _f("title", "text", "The site's name, shown in every page header.", True),
    _f("council", "text", "The council (or councils) publishing the plans.", True),
    _f("url", "url", "The address the site is published at, ending in /.", True),
    _f("description", "text", "One sentence describing the site, for search engines."),
    _f("as_of", "date", "The date the site judges 'overdue' against (default: the build date)."),
    _f("feedback", "feedback", "Where residents send views on an item."),
    _f("licence", "text", "The licence the data is published under."),
    _f("statuses", "vocabulary", "The council's own status words and what each means "
       "(wording, means); every plan uses them, and a plan's own statuses come first."),
    _f("glossary", "glossary", "Abbreviations and terms the data uses (term, meaning): each is "
       "explained on the glossary page and linked where it appears."),
    _f("languages", "languages", "The languages the site is published in, as codes (en, cy), "
       "the first at the site's root and each other under its code (/cy/); default: en only. "
       "With more than one, every text is given in each (title: {en: ..., cy: ...})."),
    _f("missing_translations", "missing-translations", "error (the default) or warn: whether a "
       "text missing in one of the languages stops the build or is published in the first "
       "language, with a note saying so."),
)

WORDING = (
    _f("wording", "text", "The council's word or phrase, as it writes it; * stands for any "
       "text (Amber - * matches Amber - some slippage). On a site in several languages, give "
       "it in each: data may use any of them, and each page shows its own.", True),
    _f("means", "meaning", "What it means: a status (" + ", ".join(REPORTED_WORDS) + ") or, "
       "for the confidence field, a confidence (" + ", ".join(CONFIDENCES) + ").", True),
    _f("explained", "text", "What the council says the word means, shown on the methodology "
       "page."),
)

TERM = (
    _f("term", "text", "The word or abbreviation, as the data writes it (T&PCs).", True),
    _f("meaning", "text", "What it means, in plain words.", True),
)

FEEDBACK = (
    _f(
        "form",
        "url-template",
        "A form address with {plan}, {ref}, {title} and {url} placeholders, filled in "
        "(URL-encoded) for each item.",
    ),
    _f("email", "email", "An email address; used when there is no form."),
    _f("phone", "text", "A telephone number.", neutral=True),
    _f("fax", "text", "A fax number.", neutral=True),
    _f("contact", "text", "Who receives the views."),
    _f("deadline", "text", "The last date views are taken, as written."),
    _f("note", "text", "How to send views, in the council's words."),
)

SOURCE = (
    _f("title", "text", "The title of the published document.", True),
    _f("date", "text", "Its date, as written on it."),
    _f("reference", "text", "Its reference number.", neutral=True),
    _f("url", "url", "Where the original can be read."),
    _f("note", "text", "Anything else about the document (draft number, format)."),
)

AREA = (
    _f("id", "slug", "Short name used in items' areas lists.", True),
    _f("name", "text", "The area's name.", True),
    _f("description", "text", "What the plan says about the area."),
)

PLAN = (
    _f("id", "slug", "Short name used in addresses: lowercase letters, digits, hyphens.", True),
    _f("title", "text", "The plan's title.", True),
    _f("organisation", "text", "The council or partnership that owns the plan."),
    _f("kind", "text", "A free label: Improvement plan, Strategy, Service plan, ..."),
    _f("status", "plan-status", "draft, adopted or superseded."),
    _f("summary", "text", "A short description for residents."),
    _f("period", "text", "The years the plan covers, as written."),
    _f("reported", "date", "Date of the progress snapshot (YYYY-MM-DD)."),
    _f("source", "source", "The published document this plan reproduces."),
    _f("decisions", "id-list", "Ids of decision records about this plan."),
    _f("feedback", "feedback", "This plan's own feedback route, replacing the site's."),
    _f("areas", "areas", "Places the plan names (id, name, description)."),
    _f("editorial_notes", "text-list", "Editorial decisions made in publishing the plan."),
    _f("statuses", "vocabulary", "This plan's own status words (wording, means), used before "
       "the site's."),
    _f("rounds", "rounds", "The reporting rounds the plan's progress was reported in (label, "
       "date, note), oldest first."),
    _f("items", "items", "The plan's items.", True),
)

ROUND = (
    _f("label", "text", "The round's name, as the council gives it (Q1 2024/25); its page's "
       "address is made from it.", True, neutral=True),
    _f("date", "date", "The day the round closed: progress up to it was reported in it "
       "(YYYY-MM-DD).", True),
    _f("note", "text", "Where or how it was reported (Cabinet, 10 July 2024)."),
)

EVIDENCE = (
    _f("title", "text", "What the evidence is (Cabinet minutes, 10 July 2024).", True),
    _f("url", "web-url", "Its address: http:// or https:// only.", True),
    _f("archived", "web-url", "The address of an archived copy, should the original move."),
)

UPDATE = (
    _f("date", "date", "The date of the update (YYYY-MM-DD).", True),
    _f("status", "status", "The status reported on that date."),
    _f("from", "status-before", "The status this update replaced, where no earlier update "
       "gives it (plantrack update writes it); \"not reported\" when there was none."),
    _f("confidence", "confidence", "The confidence reported on that date (green, amber, red, "
       "or the council's wording)."),
    _f("confidence_reason", "text", "Why, in the council's words."),
    _f("note", "text", "What changed, in plain words."),
    _f("round", "text", "The label of the round it was reported in (default: the first "
       "round closing on or after its date).", neutral=True),
    _f("due", "due", "A revised due date, reported in this update; the item's due is then the "
       "latest revision."),
    _f("due_reason", "text", "Why the due date moved, in the council's words."),
    _f("evidence", "evidence", "Links to the evidence for it (title, url, archived)."),
    _f("corrects", "date", "The date of an earlier update of this item that this one "
       "corrects; the earlier one stays, marked as corrected."),
)

TARGET = (
    _f("period", "text", "The period, e.g. 2009/10.", True, neutral=True),
    _f("target", "text", "The target as written.", True),
    _f("actual", "text", "The actual figure, once reported."),
)

ITEM = (
    _f("ref", "ref", "The item's reference, unique within the plan.", True, "Reference"),
    _f("kind", "kind", "section, recommendation, aim, objective, action, commitment, "
       "indicator or step (default: action).", label="Kind"),
    _f("title", "text", "What was promised, in the plan's words.", True),
    _f("description", "text", "More of the plan's words about the item."),
    _f("group", "text", "A sub-heading the plan puts the item under.", label="Group"),
    _f("lead", "text", "Who leads it.", label="Lead"),
    _f("support", "text", "Who supports the lead.", label="Support"),
    _f("due", "due", "When it is due, as the council wrote it (Aug-22, March 2003, Ongoing).",
       label="Due"),
    _f("original_due", "due", "The due date first published, when it has changed.",
       label="Originally due"),
    _f("cost", "text", "Cost, as written.", label="Cost"),
    _f("resources", "text", "Additional resources required.", label="Resources"),
    _f("quality_criteria", "text", "How the council will judge it done well.",
       label="Quality criteria"),
    _f("outputs", "text", "What it will produce.", label="Outputs"),
    _f("outcomes", "text", "What difference it should make.", label="Outcomes"),
    _f("risks", "text", "Risks to delivery.", label="Risks"),
    _f("other_services", "text", "Other services affected.", label="Other services affected"),
    _f("comments", "text", "Comments in the plan.", label="Comments"),
    _f("status", "status", "The current status (" + ", ".join(REPORTED_WORDS) + ", or the "
       "council's own wording such as Green - on track). Leave out when not reported."),
    _f("confidence", "confidence", "A second axis, where the council uses one: its confidence "
       "of delivery (green, amber, red, or its own wording), separate from the status."),
    _f("confidence_reason", "text", "Why the council gives that confidence, in its words."),
    _f("progress", "progress", "Stated progress, 0 to 100 (percent)."),
    _f("updates", "updates", "Dated progress updates (date, status, note)."),
    _f("related", "ref-list", "Refs of related items in the same plan."),
    _f("tags", "text-list", "Short labels, such as the council's own codes."),
    _f("areas", "id-list", "Ids of the plan's areas this item concerns."),
    _f("added_in", "text", "The label of the round in which the item was added to the plan "
       "(default: it was in the plan from the start).", neutral=True),
    _f("source_ref", "text", "The source document's own ref, where ours differs "
       "(empty: the source gives none).", label="Source's own ref", neutral=True),
    _f("editorial_note", "text", "An editorial decision made in publishing this item."),
    _f("unit", "text", "Indicators: what is measured.", label="Unit"),
    _f("baseline", "text", "Indicators: the starting figure, as written.", label="Baseline"),
    _f("targets", "targets", "Indicators: targets per period (period, target, actual)."),
    _f("direction", "direction", "Indicators: whether higher or lower is better."),
    _f("items", "items", "Child items."),
)

INDICATOR_ONLY = frozenset({"unit", "baseline", "targets", "direction"})

SECTION = (
    _f("heading", "text", "The section's heading.", True),
    _f("text", "text", "The section's text.", True),
)

DECISION = (
    _f("id", "slug", "Short name used in addresses.", True),
    _f("title", "text", "The decision's title.", True),
    _f("reference", "text", "The report's reference number."),
    _f("organisation", "text", "The council."),
    _f("decision_maker", "text", "Who takes the decision."),
    _f("date", "date", "The report's date (YYYY-MM-DD)."),
    _f("decision_due", "text", "When the decision is to be taken, as written."),
    _f("author", "text", "The report's author."),
    _f("contact", "text", "The contact officer."),
    _f("divisions", "text", "Electoral divisions affected."),
    _f("summary", "text", "The report's summary."),
    _f("recommendation", "text", "The recommendation."),
    _f("sections", "sections", "The report's headed sections (heading, text)."),
    _f("background_papers", "text-list", "Background papers."),
    _f("outcome", "text", "What the record shows of the decision taken."),
    _f("approves", "id-list", "Ids of the plans the decision is about."),
    _f("feedback", "feedback", "How residents could send views on the decision."),
)

REFERENCE_TABLES = (
    ("Site settings: content/site.yml", SITE),
    ("Plan: content/plans/<id>.yml", PLAN),
    ("Item (under items:)", ITEM),
    ("Update (under updates:)", UPDATE),
    ("Evidence (under evidence:)", EVIDENCE),
    ("Reporting round (under rounds:)", ROUND),
    ("Target (under targets:)", TARGET),
    ("Source (under source:)", SOURCE),
    ("Feedback route (under feedback:)", FEEDBACK),
    ("Area (under areas:)", AREA),
    ("Status word (under statuses:)", WORDING),
    ("Glossary term (under glossary:)", TERM),
    ("Decision record: content/decisions/<id>.yml", DECISION),
    ("Decision section (under sections:)", SECTION),
)
"""The tables of the content-format reference page, in the order it shows them."""

DETAIL_FIELDS = tuple(f for f in ITEM if f.label)
"""Item fields shown, in this order, in the details table of an item page."""

NESTED = {
    "feedback": FEEDBACK, "source": SOURCE, "areas": AREA, "updates": UPDATE,
    "targets": TARGET, "sections": SECTION, "vocabulary": WORDING, "glossary": TERM,
    "rounds": ROUND, "evidence": EVIDENCE,
}


def _property(field: Field) -> dict[str, Any]:
    text = {"type": "string"}
    simple: dict[str, dict[str, Any]] = {
        "date": {"type": "string", "format": "date"},
        "url": {"type": "string", "format": "uri"},
        "web-url": {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
        "url-template": text,
        "email": {"type": "string", "format": "email"},
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "plan-status": {"enum": list(PLAN_STATUSES)},
        "meaning": {"enum": [*REPORTED_WORDS, *CONFIDENCES]},
        "kind": {"enum": list(ITEM_KINDS)},
        "direction": {"enum": list(DIRECTIONS)},
        "progress": {"type": "integer", "minimum": 0, "maximum": 100},
        "text-list": {"type": "array", "items": text},
        "id-list": {"type": "array", "items": text},
        "ref-list": {"type": "array", "items": text},
        "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        "languages": {"type": "array", "items": {"type": "string",
                                                 "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
                      "minItems": 1, "uniqueItems": True},
        "missing-translations": {"enum": list(MISSING_TRANSLATIONS)},
    }
    if field.type in simple:
        schema = dict(simple[field.type])
    elif field.type in ("feedback", "source"):
        schema = _object(NESTED[field.type])
    elif field.type in NESTED:
        schema = {"type": "array", "items": _object(NESTED[field.type])}
    elif field.translated:
        schema = {"anyOf": [text, {"$ref": "#/$defs/translated"}]}
    else:
        schema = dict(text)
    schema["description"] = field.doc
    return schema


def _object(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _property(f) for f in fields},
    }


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of a plan file, with site and decision files under $defs."""
    schema = _object(PLAN)
    schema.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Plan Tracker plan file",
            "$defs": {"item": _object(ITEM), "site": _object(SITE), "decision": _object(DECISION),
                      "translated": {
                          "type": "object", "minProperties": 1,
                          "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
                          "additionalProperties": {"type": "string"},
                          "description": "The text in each of the site's languages, by "
                                         "language code (en: ..., cy: ...)."}},
        }
    )
    return schema
