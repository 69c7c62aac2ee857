"""Stage 4, render: turn resolved content into Markdown pages (path -> text).

One Jinja2 environment, built once, with StrictUndefined and HTML autoescaping:
writers' text may use Markdown, but any HTML they type is escaped. Templates live in
generator/templates/pages/ (one per page kind) and partials/ (shared macros).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from generator.checks.units import convert, show
from generator.kinds import KINDS, Kind
from generator.render import listings as lst
from generator.render import meta
from generator.render.charts import range_chart
from generator.stages.models import Range
from generator.stages.resolve import Resolved
from generator.stages.safety import html_text, neutralise_block, neutralise_inline

if TYPE_CHECKING:
    from generator.checks.verify import Verified

TEMPLATES = Path(__file__).parent.parent / "templates"
STATUS_HELP = {
    "confirmed": "on the record or verified",
    "reported": "reported by the source, from people who asked not to be named",
    "claimed": "said by one side, not independently verified",
    "disputed": "contested by others",
}
KIND_LABELS = {"person": "People", "organization": "Organizations",
               "country": "Countries", "group": "Groups"}


@dataclass(frozen=True)
class Page:
    """One generated file: its path inside docs/ and its text."""

    path: str
    text: str


def render(resolved: Resolved, verified: Verified | None = None,
           cap: int = lst.CAP, only: Callable[[str], bool] | None = None) -> list[Page]:
    """Every generated page, in a stable order; quotes marked verified or not. No page
    lists more than `cap` quotes, events or articles: longer lists are split.

    `only` (serve) is asked about every page's path; pages it declines are left out."""
    c = resolved.content
    env = environment()
    shared = lst.shared(resolved, cap)
    common = {"r": resolved, "c": c, "status_help": STATUS_HELP, "kinds": KINDS,
              "actor_kinds": KIND_LABELS,
              "quote_verified": verified.quote_verified if verified else lambda q: False,
              **listings(resolved), **shared}

    def page(path: str, template: str, **extra: Any) -> Page | None:
        if only is not None and not only(path):
            return None
        root = "../" * path.count("/")
        text = env.get_template(template).render(root=root, **common, **extra)
        return Page(path, text.strip() + "\n")

    pages = [page("index.md", "home.md.j2")]
    pages += [page(kind.page(id_), kind.template, id=id_, **entity(resolved, kind, id_, cap))
              for kind in KINDS.values()
              for id_ in (resolved.article_order if kind.name == "article" else c.of[kind.name])]
    pages += [page(kind.index, kind.index_template) for kind in KINDS.values()]
    pages += [
        page("glossary.md", "glossary.md.j2"),
        page("corrections.md", "corrections.md.j2"),
        page(".snippets/abbreviations.md", "abbreviations.md.j2"),
        page("feed.xml", "feed.xml.j2", base=meta.base_url(c.site),
             updated=max((meta.modified(a) for a in c.articles.values()),
                         default="1970-01-01")),
    ]
    return [p for p in pages + lst.pages(page, resolved, shared, cap) if p is not None]


def entity(resolved: Resolved, kind: Kind, id_: str, cap: int) -> dict[str, Any]:
    """What one article's, actor's or weapon's page template is given besides `id`."""
    c = resolved.content
    model = c.of[kind.name][id_]
    if kind.name == "article":
        return {"a": model, "ld": meta.article_ld(c.site, id_, model),
                "held": banner(resolved.held.get(id_), model)}
    extra = {"x": model, "links": resolved.links[kind.name][id_],
             "lists": lst.backlinks(kind, id_, resolved.links[kind.name][id_], cap)}
    if kind.name == "actor":
        extra["ld"] = meta.actor_ld(c.site, id_, model,
                                    c.actors.get(model.affiliation or ""))
    return extra


@dataclass(frozen=True)
class Banner:
    """What the preview says on a page the published site does not have."""

    title: str
    text: str


def banner(why: str | None, article: Any) -> Banner | None:
    """The Draft or Scheduled banner of a held-back article (serve only)."""
    if why == "draft":
        return Banner("Draft", "Not on the published site: remove draft: true from the "
                      "file to publish it.")
    if why == "scheduled":
        return Banner("Scheduled", "Not on the published site until "
                      f"{day(article.published)}, its published date.")
    return None


def listings(resolved: Resolved) -> dict[str, Any]:
    """Lists shared by several pages, computed once per render."""
    c = resolved.content

    def ranked(links: dict[str, Any], names: dict[str, Any]) -> list[str]:
        order = sorted(links, key=lambda i: (-len(links[i].articles), names[i].name, i))
        return [i for i in order if links[i].articles][:12]

    return {
        "top_actors": ranked(resolved.links["actor"], c.actors),
        "top_weapons": ranked(resolved.links["weapon"], c.weapons),
    }


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([TEMPLATES / "pages", TEMPLATES / "partials"]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(distance=distance, day=day, partial_date=partial_date,
                       inline=inline, cell=cell, block=block, yaml=yaml_value,
                       timestamp=timestamp, modified=meta.modified, sentence=sentence,
                       short_distance=short_distance)
    env.globals.update(range_chart=range_chart)
    return env


def distance(r: Range | None) -> str:
    """'up to 190 miles (306 km)': both units, the written one first, the converted one
    no more precise than the written one ('about 6,000 km (4,000 miles)')."""
    if r is None:
        return "not given"
    other = convert(r.value, r.unit, rough=r.qualifier == "about")
    given, converted = (("miles", "km") if r.unit == "mi" else ("km", "miles"))
    text = f"{show(r.value)} {given} ({show(other)} {converted})"
    return f"{r.qualifier} {text}" if r.qualifier else text


def short_distance(r: Range) -> str:
    """'up to 190 mi (306 km)': for chart labels."""
    return distance(r).replace(" miles", " mi")


def day(value: dt.date) -> str:
    """17 November 2024."""
    return f"{value.day} {value:%B %Y}"


def timestamp(value: dt.date | str) -> str:
    """An RFC 3339 timestamp at midnight UTC, for feeds: 2024-11-18T00:00:00Z."""
    return f"{value}T00:00:00Z"


def partial_date(value: str) -> str:
    """2024 -> 2024, 2024-08 -> August 2024, 2024-11-17 -> 17 November 2024."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B %Y}"
    return day(dt.date(*parts))


def inline(text: str) -> Markup:
    """Escape text and fold it onto one line, for list items and headings."""
    return Markup(neutralise_inline(" ".join(str(escape(text)).split())))


def sentence(text: Markup) -> Markup:
    """Capitalise the first letter of already escaped text ('post on X' -> 'Post on X')."""
    return Markup(str(text)[:1].upper() + str(text)[1:])


def cell(text: str) -> Markup:
    """Escape text for a Markdown table cell: one line, no column breaks."""
    return Markup(str(inline(text)).replace("|", "&#124;"))


def block(text: str, prefix: str = "") -> Markup:
    """Escape multi-line Markdown and prefix every line (for quotes and indents)."""
    lines = neutralise_block(str(escape(text)).strip()).splitlines()
    return Markup("\n".join((prefix + line).rstrip() for line in lines))


def yaml_value(value: Any) -> Markup:
    """A value for the page's front matter: JSON is valid YAML, safely quoted.

    MkDocs and the theme put titles, descriptions and tags into the page without
    escaping them (in <title>, the header, <meta content="...">), so text is
    HTML-escaped here.
    """
    if isinstance(value, str):
        value = html_text(value)
    return Markup(json.dumps(value, ensure_ascii=False).replace("<", "\\u003c"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
