"""Stage 4, render: turn resolved content into Markdown pages (path -> text).

Every page is a template (one per page kind, in generator/templates/pages/, with the
SVG macros in partials/ and the blocks many pages repeat, `m.quote(...)` and the like,
written by `blocks`) filled with a typed view of what the page shows: the view's fields
are the only names its template sees. One Jinja2 environment, built once, with
StrictUndefined and HTML autoescaping: writers' text may use Markdown, but any HTML they
type is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from functools import cache, partial
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.runtime import Context
from markupsafe import Markup

from generator.kinds import KINDS
from generator.render import article, blocks, entities, indexes, meta, sitewide
from generator.render.compiled import bytecode_cache
from generator.render.filters import FILTERS, day
from generator.render.indexes import Pending
from generator.render.listings import CAP, Lists, lists
from generator.render.markup import Html, Links, glossary
from generator.render.mentions import Prose
from generator.render.preview import preview
from generator.render.views import Link, Parts
from generator.stages.resolve import Resolved

if TYPE_CHECKING:
    from generator.checks.verify import Verified

TEMPLATES = Path(__file__).parent.parent / "templates"
ENTITY_PAGES: dict[str, Callable[..., object]] = {
    "article": article.article_page,
    "actor": entities.actor_page,
    "weapon": entities.weapon_page,
    "place": entities.place_page,
}
"""Each kind's page view (given the entity's split backlinks when it has them)."""
INDEX_PAGES: dict[str, Callable[[Parts, Lists, int], object]] = {
    "article": indexes.articles_index,
    "actor": indexes.actors_index,
    "weapon": indexes.weapons_index,
    "place": indexes.places_index,
}
"""Each kind's index page view."""


@dataclass(frozen=True)
class Page:
    """One generated file: its path inside docs/ and its text (or, for an image, its
    bytes)."""

    path: str
    text: str | bytes

    @property
    def data(self) -> bytes:
        return self.text if isinstance(self.text, bytes) else self.text.encode("utf-8")


def render(resolved: Resolved, verified: Verified | None = None,
           cap: int = CAP, only: Callable[[str], bool] | None = None,
           draw: Draw | None = None) -> list[Page]:
    """Every generated page, in a stable order; quotes marked verified or not. No page
    lists more than `cap` quotes, events or articles: longer lists are split.

    `only` (serve) is asked about every page's path; pages it declines are left out
    (and their views are never built). `draw` gives each link-preview image (a
    `Store`'s, to reuse those already in docs/); by default each is drawn."""
    parts, split = Parts(resolved, verified), lists(resolved, cap)
    links = Links()
    html = Html(glossary((t.term, t.definition) for t in parts.content.glossary.terms),
                links)
    planned = list(every_page(parts, split, cap))
    pages = [fill(path, template, view(), html) for path, template, view in planned
             if only is None or only(path)]
    missing = links.missing({path for path, _, _ in planned})
    if missing:
        raise RuntimeError("generated links to pages the build does not make: "
                           + "; ".join(missing))
    return pages + [Page(path, image()) for path, image in previews(parts, draw or drawn)
                    if only is None or only(path)]


Draw = Callable[[str, str, str, str], bytes]
"""(docs path, headline, site name, detail line) -> the PNG."""


def drawn(path: str, headline: str, site: str, line: str) -> bytes:
    return preview(headline, site, line)


def previews(parts: Parts, draw: Draw) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(path, how to draw it) of every article's link-preview image."""
    site = parts.content.site
    for id_ in parts.resolved.article_order:
        article = parts.content.articles[id_]
        path = meta.preview_path(id_)
        yield path, partial(draw, path, article.headline, site.title,
                            f"{article.source.dateline} · {day(article.published)}")


