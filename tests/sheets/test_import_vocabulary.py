"""A new council's sheets as they are: its own status wording, admin-defined Decidim statuses,
rows without a ref or with a ref used twice, and dates as councils type them (issue 12).

The fixtures are of our own: rag-charter.csv is another council's charter in the bundled
charter's column layout, with RAG-with-tail statuses, a council word ("Delayed"), a row
without a ref, a repeated ref, and due dates typed as councils type them;
decidim-admin-statuses.csv is a Decidim export whose statuses its admins defined.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from generator import load_site
from generator.content.model import Plan

from ..conftest import FIXTURES, build_site
from .test_import import content, files, plantrack, relative  # noqa: F401

RAG = FIXTURES / "import" / "rag-charter.csv"
DECIDIM = FIXTURES / "import" / "decidim-admin-statuses.csv"
STATUSES = ("not-started, in-progress, on-track, at-risk, off-track, complete, cancelled")
EXPECTED = (f"expected one of {STATUSES} (or Green, Amber, Red, G, A, R, Green - <any text>, "
            "Amber - <any text>, Red - <any text>, Completed, Canceled)")


def view(plan: Plan) -> list[tuple[str, str | None, str | None, str | None, date | None]]:
    return [(i.ref, i.status, i.wording, i.source_ref, i.due.deadline if i.due else None)
            for i in plan.walk() if i.kind != "section"]


def test_a_charter_with_its_own_words_and_refs_is_refused_with_the_flags_to_add(
        content: Path) -> None:
    result = plantrack("import", relative(RAG), "--plan", "town-charter", "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{relative(RAG)}\n"
        '  row 6: Ref: expected a ref, found none (its Action is "Share the forward plan of '
        'decisions"); give --fix-refs to number it after the row above [missing-ref]\n'
        '  row 7: Ref: expected a ref unique in the plan, found "1.02" again (first at row 5); '
        "give --fix-refs to rename it [duplicate-ref]\n"
        f'  row 9: RAG Status: {EXPECTED}; found "Delayed"; to import it, add --status '
        f'"Delayed=MEANING", MEANING one of {STATUSES} [unknown-status]\n'
        "3 errors; nothing written\n")
    assert files(content / "plans") == {}


def test_with_the_mapping_and_fix_refs_the_charter_imports_and_says_what_it_did(
        content: Path) -> None:
    result = plantrack("import", relative(RAG), "--plan", "town-charter", "--status",
                       "Delayed=at-risk", "--fix-refs", "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {content}/plans/town-charter.yml: 6 items (8 with sections) from "
        f"{relative(RAG)}\n"
        "  charter layout; cells separated by commas\n"
        '  title "Example Town Council charter: progress at March 2024" from the row above the '
        "header\n"
        "  refs given by --fix-refs (the source's kept as source_ref): row 6 \"\" as 1.03, row 7 "
        '"1.02" as 1.02-2\n'
        '  status "Delayed" published as at-risk (row 9)\n'
        "  the council's wording of these is not kept: give --save-statuses to keep it, saved "
        "in the plan's statuses\n")
    plan = load_site(content).plans[0]
    assert view(plan) == [
        ("1.01", "on-track", "Green - on track", None, date(2023, 9, 30)),
        ("1.02", "at-risk", "Amber - some slippage", None, date(2024, 3, 31)),
        ("1.03", "at-risk", "Amber - at risk of delay", "", date(2024, 6, 30)),
        ("1.02-2", "off-track", "Red - off track", "1.02", date(2025, 3, 31)),
        ("2.01", "at-risk", "at-risk", None, None),
        ("2.02", "complete", "Complete", None, None),
    ]
    notes = {i.ref: i.text["editorial_note"] for i in plan.walk() if "editorial_note" in i.text}
    assert notes == {
        "1.03": "The source gives this row no ref; it comes straight after 1.02, so we "
                "numbered it 1.03.",
        "1.02-2": 'The source gives this row the ref "1.02", as it gives row 5; we show it as '
                  "1.02-2 so that each item has a page of its own.",
    }
    assert [i.due.text for i in plan.walk() if i.due][-2:] == ["TBC", "Ongoing"]


def test_saved_statuses_keep_the_councils_word_and_the_next_import_needs_no_flags(
        content: Path) -> None:
    first = plantrack("import", relative(RAG), "--plan", "town-charter", "--status",
                      "Delayed=at-risk", "--save-statuses", "--fix-refs", "--content", content)
    assert first.returncode == 0, first.stderr
    assert '  status "Delayed" kept, saved in the plan\'s statuses as at-risk (row 9)\n' in (
        first.stdout)
    written = content / "plans" / "town-charter.yml"
    assert yaml.safe_load(written.read_text())["statuses"] == [
        {"wording": "Delayed", "means": "at-risk"}]
    plan = load_site(content).plans[0]
    item = next(i for i in plan.walk() if i.ref == "2.01")
    assert (item.status, item.wording) == ("at-risk", "Delayed")
    again = plantrack("import", relative(RAG), "--plan", "town-charter", "--fix-refs",
                      "--force", "--content", content)
    assert (again.returncode, again.stderr) == (0, "")
    assert "plan fields kept from" in again.stdout and "statuses" in again.stdout
    assert view(load_site(content).plans[0]) == view(plan)
    assert yaml.safe_load(written.read_text())["statuses"] == [
        {"wording": "Delayed", "means": "at-risk"}]


def test_a_wording_in_site_yml_is_known_to_the_import(content: Path) -> None:
    site = content / "site.yml"
    site.write_text(site.read_text() + 'statuses:\n  - {wording: "Delayed", means: at-risk}\n')
    result = plantrack("import", relative(RAG), "--plan", "town-charter", "--fix-refs",
                       "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    item = next(i for i in load_site(content).plans[0].walk() if i.ref == "2.01")
    assert (item.status, item.wording) == ("at-risk", "Delayed")


def test_decidim_admin_statuses_are_listed_with_the_flag_for_name_or_key(
        content: Path) -> None:
    result = plantrack("import", relative(DECIDIM), "--plan", "crossings", "--content",
                       content)
    assert (result.returncode, result.stdout) == (1, "")
    how = f"MEANING one of {STATUSES} [unknown-status]"
    assert result.stderr == (
        f"{relative(DECIDIM)}\n"
        f'  row 3: status/name/en: {EXPECTED}; found "Delayed (under 3 months)" (key '
        '"delayed"); to import it, add --status "Delayed (under 3 months)=MEANING" (or by its '
        f'key, --status "delayed=MEANING"), {how}\n'
        f'  row 4: status/name/en: {EXPECTED}; found "Paused" (key "on_hold"); to import it, '
        f'add --status "Paused=MEANING" (or by its key, --status "on_hold=MEANING"), {how}\n'
        f'  row 5: status/name/en: {EXPECTED}; found "Won\'t be met" (key "wont_be_met"); to '
        "import it, add --status \"Won't be met=MEANING\" (or by its key, --status "
        f'"wont_be_met=MEANING"), {how}\n'
        "3 errors; nothing written\n")


def test_decidim_statuses_map_by_key_or_name(content: Path) -> None:
    result = plantrack("import", relative(DECIDIM), "--plan", "crossings", "--status",
                       "delayed=at-risk", "--status", "Paused=not-started", "--status",
                       "Won't be met=off-track", "--status", "Stalled=off-track",
                       "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[4:] == [
        '  status "In execution" / "in_execution" published as in-progress (row 2)',
        '  status "Delayed (under 3 months)" / "delayed" published as at-risk (row 3)',
        '  status "Paused" / "on_hold" published as not-started (row 4)',
        '  status "Won\'t be met" / "wont_be_met" published as off-track (row 5)',
        "  the council's wording of these is not kept: give --save-statuses to keep it, "
        "saved in the plan's statuses",
        '  --status "Stalled=off-track" matches no row',
    ]
    plan = load_site(content).plans[0]
    assert [(i.ref, i.status) for i in plan.walk()] == [
        ("21", "in-progress"), ("22", "at-risk"), ("23", "not-started"), ("24", "off-track")]


def test_a_mapping_that_is_not_word_equals_meaning_is_refused(content: Path) -> None:
    result = plantrack("import", relative(DECIDIM), "--plan", "crossings", "--status",
                       "Delayed", "--status", "Paused=amber", "--confidence", "Low=red-ish",
                       "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        '--status: expected WORD=MEANING, such as "Delayed=at-risk"; found "Delayed"\n'
        f'--status: expected a meaning after = (one of {STATUSES}); found "amber" in '
        '"Paused=amber"\n'
        '--confidence: expected a meaning after = (one of green, amber, red); found "red-ish" '
        'in "Low=red-ish"\n')


def test_a_confidence_column_is_read_with_its_own_flag(content: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "two-axes.csv"
    sheet.write_text("Ref,Action,Due Date,Stage,Confidence\n"
                     "1,Open the hub,Q3 2024/25,In progress,Amber - at risk\n"
                     "2,Close the depot,2024-25,Not started,Shaky\n", encoding="utf-8")
    common = ("import", sheet, "--plan", "hub", "--format", "charter", "--map", "Stage=status",
              "--map", "Confidence=confidence", "--content", content)
    refused = plantrack(*common)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[1] == (
        '  row 3: Confidence: expected one of green, amber, red (or G, A, R, Green - <any '
        'text>, Amber - <any text>, Red - <any text>); found "Shaky"; to import it, add '
        '--confidence "Shaky=MEANING", MEANING one of green, amber, red [unknown-confidence]')
    result = plantrack(*common, "--confidence", "Shaky=red", "--save-statuses")
    assert (result.returncode, result.stderr) == (0, "")
    plan = load_site(content).plans[0]
    judged = [(i.ref, i.status, i.current_confidence and i.current_confidence.level,
               i.due.deadline if i.due else None) for i in plan.walk()]
    assert judged == [("1", "in-progress", "amber", date(2024, 12, 31)),
                      ("2", "not-started", "red", date(2025, 3, 31))]


def test_a_site_of_both_imports_builds_strict(content: Path, tmp_path: Path) -> None:
    for args in ((relative(RAG), "--plan", "town-charter", "--status", "Delayed=at-risk",
                  "--save-statuses", "--fix-refs"),
                 (relative(DECIDIM), "--plan", "crossings", "--status", "delayed=at-risk",
                  "--status", "Paused=not-started", "--status", "wont_be_met=off-track",
                  "--save-statuses")):
        result = plantrack("import", *args, "--content", content)
        assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    build_site(tmp_path, content, site)
    page = (site / "plans" / "town-charter" / "2-01" / "index.html").read_text()
    assert "Delayed" in page and "At risk" in page
    assert (site / "plans" / "town-charter" / "1-02-2" / "index.html").is_file()
    lido = (site / "plans" / "crossings" / "24" / "index.html").read_text()
    assert "Won&#x27;t be met" in lido


def test_a_plan_with_its_own_statuses_exports_and_reimports_the_same(content: Path,
                                                                       tmp_path: Path) -> None:
    imported = plantrack("import", relative(RAG), "--plan", "town-charter", "--status",
                         "Delayed=at-risk", "--save-statuses", "--fix-refs", "--content", content)
    assert imported.returncode == 0, imported.stderr
    book = tmp_path / "town.xlsx"
    exported = plantrack("export", "--content", content, "--plan", "town-charter", "--format",
                         "xlsx", "--out", book)
    assert exported.returncode == 0, exported.stderr
    again = tmp_path / "again"
    (again / "plans").mkdir(parents=True)
    (again / "site.yml").write_text((content / "site.yml").read_text())
    result = plantrack("import", book, "--plan", "town-charter", "--content", again)
    assert (result.returncode, result.stderr) == (0, "")
    assert (again / "plans" / "town-charter.yml").read_text() == (
        content / "plans" / "town-charter.yml").read_text()
