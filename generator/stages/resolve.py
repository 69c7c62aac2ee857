"""Stage 3, resolve: check every cross-reference and gather backlinks.

A dangling reference is an error (with the closest existing id suggested). The result
says, for every actor and weapon, which articles, quotes and events mention it; a
reference to a file that is invalid (and so not in the content) gathers nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.errors import MAX_ERRORS_PER_FILE, ContentError, Loc, Result
from generator.geo.checks import geography
from generator.kinds import KINDS, MENTIONED, Ref, either
from generator.stages.hints import an
from generator.stages.models import Event, KeyFact, Quote
from generator.stages.validate import Content


@dataclass
class Backlinks:
    """Everything that mentions one actor or weapon, in article order."""

    articles: list[str] = field(default_factory=list)
    quotes: list[tuple[str, Quote]] = field(default_factory=list)
    events: list[tuple[str, Event]] = field(default_factory=list)
    facts: list[tuple[str, KeyFact]] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def mention(self, article_id: str) -> None:
        """An article's mentions are gathered together, one article after another: it
        is already listed only if it is the last one listed."""
        if not self.articles or self.articles[-1] != article_id:
            self.articles.append(article_id)


@dataclass(frozen=True)
class Resolved:
    """Content with the backlinks of every actor and weapon."""

    content: Content
    article_order: list[str]
    links: dict[str, dict[str, Backlinks]]
    """Per kind that pages list mentions of (actor, weapon), per id, its backlinks."""
    held: dict[str, str] = field(default_factory=dict)
    """Articles shown although not published (only in `serve`): id -> why (release.py)."""


def resolve(content: Content) -> Result[Resolved]:
    """Backlinks from every reference that resolves; an error for every one that dangles
    or clashes with an old id, a warning for every actor and weapon no article mentions.
    Once every reference resolves, geography: ISO codes, places, reaches."""
    order = sorted(content.articles, reverse=True,   # an invalid date (None) sorts last
                   key=lambda a: (content.articles[a].published or dt.date.min, a))
    links = {kind.name: {id_: Backlinks() for id_ in content.of[kind.name]}
             for kind in MENTIONED}
    found = referred(content)                       # every file's references, walked once
    for article_id in order:
        gather("article", article_id, found[("article", article_id)], links)
    for kind in KINDS:
        if kind != "article":
            for id_ in content.of[kind]:
                gather(kind, id_, found[(kind, id_)], links)
    dangles = dangling(content, found)
    places = [] if dangles else geography(content)   # needs every reference resolved
    problems = dangles + moved_clashes(content) + places + unused(content, links)
    return Result(Resolved(content, order, links), tuple(problems))


def moved_clashes(content: Content) -> list[ContentError]:
    """An old id (`moved_from`) must not be a file's id, nor claimed twice: its address
    can only redirect to one page."""
    errors: list[ContentError] = []
    claimed: dict[tuple[str, str], str] = {}
    for kind in KINDS.values():
        for id_, model in content.of[kind.name].items():
            for i, old in enumerate(getattr(model, "moved_from", ())):
                if content.exists(kind.name, old) or (kind.name, old) in claimed:
                    taken = "a file's id" if content.exists(kind.name, old) else \
                        f"already claimed by {claimed[(kind.name, old)]}"
                    errors.append(content.document(kind.name, id_).error(
                        ("moved_from", i), f"moved_from: '{old}' is {taken}",
                        "remove it: the old address can only lead to one page"))
                claimed.setdefault((kind.name, old), id_)
    return errors


def dangling(content: Content, found: Referred) -> list[ContentError]:
    """References to ids with no file. A file that exists but is invalid (so is missing
    from the Content) is not reported again here."""
    errors: list[ContentError] = []
    per_file: Counter[tuple[str, str]] = Counter()
    for (kind, id_), references in found.items():
        for loc, field_, ref, _ in references:
            target = field_.target              # the kind the reference names
            if content.exists(target, ref):
                continue
            per_file[(kind, id_)] += 1
            if per_file[(kind, id_)] > MAX_ERRORS_PER_FILE:  # a hostile file must not
                continue                                     # flood the report
            errors.append(content.document(kind, id_).error(
                loc, *missing(content, loc, target, ref)))
    errors += [content.document(kind, id_).error(
        (), f"{count - MAX_ERRORS_PER_FILE:,} more references to missing files are not shown",
        "fix the ones listed, then check again")
        for (kind, id_), count in per_file.items() if count > MAX_ERRORS_PER_FILE]
    return errors


def missing(content: Content, loc: Loc, target: str, ref: str) -> tuple[str, str]:
    """What to say about a reference to no file (message, hint): another kind's id
    in the wrong list, or the closest id of the right kind."""
    known = content.paths.keys() | content.invalid
    other = sorted(k for k, i in known if i == ref and k != target)
    if other:
        if KINDS[target].folder in loc:   # in a list of actors: to the list of weapons
            hint = f"move it to the {KINDS[other[0]].folder}: list" + (
                " of this item" if len(loc) > 3 else "")
        else:
            hint = f"this field takes the id of {an(target)}"
        return f"'{ref}' is {an(other[0])}, not {an(target)}", hint
    pool = sorted(i for k, i in known if k == target)
    close = difflib.get_close_matches(ref, pool, n=1, cutoff=0.6)
    return f"no {target} with id '{ref}'", (f"did you mean '{close[0]}'?" if close else
                                            f"create content/{KINDS[target].folder}/{ref}.yaml or "
                                            "use an existing id")


def references(content: Content) -> Iterator[tuple[str, str, Loc, str, str]]:
    """Every reference in the content: (kind, id, location, target kind, ref)."""
    for (kind, id_), found in referred(content).items():
        for loc, ref, target_id, _ in found:
            yield kind, id_, loc, ref.target, target_id


Referred = dict[tuple[str, str], list[tuple[Loc, Ref, str, Any]]]
"""Per file (kind, id): each reference it holds, (location, field, id, item)."""


def referred(content: Content) -> Referred:
    """Every file's references (kind by kind, file by file, field by field)."""
    return {(kind.name, id_): [(loc, ref, target_id, item) for ref in kind.refs
                               for loc, target_id, item in ref.find(model)]
            for kind in KINDS.values() for id_, model in content.of[kind.name].items()}


