"""`explainer rename actor|weapon OLD NEW`: a new id for a file, everywhere at once.

The content must be free of errors first (so every reference is known). The file is
renamed, every reference to OLD in every content file is rewritten in place (the text
around it, comments included, is left as it was), and OLD joins the file's `moved_from`
list, so the old page's address redirects to the new one. NEW must be a free, valid id.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generator.kinds import KINDS
from generator.pipeline import Project, check
from generator.stages.discover import ID_PATTERN
from generator.stages.load import Document
from generator.stages.resolve import references
from generator.stages.safety import reserved_id, shorten


class RenameError(ValueError):
    """The rename cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Renamed:
    old: Path
    new: Path
    references: int
    files: int


def rename(project: Project, kind: str, old: str, new: str) -> Renamed:
    """Rename content/<folder>/OLD.yaml to NEW.yaml and every reference to it."""
    folder = project.content / KINDS[kind].folder
    source, target = folder / f"{old}.yaml", folder / f"{new}.yaml"
    if not source.is_file():
        raise RenameError(f"there is no {kind} '{shorten(old)}' "
                          f"(content/{KINDS[kind].folder}/{shorten(old)}.yaml)")
    if not ID_PATTERN.match(new) or reserved_id(new):
        raise RenameError(f"'{shorten(new)}' is not a valid id: use lowercase words joined "
                          "by hyphens, like joe-biden, and not a reserved name")
    if target.exists():
        raise RenameError(f"content/{KINDS[kind].folder}/{new}.yaml already exists; "
                          "choose another id, or merge the two files by hand")
    content = check(project).unwrap().resolved.content   # raises ContentErrors: fix them first
    edits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for from_kind, from_id, loc, target_kind, ref in references(content):
        if target_kind == kind and ref == old:
            position = content.document(from_kind, from_id).position(loc)
            edits[content.document(from_kind, from_id).path].append(
                (position.line, position.column))
    texts = {path: replaced(project.root / path, spots, old, new)
             for path, spots in edits.items()}
    mine = content.document(kind, old)
    texts[mine.path] = moved_from(texts.get(mine.path) or mine.text, mine, old, new)
    for path, text in texts.items():
        replace_text(project.root / path, text)
    os.link(source, target)                        # fails rather than overwrite NEW
    source.unlink()
    return Renamed(source, target, sum(map(len, edits.values())), len(edits))


def replaced(path: Path, spots: list[tuple[int, int]], old: str, new: str) -> str:
    """The file's text with the id at each (line, column) changed; a quoted id keeps
    its quotes."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for line, column in sorted(spots, reverse=True):
        text, at = lines[line - 1], column - 1
        at += text[at:at + 1] in "\"'"
        if text[at:at + len(old)] != old:
            raise RenameError(f"{path.name}:{line}:{column}: could not find '{old}' where "
                              "the reference is; rename it by hand")
        lines[line - 1] = text[:at] + new + text[at + len(old):]
    return "".join(lines)


def moved_from(text: str, document: Document, old: str, new: str) -> str:
    """The renamed file's text with OLD in its `moved_from` list (and NEW no longer
    there, when a file gets an id back that it had before)."""
    earlier = list(document.data.get("moved_from") or [])
    ids = [i for i in earlier if i not in (old, new)] + [old]
    line = f"moved_from: [{', '.join(ids)}]\n"
    if not earlier:
        return text.rstrip("\n") + "\n" + line
    lines = text.splitlines(keepends=True)
    first = document.key_positions[("moved_from",)].line
    last = document.positions[("moved_from", len(earlier) - 1)].line
    return "".join(lines[:first - 1] + [line] + lines[last:])


def replace_text(path: Path, text: str) -> None:
    """Write the whole text beside the file, then put it in place in one step."""
    temporary = path.with_name(f".{path.name}.rename")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
