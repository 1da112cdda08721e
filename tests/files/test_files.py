"""Atomic writes with the modes a web server can read, and staging folders that leave no litter.

Every test runs under a umask it sets (the ``umask`` fixture), so that what the system gives a
new file is known; commands the tests start inherit it.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from generator.files import atomic
from generator.files.atomic import (
    copy_into,
    discard,
    remove_leftovers,
    staging_folder,
    swap_in,
    write_atomic,
)

from ..commands.test_build_command import dead_pid, plantrack, umask  # noqa: F401 (a fixture)
from ..conftest import FIXTURES, ROOT


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def new_mode(mask: int) -> int:
    return 0o666 & ~mask


# write_atomic


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "new" / "plan.yml"
    write_atomic(target, "id: p\n")
    assert (target.read_text(encoding="utf-8"), mode(target)) == ("id: p\n", new_mode(umask))
    assert os.listdir(target.parent) == ["plan.yml"]


@pytest.mark.parametrize("kept", [0o644, 0o640, 0o600, 0o664])
def test_a_rewritten_file_keeps_its_mode(tmp_path: Path, umask: int, kept: int) -> None:
    target = tmp_path / "plan.yml"
    target.write_bytes(b"old")
    target.chmod(kept)
    write_atomic(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", kept)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.yml"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left on device"):
        write_atomic(target, b"new")
    assert (os.listdir(tmp_path), target.read_bytes()) == (["plan.yml"], b"old")


@pytest.mark.parametrize("umask", [0o077], indirect=True)
def test_plantrack_update_keeps_the_plan_files_mode(tmp_path: Path, umask: int) -> None:
    shutil.copytree(FIXTURES / "update", tmp_path / "content")
    plan = tmp_path / "content/plans/2022-action-plan.yml"
    plan.chmod(0o644)
    result = plantrack("update", "parish-plan", "1.01", "--status", "complete", "--date",
                       "2022-07-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2022-07-01" in plan.read_text(encoding="utf-8")
    assert mode(plan) == 0o644


@pytest.mark.parametrize("umask", [0o022], indirect=True)
def test_plantrack_import_writes_a_plan_file_others_can_read(tmp_path: Path, umask: int) -> None:
    content = tmp_path / "content"
    (content / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "content/site.yml", content / "site.yml")
    result = plantrack("import", str(FIXTURES / "import/charter-corrected.csv"), "--plan",
                       "charter", "--map", "Source ref=source_ref", "--content", str(content),
                       cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert mode(content / "plans/charter.yml") == 0o644


@pytest.mark.parametrize("umask", [0o022], indirect=True)
def test_plantrack_export_writes_a_workbook_others_can_read(tmp_path: Path, umask: int) -> None:
    out = tmp_path / "plans.xlsx"
    result = plantrack("export", "--content", str(FIXTURES / "sample"), "--out", str(out),
                       cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o644


# staging folders


def locked(folder: Path) -> bool:
    """Whether some open descriptor holds the lock of ``folder``."""
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(handle)
    return False


def test_a_staging_folder_is_named_after_its_process_locked_and_readable(
        tmp_path: Path, umask: int) -> None:
    out = tmp_path / "site"
    staging = staging_folder(out)
    try:
        assert re.fullmatch(rf"\.site-build-{os.getpid()}-[0-9a-f]{{8}}", staging.name)
        assert staging.parent == tmp_path and os.listdir(staging) == []
        assert mode(staging) == 0o777 & ~umask
        assert locked(staging)
        (staging / "index.html").write_text("new", encoding="utf-8")
        swap_in(staging, out)
        assert not locked(out)  # the lock ends with the build
    finally:
        discard(staging)
    assert (os.listdir(tmp_path), mode(out)) == (["site"], 0o777 & ~umask)


def test_swap_in_replaces_the_old_site_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "old").mkdir(parents=True)
    staging = staging_folder(out)
    (staging / "index.html").write_text("new", encoding="utf-8")
    swap_in(staging, out)
    assert os.listdir(tmp_path) == ["site"] and os.listdir(out) == ["index.html"]


def test_a_discarded_staging_folder_is_gone_and_unlocked(tmp_path: Path) -> None:
    staging = staging_folder(tmp_path / "site")
    (staging / "page.html").write_text("half", encoding="utf-8")
    discard(staging)
    assert os.listdir(tmp_path) == [] and atomic._HELD == {}


@pytest.mark.parametrize("umask", [0o022], indirect=True)
def test_a_copy_of_the_old_site_keeps_file_times_but_not_its_folder_mode(
        tmp_path: Path, umask: int) -> None:
    site = tmp_path / "site"
    (site / "plans").mkdir(parents=True)
    page = site / "plans/index.html"
    page.write_text("kept", encoding="utf-8")
    os.utime(page, ns=(1_000_000_000, 1_000_000_000))
    site.chmod(0o700)  # as plantrack built it before
    staging = staging_folder(site)
    try:
        copy_into(site, staging)
        copied = staging / "plans/index.html"
        assert (copied.read_text(encoding="utf-8"), copied.stat().st_mtime_ns) == (
            "kept", 1_000_000_000)
        assert (mode(staging), mode(staging / "plans"), mode(copied)) == (0o755, 0o755, 0o644)
    finally:
        discard(staging)


# leftovers of killed builds


def make_folders(parent: Path, *names: str) -> list[Path]:
    folders = [parent / name for name in names]
    for folder in folders:
        (folder / "plans").mkdir(parents=True)
        (folder / "plans/index.html").write_text("half a site", encoding="utf-8")
    return folders


def test_leftovers_of_ended_builds_go_those_of_running_builds_stay(tmp_path: Path) -> None:
    dead, alive = dead_pid(), os.getpid()
    make_folders(tmp_path, f".site-build-{dead}-0123abcd", f".site-old-{dead}",
                 f".site-old-{dead}-0123abcd", f".site-build-{alive}-89abcdef",
                 f".site-old-{alive}-89abcdef", "site")
    remove_leftovers(tmp_path / "site")
    assert sorted(os.listdir(tmp_path)) == [
        f".site-build-{alive}-89abcdef", f".site-old-{alive}-89abcdef", "site"]


def test_a_leftover_locked_by_a_running_build_stays(tmp_path: Path) -> None:
    """As when the build runs in another container, where its process ID means nothing."""
    (folder,) = make_folders(tmp_path, f".site-build-{dead_pid()}-0123abcd")
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        remove_leftovers(tmp_path / "site")
        assert os.listdir(tmp_path) == [folder.name]
    finally:
        os.close(handle)
    remove_leftovers(tmp_path / "site")
    assert os.listdir(tmp_path) == []


def test_nothing_but_our_own_leftover_names_is_ever_removed(tmp_path: Path) -> None:
    dead = dead_pid()
    names = [f".site-{dead}abcd", ".site-abc_12xy",  # made by tempfile before: no process ID
             f".other-build-{dead}-0123abcd", f"site-build-{dead}-0123abcd",
             f".site-build-{dead}-0123abcd-2", f".site-build-{dead}-0123ABCD",
             f".site-build-{dead}", f".site-build-x{dead}-0123abcd", f".site-older-{dead}",
             f".site-old-{dead}-", f".site.build-{dead}-0123abcd", f"..site-build-{dead}-0123abcd"]
    make_folders(tmp_path, *names)
    (tmp_path / f".site-build-{dead}-fedcba98").write_text("a file", encoding="utf-8")
    (target,) = make_folders(tmp_path / "elsewhere", "kept")
    (tmp_path / f".site-old-{dead}-0123abcd").symlink_to(target, target_is_directory=True)
    before = sorted(os.listdir(tmp_path))
    remove_leftovers(tmp_path / "site")
    assert sorted(os.listdir(tmp_path)) == before
    assert (target / "plans/index.html").is_file()


def test_a_new_staging_folder_clears_the_leftovers_first(tmp_path: Path) -> None:
    make_folders(tmp_path, f".site-build-{dead_pid()}-0123abcd")
    staging = staging_folder(tmp_path / "site")
    try:
        assert os.listdir(tmp_path) == [staging.name]
    finally:
        discard(staging)