def gather(kind: str, id_: str, references: list[tuple[Loc, Ref, str, Any]],
           links: dict[str, dict[str, Backlinks]]) -> None:
    """Record what one file says about each actor and weapon: an article mentions them
    (and its quotes and events are listed on their pages); an actor's affiliation or a
    weapon's origin lists it on that actor's page. A reference to a file that is not
    valid (dangling, or invalid) gathers nothing."""
    for _, ref, target_id, item in references:
        backlinks = links[ref.target].get(target_id)
        if backlinks is None:
            continue
        if kind == "article":
            backlinks.mention(id_)
        if ref.into:
            getattr(backlinks, ref.into).append((id_, item) if kind == "article" else id_)


def unused(content: Content, links: dict[str, dict[str, Backlinks]]) -> list[ContentError]:
    """Actors and weapons that no article mentions: warnings, not errors. While an
    article is invalid, what it mentions is not known, so none is reported."""
    if any(kind == "article" for kind, _ in content.invalid):
        return []
    warnings = []
    for kind, by_id in links.items():
        for id_, backlinks in by_id.items():
            if not backlinks.articles and (kind, id_) not in content.invalid:
                warnings.append(content.document(kind, id_).error(
                    (), f"no article mentions {kind} '{id_}'",
                    f"add it to an article's {either([k.folder for k in MENTIONED], 'or')}, "
                    "or delete the file", severity="warning"))
    return warnings
