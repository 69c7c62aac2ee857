"""Stage 3, resolve: check every cross-reference and gather backlinks.

A dangling reference is an error (with the closest existing id suggested). The result
says, for every actor and weapon, which articles, quotes and events mention it.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.errors import ContentError, ContentErrors
from generator.stages.models import Event, Quote
from generator.stages.validate import MAX_ERRORS_PER_FILE, Content

Loc = tuple[str | int, ...]


@dataclass
class Backlinks:
    """Everything that mentions one actor or weapon, in article order."""

    articles: list[str] = field(default_factory=list)
    quotes: list[tuple[str, Quote]] = field(default_factory=list)
    events: list[tuple[str, Event]] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)

    def mention(self, article_id: str) -> None:
        if article_id not in self.articles:
            self.articles.append(article_id)


@dataclass(frozen=True)
class Resolved:
    """Content whose references all resolve, with backlinks and warnings."""

    content: Content
    article_order: list[str]
    actor_links: dict[str, Backlinks]
    weapon_links: dict[str, Backlinks]
    warnings: list[ContentError]


def resolve(content: Content) -> Resolved:
    """Check every reference; raise ContentErrors listing all that dangle."""
    errors = dangling(content)
    if errors:
        raise ContentErrors(errors)
    order = sorted(content.articles,
                   key=lambda a: (content.articles[a].published, a), reverse=True)
    actors = {a: Backlinks() for a in content.actors}
    weapons = {w: Backlinks() for w in content.weapons}
    for article_id in order:
        gather(content, article_id, actors, weapons)
    for actor_id, actor in content.actors.items():
        if actor.affiliation:
            actors[actor.affiliation].members.append(actor_id)
    for weapon_id, weapon in content.weapons.items():
        if weapon.origin:
            actors[weapon.origin].weapons.append(weapon_id)
    return Resolved(content, order, actors, weapons, unused(content, actors, weapons))


def dangling(content: Content) -> list[ContentError]:
    """References to ids with no file. A file that exists but failed validation (so is
    missing from a partial Content) is not reported again here."""
    errors: list[ContentError] = []
    per_file: Counter[tuple[str, str]] = Counter()
    for kind, id_, loc, target, ref in references(content):
        if (target, ref) not in content.paths:
            per_file[(kind, id_)] += 1
            if per_file[(kind, id_)] > MAX_ERRORS_PER_FILE:  # a hostile file must not
                continue                                     # flood the report
            pool = sorted(i for k, i in content.paths if k == target)
            close = difflib.get_close_matches(ref, pool, n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}'?" if close else
                    f"create content/{target}s/{ref}.yaml or use an existing id")
            errors.append(content.document(kind, id_).error(
                loc, f"no {target} with id '{ref}'", hint))
    errors += [content.document(kind, id_).error(
        (), f"{count - MAX_ERRORS_PER_FILE:,} more references to missing files are not shown",
        "fix the ones listed, then check again")
        for (kind, id_), count in per_file.items() if count > MAX_ERRORS_PER_FILE]
    return errors


def references(content: Content) -> Iterator[tuple[str, str, Loc, str, str]]:
    """Every reference in the content: (kind, id, location, target kind, ref)."""
    for aid, a in content.articles.items():
        for i, actor in enumerate(a.actors):
            yield "article", aid, ("actors", i, "ref"), "actor", actor.ref
        for i, weapon in enumerate(a.weapons):
            yield "article", aid, ("weapons", i, "ref"), "weapon", weapon.ref
        for i, quote in enumerate(a.quotes):
            yield "article", aid, ("quotes", i, "speaker"), "actor", quote.speaker
        for section, items in (("key_facts", a.key_facts), ("timeline", a.timeline)):
            for i, item in enumerate(items):
                for j, ref in enumerate(item.actors):
                    yield "article", aid, (section, i, "actors", j), "actor", ref
                for j, ref in enumerate(item.weapons):
                    yield "article", aid, (section, i, "weapons", j), "weapon", ref
    for actor_id, actor in content.actors.items():
        if actor.affiliation:
            yield "actor", actor_id, ("affiliation",), "actor", actor.affiliation
    for weapon_id, weapon in content.weapons.items():
        if weapon.origin:
            yield "weapon", weapon_id, ("origin",), "actor", weapon.origin


def gather(content: Content, article_id: str, actors: dict[str, Backlinks],
           weapons: dict[str, Backlinks]) -> None:
    """Record what one article says about each actor and weapon."""
    article = content.articles[article_id]
    for ref in [a.ref for a in article.actors] + [
            r for f in article.key_facts for r in f.actors]:
        actors[ref].mention(article_id)
    for ref in [w.ref for w in article.weapons] + [
            r for f in article.key_facts for r in f.weapons]:
        weapons[ref].mention(article_id)
    for quote in article.quotes:
        actors[quote.speaker].mention(article_id)
        actors[quote.speaker].quotes.append((article_id, quote))
    for event in article.timeline:
        for ref in event.actors:
            actors[ref].mention(article_id)
            actors[ref].events.append((article_id, event))
        for ref in event.weapons:
            weapons[ref].mention(article_id)
            weapons[ref].events.append((article_id, event))


def unused(content: Content, actors: dict[str, Backlinks],
           weapons: dict[str, Backlinks]) -> list[ContentError]:
    """Actors and weapons that no article mentions: warnings, not errors."""
    warnings = []
    for kind, links in (("actor", actors), ("weapon", weapons)):
        for id_, backlinks in links.items():
            if not backlinks.articles:
                warnings.append(content.document(kind, id_).error(
                    (), f"no article mentions {kind} '{id_}'",
                    "add it to an article's actors or weapons, or delete the file",
                    severity="warning"))
    return warnings
