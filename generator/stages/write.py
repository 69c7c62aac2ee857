"""Stage 5, write: put generated pages into docs/, safely.

The writer refuses paths outside the output folder, the same path twice, and
hand-written files; it writes only files whose content changed and removes generated
files that are no longer generated. A manifest remembers which files are ours.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ContentError, ContentErrors
from generator.render.pages import Page

MANIFEST = ".explainer-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: list[str]
    unchanged: int
    removed: list[str]


def write(pages: list[Page], out_dir: Path) -> WriteReport:
    """Write pages under out_dir; raise ContentErrors before writing anything unsafe.

    Every changed page is first written in full to a temporary file beside its target;
    only then are they renamed into place, one atomic rename each. The manifest is
    widened before and narrowed after, so a run killed half-way never makes one of our
    pages look hand-written.
    """
    previous = read_manifest(out_dir)
    check_paths(pages, out_dir, previous)
    current = {p.path for p in pages}
    changed = [p for p in pages if not same(out_dir / p.path, p.text.encode("utf-8"))]
    prepared: list[tuple[Path, Path]] = []
    try:
        for page in changed:                     # 1. everything written aside
            target = out_dir / page.path
            prepared.append((prepare(target, page.text.encode("utf-8")), target))
        if not current <= previous:              # 2. the manifest names old and new pages
            save_manifest(out_dir, previous | current)
        for tmp, target in prepared:             # 3. renames only
            os.replace(tmp, target)
    finally:
        for tmp, _ in prepared:
            tmp.unlink(missing_ok=True)
    removed = sorted(previous - current)
    for rel in removed:                          # 4. pages no longer generated
        (out_dir / rel).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / rel).parent, out_dir)
    if current != previous:
        save_manifest(out_dir, current)
    return WriteReport([p.path for p in changed], len(pages) - len(changed), removed)


def same(target: Path, data: bytes) -> bool:
    try:
        return target.is_file() and target.stat().st_size == len(data) and \
            target.read_bytes() == data
    except OSError:
        return False


def save_manifest(out_dir: Path, paths: set[str]) -> None:
    atomic_write(out_dir / MANIFEST, (json.dumps(sorted(paths), indent=0) + "\n").encode())


def check_paths(pages: list[Page], out_dir: Path, previous: set[str]) -> None:
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
        elif hand_written(out_dir / rel, page, previous, out_dir):
            errors.append(f"{out_dir / rel} is hand-written; the generator will not "
                          "overwrite it (rename the hand-written page)")
        seen[folded] = page.path
    if errors:
        raise ContentErrors([ContentError(str(out_dir), 1, 1, e) for e in errors])


def inside(target: Path, out_dir: Path) -> bool:
    """True if target, with every link in its folders followed, stays in out_dir."""
    return target.parent.resolve().is_relative_to(out_dir.resolve())


def hand_written(target: Path, page: Page, previous: set[str], out_dir: Path) -> bool:
    """A file we did not write: not in the manifest (or, with no manifest yet, different)."""
    if not target.exists() and not target.is_symlink() or page.path in previous:
        return False
    return (out_dir / MANIFEST).exists() or not same(target, page.text.encode("utf-8"))


def read_manifest(out_dir: Path) -> set[str]:
    try:
        return set(json.loads((out_dir / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError):
        return set()


def atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    tmp = prepare(target, data)
    try:
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def prepare(target: Path, data: bytes) -> Path:
    """The data, complete on disk, in a temporary file beside target (same folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
