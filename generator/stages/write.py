"""Stage 5, write: put the pages into docs/, safely; docs/ holds nothing else.

The writer refuses paths outside the output folder and the same path twice; it writes
only files whose content changed, and removes every other file it finds there: docs/ is
entirely generated (hand-written pages come from content/pages/).
"""

from __future__ import annotations

import os
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
    pages are removed last.
    """
    check_paths(pages, out_dir)
    current = {p.path for p in pages}
    changed = [p for p in pages if not same(out_dir / p.path, p.data)]
    prepared: list[tuple[Path, Path]] = []
    folders: set[Path] = set()                  # made already: not asked again per page
    try:
        for page in changed:                     # 1. everything written aside
            target = out_dir / page.path
            prepared.append((prepare(target, page.data, folders), target))
        for tmp, target in prepared:             # 2. renames only
            os.replace(tmp, target)
    finally:
        for tmp, _ in prepared:
            tmp.unlink(missing_ok=True)
    removed = [rel for rel in present(out_dir) if rel not in current]
    for rel in removed:                          # 3. files that are not pages
        (out_dir / rel).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / rel).parent, out_dir)
    return WriteReport([p.path for p in changed], len(pages) - len(changed), removed)


def present(out_dir: Path) -> list[str]:
    """Every file (and link) under out_dir, docs-relative, sorted; links not followed."""
    found: list[str] = []
    for folder, dirs, names in os.walk(out_dir):
        links = [d for d in dirs if Path(folder, d).is_symlink()]
        dirs[:] = [d for d in dirs if d not in links]
        found += [Path(folder, n).relative_to(out_dir).as_posix() for n in names + links]
    return sorted(found)


def same(target: Path, data: bytes) -> bool:
    try:
        return target.is_file() and target.stat().st_size == len(data) and \
            target.read_bytes() == data
    except OSError:
        return False


def check_paths(pages: list[Page], out_dir: Path) -> None:
    errors = []
    seen: dict[str, str] = {}
    folders: dict[Path, bool] = {}              # each folder resolved once, not per page
    for page in pages:
        rel = PurePosixPath(page.path)
        folded = page.path.lower()
        if rel.parts and (out_dir / rel).parent not in folders:
            folders[(out_dir / rel).parent] = inside(out_dir / rel, out_dir)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts or \
                not folders[(out_dir / rel).parent]:
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


def prepare(target: Path, data: bytes, folders: set[Path] | None = None) -> Path:
    """The data, complete on disk, in a temporary file beside target (same folder, made
    if it is not among `folders`, the ones this run made already)."""
    if folders is None or target.parent not in folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        if folders is not None:
            folders.add(target.parent)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with memoryview(data) as rest:           # the bytes straight to the file
            while rest:
                rest = rest[os.write(fd, rest):]
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return Path(tmp)


def prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
