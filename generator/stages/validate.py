"""Stage 2, validate: turn loaded documents into typed models, every error located.

pydantic reports every problem at once with a location path; we map each path back
to the line the loader recorded and phrase the message for a writer.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import MAX_ERRORS_PER_FILE, ContentError, Loc, Result
from generator.kinds import KINDS, MODELS
from generator.stages.hints import allowed_values, closest, place_name
from generator.stages.load import Document, Loaded
from generator.stages.models import (
    LANGUAGE,
    SLUG,
    URL,
    Actor,
    Article,
    Glossary,
    Place,
    Site,
    Weapon,
)
from generator.stages.safety import shorten
from generator.stages.salvage import salvage

TRAP_HINTS = {
    dt.date: "YAML reads it as a date",
    dt.datetime: "YAML reads it as a date and time",
    bool: "YAML reads it as yes/no (true/false)",
    int: "YAML reads it as a number",
    float: "YAML reads it as a number",
}


@dataclass(frozen=True)
class Content:
    """All content that is valid, typed. `of` holds each kind's files by id, sorted by id."""

    settings: Site | None
    """content/site.yaml's model; None when it is missing or invalid."""
    glossary: Glossary
    of: dict[str, dict[str, Any]]
    paths: dict[tuple[str, str], Document]
    """Every document that was read, valid or not, by (kind, id)."""
    invalid: frozenset[tuple[str, str]] = frozenset()
    """(kind, id) of the content files that exist but have no model here (they could not
    be read, or are invalid): a reference to one is not dangling, its own errors say
    what is wrong."""

    @property
    def articles(self) -> dict[str, Article]:
        return self.of["article"]

    @property
    def actors(self) -> dict[str, Actor]:
        return self.of["actor"]

    @property
    def weapons(self) -> dict[str, Weapon]:
        return self.of["weapon"]

    @property
    def places(self) -> dict[str, Place]:
        return self.of["place"]

    def document(self, kind: str, id_: str) -> Document:
        return self.paths[(kind, id_)]

    def title(self, kind: str, id_: str) -> str:
        """What pages call one file: an article's headline, an actor's name."""
        return str(getattr(self.of[kind][id_], KINDS[kind].title))

    @property
    def site(self) -> Site:
        """The site's settings, which rendering needs. Content whose site.yaml is missing
        or invalid has errors, and content with errors is never rendered."""
        if self.settings is None:
            raise ValueError("nothing is rendered without a valid content/site.yaml")
        return self.settings

    def exists(self, kind: str, id_: str) -> bool:
        """Whether a content file of this kind and id exists, valid or not."""
        return (kind, id_) in self.paths or (kind, id_) in self.invalid


ModelOf = Callable[[Document], Result[BaseModel | None]]


def validate(loaded: Loaded, model_of: ModelOf | None = None) -> Result[Content]:
    """Every valid document as its model, and every problem of the others.

    `model_of` (serve's memory) stands in for validating each document afresh."""
    errors: list[ContentError] = []
    models: dict[tuple[str, str], Any] = {}
    for doc in loaded.documents:
        result = (model_of or validate_document)(doc)
        errors += result.problems
        if result.value is not None:
            models[(doc.kind, doc.id)] = result.value
    if not any(d.kind == "site" for d in loaded.documents) and \
            ("site", "site") not in loaded.unreadable:
        errors.append(ContentError("content/site.yaml", 1, 1, "content/site.yaml is missing",
                                   "create it with title, description, url, language "
                                   "and publisher"))
    return Result(assemble(loaded, models), tuple(errors))


def assemble(loaded: Loaded, models: dict[tuple[str, str], Any]) -> Content:
    def of(kind: str) -> dict[str, Any]:
        return dict(sorted((i, m) for (k, i), m in models.items() if k == kind))

    return Content(
        settings=models.get(("site", "site")) if not any(
            d.salvaged for d in loaded.documents if d.kind == "site") else None,
        glossary=models.get(("glossary", "glossary"), Glossary()),
        of={kind: of(kind) for kind in KINDS},
        paths={(d.kind, d.id): d for d in loaded.documents},
        invalid=frozenset({(d.kind, d.id) for d in loaded.documents
                           if (d.kind, d.id) not in models or d.salvaged}
                          | loaded.unreadable),
    )


def validate_document(doc: Document) -> Result[BaseModel | None]:
    """The document's model with every problem pydantic found, located. When it does
    not validate, the model is made of its valid parts (`salvage`), for the checks that
    do not depend on the rest; None when it is not even a set of fields. In a draft, a
    field left empty is a to-do, not an error."""
    model = MODELS[doc.kind]
    try:
        return Result(model.model_validate(doc.data))
    except ValidationError as exc:
        errors = [e for e in exc.errors() if not broken(doc, tuple(e["loc"]))]
        misspelt = {(tuple(e["loc"][:-1]), suggestion(model, e["loc"])) for e in errors
                    if e["type"] == "extra_forbidden"}
        draft = isinstance(doc.data, dict) and doc.data.get("draft") is True
        shown = [to_do(problem) if draft and blank(err) else problem
                 for err in errors[:MAX_ERRORS_PER_FILE]
                 if not (err["type"] == "missing" and (
                     tuple(err["loc"][:-1]), err["loc"][-1]) in misspelt)
                 for problem in [describe(doc, model, err)]]
        if len(errors) > MAX_ERRORS_PER_FILE:  # a hostile file must not flood the report
            shown.append(doc.error((), f"{len(errors) - MAX_ERRORS_PER_FILE:,} more "
                                   "problems in this file are not shown",
                                   "fix the ones listed, then check again"))
        doc.salvaged = True
        return Result(salvage(model, doc.data), tuple(shown))


