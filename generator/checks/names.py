"""Who a text names: every actor's names (name, aliases, a person's surname), matched as
whole words. The quote and attribution checks ask it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from generator.stages.salvage import absent
from generator.stages.validate import Content


class NameIndex:
    """Every actor's names (name, aliases, a person's surname), matched as whole words."""

    def __init__(self, content: Content):
        self.ids: dict[str, set[str]] = {}
        for actor_id, actor in content.actors.items():
            if absent(actor.name):                        # invalid: no names to match
                continue
            surname = [actor.name.split()[-1]] if actor.kind == "person" else []
            for name in (actor.name, *actor.aliases, *surname):
                self.ids.setdefault(name, set()).add(actor_id)
        self.speakers = {a for a, x in content.actors.items()
                         if x.kind in ("person", "organization")}
        self.affiliation = {a: x.affiliation for a, x in content.actors.items()}
        self.members: dict[str, set[str]] = {}
        for actor_id, parent in self.affiliation.items():    # who belongs to each
            if parent is not None:
                self.members.setdefault(parent, set()).add(actor_id)
        self.complete = not any(kind == "actor" for kind, _ in content.invalid)
        """Whether every actor's names are known (none is invalid)."""
        self.signature = tuple((a, x.name, tuple(x.aliases), x.kind, x.affiliation)
                               for a, x in content.actors.items())
        self.naming: dict[str, bool] = {}
        self.pattern = whole_words(sorted(self.ids, key=len, reverse=True))

    def related(self, actor_id: str) -> set[str]:
        """The actor, what it belongs to, and who belongs to it: any may speak for it."""
        return {actor_id, *self.members.get(actor_id, ()),
                *filter(None, [self.affiliation.get(actor_id)])}

    def actors_in(self, text: str) -> set[str]:
        return {a for m in self.pattern.finditer(text) for a in self.ids[m.group(0)]}

    def named(self, text: str) -> bool:
        """Whether the text names an actor; asked for every key fact's attribution, a
        few hundred different ones at 1,000 articles, each looked for once."""
        if text not in self.naming:
            self.naming[text] = self.pattern.search(text) is not None
        return self.naming[text]


def whole_words(names: list[str]) -> re.Pattern[str]:
    """One regex for the names as whole words, the first that matches where several do
    (longest first); the look-behind for a word character sits after the first
    character (see `by_first_character`)."""
    if not names:
        return re.compile(r"(?!x)x")
    return re.compile(by_first_character(
        ((name[:1], re.escape(name[1:])) for name in names),
        lambda head: rf"(?<!\w{re.escape(head)})") + r"(?!\w)")


def by_first_character(names: Iterable[tuple[str, str]],
                       before: Callable[[str], str]) -> str:
    """An alternation of names, each given as its first character and the pattern of
    its rest, in the order given. They are grouped by first character, each group
    holding the rests in the same order, so the regex engine tries the one group whose
    character is there instead of every name: the same matches, several times faster
    with hundreds of names. `before(first character)`, a look-behind, follows it."""
    groups: dict[str, list[str]] = {}
    for head, rest in names:
        groups.setdefault(head, []).append(rest)
    return "(?:" + "|".join(f"{re.escape(head)}{before(head)}(?:{'|'.join(rests)})"
                            for head, rests in groups.items()) + ")"
