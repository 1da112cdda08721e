"""`plantrack build` over a site it built before: only changed pages are written, and the site
is then byte for byte what a full build writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..commands.test_build_command import (  # noqa: F401 (project: a fixture)
    copy_content,
    page_count,
    plantrack,
    project,
)
from ..conftest import FIXTURES

PLAN = Path("content/plans/village.yml")
EXTRA_ITEM = """\
  - ref: "3"
    kind: action
    title: Plant a hedge by the hall
    due: Mar-23
"""


def build(project: Path, *options: str) -> str:
    result = plantrack("build", *options, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_same_as_a_full_build(project: Path) -> None:
    build(project, "--full", "--out", "full")
    rebuilt, full = files(project / "site"), files(project / "full")
    assert sorted(rebuilt) == sorted(full)
    assert [path for path in full if rebuilt[path] != full[path]] == []


def test_after_one_update_only_the_pages_it_changes_are_written(project: Path) -> None:
    total = page_count(project / "content")
    assert build(project) == f"built {total} pages into site from content (1 plan)\n"
    unrelated = project / "site/plans/village/2/index.html"  # the indicator's page
    written_at = unrelated.stat().st_mtime_ns
    update = plantrack("update", "village", "1.02", "--status", "at risk", "--date",
                       "2022-07-01", "--note", "The hall is booked late.", cwd=project)
    assert update.returncode == 0, update.stderr

    output = build(project)

    written = int(output.split()[1])
    assert output == (f"rebuilt {written} of {total} pages into site from content (1 plan); "
                      f"the other {total - written} had not changed\n")
    assert 0 < written < total
    assert unrelated.stat().st_mtime_ns == written_at  # kept, not written again
    page = (project / "site/plans/village/1-02/index.html").read_text(encoding="utf-8")
    assert "The hall is booked late." in page
    assert_same_as_a_full_build(project)


def test_nothing_changed_nothing_written(project: Path) -> None:
    total = page_count(project / "content")
    build(project)
    assert build(project) == (f"rebuilt 0 of {total} pages into site from content (1 plan); "
                              f"the other {total} had not changed\n")
    assert_same_as_a_full_build(project)


def test_pages_of_removed_items_and_stray_files_are_removed(project: Path) -> None:
    plan = project / PLAN
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original + EXTRA_ITEM, encoding="utf-8")
    build(project)
    assert (project / "site/plans/village/3/index.html").is_file()
    (project / "site/left-over.html").write_text("old", encoding="utf-8")
    plan.write_text(original, encoding="utf-8")

    assert build(project).startswith("rebuilt ")

    assert not (project / "site/plans/village/3").exists()
    assert not (project / "site/left-over.html").exists()
    assert_same_as_a_full_build(project)


def test_a_change_every_page_shows_writes_every_page(project: Path) -> None:
    total = page_count(project / "content")
    build(project)
    plan = project / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "title: Village Action Plan", "title: Village Plan", 1), encoding="utf-8")
    assert build(project) == f"built {total} pages into site from content (1 plan)\n"
    assert_same_as_a_full_build(project)


def test_a_page_written_after_the_search_index_is_written_again(project: Path) -> None:
    """A build stopped half way (pages written, search index not) leaves pages newer than the
    index; they may not match the index, so they are not kept."""
    total = page_count(project / "content")
    build(project)
    page = project / "site/plans/village/1-01/index.html"
    index_time = (project / "site/search/search_index.json").stat().st_mtime
    os.utime(page, (index_time + 60, index_time + 60))

    assert build(project).startswith(f"rebuilt 1 of {total} pages")
    assert_same_as_a_full_build(project)


def test_a_rebuild_never_changes_the_site_being_served(project: Path, tmp_path: Path) -> None:
    """The rebuild starts from hard links to the served site's files: every file it writes
    must be a new one, so the old site stays as it was until the new one replaces it."""
    build(project)
    served = files(project / "site")
    held = tmp_path / "held"  # links to the served files: they outlive the swap
    for path in served:
        (held / path).parent.mkdir(parents=True, exist_ok=True)
        os.link(project / "site" / path, held / path)
    update = plantrack("update", "village", "1.02", "--status", "at risk", "--date",
                       "2022-07-01", "--note", "The hall is booked late.", cwd=project)
    assert update.returncode == 0, update.stderr

    build(project)

    assert [path for path in served if (held / path).read_bytes() != served[path]] == []
    assert (project / "site/plans/village/1-02/index.html").read_text(
        encoding="utf-8").count("The hall is booked late.") >= 1
    assert_same_as_a_full_build(project)


def test_a_rebuild_in_two_languages_never_changes_the_site_being_served(
    project: Path, tmp_path: Path,
) -> None:
    """The Welsh site under cy/ is rebuilt by a build of its own, from links too."""
    shutil.rmtree(project / "content")
    copy_content(FIXTURES / "bilingual", project / "content")
    build(project)
    served = files(project / "site")
    assert any(path.startswith("cy/") for path in served)
    held = tmp_path / "held"
    for path in served:
        (held / path).parent.mkdir(parents=True, exist_ok=True)
        os.link(project / "site" / path, held / path)
    update = plantrack("update", "delivery", "1.2", "--status", "complete", "--date",
                       "2024-10-01", cwd=project)
    assert update.returncode == 0, update.stderr

    build(project)

    assert [path for path in served if (held / path).read_bytes() != served[path]] == []
    assert_same_as_a_full_build(project)
