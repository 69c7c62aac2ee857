"""The draft article as YAML: a view of what was found, formatted by one template.

Values the report settles are written as values (credits, quotations, speakers,
attributions, dates); everything else is left empty with a `# to do` comment. Words of
the report other than quotations appear only in comments, a few at a time, to point at
the place they come from (`# ¶7: "…a U.S. official and a source familiar with the
decision said…"`).
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
import yaml

from generator.authoring.scaffold import TEMPLATES, yaml_text

from .text import visible

COMMENT_LIMIT = 160


@dataclass(frozen=True)
class EntryView:
    ref: str
    name: str
    pointer: str
    note: str = ""


@dataclass(frozen=True)
class ProposedPlace:
    """A name the report gives that no file matches and the gazetteer knows."""

    id: str
    """The id `explainer new place` would give it."""
    name: str
    where: str
    """The paragraphs naming it: `¶3, ¶7`."""


@dataclass(frozen=True)
class QuoteView:
    speaker: str | None
    text: str
    venue: str | None
    pointer: str
    how: str
    check: bool


@dataclass(frozen=True)
class FactView:
    attribution: str
    status: str
    why: str
    pointer: str
    refers_to: str | None
    actors: tuple[str, ...]
    weapons: tuple[str, ...]
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventView:
    date: str | None
    words: str
    why: str
    pointer: str
    actors: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    scheduled: bool = False
    """It comes after the report's date: still to come when the report was written."""


@dataclass(frozen=True)
class SourceView:
    outlet: str | None
    published: str | None
    published_why: str
    bylines: tuple[str, ...]
    additional: tuple[str, ...]
    editors: tuple[str, ...]
    dateline: str | None
    capitals: bool
    text: str


@dataclass(frozen=True)
class ArticleView:
    modeline: str
    report: str
    source: SourceView
    key_facts: list[FactView] = field(default_factory=list)
    actors: list[EntryView] = field(default_factory=list)
    weapons: list[EntryView] = field(default_factory=list)
    places: list[EntryView] | None = None
    """None where content/ has no places (the kind does not exist)."""
    proposed_places: list[ProposedPlace] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    timeline: list[EventView] = field(default_factory=list)


def render(view: ArticleView) -> str:
    env = environment()
    fields: dict[str, Any] = {name: getattr(view, name) for name in view.__dataclass_fields__}
    text = env.get_template("draft_article.yaml.j2").render(**fields)
    return re.sub(r"[ \t]+\n", "\n", text)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(comment=comment, yaml_text=scalar, yaml_list=flow_list,
                       yaml_block=block)
    return env


def comment(text: str) -> str:
    """Text on one comment line: no line breaks or invisible characters, not too long."""
    one = " ".join(visible(str(text)).split())
    return one if len(one) <= COMMENT_LIMIT else one[:COMMENT_LIMIT].rsplit(" ", 1)[0] + "…"


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`."""
    if value == visible(value) and value == value.strip():
        return yaml_text(value)
    return double_quoted(value)


def double_quoted(value: str) -> str:
    return yaml.safe_dump(value, default_style='"', allow_unicode=True,
                          width=10**9).splitlines()[0]


def flow_list(values: tuple[str, ...] | list[str]) -> str:
    """`[Mike Stone, Humeyra Pamuk]`, quoting any item that would not read back."""
    items = [v if re.fullmatch(r"[A-Za-z][\w.'\u2019 -]*[\w.]", v) and ": " not in v
             else json.dumps(v, ensure_ascii=False) if v == visible(v) else double_quoted(v)
             for v in values]
    return "[" + ", ".join(items) + "]"


def block(value: str, indent: int) -> str:
    """A long text as a folded block (`>-`), lines of at most 88 characters; a text a
    folded block cannot hold exactly is written in double quotes instead."""
    foldable = (value == visible(value) and value == value.strip() and "  " not in value
                and "\t" not in value and len(value) > 60)
    if not foldable:
        return scalar(value)
    lines = textwrap.wrap(value, width=88 - indent, break_long_words=False,
                          break_on_hyphens=False)
    pad = " " * indent
    return ">-\n" + "\n".join(pad + line for line in lines)
