"""Writing files so that nothing is ever left half-written, with modes a web server can read.

Every write goes to a temporary file beside the target, which is then renamed over it: a
crash or an error leaves either the old file or the new one, never a mixture. A file written
again keeps its mode; a new file gets the mode the umask gives (``0o666 & ~umask``: 644 under
the usual 022), as a file any program creates does, never a private temporary file's 600.

A site is built into a staging folder beside it (:func:`staging_folder`), which gets the mode
a new folder gets (755 under 022, as ``mkdocs build`` gives), and is swapped in whole
(:func:`swap_in`). A build that is killed leaves its staging folder behind, or, between the
two renames of :func:`swap_in`, the old site. Both are named after the process that made them
(``.site-build-<pid>-<random>``, ``.site-old-<pid>-<random>``), and the next build beside the
same folder removes them (:func:`remove_leftovers`) once that process has ended. A build also
holds a lock on its staging folder while it runs, so a build that cannot see its process (one
in another container sharing the folder) leaves the folder alone too.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
from pathlib import Path

try:
    import fcntl

    LOCKS = True
except ImportError:  # not a POSIX system: leftovers are then never removed
    LOCKS = False

_HELD: dict[Path, int] = {}
"""The staging folders this process builds in, each with the descriptor holding its lock."""


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; an existing file keeps
    its mode, a new one gets the umask's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_of(path)
    handle, temporary = _new_file_beside(path)
    try:
        with os.fdopen(handle, "wb") as file:
            if mode is not None:
                os.fchmod(file.fileno(), mode)
            file.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int | None:
    """The permission bits of ``path``, or None when there is no such file."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return None


def _new_file_beside(path: Path) -> tuple[int, Path]:
    """A new empty file beside ``path``, open for writing, made as ``open()`` makes a file (the
    system applies the umask, or the folder's default ACL)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        try:
            return os.open(temporary, flags | getattr(os, "O_BINARY", 0), 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path.parent))


def staging_folder(out: Path) -> Path:
    """A new empty folder beside ``out`` to build into before :func:`swap_in`, locked while
    this process builds in it; the leftovers of killed builds of ``out`` are removed first."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    while True:
        folder = out.with_name(f".{out.name}-build-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            os.mkdir(folder, 0o777)  # less the umask, as any new folder
        except FileExistsError:
            continue
        _hold(folder)
        return folder


def copy_into(site: Path, staging: Path) -> None:
    """Put a built site's files into a staging folder, keeping file times and modes but not
    the site folder's own mode: the staging folder keeps the mode it was made with.

    Each file is a hard link to the site's where the file system allows (no bytes copied),
    else a copy. A build into the staging folder must therefore never write a linked file in
    place, which would change the site being served too: it removes every file it may write
    first (:meth:`generator.mkdocs.stamps.Rebuild.stamp_pages`)."""
    mode = stat.S_IMODE(staging.stat().st_mode)
    shutil.copytree(site, staging, dirs_exist_ok=True, symlinks=True, copy_function=_link)
    os.chmod(staging, mode)


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


def swap_in(staging: Path, out: Path) -> None:
    """Put a fully written ``staging`` folder in place of ``out``, then drop the old one."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}-{secrets.token_hex(4)}")
        out.rename(old)
    staging.rename(out)
    _release(staging)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)  # the site is in place; a later build retries


def discard(staging: Path) -> None:
    """Remove a staging folder whose build failed."""
    shutil.rmtree(staging, ignore_errors=True)
    _release(staging)


def remove_leftovers(out: Path) -> None:
    """Remove the staging folders and old sites of ``out`` that killed builds left beside it.

    Only folders of this user named as :func:`staging_folder` and :func:`swap_in` name them
    are touched, and only once the process named is gone and no build holds the folder's
    lock (a folder of a build still starting, before its lock, has a live process)."""
    for folder in _leftovers(out):
        shutil.rmtree(folder, ignore_errors=True)  # another build may be removing it too


def _leftovers(out: Path) -> list[Path]:
    if not LOCKS:  # not POSIX; there os.kill(pid, 0) would even end the process
        return []
    name = re.escape(out.name)
    ours = re.compile(rf"\.{name}-(?:build-(\d+)-[0-9a-f]{{8}}|old-(\d+)(?:-[0-9a-f]{{8}})?)")
    try:
        with os.scandir(out.parent) as entries:
            named = [(entry, ours.fullmatch(entry.name)) for entry in entries]
    except OSError:  # a folder this user may write in but not list: nothing is removed
        return []
    return sorted(Path(entry.path) for entry, match in named if match and _own_folder(entry)
                  and _abandoned(Path(entry.path), int(match[1] or match[2])))


def _own_folder(entry: os.DirEntry[str]) -> bool:
    """A real folder (not a link to one) of this user."""
    try:
        return entry.is_dir(follow_symlinks=False) and entry.stat(
            follow_symlinks=False).st_uid == os.getuid()
    except OSError:
        return False


def _abandoned(folder: Path, pid: int) -> bool:
    return not _alive(pid) and not _locked(folder)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` is running (or may be: when in doubt, it is)."""
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, the process is only looked up
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # PermissionError: it runs, as another user
        return True
    return True


def _locked(folder: Path) -> bool:
    """Whether a running build holds the lock of ``folder``."""
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:  # no locks on this file system: the process ID alone tells
        return False
    finally:
        os.close(handle)  # and with it the lock just taken
    return False


def _hold(folder: Path) -> None:
    """Lock ``folder`` until :func:`swap_in` or :func:`discard` (or the process ends)."""
    if not LOCKS:
        return
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # the process ID alone protects it
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # no locks on this file system: the process ID alone protects it
        pass
    _HELD[folder] = handle


def _release(folder: Path) -> None:
    handle = _HELD.pop(folder, None)
    if handle is not None:
        os.close(handle)
