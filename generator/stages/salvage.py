"""What can still be checked in a file that does not validate: its valid parts.

Part of the validate stage. pydantic refuses a whole model for one bad value; a writer
would then learn about the file's other problems (a dangling id, a misquote) one round
at a time. `salvage` builds the model from what is valid instead, for the checks only
(a file with errors is never rendered): a list item with an error is left out, an
optional field with an error takes its default, a required field its placeholder (None, or
an empty list), and a nested model or an item of fields is salvaged in its turn. The checks that
read a placeholder skip it, so nothing is reported twice or made up.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

MISSING = object()


def salvage(model: type[BaseModel], data: Any) -> BaseModel | None:
    """The model made of the valid parts of `data`, or None when `data` is not even a
    set of fields."""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        value = valid(info, data[name]) if name in data else MISSING
        if value is not MISSING:
            values[name] = value
        elif info.is_required():
            values[name] = placeholder(info.annotation)
    return model.model_construct(**values)


def valid(info: FieldInfo, value: Any) -> Any:
    """The value as the field validates it, its valid part, or MISSING."""
    try:
        return adapter(info).validate_python(value)
    except ValidationError:
        pass
    inner = model_in(info.annotation)
    if inner is not None and isinstance(value, dict):
        return salvage(inner, value)
    item = list_item(info.annotation)
    if item is not None and isinstance(value, list):
        return [v for v in (valid_item(item, element) for element in value)
                if v is not MISSING]
    return MISSING


def valid_item(annotation: Any, value: Any) -> Any:
    """A list item as it validates, a salvaged item of fields, or MISSING."""
    try:
        return item_adapter(annotation).validate_python(value)
    except ValidationError:
        inner = model_in(annotation)
        return salvage(inner, value) if inner is not None and isinstance(value, dict) \
            else MISSING


@cache
def adapter(info: FieldInfo) -> TypeAdapter[Any]:
    annotated: Any = typing.Annotated[info.annotation, info]   # the field's own checks
    return TypeAdapter(annotated)


@cache
def item_adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (directly or as `Model | None`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None


def list_item(annotation: Any) -> Any:
    """The item type of a `list[...]` field, if it is one."""
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None


def placeholder(annotation: Any) -> Any:
    """What a required field holds when its value is invalid or missing: an empty list,
    a model salvaged from nothing, or None (which the checks skip)."""
    if list_item(annotation) is not None:
        return []
    inner = model_in(annotation)
    return salvage(inner, {}) if inner is not None else None


def absent(*values: object) -> bool:
    """Whether any of the values is a placeholder of `salvage` (an invalid value, which
    its own error reports): the checks that read it skip it."""
    return None in values           # None is never equal to a value that is not None
