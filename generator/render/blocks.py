"""The HTML blocks many pages repeat (quotes, timelines, facts, cards, lists of articles,
pagers) and an article's lists (in short, places, key facts, unknowns, weapon tables),
written in Python as `markup.Html` writes links: templates call them as
`{{ m.quote(q) }}`, `{{ m.timeline(events) }}`... and place the result.

They were Jinja macros, imported with the page's context into every page: at 1,000
articles some 100,000 calls, each building a frame and a Markup per value written.
Here each writer's text is escaped once (`escape`, or `Html.text` for text that may
carry Markdown) and a block is joined as one string, marked safe once: filling the
pages takes a fifth less time (1.85 -> 1.45 CPU s). A template's loop over a list
costs a filter call and an escape (a Markup made) per value written, so an article's
lists are blocks too, and the text inside a block stays `str` until the block is
marked safe (1.54 -> 1.15 CPU s); the values they escape are escaped as `str`
(`escape.escaped`: a fifth of the time of markupsafe's `escape`, which makes a
Markup for each, 30,000 at 1,000 articles). The HTML is the same as the templates
wrote, byte for byte; the engine passes these blocks through as they are (no blank
line inside a block).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from generator.render.chartsvg import range_chart
from generator.render.escape import escaped, inline
from generator.render.filters import day, distance, partial_date
from generator.render.listings import Chunk
from generator.render.markup import Html
from generator.render.mentions import Prose
from generator.render.views import Card, EventLine, FactLine, Link, QuoteCard

if TYPE_CHECKING:
    from generator.render.article import Fact, PlaceRow, WeaponGroup


def link(html: Html, here: str, target: Link) -> Markup:
    """A Markdown link (in headings and Markdown lists), which the engine checks and
    rewrites."""
    return Markup(f"[{inline(target.text)}]({'../' * here.count('/')}"
                  f"{escape(target.path)})")


@cache
def status(value: str) -> Markup:
    """A fact's badge: how firm it is ('Confirmed', 'Claimed'...); once per status."""
    return Markup(f'<span class="ex-status ex-status--{escape(value)}">'
                  f"{escape(value.capitalize())}</span>")


def legend(statuses: Mapping[str, str]) -> Markup:
    """What each badge means."""
    items = "".join(f"<li>{status(s)} {escaped(help_)}</li>\n"
                    for s, help_ in statuses.items())
    return Markup('<ul class="ex-legend" aria-label="What the badges mean" '
                  f"data-search-exclude>\n{items}</ul>\n")


def _modified(name: str, modifier: str) -> str:
    return f"{name} {escaped(modifier)}" if modifier else name


def quote(html: Html, here: str, q: QuoteCard, modifier: str = "") -> Markup:
    """A quotation with its speaker, venue, context and whether it was verified."""
    role = (f', <span class="ex-quote__role">{html.text(q.speaker_title)}</span>'
            if q.speaker_title else "")
    source = f" · in {html.anchor(here, q.article)}" if q.article else ""
    proof = (f'<span class="ex-provenance ex-provenance--verified">{escaped(q.proof)}</span>'
             if q.proof else '<span class="ex-provenance ex-provenance--unverified">'
             "Unverified quote: not yet checked against the source report</span>")
    return Markup(
        f'<figure class="{_modified("ex-quote", modifier)}">\n<blockquote>\n'
        f"<p>“{html.prose(here, q.text)}”</p>\n</blockquote>\n<figcaption>\n"
        f'<p><span class="ex-quote__speaker">{html.anchor(here, q.speaker)}</span>{role} · '
        f'<span class="ex-quote__venue">{html.text(q.venue)}{source}</span><br>\n'
        f'<span class="ex-context">{html.text(q.context)}</span><br>\n'
        f"{proof}</p>\n</figcaption>\n</figure>\n")


def timeline(html: Html, here: str, events: Iterable[EventLine],
             modifier: str = "") -> Markup:
    """Dated events, oldest first as given; each may say it is ahead, and where from."""
    def line(e: EventLine) -> str:
        ahead = f' <span class="ex-ahead">{escaped(e.ahead)}</span>' if e.ahead else ""
        source = (f' <span class="ex-from">From {html.anchor(here, e.article)}</span>'
                  if e.article else "")
        return f"<li>{_when(e.date)}{ahead}</time> {html.text(e.text)}{source}</li>\n"
    return Markup(f'<div class="{_modified("ex-timeline", modifier)}">\n<ul>\n'
                  f'{"".join(map(line, events))}</ul>\n</div>\n')


@cache
def _when(date: str) -> str:
    """An event's date, open: `<time datetime="2024-08">August 2024` (once per date)."""
    return f'<time datetime="{escape(date)}">{escape(partial_date(date))}'


@cache
def _published(date: dt.date) -> str:
    """An article's date in a list (once per date)."""
    return f'<time datetime="{escape(date)}">{escape(day(date))}</time>'