def broken(doc: Document, loc: Loc) -> bool:
    """Whether the loader already reported the value at `loc` (or one around it)."""
    return any(loc[:n] in doc.broken for n in range(len(loc) + 1))


def blank(err: Any) -> bool:
    """A required value that is missing or left empty (as in a fresh skeleton)."""
    return err["type"] == "missing" or err["input"] is None or (
        err["type"] in ("too_short", "string_too_short") and not err["input"])


def to_do(problem: ContentError) -> ContentError:
    return replace(problem, severity="todo")


def suggestion(model: type[BaseModel], loc: Loc) -> str | None:
    """The allowed field name closest to the unknown one at loc, if any is close."""
    close = difflib.get_close_matches(str(loc[-1]), fields_at(model, loc[:-1]), n=1)
    return close[0] if close else None


def describe(doc: Document, model: type[BaseModel], err: Any) -> ContentError:
    """Phrase one pydantic error for a writer, at the line it points to."""
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    name = place_name(loc, doc.data)
    message = err["msg"].removeprefix("Value error, ")
    within = f"{place_name(loc[:-1], doc.data)}, " if loc[:-1] else ""
    if kind == "missing":
        return doc.error(loc[:-1], f"{within}missing field '{loc[-1]}'",
                         f"add `{loc[-1]}:` here")
    if kind == "extra_forbidden":
        close = suggestion(model, loc)
        hint = (f"did you mean '{close}'?" if close else
                f"allowed fields here: {', '.join(fields_at(model, loc[:-1]))}")
        return doc.error(loc, f"{within}unknown field '{loc[-1]}'", hint, key=True)
    if err["input"] is None or (kind in ("too_short", "string_too_short")
                                and not err["input"]):
        return empty(doc, loc, name, err)
    raw = doc.plain_scalars.get(loc)
    if raw is not None and kind in ("string_type", "literal_error", "string_pattern_mismatch"):
        reading = TRAP_HINTS.get(type(err["input"]), "YAML reads it as something else")
        return doc.error(loc, f"{name}: {raw} is not read as text ({reading})",
                         f'put it in quotes: "{raw}"')
    if kind == "literal_error":
        return closed_set(doc, loc, name, err)
    if kind in DATE_ERRORS and isinstance(err["input"], str):
        return doc.error(loc, f"{name}: {err['input']} is not a date",
                         "write the date as YYYY-MM-DD, e.g. 2024-11-17")
    if kind == "model_type" or kind == "dict_type":
        return doc.error(loc, f"{name}: expected a set of fields (name: value)",
                         "indent the fields under this key")
    if kind == "list_type":
        return doc.error(loc, f"{name}: expected a list", "write each item on its own "
                         "line starting with '- '")
    if kind == "string_pattern_mismatch" and err["ctx"]["pattern"] in PATTERNS:
        what, hint = PATTERNS[err["ctx"]["pattern"]]
        return doc.error(loc, f"{name}: '{err['input']}' is not {what}", hint)
    return doc.error(loc, f"{name}: {message}", HINTS.get(kind, ""))


def closed_set(doc: Document, loc: Loc, name: str, err: Any
               ) -> ContentError:
    """A value outside a closed set (status, kind, unit…), with the one meant."""
    allowed = allowed_values(err["ctx"]["expected"])
    meant = closest(err["input"], allowed)
    one_of = ", ".join(allowed)
    return doc.error(loc, f"{name}: {shorten(str(err['input']))!r} is not allowed here",
                     f"did you mean '{meant}'? (one of: {one_of})" if meant else
                     f"write one of: {one_of}")


def empty(doc: Document, loc: Loc, name: str, err: Any) -> ContentError:
    """A required value left blank, as in a fresh `explainer new` skeleton."""
    expected = err.get("ctx", {}).get("expected")
    if expected:
        hint = f"write one of: {expected.replace(' or ', ', ').replace(chr(39), '')}"
    elif err["type"] == "too_short" and err["ctx"].get("min_length", 1) > 1:
        hint = (f"add at least {err['ctx']['min_length']} items, each on its own line "
                "starting with '- '")
    elif err["type"] in ("list_type", "too_short"):
        hint = "add at least one item, like [First Item]"
    elif loc and isinstance(loc[-1], int):
        hint = "write the item, or remove the empty one"
    else:
        hint = "write it after the colon, or on the indented lines below"
    return doc.error(loc, f"{name} is empty", hint, key=True)


PATTERNS = {  # what a pattern means, and how to write a value that matches it
    SLUG: ("a valid id", "ids are lowercase words joined by hyphens, like joe-biden"),
    URL: ("a web address", "write the full address, starting with https://"),
    LANGUAGE: ("a language code", "write a code like en or en-GB"),
}
DATE_ERRORS = {"date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"}
HINTS = {
    "string_type": "write text here",
    "too_short": "fill this in or remove it",
    "string_too_long": "shorten it",
    "too_long": "keep only the most important ones",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2024-11-17",
    "date_parsing": "write the date as YYYY-MM-DD, e.g. 2024-11-17",
    "date_type": "write the date as YYYY-MM-DD, e.g. 2024-11-17",
    "value_error": "",
}


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed at a location inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return sorted(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
