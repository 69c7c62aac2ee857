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
_WILDCARD: list[Any] = _READER.yaml_implicit_resolvers.get(None) or []
RESOLVERS = {first: [*found, *_WILDCARD]
             for first, found in _READER.yaml_implicit_resolvers.items() if first is not None}
"""PyYAML's implicit resolvers by a plain scalar's first character, as its `resolve`
looks them up (no path resolvers are registered)."""
_KEY = object()                    # the mapping being filled waits for a key
Scalar, Alias, DocumentStart = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
MappingStart, SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
MappingEnd, SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent


class GiveUp(Exception):
    """The file needs the careful path."""


def values(text: str, max_depth: int, max_events: int) -> Any | None:
    """The file's values, or None if the careful path must read it."""
    loader = Loader(text)
    try:
        return build(loader.get_event, max_depth, max_events)
    except (GiveUp, yaml.YAMLError, ValueError, OverflowError, RecursionError):
        return None
    finally:
        loader.dispose()


def build(next_event: Any, max_depth: int, max_events: int) -> Any:
    """The one document's value, from its events in order: the collection being filled
    (`top`) and its key in waiting, with those of its parents on a stack."""
    stack: list[tuple[Any, Any]] = []
    top: Any = None
    key: Any = _KEY
    done: list[Any] = []
    documents = count = 0
    while (event := next_event()) is not None:
        count += 1
        kind = type(event)
        if count > max_events or kind is Alias:
            raise GiveUp
        if kind is Scalar:
            if event.tag is not None:
                raise GiveUp
            if key is _KEY and type(top) is dict:       # a key, kept as typed
                if event.value == "<<" or event.value in top:
                    raise GiveUp
                key = event.value
                continue
            value = event.value
            if event.implicit[0] and (value[:1] in RESOLVERS or _WILDCARD):  # may be typed
                value = scalar(value)
        elif kind is MappingStart or kind is SequenceStart:
            if event.tag is not None or len(stack) >= max_depth:
                raise GiveUp
            value = {} if kind is MappingStart else []
        elif kind is MappingEnd or kind is SequenceEnd:
            top, key = stack.pop()
            continue
        else:
            documents += kind is DocumentStart
            if documents > 1:
                raise GiveUp
            continue
        if top is None:                     # the document's own value
            done.append(value)
        elif type(top) is list:
            top.append(value)
        elif key is _KEY:
            raise GiveUp                    # a collection as a key
        else:
            top[key] = value
            key = _KEY
        if kind is not Scalar:
            stack.append((top, key))
            top, key = value, _KEY
    if documents != 1 or len(done) != 1:
        raise GiveUp                        # empty, or more than one document
    return done[0]


def scalar(value: str) -> Any:
    """A plain scalar's value as PyYAML's resolver and constructors make it: text unless
    it reads as something else. build() asks only for those that may: plain, and
    starting with a character that has resolvers."""
    for tag, pattern in RESOLVERS.get(value[:1], _WILDCARD):
        if pattern.match(value):
            if tag not in SCALARS:
                raise GiveUp                # `=` or `<<` as a value
            return SCALARS[tag](_READER, yaml.ScalarNode(tag, value))
    return value
