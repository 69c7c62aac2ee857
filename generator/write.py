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

from .errors import ContentError, ContentErrors
from .render import Page

MANIFEST = ".explainer-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: list[str]
    unchanged: int
    removed: list[str]


def write(pages: list[Page], out_dir: Path) -> WriteReport:
    """Write pages under out_dir; raise ContentErrors before writing anything unsafe."""
    previous = read_manifest(out_dir)
    check_paths(pages, out_dir, previous)
    written: list[str] = []
    for page in pages:
        target = out_dir / page.path
        data = page.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        atomic_write(target, data)
        written.append(page.path)
    current = {p.path for p in pages}
    removed = sorted(previous - current)
    for rel in removed:
        (out_dir / rel).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / rel).parent, out_dir)
    if current != previous:
        atomic_write(out_dir / MANIFEST,
                     (json.dumps(sorted(current), indent=0) + "\n").encode())
    return WriteReport(written, len(pages) - len(written), removed)


def check_paths(pages: list[Page], out_dir: Path, previous: set[str]) -> None:
    errors = []
    seen: dict[str, str] = {}
    for page in pages:
        rel = PurePosixPath(page.path)
        folded = page.path.lower()
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            errors.append(f"refusing to write outside {out_dir}: {page.path}")
        elif folded in seen:
            errors.append(f"two pages would be written to {page.path} "
                          f"(and {seen[folded]})")
        elif (out_dir / rel).exists() and page.path not in previous and \
                (out_dir / MANIFEST).exists():
            errors.append(f"{out_dir / rel} is hand-written; the generator will not "
                          "overwrite it (rename the hand-written page)")
        seen[folded] = page.path
    if errors:
        raise ContentErrors([ContentError(str(out_dir), 1, 1, e) for e in errors])


def read_manifest(out_dir: Path) -> set[str]:
    try:
        return set(json.loads((out_dir / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError):
        return set()


def atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
