"""Stage 1, load: read every YAML file in content/ into plain values with positions.

Line numbers are this stage's job. A sound file is read on the fast path (events.py);
the careful path composes YAML into nodes (libyaml's CSafeLoader when present) and
builds the values itself (positions.py), so that every value and key keeps the line
and column where the writer typed it, duplicate keys are caught (PyYAML silently keeps
the last), aliases are refused (no "billion laughs"), and plain scalars that YAML 1.1
reads as non-text (`no`, `on`, `1:20`) are remembered for a better error. Both paths
give the same values and the same problems: the fast one gives up on any file with one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, Loc, Result, located
from generator.stages.discover import (
    SINGLE_FILES,
    Stamp,
    discover,
    display,
    resolving,
    stamp,
)
from generator.stages.events import values
from generator.stages.hints import syntax_hint
from generator.stages.positions import Builder, Position, Positions, Unreadable
from generator.stages.safety import (
    DEEP,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    invisible,
    yaml_limits,
)

__all__ = ["SINGLE_FILES", "Document", "Loaded", "Stamp", "Unreadable", "display", "load",
           "load_file", "stamp"]

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Document:
    """One content file: its kind, id, values, and where each value was written."""

    path: str
    kind: str
    id: str
    data: Any
    text: str
    stamp: Stamp = (-1, -1)
    """The file's stamp just before it was read."""
    where: Positions | None = field(default=None, repr=False, compare=False)
    """Positions, worked out when first asked for if the fast path read the file."""
    broken: set[Loc] = field(default_factory=set)
    """Where a value could not be read (its error is already reported): validate says
    nothing more about it, and the checks skip it."""
    salvaged: bool = False
    """Set by validate when the model was made of the file's valid parts only."""

    @property
    def positions(self) -> dict[Loc, Position]:
        return self.located().values

    @property
    def key_positions(self) -> dict[Loc, Position]:
        return self.located().keys

    @property
    def plain_scalars(self) -> dict[Loc, str]:
        return self.located().plain_scalars

    def located(self) -> Positions:
        """The positions, worked out from the text the first time they are needed."""
        if self.where is None:
            node = compose(self.text, self.path)   # the fast path read it: it composes
            self.where = Positions()
            if node is not None:
                Builder(self.path, self.text, self.where, []).build(node, ())
        return self.where

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """The position of `loc`, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while True:
            if key and loc in self.key_positions:
                return self.key_positions[loc]
            if loc in self.positions:
                return self.positions[loc]
            if not loc:
                return Position(1, 1)
            loc = loc[:-1]

    def error(self, loc: Loc, message: str, hint: str = "", *, key: bool = False,
              severity: str = "error") -> ContentError:
        pos = self.position(loc, key=key)
        return located(self.path, pos.line, pos.column, message, hint,
                       severity=severity, text=self.text)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Loaded:
    """Everything read from content/, in a stable order."""

    documents: list[Document]
    unreadable: frozenset[tuple[str, str]] = frozenset()
    """(kind, id) of the files that exist but could not be read: not missing, so a
    reference to one is not reported as dangling."""


def load(content_dir: Path, display_root: Path | None = None,
         read_file: Callable[[Path, str, Path | None], Result[Document | None]] | None = None
         ) -> Result[Loaded]:
    """Read every content file: the documents of those that read, the problems of all.

    `read_file` (serve's memory) stands in for reading each file afresh."""
    documents: list[Document] = []
    unreadable = set()
    with resolving():                           # each folder's real path worked out once
        found = discover(content_dir, display_root)
        problems = list(found.problems)
        for path, kind in found.value:
            result = (read_file or load_file)(path, kind, display_root)
            problems += result.problems
            if result.value is None:
                unreadable.add((kind, path.stem))
            else:
                documents.append(result.value)
    return Result(Loaded(documents, frozenset(unreadable)), tuple(problems))


def load_file(path: Path, kind: str, root: Path | None = None) -> Result[Document | None]:
    """One YAML file as a Document (a value that could not be read is None, and its
    error is reported), or None and the errors that stopped the reading."""
    try:
        document, errors = read_document(path, kind, root)
        return Result(document, tuple(errors))
    except Unreadable as exc:
        return Result(None, tuple(exc.args[0]))


def read_document(path: Path, kind: str, root: Path | None
                  ) -> tuple[Document, list[ContentError]]:
    """Read one file and the problems of its values; a problem that stops the reading
    (the file, its encoding, its YAML syntax) is raised, located.

    The fast path (stages/events.py) reads a sound file without positions; a file it
    gives up on, or that holds an invisible character, is read carefully, with the
    position of every value, and its problems reported where they are.
    """
    where = display(path, root)
    stamped = stamp(path)                  # before reading: a later edit moves it again
    text = decode(read(path, where), where)
    hidden = invisible(text)
    data = None if hidden else values(text, MAX_DEPTH, MAX_NODES)
    if data is not None:
        return Document(where, kind, path.stem, data, text, stamped), []
    node = compose(text, where)
    if node is None:
        raise Unreadable([located(where, 1, 1, "file is empty",
                                  "write the fields this file needs; "
                                  "`explainer new` makes a skeleton")])
    doc = Document(where, kind, path.stem, None, text, stamped, Positions())
    errors = [located(where, line, column, f"invisible character {what}: it can make the "
                      "text display differently from what it says",
                      "delete it: it sits where the ^ points, though most editors do not "
                      "show it", text=text)
              for line, column, what in hidden]
    doc.data = Builder(where, text, doc.located(), errors, doc.broken).build(node, ())
    return doc, errors


def read(path: Path, where: str) -> bytes:
    """The file's bytes, never more than MAX_BYTES of them held in memory. As many are
    asked for as the file holds (asking for MAX_BYTES made a 1 MB buffer per file, a
    tenth of load's time in the kernel), and the rest if it grew meanwhile."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(min(size, MAX_BYTES) + 1)
            if size < len(raw) <= MAX_BYTES:
                raw += handle.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        raise Unreadable([located(where, 1, 1, f"file could not be read "
                                  f"({exc.strerror or exc})",
                                  "check that the file exists and you may read it")]) from None
    if len(raw) > MAX_BYTES:
        raise Unreadable([located(where, 1, 1, f"file is larger than "
                                  f"{MAX_BYTES // 1_000_000} MB",
                                  "content files are small; split it or remove data")])
    return raw


def decode(raw: bytes, where: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise Unreadable([located(
            where, line, column, f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8 in your editor")]) from None
    return text.removeprefix("\ufeff")


def compose(text: str, where: str) -> yaml.Node | None:
    """The node tree of the text, once `guard` has made sure composing it is cheap."""
    try:
        guard(text, where)
        return yaml.compose(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise Unreadable([located(where, line, column, f"YAML could not be read: "
                                  f"{exc.reason} (U+{exc.character:04X})",
                                  "remove the invisible character", text=text)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = "YAML syntax error: " + (exc.problem or exc.context or "invalid YAML")
        hint = "check the indentation and quoting on this line or the one above"
        lines = text.splitlines()
        if "maximum nesting depth" in problem:
            problem, hint = DEEP
        elif exc.context == "expected a single document in the stream":
            problem = "YAML syntax error: a second document ('---') in the same file"
            hint = "one file holds one document; remove the '---' line and what follows"
        elif explained := cause(exc, lines):
            (line, column), (problem, hint) = explained
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            problem, hint = "YAML syntax error: tab character in YAML", \
                "indent with spaces, not tabs"
        raise Unreadable([located(where, line, column, problem,
                                  hint, text=text)]) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise Unreadable([located(where, 1, 1, f"YAML could not be read: {exc}",
                                  "simplify the file")]) from None


def cause(exc: yaml.MarkedYAMLError, lines: list[str]
          ) -> tuple[tuple[int, int], tuple[str, str]] | None:
    """The position and a writer's explanation of a common syntax error, if it is one.
    An unfinished line is reported where it starts (YAML notices only on the next)."""
    mark = exc.context_mark if exc.context == "while scanning a simple key" else \
        exc.problem_mark
    if mark is None or not 0 <= mark.line < len(lines):
        return None
    line = lines[mark.line]
    explained = syntax_hint(exc.problem or "", line, lines[mark.line - 1] if mark.line
                            else "")
    return ((mark.line + 1, mark.column + 1), explained) if explained else None


def guard(text: str, where: str) -> None:
    """Refuse, where it occurs, what would make composing the text costly (safety.py)."""
    problem = yaml_limits(text, Loader)
    if problem:
        line, column, message, hint = problem
        raise Unreadable([located(where, line, column, message, hint, text=text)])
