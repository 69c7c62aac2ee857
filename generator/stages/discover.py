"""Which files are content: every visible plain file under content/, each in its place.

Part of the load stage. Names are checked before anything is read: ids are lowercase
words joined by hyphens, not reserved, not differing only by case from another file;
links and devices are refused (a link could read any file on the machine).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ContentError, Result, located
from generator.kinds import BY_FOLDER, where_files_go
from generator.kinds import SINGLE_FILES as SINGLES
from generator.stages.models import SLUG
from generator.stages.safety import reserved_id, shorten

ID_PATTERN = re.compile(SLUG)
SINGLE_FILES = {f"{name}.yaml": name for name in SINGLES}
Stamp = tuple[int, int]
"""A file's modification time (ns) and size: it changes whenever the file does."""


def stamp(path: Path) -> Stamp:
    """The file's stamp, or (-1, -1) when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


_REAL: list[dict[Path, Path]] = []
"""While `resolving()` is on: each folder's real path, worked out once."""


@contextmanager
def resolving() -> Iterator[None]:
    """Within it, `display` resolves each folder once: a load asks it for every file,
    and resolving the root and the file's folder again each time cost 0.06 CPU s at
    1,000 articles. Folders resolved are forgotten when it ends."""
    _REAL.append({})
    try:
        yield
    finally:
        _REAL.pop()


def real(folder: Path) -> Path:
    """The folder with every link followed (once per folder inside `resolving()`)."""
    if not _REAL:
        return folder.resolve()
    known = _REAL[-1]
    if folder not in known:
        known[folder] = folder.resolve()
    return known[folder]


def display(path: Path, root: Path | None) -> str:
    """The path as the writer knows it: relative to the project root, links not followed."""
    root = real(root or Path.cwd())
    path = real(path.parent) / path.name
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(content_dir: Path, root: Path | None) -> Result[list[tuple[Path, str]]]:
    """The content files and their kinds; misplaced or misnamed files are errors."""
    if not content_dir.is_dir():
        return Result([], (located(display(content_dir, root), 1, 1,
                                   "content folder not found",
                                   "run explainer from the project root"),))
    errors: list[ContentError] = []
    found: list[tuple[Parts, str, str]] = []
    ids: dict[tuple[str, str], str] = {}
    for rel, path in walk(content_dir, errors, root):
        problem = place_problem(rel, ids)
        if problem:
            errors.append(located(display(Path(path), root), 1, 1, *problem))
        elif split_name(rel[-1])[1] == ".yaml":
            found.append((rel, path, SINGLE_FILES[rel[0]] if len(rel) == 1
                          else BY_FOLDER[rel[0]].name))
    found.sort()                                # by path, as pathlib orders paths
    return Result([(Path(path), kind) for _, path, kind in found], tuple(errors))


Parts = tuple[str, ...]
"""A file's path under content/, folder by folder: ("articles", "x.yaml")."""


def walk(content_dir: Path, errors: list[ContentError], root: Path | None
         ) -> list[tuple[Parts, str]]:
    """Every visible regular file under content_dir (its parts under it, and its path),
    sorted; links are not followed. Folders are read as os.walk reads them (top down,
    sub-folders in name order), and what each entry is comes from the folder listing,
    without a system call per file. Paths stay strings: pathlib objects for 3,400 files
    cost more than reading the folders."""
    files: list[tuple[Parts, str]] = []
    refused: list[str] = []
    pending: list[tuple[Parts, str]] = [((), os.fspath(content_dir))]
    while pending:
        parts, folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = [e for e in listing if not e.name.startswith(".")]
        except OSError as exc:
            errors.append(located(display(Path(exc.filename or folder), root), 1, 1,
                                  f"folder could not be read ({exc.strerror or exc})"))
            continue
        inner = sorted(e.name for e in entries if e.is_dir() and not e.is_symlink())
        pending += [((*parts, name), os.path.join(folder, name)) for name in reversed(inner)]
        for entry in entries:
            if entry.is_dir():                  # a folder, or a link to one: not a file
                continue
            if entry.is_file() and not entry.is_symlink():
                files.append(((*parts, entry.name), entry.path))
            elif split_name(entry.name)[1].lower() in (".yaml", ".yml"):
                refused.append(entry.path)
    errors += [located(display(Path(path), root), 1, 1, "content files must be plain "
                       "files, not links or devices", "replace it with the file itself")
               for path in refused]
    # lowercase names first, so a name differing only by case is the one refused
    return sorted(files, key=lambda file: (file[0][-1] != file[0][-1].lower(), file[0]))


def split_name(name: str) -> tuple[str, str]:
    """A file name's stem and suffix, as pathlib's `stem` and `suffix` give them."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def place_problem(rel: Parts, ids: dict[tuple[str, str], str]) -> tuple[str, str] | None:
    """Why a file's name or place is refused (message, hint), or None if it is fine."""
    name = rel[-1]
    stem, written = split_name(name)
    suffix = written.lower()
    if suffix == ".yml" or (suffix == ".yaml" and written != ".yaml"):
        return (f"content files end in .yaml, not {written}",
                f"rename it to {stem}.yaml")
    if suffix != ".yaml" or (len(rel) == 1 and name in SINGLE_FILES):
        return None
    if len(rel) != 2 or rel[0] not in BY_FOLDER:
        return ("this file is not in a known place", f"put {where_files_go()}")
    folded = (rel[0], stem.lower())
    if folded in ids:
        return (f"'{name}' differs only by case from '{ids[folded]}'",
                "keep one file per id; ids are lowercase")
    ids[folded] = name
    if not ID_PATTERN.match(stem):
        return (f"'{shorten(stem)}' is not a valid id for a file name",
                "use lowercase letters, digits and single hyphens, like 'joe-biden.yaml'")
    if reserved_id(stem) or stem in BY_FOLDER:
        return (f"'{stem}' is a reserved name",
                "generated pages or Windows use this name; choose another id")
    return None
