"""Stage 5, write: put the pages into docs/, safely; docs/ holds nothing else.

The writer refuses paths outside the output folder and the same path twice; it writes
only files whose content changed, and removes every other file it finds there: docs/ is
entirely generated (hand-written pages come from content/pages/).
"""

from __future__ import annotations

import itertools
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ContentError, ContentErrors
from generator.render.pages import Page


@dataclass(frozen=True)
class WriteReport:
    written: list[str]
    unchanged: int
    removed: list[str]


def write(pages: list[Page], out_dir: Path) -> WriteReport:
    """Write pages under out_dir; raise ContentErrors before writing anything unsafe.

    Every changed page is first written in full to a temporary file beside its target;
    only then are they renamed into place, one atomic rename each. Files that are not
    pages are removed last. Each page's bytes are made once, and let go once written
    aside; an unchanged file costs one open and one read.
    """
    check_paths(pages, out_dir)
    out = os.fspath(out_dir)
    changed: list[str] = []
    prepared: list[tuple[str, str]] = []
    folders: set[str] = set()                   # made already: not asked again per page
    renamed = 0
    try:
        for page in pages:                       # 1. every changed page written aside
            data, target = page.data, os.path.join(out, page.path)  # its bytes made once
            if not same(target, data):
                prepared.append((prepare(target, data, folders), target))
                changed.append(page.path)
        for tmp, target in prepared:             # 2. renames only
            os.replace(tmp, target)
            renamed += 1
    finally:
        for tmp, _ in prepared[renamed:]:        # what was not renamed into place
            Path(tmp).unlink(missing_ok=True)
    current = {page.path for page in pages}
    removed = [rel for rel in present(out_dir) if rel not in current]
    for rel in removed:                          # 3. files that are not pages
        (out_dir / rel).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / rel).parent, out_dir)
    return WriteReport(changed, len(pages) - len(changed), removed)


def present(out_dir: Path) -> list[str]:
    """Every file (and link) under out_dir, docs-relative, sorted; links not followed."""
    found: list[str] = []
    out = os.fspath(out_dir)
    for folder, dirs, names in os.walk(out):
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        dirs[:] = [d for d in dirs if d not in links]
        inner = folder[len(out) + 1:].replace(os.sep, "/")   # os.walk joins onto out
        found += [f"{inner}/{n}" if inner else n for n in names + links]
    return sorted(found)


def same(target: str, data: bytes) -> bool:
    """Whether target is a regular file holding exactly `data`: one open, one read (a
    pipe or device is opened without waiting, and is not the same)."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        return stat.S_ISREG(info.st_mode) and info.st_size == len(data) and \
            os.read(fd, len(data) + 1) == data
    except OSError:
        return False
    finally:
        os.close(fd)


def check_paths(pages: list[Page], out_dir: Path) -> None:
    errors = []
    seen: dict[str, str] = {}
    folders: dict[str, bool] = {}               # each folder resolved once, not per page
    for page in pages:
        rel = PurePosixPath(page.path)
        folded = page.path.lower()
        folder = page.path.rpartition("/")[0]
        if rel.parts and folder not in folders:
            folders[folder] = inside(out_dir / rel, out_dir)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts or \
                not folders[folder]:
            errors.append(f"refusing to write outside {out_dir}: {page.path}")
        elif folded in seen:
            errors.append(f"two pages would be written to {page.path} "
                          f"(and {seen[folded]})")
        seen[folded] = page.path
    if errors:
        raise ContentErrors([ContentError(str(out_dir), 1, 1, e) for e in errors])


def inside(target: Path, out_dir: Path) -> bool:
    """True if target, with every link in its folders followed, stays in out_dir."""
    return target.parent.resolve().is_relative_to(out_dir.resolve())


_NAMES = itertools.count()


def prepare(target: str | Path, data: bytes, folders: set[str] | None = None) -> str:
    """The data, complete on disk, in a temporary file beside target (same folder, made
    if it is not among `folders`, the ones this run made already). Its name is this
    process's next (a leftover of that name, from a killed run, makes it ask tempfile)."""
    folder = os.path.dirname(target)
    if folders is None or folder not in folders:
        os.makedirs(folder, exist_ok=True)
        if folders is not None:
            folders.add(folder)
    tmp = os.path.join(folder, f".tmp-{os.getpid()}-{next(_NAMES)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with memoryview(data) as rest:           # the bytes straight to the file
            while rest:
                rest = rest[os.write(fd, rest):]
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
