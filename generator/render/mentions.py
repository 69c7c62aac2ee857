"""Names linked in the prose: the first mention of a known actor or weapon in a text
links to its page.

Writers' text is untrusted, so linking works on text that is already HTML-escaped and
made inert as Markdown structure (`escape.inline`/`block`), and only adds Markdown links
whose label is the writer's own words, unchanged, and whose target is a page built from
a validated id. Nothing inside an existing link, a link target, a web address or a
character reference is touched. A name shared by two entities links to neither. The
result is a `Prose`: escaped pieces and links, written out by the `prose` filter with the
page's way back to docs/ in front of each link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.checks.names import by_first_character
from generator.stages.validate import Content

# Names that could change the Markdown around them are never matched (and so never
# become link labels): brackets, emphasis and code markers, backslashes, pipes, markup.
UNSAFE_NAME = re.compile(r"[\[\]()*_`\\|<>{}#!^~]")
# Regions of escaped Markdown that are left alone: links and images with their label
# and target ([..](..), [..][..], [..]) and web addresses. Character references (&#39;)
# are kept whole by the name pattern's look-arounds.
PROTECTED = re.compile(r"!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?"
                       r"|(?:https?|mailto|ftp):\S*|www\.\S+")
# A name starts a word: not after a letter, a hyphen, `&` or `#` (inside a character
# reference), `]` (after a link label), `!` (which would make the link an image) or a
# backslash; and it ends one: not before a letter or a hyphenated word ("U.S.-made").
# BEFORE is checked just after a name's first character (the character before that one
# is not one of those), so that every alternative starts with a plain character and the
# regex engine skips ahead to the places where a name can start.
BEFORE = r"(?<![\w\-&#\]!\\].)"
AFTER = r"(?![\w]|-\w)"


@dataclass(frozen=True)
class Mention:
    """A name as the writer wrote it (escaped), linking to the docs path of its page."""

    text: str
    path: str


@dataclass(frozen=True)
class Prose:
    """Escaped Markdown with some names linked: escaped text and mentions, in order."""

    pieces: tuple[str | Mention, ...]

    def markdown(self, root: str) -> Markup:
        """The Markdown, each link's page reached through `root` ('../')."""
        return Markup(self.linked(lambda path: root + path))

    def linked(self, url: Callable[[str], str]) -> str:
        """The Markdown, each link's target the URL `url` gives its page's docs path
        (escaped text, for the caller to mark safe)."""
        if len(self.pieces) == 1 and isinstance(self.pieces[0], str):
            return self.pieces[0]            # most texts name no one
        return "".join(p if isinstance(p, str) else f"[{p.text}]({url(p.path)})"
                       for p in self.pieces)

    @property
    def targets(self) -> set[str]:
        """The docs paths of the pages it links to."""
        return {p.path for p in self.pieces if isinstance(p, Mention)}


def mentioned(proses: Iterable[Prose]) -> dict[str, int]:
    """docs path -> in how many of the texts its name or an alias appears (each text
    linked on its own, so that it links each name it holds)."""
    counts: dict[str, int] = {}
    for prose in proses:
        for path in prose.targets:
            counts[path] = counts.get(path, 0) + 1
    return counts


@dataclass(frozen=True)
class Names:
    """Every known name and alias -> the docs path of its page, matched by one regex."""

    targets: dict[str, str]
    pattern: re.Pattern[str] | None

    def link(self, escaped: str, seen: set[str] | None = None) -> Prose:
        """escaped with the first mention of each target linked (`seen`, when given, is
        shared between calls so that a target links once across them)."""
        seen = set() if seen is None else seen
        pieces: list[str | Mention] = []
        at = 0
        for match in self.matches(escaped):
            path = self.targets[" ".join(match.group().split())]
            if path not in seen:
                seen.add(path)
                pieces += [escaped[at:match.start()], Mention(match.group(), path)]
                at = match.end()
        return Prose(tuple(piece for piece in [*pieces, escaped[at:]] if piece))

    def page_of(self, name: str) -> str | None:
        """The docs path of the page a name (as written, unescaped) belongs to, if any."""
        return self.targets.get(str(escape(" ".join(name.split()))))

    def matches(self, escaped: str) -> list[re.Match[str]]:
        """The mentions of known names in escaped text, outside links and addresses."""
        if self.pattern is None:
            return []
        found = list(self.pattern.finditer(escaped))
        kept = [(m.start(), m.end()) for m in PROTECTED.finditer(escaped)] \
            if found else []            # links looked for only around names found
        return [m for m in found
                if not any(start < m.end() and m.start() < end for start, end in kept)]


def names(content: Content) -> Names:
    """The names and aliases of every actor and weapon, each to its page."""
    return from_pairs(
        (name, f"{kind}/{id_}.md")
        for kind, things in (("actors", content.actors), ("weapons", content.weapons))
        for id_, thing in things.items()
        for name in (thing.name, getattr(thing, "full_name", None) or "", *thing.aliases))


def from_pairs(pairs: Iterable[tuple[str, str]]) -> Names:
    """Names from (name as written, docs path) pairs; a name with two paths is dropped,
    and so is a name holding Markdown or HTML characters."""
    owners: dict[str, set[str]] = {}
    for name, path in pairs:
        name = " ".join(name.split())
        if name and not UNSAFE_NAME.search(name):
            owners.setdefault(str(escape(name)), set()).add(path)
    return of({name: next(iter(paths)) for name, paths in owners.items() if len(paths) == 1})


def of(targets: dict[str, str]) -> Names:
    """Names for escaped name -> docs path."""
    return Names(targets, compile_names(targets))


def compile_names(targets: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for all names, longest first, whole words only; spaces in a name match
    any run of white space (a name may wrap onto the next line of a YAML block).

    The names are grouped by their first character, each group the names' rests in the
    same order: the regex engine tries one group where a name can start instead of
    every name (the same matches; at 1,000 articles, 500 names and 26,000 texts, a
    third of the time)."""
    ordered = sorted(targets, key=lambda n: (-len(n), n))
    if not ordered:
        return None
    return re.compile(by_first_character(((name.lstrip()[0], rest(name)) for name in ordered),
                                         lambda _: BEFORE) + AFTER)


def rest(name: str) -> str:
    """A name's pattern after its first character, any run of white space between its
    words."""
    head, *words = name.split()
    return r"\s+".join([re.escape(head[1:]), *(re.escape(w) for w in words)])
