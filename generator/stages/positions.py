"""The careful path of load: values built from YAML nodes, with the line and column of
each value and key, every problem of a file reported where it is. A value that cannot
be read is left empty and its place marked broken; the rest of the file still reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import yaml

from generator.errors import MAX_ERRORS_PER_FILE, ContentError, Loc, located
from generator.stages.safety import shorten

STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class Positions:
    """Where each value and key of a document was written, and plain scalars that YAML
    did not read as text (for a better error)."""

    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)
    plain_scalars: dict[Loc, str] = field(default_factory=dict)


class Unreadable(Exception):
    """Why a file could not be read (its errors); `load_file` returns them."""


class Builder:
    """Builds Python values from YAML nodes, recording positions as it goes."""

    def __init__(self, path: str, text: str, where: Positions, errors: list[ContentError],
                 broken: set[Loc] | None = None):
        self.path = path
        self.text = text
        self.where = where
        self.errors = errors
        self.broken = set() if broken is None else broken
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str, hint: str, loc: Loc | None = None
             ) -> None:
        """Report a value that cannot be read at `loc` (which then stays empty)."""
        if loc is not None:
            self.broken.add(loc)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.errors.append(located(self.path, line, column, message, hint,
                                   text=self.text))
        if len(self.errors) >= MAX_ERRORS_PER_FILE:  # a hostile file must not flood the report
            self.errors.append(located(self.path, line, column,
                                       f"more than {MAX_ERRORS_PER_FILE} problems; the rest "
                                       "of this file was not read", "fix the ones listed first"))
            raise Unreadable(self.errors)

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.where.values[loc] = Position(node.start_mark.line + 1,
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
            self.where.keys[loc + (key,)] = Position(
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
            self.where.plain_scalars[loc] = node.value
        return value
