"""The fast path of load: a file's values built from its YAML events in one pass.

Most content files are fine, and for them nothing needs a line number. `values()` walks
libyaml's events once, building the values as it goes and keeping no positions; it
gives up (returns None) on anything the careful path in load.py reports: a syntax
error, an alias, a tag, a duplicate, merge or complex key, deep nesting, too many
values, an empty file or a second document, a scalar that cannot be read. Load then
takes the careful path for that file, which says exactly what and where. Positions of
files that loaded fast are worked out only if a later stage asks for one.
"""

from __future__ import annotations

from typing import Any

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STR = "tag:yaml.org,2002:str"
_READER = yaml.SafeLoader("")      # PyYAML's own resolver and constructors, for scalars
SCALARS = {f"tag:yaml.org,2002:{name}": _READER.yaml_constructors[f"tag:yaml.org,2002:{name}"]
           for name in ("bool", "int", "float", "null", "timestamp")}
_KEY = object()                    # the mapping on top of the stack waits for a key


class GiveUp(Exception):
    """The file needs the careful path."""


def values(text: str, max_depth: int, max_events: int) -> Any | None:
    """The file's values, or None if the careful path must read it."""
    try:
        return _Build(max_depth).run(yaml.parse(text, Loader=Loader), max_events)
    except (GiveUp, yaml.YAMLError, ValueError, OverflowError, RecursionError):
        return None


class _Build:
    """A stack of the collections being filled, and for mappings the key in waiting."""

    def __init__(self, max_depth: int):
        self.max_depth = max_depth
        self.stack: list[list[Any] | dict[Any, Any]] = []
        self.keys: list[Any] = []
        self.documents = 0
        self.done: list[Any] = []

    def run(self, events: Any, max_events: int) -> Any:
        for count, event in enumerate(events, 1):
            if count > max_events:
                raise GiveUp
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.start(event, {} if kind is yaml.MappingStartEvent else [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.stack.pop()
                self.keys.pop()
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
            elif kind is yaml.AliasEvent or self.documents > 1:
                raise GiveUp
        if self.documents != 1 or len(self.done) != 1:
            raise GiveUp                    # empty, or more than one document
        return self.done[0]

    def start(self, event: Any, collection: list[Any] | dict[Any, Any]) -> None:
        if event.tag is not None or len(self.stack) >= self.max_depth:
            raise GiveUp
        self.add(collection)
        self.stack.append(collection)
        self.keys.append(_KEY)

    def scalar(self, event: Any) -> None:
        if event.tag is not None:
            raise GiveUp
        if self.stack and self.keys[-1] is _KEY and isinstance(self.stack[-1], dict):
            key = event.value               # keys stay as typed, as in the careful path
            if key == "<<" or key in self.stack[-1]:
                raise GiveUp
            self.keys[-1] = key
            return
        tag = _READER.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, event.value, event.implicit)
        if tag == STR:
            self.add(event.value)
        elif tag in SCALARS:
            self.add(SCALARS[tag](_READER, yaml.ScalarNode(tag, event.value)))
        else:
            raise GiveUp                    # `=` or `<<` as a value

    def add(self, value: Any) -> None:
        if not self.stack:
            self.done.append(value)
            return
        top = self.stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif self.keys[-1] is _KEY:
            raise GiveUp                    # a collection as a key
        else:
            top[self.keys[-1]] = value
            self.keys[-1] = _KEY