def facts(html: Html, here: str, items: list[FactLine]) -> Markup:
    """Key facts with their badge, who says so and the article they are from."""
    open_, close = ("<p>", "</p>") if len(items) > 1 else ("", "")  # as Markdown made it
    lines = "".join(
        f"<li>{open_}{status(f.status)} {html.text(f.text)}<br>\n"
        f'<span class="ex-attribution">Who says so: {html.text(f.attribution)}</span> '
        f'<span class="ex-from">From {html.anchor(here, f.article)}</span>{close}</li>\n'
        for f in items)
    return Markup(f'<div class="ex-facts">\n<ul>\n{lines}</ul>\n</div>\n')


def bullets(html: Html, here: str, items: Iterable[str | Prose], css: str) -> Markup:
    """A list of one-line texts, or of prose with its names linked ('In short')."""
    lines = "".join(f"<li>{html.text(i) if isinstance(i, str) else html.prose(here, i)}"
                    "</li>\n" for i in items)
    return Markup(f'<div class="{escaped(css)}">\n<ul>\n{lines}</ul>\n</div>\n')


def story_facts(html: Html, here: str, items: Iterable[Fact]) -> Markup:
    """An article's key facts: badge, the fact (names linked) and who says so."""
    lines = "".join(
        f"<li>{status(f.status)} {html.prose(here, f.text)}<br>\n"
        f'<span class="ex-attribution">Who says so: {html.text(f.attribution)}</span></li>\n'
        for f in items)
    return Markup(f'<div class="ex-facts">\n<ul>\n{lines}</ul>\n</div>\n')


def quotes(html: Html, here: str, items: Iterable[QuoteCard]) -> Markup:
    """Quotations, a blank line between them."""
    return Markup("\n".join(quote(html, here, q) for q in items))


def places(html: Html, here: str, rows: Iterable[PlaceRow]) -> Markup:
    """The places an article names, with their part in it."""
    lines = "".join(
        f"<li>{html.anchor(here, p.link)}: {html.text(p.role)}"
        f"{' (too far away to show on this map)' if p.off_map else ''}</li>\n" for p in rows)
    return Markup(f'<div class="ex-places">\n<ul>\n{lines}</ul>\n</div>\n')


def weapon_table(html: Html, here: str, group: WeaponGroup) -> Markup:
    """Weapons that play one part in a story: name, type and range."""
    rows = "".join(f"<tr>\n<td>{html.anchor(here, w.link)}</td>\n"
                   f"<td>{html.text(w.category)}</td>\n"
                   f"<td>{escaped(distance(w.range))}</td>\n</tr>\n" for w in group.weapons)
    return Markup(f'<p class="ex-group">{html.text(group.role)}:</p>\n\n'
                  '<div class="ex-weapons">\n<table>\n<thead>\n<tr>\n<th>Weapon</th>\n'
                  "<th>Type</th>\n<th>Range</th>\n</tr>\n</thead>\n<tbody>\n"
                  f"{rows}</tbody>\n</table>\n</div>\n")


def cards(html: Html, here: str, items: Iterable[Card], modifier: str = "") -> Markup:
    """Actors by name, with their title and, in an article, their part in it."""
    def card(c: Card) -> str:
        title = (f' <span class="ex-card__title">{html.text(c.title)}</span>'
                 if c.title else "")
        role = f' <span class="ex-card__role">{html.text(c.role)}</span>' if c.role else ""
        return (f'<li><span class="ex-card__name">{html.anchor(here, c.link)}</span>'
                f"{title}{role}</li>\n")
    return Markup(f'<div class="{_modified("ex-cards", modifier)}">\n<ul>\n'
                  f'{"".join(map(card, items))}</ul>\n</div>\n')


def mentions(html: Html, here: str, chunk: Chunk, name: str) -> Markup:
    """The articles of one page of a list, with their dates (or that there are none)."""
    if not chunk.items:
        return Markup(f"<p>No article mentions {html.text(name)} yet.</p>\n")
    lines = "".join(f"<li>{html.anchor(here, item.link)} · {_published(item.published)}"
                    "</li>\n" for item in chunk.items)
    return Markup(f"<ul>\n{lines}</ul>\n")


def pager(html: Html, here: str, p: Chunk, what: str) -> Markup:
    """Links to the previous and next pages of a long list ('' when it has one page)."""
    if p.count <= 1:
        return Markup("")
    prev = (f'<a href="{escaped(html.links.href(here, p.prev))}">← Previous page</a> · '
            if p.prev else "")
    next_ = (f' · <a href="{escaped(html.links.href(here, p.next))}">Next page →</a>'
             if p.next else "")
    return Markup(f'<nav class="ex-pager" aria-label="Pages of {escaped(what)}">\n'
                  f"<p>{prev}Page {p.number} of {p.count} ({p.total} {escaped(what)})"
                  f"{next_}</p>\n</nav>\n")


ON_PAGE: dict[str, Callable[..., Markup]] = {
    "quote": quote, "timeline": timeline, "facts": facts, "cards": cards,
    "mentions": mentions, "pager": pager, "link": link, "bullets": bullets,
    "story_facts": story_facts, "quotes": quotes, "places": places,
    "weapon_table": weapon_table,
}
"""Blocks written for one page (given its `Html` and docs path first)."""
ANYWHERE: dict[str, Callable[..., Any]] = {"status": status, "legend": legend,
                                            "range_chart": range_chart}
"""Blocks that are the same on every page."""
