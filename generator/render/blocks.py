"""The HTML blocks many pages repeat (quotes, timelines, facts, cards, lists of articles,
pagers), written in Python as `markup.Html` writes links: templates call them as
`{{ m.quote(q) }}`, `{{ m.timeline(events) }}`... and place the result.

They were Jinja macros, imported with the page's context into every page: at 1,000
articles some 100,000 calls, each building a frame and a Markup per value written.
Here each writer's text is escaped once (`escape`, or `Html.text` for text that may
carry Markdown) and a block is joined as one string, marked safe once: filling the
pages takes a fifth less time (1.85 -> 1.45 CPU s). The HTML is the same as the
macros wrote, byte for byte; the engine passes these blocks through as they are (no
blank line inside a block).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

from generator.render.chartsvg import range_chart
from generator.render.escape import inline
from generator.render.filters import day, partial_date
from generator.render.listings import Chunk
from generator.render.markup import Html
from generator.render.views import Card, EventLine, FactLine, Link, QuoteCard


def link(html: Html, here: str, target: Link) -> Markup:
    """A Markdown link (in headings and Markdown lists), which the engine checks and
    rewrites."""
    return Markup(f"[{inline(target.text)}]({'../' * here.count('/')}"
                  f"{escape(target.path)})")


def status(value: str) -> Markup:
    """A fact's badge: how firm it is ('Confirmed', 'Claimed'...)."""
    return Markup(f'<span class="ex-status ex-status--{escape(value)}">'
                  f"{escape(value.capitalize())}</span>")


def legend(statuses: Mapping[str, str]) -> Markup:
    """What each badge means."""
    items = "".join(f"<li>{status(s)} {escape(help_)}</li>\n"
                    for s, help_ in statuses.items())
    return Markup('<ul class="ex-legend" aria-label="What the badges mean" '
                  f"data-search-exclude>\n{items}</ul>\n")


def _modified(name: str, modifier: str) -> str:
    return f"{name} {escape(modifier)}" if modifier else name


def quote(html: Html, here: str, q: QuoteCard, modifier: str = "") -> Markup:
    """A quotation with its speaker, venue, context and whether it was verified."""
    role = (f', <span class="ex-quote__role">{html.text(q.speaker_title)}</span>'
            if q.speaker_title else "")
    source = f" · in {html.a(here, q.article)}" if q.article else ""
    proof = (f'<span class="ex-provenance ex-provenance--verified">{escape(q.proof)}</span>'
             if q.proof else '<span class="ex-provenance ex-provenance--unverified">'
             "Unverified quote: not yet checked against the source report</span>")
    return Markup(
        f'<figure class="{_modified("ex-quote", modifier)}">\n<blockquote>\n'
        f"<p>“{html.prose(here, q.text)}”</p>\n</blockquote>\n<figcaption>\n"
        f'<p><span class="ex-quote__speaker">{html.a(here, q.speaker)}</span>{role} · '
        f'<span class="ex-quote__venue">{html.text(q.venue)}{source}</span><br>\n'
        f'<span class="ex-context">{html.text(q.context)}</span><br>\n'
        f"{proof}</p>\n</figcaption>\n</figure>\n")


def timeline(html: Html, here: str, events: Iterable[EventLine],
             modifier: str = "") -> Markup:
    """Dated events, oldest first as given; each may say it is ahead, and where from."""
    def line(e: EventLine) -> str:
        ahead = f' <span class="ex-ahead">{escape(e.ahead)}</span>' if e.ahead else ""
        source = (f' <span class="ex-from">From {html.a(here, e.article)}</span>'
                  if e.article else "")
        return (f'<li><time datetime="{escape(e.date)}">{escape(partial_date(e.date))}'
                f"{ahead}</time> {html.text(e.text)}{source}</li>\n")
    return Markup(f'<div class="{_modified("ex-timeline", modifier)}">\n<ul>\n'
                  f'{"".join(map(line, events))}</ul>\n</div>\n')


def facts(html: Html, here: str, items: list[FactLine]) -> Markup:
    """Key facts with their badge, who says so and the article they are from."""
    open_, close = ("<p>", "</p>") if len(items) > 1 else ("", "")  # as Markdown made it
    lines = "".join(
        f"<li>{open_}{status(f.status)} {html.text(f.text)}<br>\n"
        f'<span class="ex-attribution">Who says so: {html.text(f.attribution)}</span> '
        f'<span class="ex-from">From {html.a(here, f.article)}</span>{close}</li>\n'
        for f in items)
    return Markup(f'<div class="ex-facts">\n<ul>\n{lines}</ul>\n</div>\n')


def cards(html: Html, here: str, items: Iterable[Card], modifier: str = "") -> Markup:
    """Actors by name, with their title and, in an article, their part in it."""
    def card(c: Card) -> str:
        title = (f' <span class="ex-card__title">{html.text(c.title)}</span>'
                 if c.title else "")
        role = f' <span class="ex-card__role">{html.text(c.role)}</span>' if c.role else ""
        return (f'<li><span class="ex-card__name">{html.a(here, c.link)}</span>'
                f"{title}{role}</li>\n")
    return Markup(f'<div class="{_modified("ex-cards", modifier)}">\n<ul>\n'
                  f'{"".join(map(card, items))}</ul>\n</div>\n')


def mentions(html: Html, here: str, chunk: Chunk, name: str) -> Markup:
    """The articles of one page of a list, with their dates (or that there are none)."""
    if not chunk.items:
        return Markup(f"<p>No article mentions {html.text(name)} yet.</p>\n")
    lines = "".join(
        f'<li>{html.a(here, item.link)} · <time datetime="{escape(item.published)}">'
        f"{escape(day(item.published))}</time></li>\n" for item in chunk.items)
    return Markup(f"<ul>\n{lines}</ul>\n")


def pager(html: Html, here: str, p: Chunk, what: str) -> Markup:
    """Links to the previous and next pages of a long list ('' when it has one page)."""
    if p.count <= 1:
        return Markup("")
    prev = (f'<a href="{escape(html.links.href(here, p.prev))}">← Previous page</a> · '
            if p.prev else "")
    next_ = (f' · <a href="{escape(html.links.href(here, p.next))}">Next page →</a>'
             if p.next else "")
    return Markup(f'<nav class="ex-pager" aria-label="Pages of {escape(what)}">\n'
                  f"<p>{prev}Page {p.number} of {p.count} ({p.total} {escape(what)})"
                  f"{next_}</p>\n</nav>\n")


ON_PAGE: dict[str, Callable[..., Markup]] = {
    "quote": quote, "timeline": timeline, "facts": facts, "cards": cards,
    "mentions": mentions, "pager": pager, "link": link,
}
"""Blocks written for one page (given its `Html` and docs path first)."""
ANYWHERE: dict[str, Callable[..., Any]] = {"status": status, "legend": legend,
                                            "range_chart": range_chart}
"""Blocks that are the same on every page."""
