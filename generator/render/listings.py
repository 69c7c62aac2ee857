"""Listings of bounded size, for render: long lists split into pages of at most `cap` items.

No generated page may grow with the number of articles. While the site-wide quotes or
timeline events are at most `cap`, their index page shows them all; past that, quotes are
split by the initial of the speaker's surname, the timeline (like the articles) by year,
and each of those, like the backlinks of a popular actor or weapon, into numbered pages
of `cap` items, each linking to the previous and the next. Every path is built from
validated ids, letters a-z and four-digit years only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.kinds import KINDS, MENTIONED, Kind
from generator.stages.resolve import Backlinks, Resolved

CAP = 20  # items per listing page
ANCHORS = {"quotes": "quotes", "events": "timeline", "articles": "articles",
           "facts": "key-facts"}


@dataclass(frozen=True)
class Chunk:
    """One page of a listing: its items and links (docs-relative) to its neighbours."""

    path: str
    items: list[Any]
    number: int
    count: int
    total: int
    prev: str | None
    next: str | None

    def map(self, show: Callable[[Any], Any]) -> Chunk:
        """The same page of the list, each item turned into what a page shows of it."""
        return replace(self, items=[show(item) for item in self.items])


def split(items: Sequence[Any], cap: int, link: Callable[[int], str]) -> list[Chunk]:
    """items in pages of at most cap; link(k) is page k's docs path (page 1 may carry
    an #anchor into the page that shows the first items)."""
    parts = [list(items[i:i + cap]) for i in range(0, len(items), cap)] or [[]]
    n = len(parts)
    return [Chunk(link(k).split("#")[0], part, k, n, len(items),
                  link(k - 1) if k > 1 else None, link(k + 1) if k < n else None)
            for k, part in enumerate(parts, 1)]


def numbered(base: str) -> Callable[[int], str]:
    """base.md, base-2.md, base-3.md, ..."""
    return lambda k: f"{base}.md" if k == 1 else f"{base}-{k}.md"


def backlinks(kind: Kind, id_: str, links: Backlinks, cap: int) -> dict[str, list[Chunk]]:
    """An actor's or weapon's quotes, events and articles, newest first, in pages: page 1
    is a section of the actor's own page, the rest are under actors/<id>/."""
    events = sorted(links.events, key=lambda t: t[1].date, reverse=True)
    lists: dict[str, Sequence[Any]] = {
        "quotes": links.quotes, "events": events, "articles": links.articles,
        "facts": links.facts}
    return {what: split(items, cap, backlink_page(kind, id_, what))
            for what, items in lists.items()}


def backlink_page(kind: Kind, id_: str, what: str) -> Callable[[int], str]:
    """Page 1 is a section of the entity's own page; page k is one of its sub-pages."""
    return lambda k: f"{kind.page(id_)}#{ANCHORS[what]}" if k == 1 else kind.more(id_, what, k)


def initial(name: str) -> str:
    """The letter a name is filed under: a-z, accents folded; anything else '0-9'."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).lower()[:1]
    return first if "a" <= first <= "z" else "0-9"


def surname(name: str, kind: str) -> str:
    """What a speaker is filed under: a person's last name (Sikorski), an organisation's
    name without a leading "The" (White House)."""
    words = name.split()
    if kind == "person" and words:
        return words[-1]
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else name


@dataclass(frozen=True)
class Lists:
    """Every long list of the site, split into pages: computed once per render."""

    quotes: list[tuple[str, str, Any]]
    """Every (speaker id, article id, quote), by surname, when they are few; else []."""
    quote_letters: dict[str, list[Chunk]]
    """Past `cap` quotes, per initial of the speaker's surname: (speaker id, article id,
    quote), by surname."""
    events: list[tuple[str, Any]]
    """Every (article id, event), oldest first, when they are few; else []."""
    event_years: dict[str, list[Chunk]]
    """Past `cap` events, per year: (article id, event), oldest first."""
    article_years: dict[str, list[Chunk]]
    """Per year: article ids, newest first."""
    backlinks: dict[str, dict[str, dict[str, list[Chunk]]]]
    """Per kind with backlinks, per id: its quotes, events and articles (`backlinks`)."""


def lists(resolved: Resolved, cap: int) -> Lists:
    """The site-wide listings, split: quotes by initial, events and articles by year."""
    c = resolved.content

    def filed(i: str) -> str:
        return surname(c.actors[i].name, c.actors[i].kind)
    speakers = sorted(resolved.links["actor"],
                      key=lambda i: (filed(i).casefold(), c.actors[i].name, i))
    every_quote = [(id_, article_id, quote) for id_ in speakers
                   for article_id, quote in resolved.links["actor"][id_].quotes]
    quotes: dict[str, list[tuple[str, str, Any]]] = {}
    for item in every_quote if len(every_quote) > cap else []:
        quotes.setdefault(initial(filed(item[0])), []).append(item)
    events = sorted(((e.date, a, e) for a in resolved.article_order
                     for e in c.articles[a].timeline), key=lambda t: (t[0], t[1]))
    by_year: dict[str, list[tuple[str, Any]]] = {}
    for date, article_id, event in events if len(events) > cap else []:
        by_year.setdefault(date[:4], []).append((article_id, event))
    articles: dict[str, list[str]] = {}
    for id_ in resolved.article_order:
        articles.setdefault(str(c.articles[id_].published.year), []).append(id_)
    return Lists(
        quotes=every_quote if len(every_quote) <= cap else [],
        events=[(a, e) for _, a, e in events] if len(events) <= cap else [],
        quote_letters={k: split(v, cap, numbered(f"quotes/{k}"))
                       for k, v in sorted(quotes.items())},
        event_years={y: split(v, cap, numbered(f"timeline/{y}")) for y, v in by_year.items()},
        article_years={y: split(v, cap, numbered(f"{KINDS['article'].folder}/years/{y}"))
                       for y, v in articles.items()},
        backlinks={kind.name: {id_: backlinks(kind, id_, links, cap)
                               for id_, links in resolved.links[kind.name].items()}
                   for kind in MENTIONED},
    )
