"""What a one-minute reader needs, computed from the content: which quote is pulled out,
which actors come first, what is still ahead of an article's date, which weapons share
a role, how central each actor is across the site, and what an article's search entry
should carry besides its own words.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from generator.stages.models import Article, ArticleWeapon, Event, Quote
from generator.stages.validate import Content


def pull_quote(quotes: Sequence[Quote]) -> int | None:
    """The index of the quote shown large: the one marked `pull`, else the first."""
    marked = [i for i, quote in enumerate(quotes) if quote.pull]
    return marked[0] if marked else (0 if quotes else None)


@lru_cache(maxsize=1 << 12)
def starts(date: str) -> dt.date:
    """The first day a partial date (2024, 2024-08, 2024-11-17) can mean (once per date:
    25,000 events at 1,000 articles, of a few hundred dates)."""
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def outlook(event: Event, published: dt.date) -> str | None:
    """For an event after the article's date, "Scheduled" (the writer marked it so: an
    inauguration, a vote) or "Expected"; None for one that had happened."""
    if starts(event.date) <= published:
        return None
    return "Scheduled" if event.scheduled else "Expected"


def weapon_groups(weapons: Sequence[ArticleWeapon]) -> list[tuple[str, list[str]]]:
    """(role, weapon ids) in the order roles first appear: weapons that play the same
    part in the story are listed under one line saying what it is."""
    groups: dict[str, list[str]] = {}
    for weapon in weapons:
        groups.setdefault(" ".join(weapon.role.split()), []).append(weapon.ref)
    return list(groups.items())


def texts(article: Article) -> list[tuple[str, bool]]:
    """Every text of the story a reader reads, with whether it is in paragraphs: where
    names are linked and counted."""
    return [(article.standfirst, False), *[(p, False) for p in article.in_short],
            (article.summary, True), (article.why_it_matters, True),
            *[(f.text, False) for f in article.key_facts],
            *[(q.text, False) for q in article.quotes],
            *[(u, False) for u in article.unknowns],
            *[(q.answer, False) for q in article.questions]]


def topics(content: Content) -> list[tuple[str, int]]:
    """Every tag and how many articles carry it, the most used first."""
    counts = Counter(tag for article in content.articles.values() for tag in article.tags)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))


def references(article: Article) -> Counter[str]:
    """How often an article refers to each actor: its cast, its facts, its quotes and
    its timeline."""
    refs: Counter[str] = Counter(a.ref for a in article.actors)
    refs.update(ref for fact in article.key_facts for ref in fact.actors)
    refs.update(quote.speaker for quote in article.quotes)
    refs.update(ref for event in article.timeline for ref in event.actors)
    return refs


def centrality(content: Content, mentions: dict[str, int], limit: int) -> list[str]:
    """The `limit` most central actors across the site: principal in how many articles,
    then how often they are referred to and named in the prose (`mentions`, by docs
    path), then by name."""
    principal: Counter[str] = Counter()
    referred: Counter[str] = Counter()
    for article in content.articles.values():
        principal.update(a.ref for a in article.actors if a.principal)
        referred.update(references(article))
    used = [id_ for id_ in content.actors if referred[id_]]
    return sorted(used, key=lambda id_: (
        -principal[id_], -(referred[id_] + mentions.get(f"actors/{id_}.md", 0)),
        content.actors[id_].name, id_))[:limit]


def search_names(content: Content, article: Article) -> list[str]:
    """The names and aliases of the actors and weapons an article lists, and their titles
    as of its date: its search entry carries them, so that "Zelensky" finds an article
    that spells him "Zelenskiy"."""
    names: list[str] = []
    for cast in article.actors:
        actor = content.actors[cast.ref]
        names += [actor.name, *actor.aliases]
        title = actor.title_on(article.published)
        names += [title] if title else []
    for arsenal in article.weapons:
        weapon = content.weapons[arsenal.ref]
        names += [weapon.name, *([weapon.full_name] if weapon.full_name else []),
                  *weapon.aliases]
    return unique(names)


def shown_aliases(names: Sequence[str], aliases: Sequence[str]) -> list[str]:
    """The aliases worth showing a reader: not those that only repeat a name already
    shown ("ATACMS missiles" beside ATACMS, "MGM-140" inside the full name). Every
    alias stays in the page's search entry."""
    shown: list[str] = []
    for alias in aliases:
        if not any(alias.lower() in seen.lower() or seen.lower() in alias.lower()
                   for seen in [*names, *shown]):
            shown.append(alias)
    return shown


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(" ".join(item.split()), None)
    return list(seen)
