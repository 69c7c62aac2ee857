"""The Jinja filters: how dates, distances and writers' text are written on a page.

Filters only format one value; what a page shows is decided in Python (`views`).
The escaping filters (`inline`, `block`, `cell`) live in `escape`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from generator.checks.units import convert, show
from generator.render.escape import block, cell, html_text, inline
from generator.render.mentions import Prose
from generator.stages.models import Range


@lru_cache(maxsize=1 << 10)
def distance(r: Range | None) -> str:
    """'up to 190 miles (306 km)': both units, the written one first, the converted one
    no more precise than the written one ('about 6,000 km (4,000 miles)'); once per
    range (each weapon's is written in every article's table and chart)."""
    if r is None:
        return "not given"
    other = convert(r.value, r.unit, rough=r.qualifier == "about")
    given, converted = (("miles", "km") if r.unit == "mi" else ("km", "miles"))
    text = f"{show(r.value)} {given} ({show(other)} {converted})"
    return f"{r.qualifier} {text}" if r.qualifier else text


def short_distance(r: Range) -> str:
    """'up to 190 mi (306 km)': for chart labels."""
    return distance(r).replace(" miles", " mi")


@lru_cache(maxsize=1 << 12)
def day(value: dt.date) -> str:
    """17 November 2024 (once per date: 28,000 dates are written at 1,000 articles, of a
    few hundred days)."""
    return f"{value.day} {value:%B %Y}"


@lru_cache(maxsize=1 << 12)
def partial_date(value: str) -> str:
    """2024 -> 2024, 2024-08 -> August 2024, 2024-11-17 -> 17 November 2024."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B %Y}"
    return day(dt.date(*parts))


def sentence(text: Markup) -> Markup:
    """Capitalise the first letter of already escaped text ('post on X' -> 'Post on X')."""
    return Markup(str(text)[:1].upper() + str(text)[1:])


def yaml_value(value: Any) -> Markup:
    """A value for the page's front matter: JSON is valid YAML, safely quoted.

    MkDocs and the theme put titles, descriptions and tags into the page without
    escaping them (in <title>, the header, <meta content="...">), so text is
    HTML-escaped here.
    """
    if isinstance(value, str):
        value = html_text(value)
    return Markup(_JSON.encode(value).replace("<", "\\u003c"))


_JSON = json.JSONEncoder(ensure_ascii=False)
"""`json.dumps(value, ensure_ascii=False)` without making an encoder per call (a text:
3.3 -> 0.6 us; 10,600 values at 1,000 articles)."""


def prose(text: Prose, root: str) -> Markup:
    """Escaped text with its linked names, each link reached from this page through root."""
    return text.markdown(root)


FILTERS: dict[str, Callable[..., Any]] = {
    "distance": distance, "short_distance": short_distance, "day": day,
    "partial_date": partial_date, "inline": inline,
    "cell": cell, "block": block, "sentence": sentence, "yaml": yaml_value,
    "prose": prose,
}
