"""Load a content folder into a :class:`~generator.model.Site`, or report every problem in it.

The folder holds ``site.yml``, one YAML file per plan in ``plans/`` and decision records in
``decisions/``. Each file is read and checked on its own, then the checks that span files run
(unique ids, refs that exist, decisions that name real plans). Nothing is returned unless the
whole folder is sound: problems are raised together as one ContentError.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from generator.content.catalog import Catalog, Languages, catalog, english
from generator.content.checking import Reader
from generator.content.errors import ContentError, PlanTrackerError, Problem
from generator.content.history import check_history
from generator.content.ids import RESERVED_PLAN_IDS, ascii_slug, ref_slug
from generator.content.model import (
    Area,
    Decision,
    Evidence,
    Feedback,
    Item,
    Plan,
    Round,
    Section,
    Site,
    Source,
    Target,
    Term,
    Update,
)
from generator.content.schema import DECISION, ITEM, PLAN, SITE, Field
from generator.content.vocabulary import BUILT_IN_VOCABULARY, Vocabulary
from generator.content.yamlfile import Document, read_yaml

TEXT_FIELDS = tuple(
    f.name for f in ITEM
    if f.type in ("text", "direction") and f.name not in ("title", "source_ref",
                                                          "confidence_reason")
)


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def load_site(content: Path | str, as_of: date | None = None, today: date | None = None,
              language: str | None = None) -> Site:
    """Load and check everything in a content folder; raise ContentError listing all problems.

    No progress may be dated after the day the site judges against: ``as_of`` (the plugin's
    option), else site.yml's ``as_of``, else ``today`` (default: the date today). The texts
    are read in ``language`` (default: the site's first)."""
    content = Path(content)
    if not (content / "site.yml").is_file():
        raise PlanTrackerError(f"{content / 'site.yml'}: no site settings found (is --content "
                               f"the folder holding site.yml and plans/?)")
    problems: list[Problem] = []
    languages = _languages(content / "site.yml", language)
    with _collector_paused():
        site = _load_settings(content / "site.yml", problems, languages)
        site.plans = [p for f in _files(content / "plans")
                      if (p := _load_plan(f, site.vocabulary, problems, languages))]
        site.decisions = [
            d for f in _files(content / "decisions")
            if (d := _load_decision(f, problems, languages))
        ]
    site.words = _catalogs(content, languages, problems)
    site.language, site.warnings = languages.reading, languages.warnings
    _check_links(site, problems)
    _check_no_future(site, _latest_allowed(site, as_of, today), problems)
    if problems:
        raise ContentError(problems)
    return site


def _languages(file: Path, language: str | None) -> Languages:
    """The site's languages, read from site.yml before anything else (every text is read
    with them); a problem with them is reported when the file is read in full."""
    found = Languages()
    read = _read(file, [])
    if read is None or not isinstance(read[0].data, dict):
        return found
    doc, reader = read
    by_name = {f.name: f for f in SITE}
    codes = doc.data.get("languages")
    codes = codes and reader.convert(codes, "languages", by_name["languages"])
    if codes:
        found.codes = tuple(codes)
    missing = doc.data.get("missing_translations")
    missing = missing and reader.convert(missing, "missing_translations",
                                         by_name["missing_translations"])
    if missing:
        found.missing = missing
    found.reading = language or found.codes[0]
    if found.reading not in found.codes:
        raise PlanTrackerError(f"{file}: the site is not published in {language!r} "
                               f"(languages: {', '.join(found.codes)})")
    return found


def _catalogs(content: Path, languages: Languages, problems: list[Problem]) -> Catalog:
    """The site's words in the language being read; every language's catalog is checked."""
    words = None
    for code in languages.codes:
        try:
            found = catalog(code, content)
        except ContentError as error:
            problems.extend(error.problems)
            continue
        if code == languages.reading:
            words = found
    return words or english()


def _latest_allowed(site: Site, as_of: date | None, today: date | None) -> tuple[date, str]:
    if as_of is not None:
        return as_of, "the as_of date the site is built for"
    if site.as_of is not None:
        return site.as_of, "the site's as_of date in site.yml"
    return today or date.today(), "today"


def _check_no_future(site: Site, latest: tuple[date, str], problems: list[Problem]) -> None:
    """Progress is reported after it happens: no update, and no plan's ``reported``, is dated
    after the day the site judges against."""
    day, name = latest

    def refuse(plan: Plan, at: str, found: date) -> None:
        problems.append(Problem(plan.file, plan.lines.get(at, 1), at, "future-date",
                                f"expected a date on or before {name} ({day.isoformat()}), "
                                f'found "{found.isoformat()}": progress cannot be reported '
                                f"before it happens"))

    for plan in site.plans:
        if plan.reported and plan.reported > day:
            refuse(plan, "reported", plan.reported)
        for i, closed in enumerate(plan.rounds):
            if closed.date > day:
                refuse(plan, f"rounds[{i}].date", closed.date)
        for item in plan.walk():
            for i, update in enumerate(item.updates):
                if update.date > day:
                    refuse(plan, f"{item.path}.updates[{i}].date", update.date)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while files are read: reading makes hundreds of
    thousands of small objects, and the collector would walk the growing model again and
    again (half the load time at 10,000 items). Anything cyclic is collected afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read(file: Path, problems: list[Problem], vocabulary: Vocabulary = BUILT_IN_VOCABULARY,
          origin: str = "", languages: Languages | None = None) -> tuple[Document, Reader] | None:
    doc, found = read_yaml(file, str(file))
    problems.extend(found)
    if found:
        return None
    reader = Reader(doc, problems, vocabulary, origin or file.name, languages)
    if isinstance(doc.data, dict) and doc.data.get("statuses") is not None:
        spec = next(f for f in (*PLAN, *SITE) if f.name == "statuses")
        own = reader.own_vocabulary(doc.data["statuses"], "statuses", spec)
        reader.vocabulary = vocabulary.extended(own)
    return doc, reader


def _feedback(values: dict[str, Any] | None) -> Feedback | None:
    return Feedback(**values) if values else None


def _load_settings(file: Path, problems: list[Problem], languages: Languages) -> Site:
    fallback = Site(title="", council="", url="/")
    read = _read(file, problems, languages=languages)
    if read is None:
        return fallback
    doc, reader = read
    values = reader.mapping(doc.data, "", SITE)
    if not {"title", "council", "url"} <= values.keys():
        return fallback
    values["feedback"] = _feedback(values.get("feedback")) or Feedback()
    values["glossary"] = [Term(**t) for t in values.get("glossary", []) if len(t) == 2]
    values["languages"] = list(languages.codes)
    values["missing_translations"] = languages.missing
    return Site(**values)


def _read_named(
    file: Path, problems: list[Problem], fields: tuple[Field, ...],
    vocabulary: Vocabulary = BUILT_IN_VOCABULARY, languages: Languages | None = None,
) -> tuple[Document, Reader, dict[str, Any]] | None:
    """A plan or decision file's values, or None when it cannot be used (problems recorded)."""
    read = _read(file, problems, vocabulary, f"plans/{file.name}", languages)
    if read is None:
        return None
    doc, reader = read
    values = reader.mapping(doc.data, "", fields)
    return (doc, reader, values) if "id" in values and "title" in values else None


def _load_plan(file: Path, vocabulary: Vocabulary, problems: list[Problem],
               languages: Languages | None = None) -> Plan | None:
    read = _read_named(file, problems, PLAN, vocabulary, languages)
    if read is None:
        return None
    doc, reader, values = read
    values["vocabulary"] = reader.vocabulary
    items = values.pop("items", [])
    source = values.pop("source", {})
    plan = Plan(
        file=str(file),
        lines=doc.lines,
        source=Source(**source) if "title" in source else None,
        feedback=_feedback(values.pop("feedback", None)),
        areas=[Area(**a) for a in values.pop("areas", []) if "id" in a and "name" in a],
        rounds=[Round(r["label"], r["date"], _round_slug(r["label"]), r.get("note"))
                for r in values.pop("rounds", []) if "label" in r and "date" in r],
        **values,
    )
    plan.items = [i for data in items if (i := _item(plan.id, data, doc, None))]
    _check_plan(plan, reader)
    check_history(plan, reader)
    return plan


def _round_slug(label: str) -> str:
    """A round's page name: its label in lowercase letters, digits and hyphens; never "index",
    the name of the page that lists the rounds."""
    found = ascii_slug(label)
    return "named-index" if found == "index" else found


def _item(plan_id: str, data: dict[str, Any], doc: Document, parent: Item | None) -> Item | None:
    at = data["_at"]
    if "ref" not in data or "title" not in data:
        return None
    status = data.get("status") or (None, None)
    confidence = data.get("confidence") or (None, None)
    item = Item(
        plan_id=plan_id,
        ref=data["ref"],
        slug=ref_slug(data["ref"]),
        kind=data.get("kind", "action"),
        title=data["title"],
        line=doc.line(at),
        path=at,
        text={name: data[name] for name in TEXT_FIELDS if data.get(name)},
        due=data.get("due"),
        original_due=data.get("original_due"),
        status=status[0],
        wording=status[1],
        confidence=confidence[0],
        confidence_wording=confidence[1],
        confidence_reason=data.get("confidence_reason"),
        progress=data.get("progress"),
        updates=[_update(u) for u in data.get("updates", []) if "date" in u],
        related=data.get("related", []),
        tags=data.get("tags", []),
        areas=data.get("areas", []),
        source_ref=data.get("source_ref"),
        added_in=data.get("added_in"),
        targets=[Target(**t) for t in data.get("targets", []) if "period" in t and "target" in t],
        parent=parent,
    )
    item.children = [c for child in data.get("items", []) if (c := _item(plan_id, child, doc, item))]
    return item


def _update(values: dict[str, Any]) -> Update:
    status = values.get("status") or (None, None)
    before = values.get("from") or (None, None)
    confidence = values.get("confidence") or (None, None)
    return Update(values["date"], status[0], status[1], values.get("note", ""),
                  before[0], before[1], confidence[0], confidence[1],
                  values.get("confidence_reason"), round=values.get("round"),
                  due=values.get("due"), due_reason=values.get("due_reason"),
                  evidence=[Evidence(e["title"], e["url"], e.get("archived"))
                            for e in values.get("evidence", []) if "title" in e and "url" in e],
                  corrects=values.get("corrects"))


def _check_plan(plan: Plan, reader: Reader) -> None:
    seen: dict[str, Item] = {}
    slugs: dict[str, Item] = {}
    area_ids = {area.id for area in plan.areas}
    for item in plan.walk():
        at = item.path
        if item.ref in seen:
            reader.problem(f"{at}.ref", "duplicate-ref", f'expected a ref unique in the plan, '
                           f'found "{item.ref}" again (first at line {seen[item.ref].line})')
            continue
        seen[item.ref] = item
        if not item.slug:
            reader.problem(f"{at}.ref", "bad-ref", f'expected a ref with letters or digits, '
                           f'found "{item.ref}"')
        elif item.slug in slugs:
            other = slugs[item.slug]
            reader.problem(f"{at}.ref", "ref-collision", f'expected refs that differ as page '
                           f'names, found "{item.ref}" and "{other.ref}" (line {other.line}) '
                           f'both becoming "{item.slug}"')
        slugs.setdefault(item.slug, item)
        for i, area in enumerate(item.areas):
            if area not in area_ids:
                reader.problem(f"{at}.areas[{i}]", "unknown-area", f'expected an area id listed in '
                               f'the plan\'s areas, found "{area}"')
    for item in plan.walk():
        for i, ref in enumerate(item.related):
            if ref not in seen:
                reader.problem(f"{item.path}.related[{i}]", "unknown-ref", f'expected a ref of this '
                               f'plan, found "{ref}"')


def _load_decision(file: Path, problems: list[Problem],
                   languages: Languages | None = None) -> Decision | None:
    read = _read_named(file, problems, DECISION, languages=languages)
    if read is None:
        return None
    doc, _, values = read
    values["sections"] = [Section(**s) for s in values.get("sections", []) if len(s) == 2]
    values["feedback"] = _feedback(values.get("feedback"))
    return Decision(file=str(file), lines=doc.lines, **values)


def _check_links(site: Site, problems: list[Problem]) -> None:
    plans = {plan.id: plan for plan in site.plans}
    decisions = {d.id: d for d in site.decisions}
    for plan in site.plans:
        if plan.id in RESERVED_PLAN_IDS:
            problems.append(Problem(
                plan.file, plan.lines.get("id", 1), "id", "reserved-id",
                f'expected a plan id other than {", ".join(sorted(RESERVED_PLAN_IDS))} (the '
                f'names of the whole site\'s data files), found "{plan.id}"'))
    for kind, things in (("plan", site.plans), ("decision", site.decisions)):
        seen: dict[str, str] = {}
        for thing in things:
            if thing.id in seen:
                problems.append(Problem(thing.file, thing.lines.get("id", 1), "id", f"duplicate-{kind}", f'expected a '
                                        f'unique {kind} id, found "{thing.id}" also in '
                                        f'{seen[thing.id]}'))
            seen.setdefault(thing.id, thing.file)
    for plan in site.plans:
        for i, ref in enumerate(plan.decisions):
            if ref not in decisions:
                at = f"decisions[{i}]"
                problems.append(Problem(plan.file, plan.lines.get(at, 1), at, "unknown-decision",
                                        f'expected a decision id, found "{ref}"'))
    for decision in site.decisions:
        for i, ref in enumerate(decision.approves):
            if ref not in plans:
                at = f"approves[{i}]"
                problems.append(Problem(decision.file, decision.lines.get(at, 1), at,
                                        "unknown-plan", f'expected a plan id, found "{ref}"'))