def every_page(parts: Parts, split: Lists, cap: int) -> Iterator[Pending]:
    """(path, template, view) of every page, the view still to be built."""
    yield "index.md", "home.md.j2", partial(sitewide.home_page, parts)
    for kind in KINDS.values():
        ids = parts.resolved.article_order if kind.name == "article" else \
            parts.content.of[kind.name]
        for id_ in ids:
            backlinks = (split.backlinks[kind.name][id_],) if kind.backlinks else ()
            yield kind.page(id_), kind.template, partial(
                ENTITY_PAGES[kind.name], parts, id_, *backlinks)
    for kind in KINDS.values():                    # renamed files: their old addresses
        for id_, model in parts.content.of[kind.name].items():
            for old in getattr(model, "moved_from", ()):
                yield kind.page(old), "moved.md.j2", partial(
                    entities.moved_page, parts, kind.name, id_)
    for kind in KINDS.values():
        yield kind.index, kind.index_template, partial(
            INDEX_PAGES[kind.name], parts, split, cap)
    yield "glossary.md", "glossary.md.j2", partial(sitewide.glossary_page, parts)
    yield "corrections.md", "corrections.md.j2", partial(sitewide.corrections_page, parts)
    yield (".snippets/abbreviations.md", "abbreviations.md.j2",
           partial(sitewide.abbreviations_page, parts))
    yield ".snippets/contact.md", "contact.md.j2", partial(sitewide.contact_page, parts)
    yield "feed.xml", "feed.xml.j2", partial(sitewide.feed_page, parts)
    yield from indexes.listing_pages(parts, split)


def fill(path: str, template: str, view: Any, html: Html) -> Page:
    """The page at `path`: its template given `root` (the way back to docs/), `here`
    (its path), `html` (writers' text and links as HTML) and the fields of its view."""
    names = {name: getattr(view, name) for name in _names(view.__class__)}
    text = environment().get_template(template).render(
        root="../" * path.count("/"), here=path, html=html, **names)
    return Page(path, text.strip() + "\n")


@cache
def _names(view: type) -> tuple[str, ...]:
    """The names of a view's fields, once per kind of view (`dataclasses.fields` per
    page was half of fill's own time: 23 -> 11 ms for 2,800 pages)."""
    return tuple(field.name for field in fields(view))


@cache
def environment() -> jinja2.Environment:
    """The pages' environment: templates/pages and templates/partials, built once."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([TEMPLATES / "pages", TEMPLATES / "partials"]),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,     # the templates ship with the package: no disk check per page
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(Path(__file__)),   # compiled once per machine
    )
    env.filters.update(FILTERS)
    env.filters.update(HTML_FILTERS)
    env.globals.update(a=a, href=href, m=SimpleNamespace(
        **blocks.ANYWHERE, **{name: on_page(build) for name, build in blocks.ON_PAGE.items()}))
    return env


def on_page(build: Callable[..., Markup]) -> Callable[..., Markup]:
    """`{{ m.quote(q) }}`: a block of `blocks` written for this page."""
    @jinja2.pass_context
    def write(context: Context, *args: Any) -> Markup:
        return build(context["html"], context["here"], *args)
    return write


def _html(context: Context) -> Html:
    html: Html = context["html"]
    return html


@jinja2.pass_context
def a(context: Context, link: Link) -> Markup:
    """`{{ a(link) }}`: an HTML link from this page to link's page."""
    return _html(context).a(context["here"], link)


@jinja2.pass_context
def href(context: Context, path: str) -> str:
    """`{{ href(path) }}`: the URL from this page to the page of docs file path."""
    return _html(context).links.href(context["here"], path)


@jinja2.pass_context
def text_html(context: Context, text: str) -> Markup:
    """`{{ text|html }}`: one-line writer's text as HTML."""
    return _html(context).text(text)


@jinja2.pass_context
def prose_html(context: Context, prose: Prose) -> Markup:
    """`{{ prose|prose_html }}`: one line of prose, names linked, as HTML."""
    return Markup(_html(context).prose(context["here"], prose))


@jinja2.pass_context
def markdown_html(context: Context, markdown: Markup) -> Markup:
    """`{{ markup|markdown_html }}`: one line of Markdown the generator wrote, as HTML."""
    return Markup(_html(context).markdown(markdown))


@jinja2.pass_context
def untipped(context: Context, markdown: Markup) -> Markup:
    """`{{ text|inline|untipped }}`: Markdown text where no glossary term gets a tooltip."""
    return _html(context).terms.untipped(str(markdown))


HTML_FILTERS = {"html": text_html, "prose_html": prose_html, "markdown_html": markdown_html,
                "untipped": untipped}
