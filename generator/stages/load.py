"""Stage 1, load: read every YAML file in content/ into plain values with positions.

Line numbers are this stage's job. We compose YAML into nodes (libyaml's CSafeLoader
when present) and build the values ourselves, so that every value and every key keeps
the line and column where the writer typed it, duplicate keys are caught (PyYAML
silently keeps the last), aliases are refused (no "billion laughs"), and plain scalars
that YAML 1.1 reads as non-text (`no`, `on`, `1:20`) are remembered for a better error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from generator.errors import MAX_ERRORS_PER_FILE, ContentError, Loc, Result, located
from generator.stages.discover import SINGLE_FILES, Stamp, discover, display, stamp
from generator.stages.hints import syntax_hint
from generator.stages.safety import DEEP, MAX_BYTES, invisible, shorten, yaml_limits

__all__ = ["SINGLE_FILES", "Document", "Loaded", "Stamp", "Unreadable", "display", "load",
           "load_file", "stamp"]

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass(frozen=True)
class Position:
    line: int
    column: int


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
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)
    plain_scalars: dict[Loc, str] = field(default_factory=dict)
    broken: set[Loc] = field(default_factory=set)
    """Where a value could not be read (its error is already reported): validate says
    nothing more about it, and the checks skip it."""
    salvaged: bool = False
    """Set by validate when the model was made of the file's valid parts only."""

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


class Unreadable(Exception):
    """Why a file could not be read (its errors); `load_file` returns them."""


def load(content_dir: Path, display_root: Path | None = None,
         read_file: Callable[[Path, str, Path | None], Result[Document | None]] | None = None
         ) -> Result[Loaded]:
    """Read every content file: the documents of those that read, the problems of all.

    `read_file` (serve's memory) stands in for reading each file afresh."""
    found = discover(content_dir, display_root)
    documents: list[Document] = []
    problems = list(found.problems)
    unreadable = set()
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
    (the file, its encoding, its YAML syntax) is raised, located."""
    where = display(path, root)
    stamped = stamp(path)                  # before reading: a later edit moves it again
    text = decode(read(path, where), where)
    node = compose(text, where)
    if node is None:
        raise Unreadable([located(where, 1, 1, "file is empty",
                                  "write the fields this file needs; "
                                  "`explainer new` makes a skeleton")])
    doc = Document(where, kind, path.stem, None, text, stamped)
    errors = [located(where, line, column, f"invisible character {what}: it can make the "
                      "text display differently from what it says",
                      "delete it: it sits where the ^ points, though most editors do not "
                      "show it", text=text)
              for line, column, what in invisible(text)]
    builder = _Builder(doc, errors)
    doc.data = builder.build(node, ())
    return doc, errors


def read(path: Path, where: str) -> bytes:
    """The file's bytes, never more than MAX_BYTES of them held in memory."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
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


class _Builder:
    """Builds Python values from YAML nodes, recording positions as it goes."""

    def __init__(self, doc: Document, errors: list[ContentError]):
        self.doc = doc
        self.errors = errors
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str, hint: str, loc: Loc | None = None
             ) -> None:
        """Report a value that cannot be read at `loc` (which then stays empty)."""
        if loc is not None:
            self.doc.broken.add(loc)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.errors.append(located(self.doc.path, line, column, message, hint,
                                   text=self.doc.text))
        if len(self.errors) >= MAX_ERRORS_PER_FILE:  # a hostile file must not flood the report
            self.errors.append(located(self.doc.path, line, column,
                                       f"more than {MAX_ERRORS_PER_FILE} problems; the rest "
                                       "of this file was not read", "fix the ones listed first"))
            raise Unreadable(self.errors)

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.positions[loc] = Position(node.start_mark.line + 1,
                                           node.start_mark.column + 1)
        if node.tag not in STANDARD_TAGS:
            self.fail(node, f"YAML tag {node.tag!r} is not allowed",
                      "remove the tag (the part starting with !)", loc)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(cast(yaml.ScalarNode, node), loc)  # the third kind of node

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == \
                    "tag:yaml.org,2002:merge" or key_node.value == "<<":
                self.fail(key_node, "keys must be plain words",
                          "write `name: value`; merge keys and complex keys "
                          "are not supported")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in result:
                self.fail(key_node, f"duplicate key '{key}' (first on line "
                          f"{first_line[key]}, again on line {line})",
                          f"if line {line} starts a new item of the list, begin it with "
                          "'- '; otherwise keep one of them" if loc and
                          isinstance(loc[-1], int) else
                          "keep one of them; YAML would silently drop the first")
                continue
            first_line[key] = line
            self.doc.key_positions[loc + (key,)] = Position(
                line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, loc + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            if node.tag.endswith(":timestamp"):
                self.fail(node, f"{shorten(node.value)} is not a real date ({exc})",
                          "write the date as YYYY-MM-DD, e.g. 2024-11-17", loc)
            else:
                self.fail(node, f"value {shorten(node.value)!r} could not be read "
                          f"({shorten(str(exc), 80)})", "put it in quotes if it is text", loc)
            return None
        if not node.style and not isinstance(value, str):
            self.doc.plain_scalars[loc] = node.value
        return value
