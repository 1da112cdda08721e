"""Synthetic content for the benchmark: N items in the project's own content format.

A council-sized site: a fixed number of plans (ten once there are 1,000 items or more), each of
five sections (as the bundled charter has; the bundled plans have 0 to 9) holding commitments,
actions, objectives and indicators. Every item has a lead, a due date in one of the
wordings councils use ("Aug-22", "March 2024", "2023/24", "Ongoing", ...), a status in the
council's wording or none (not yet reported), zero to three dated updates, sometimes related
items and tags, and about 200 words of text. The words are drawn from the bundled plans, so
the text (and the search index built from it) reads like the real thing; nothing is copied as
a fact. The same seed writes the same files, byte for byte.

    .venv/bin/python bench/synthetic.py OUT --items 1000 [--seed 2024]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.loading import load_site  # noqa: E402

AS_OF = date(2024, 6, 30)
STATUS_WORDINGS = (
    "Green - on track", "Green", "G", "on-track", "Amber", "A", "at-risk", "Red", "R",
    "off-track", "Complete", "Completed", "not-started", "Cancelled",
)
DUE_WORDINGS = (
    "{mon}-{yy}", "{month} {yyyy}", "By {month} {yyyy}", "{yyyy}/{next}", "{yyyy}-{mm}-{dd}",
    "Ongoing", "To be confirmed", "Ongoing from {month} {yyyy}",
)
LEADS = (
    "Head of Policy & Partnerships", "Democratic Services", "Business Operations",
    "Communications & Engagement Team", "Community Boards Manager", "Planning Policy Manager",
    "Senior Policy & Partnerships Officer", "Head of Customer Services", "Corporate Director",
    "Service Director, Highways", "Localism Team", "Head of Finance", "Parish Liaison Officer",
)
KINDS = ("commitment", "action", "objective", "indicator")
TEXT_WORDS = 200
"""Words of text per item, over its description, quality criteria and update notes."""


@dataclass(frozen=True)
class Shape:
    """How N items are laid out: plans, sections per plan, items per section."""

    items: int
    plans: int
    sections: int

    @classmethod
    def for_items(cls, items: int, plans: int | None = None, sections: int = 5) -> Shape:
        plans = plans or max(1, min(10, items // 100))
        sections = max(1, min(sections, items // plans))
        return cls(items, plans, sections)

    def split(self, total: int, parts: int) -> list[int]:
        base, extra = divmod(total, parts)
        return [base + (1 if i < extra else 0) for i in range(parts)]


class Words:
    """Sentences built from the bundled plans' own words, in their own proportions."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = corpus()

    def sentence(self, low: int = 8, high: int = 20) -> str:
        chosen = self.rng.choices(self.words, k=self.rng.randint(low, high))
        return " ".join(chosen).capitalize() + "."

    def text(self, words: int) -> str:
        """About ``words`` words, in sentences."""
        sentences: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence()
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)

    def title(self) -> str:
        return self.sentence(6, 14).rstrip(".")


def corpus(content: Path = ROOT / "content") -> list[str]:
    """The bundled plans' words, lowercased, in file order; words only ever capitalised (names
    of people and places) are left out."""
    site = load_site(content)
    texts: list[str] = []
    for plan in site.plans:
        texts += [plan.title, plan.summary or ""]
        for item in plan.walk():
            texts += [item.title, *item.text.values(), *(u.note for u in item.updates)]
    found = [w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z'-]*[a-z]", text)]
    common = {w for w in found if w.islower()}  # names of people and places never appear so
    words = [w.lower() for w in found if w.lower() in common]
    return words or ["council", "plan", "residents"]


def due_wording(rng: random.Random) -> str:
    day = date(2022, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    wording = rng.choice(DUE_WORDINGS)
    return wording.format(mon=f"{day:%b}", yy=f"{day:%y}", month=f"{day:%B}", yyyy=day.year,
                          next=f"{(day.year + 1) % 100:02d}", mm=f"{day:%m}", dd=f"{day:%d}")


def updates(rng: random.Random, words: Words) -> list[dict[str, str]]:
    found = []
    day = date(2022, 3, 31)
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        day += timedelta(days=rng.randrange(60, 200))
        update = {"date": min(day, AS_OF).isoformat(), "note": words.text(12)}
        if rng.random() < 0.8:
            update["status"] = rng.choice(STATUS_WORDINGS)
        found.append(update)
    return found


def item(rng: random.Random, words: Words, ref: str, refs: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"ref": ref, "kind": rng.choice(KINDS), "title": words.title()}
    news = updates(rng, words)
    spent = 14 * len(news)
    data["description"] = words.text(max(40, TEXT_WORDS - spent - 35))
    data["quality_criteria"] = words.text(30)
    data["lead"] = rng.choice(LEADS)
    if rng.random() < 0.5:
        data["support"] = rng.choice(LEADS)
    data["due"] = due_wording(rng)
    if rng.random() < 0.1:
        data["original_due"] = due_wording(rng)
    if rng.random() < 0.8:
        data["status"] = rng.choice(STATUS_WORDINGS)
    if news:
        data["updates"] = news
    if refs and rng.random() < 0.25:
        data["related"] = rng.sample(refs, k=min(len(refs), rng.randint(1, 2)))
    if rng.random() < 0.3:
        data["tags"] = [f"P{rng.randint(1, 9)}", rng.choice(("Localism", "Customer", "Planning"))]
    return data


def plan(rng: random.Random, words: Words, number: int, sections: list[int]) -> dict[str, Any]:
    reported = AS_OF - timedelta(days=rng.choice((30, 90, 400)))
    items = []
    refs: list[str] = []
    for s, count in enumerate(sections, start=1):
        children = []
        for i in range(1, count + 1):
            ref = f"{s}.{i:02d}"
            children.append(item(rng, words, ref, refs[-40:]))
            refs.append(ref)
        items.append({"ref": f"{s}.00", "kind": "section", "title": words.title(),
                      "items": children})
    return {
        "id": f"plan-{number:02d}", "title": f"Plan {number}: {words.title()}",
        "organisation": "Synthetic County Council", "kind": "Service plan", "status": "adopted",
        "summary": words.text(60), "period": "2022 to 2025", "reported": reported.isoformat(),
        "items": items,
    }


SITE = {
    "title": "Synthetic Plan Tracker",
    "council": "Synthetic County Council",
    "url": "https://plans.example.org/",
    "description": "Synthetic plans for the Plan Tracker benchmark.",
    "as_of": AS_OF.isoformat(),
    "feedback": {"form": "https://forms.example.org/feedback?plan={plan}&ref={ref}&url={url}"},
    "licence": "Open Government Licence v3.0",
}


def write_content(out: Path, items: int, seed: int = 2024, plans: int | None = None,
                  sections: int = 5) -> Shape:
    """Write site.yml and plans/*.yml holding ``items`` items (sections not counted) to ``out``."""
    shape = Shape.for_items(items, plans, sections)
    rng = random.Random(seed)
    words = Words(rng)
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    text = yaml.safe_dump(SITE, sort_keys=False, allow_unicode=True)
    (out / "site.yml").write_text(text, encoding="utf-8")
    for number, count in enumerate(shape.split(items, shape.plans), start=1):
        sections = shape.split(count, min(shape.sections, count))
        data = plan(rng, words, number, sections)
        (out / "plans" / f"plan-{number:02d}.yml").write_text(plan_text(data), encoding="utf-8")
    return shape


def plan_text(data: dict[str, Any]) -> str:
    """A plan file laid out by the project's own YAML writer (as ``plantrack import`` writes
    it, so ``plantrack update`` can edit it in place), or by PyYAML, unwrapped, without it."""
    try:
        from generator.files.planwriter import plan_yaml
    except ImportError:
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)
    return plan_yaml(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the content folder to write (replaced)")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--plans", type=int, default=None)
    parser.add_argument("--sections", type=int, default=5, help="sections per plan")
    args = parser.parse_args(argv)
    shape = write_content(args.out, args.items, args.seed, args.plans, args.sections)
    print(f"wrote {shape.items} items in {shape.plans} plans to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
