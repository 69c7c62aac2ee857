"""Who said a quotation: the words of its attribution matched to an actor.

The attribution's words (`Alex Plitsas, senior non-resident fellow at the Atlantic
Council`) name the speaker: the first person among the known names, not in the
possessive (`Poland’s foreign minister, Radoslaw Sikorski` is Sikorski); a name no file
matches becomes a new actor (`Pavel Korda`, and `Korda` after him); a pronoun or a
title (`he`, `the minister`) stands for the person named last before it; an anonymous
source (`a senior official`) is nobody, and the writer decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import clauses
from .entities import Matcher, looks_like_organization, looks_like_person, proper_names
from .text import Paragraph, quoted

ANONYMOUS = re.compile(r"\b(?:officials?|sources?|person|people|diplomats?|aides?|"
                       r"insiders?|officers?|analysts|experts|residents|witnesses)\b")
TITLES = re.compile(r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:minister|president|spokesman|"
                    r"spokeswoman|spokesperson|senator|general|ambassador|chancellor|"
                    r"secretary|envoy|governor|mayor|premier|leader|commander|adviser|"
                    r"analyst|fellow|chief|head|official)$", re.IGNORECASE)
ORGANISATION = re.compile(r"\b(?:ministry|government|office|army|military|embassy|council|"
                          r"parliament|committee|agency|department|police|court|party|"
                          r"company|commission|navy|command)$")


@dataclass(frozen=True)
class Speaker:
    id: str | None = None
    """An existing actor's id."""
    new: str | None = None
    """A name no file matches: a new actor to make."""
    category: str | None = None
    """For a new actor: person or organization, when the words say so."""
    said_by: str = ""
    """The report's words for the speaker."""
    how: str = ""
    """How it was found, in words for the writer."""
    found: str = "none"
    """after, before (the attribution's place), pronoun, title, chain (a quotation over
    several paragraphs), paragraph (after an attributed one), context or none."""

    @property
    def attributed(self) -> bool:
        """The report itself says who spoke (not inferred from the paragraphs around)."""
        return self.found in ("after", "before", "pronoun", "title", "chain", "paragraph")

    @property
    def check(self) -> bool:
        """Inferred from the paragraphs around: the writer should check it."""
        return self.found in ("context", "title")


@dataclass(frozen=True)
class Person:
    """Someone named outside quotation marks: what a pronoun may stand for."""

    speaker: Speaker
    paragraph: int
    start: int
    person: bool


def resolve(who: str, how: str, matcher: Matcher, context: list[Person]) -> Speaker:
    """The actor a phrase names, a new actor, an antecedent, or nobody."""
    where = f"attribution {how} the quotation"
    if who.lower() in clauses.PRONOUNS:
        return antecedent(context, want_person=who.lower() in ("he", "she", "i"),
                          said_by=who)
    head = who.split(",")[0].strip()
    actors = [m for m in matcher.mentions(who) if m.entity.kind == "actor"]
    if ANONYMOUS.search(head.split()[-1]) and not any(
            m.end >= len(head) for m in actors):
        return Speaker(said_by=who, how=f"{where} names nobody: '{short(head)}'", found=how)
    if actors:
        best = min(actors, key=lambda m: (m.possessive, not m.entity.person, m.start))
        return Speaker(id=best.entity.id, said_by=who, how=where, found=how)
    new = new_speaker(who, context)
    if new is not None:
        return replace(new, said_by=who, how=where, found=how)
    if TITLES.match(who.strip()):
        return replace(antecedent(context, want_person=True, said_by=who), found="title")
    return Speaker(said_by=who, how=f"{where} names nobody", found=how)


def new_speaker(who: str, context: list[Person]) -> Speaker | None:
    """A speaker no file matches: a person or organisation named by the words, or the
    same person named in full before (`Korda` for `Pavel Korda`)."""
    names = [n for _, _, n in proper_names(who)]
    earlier = [p.speaker for p in context if p.speaker.new]
    for name in names:
        same = [s for s in earlier if s.new and s.new.split()[-1] == name.split()[-1]]
        if same:
            return Speaker(new=same[-1].new, category=same[-1].category)
    people = [n for n in names if looks_like_person(n)]
    if people:
        return Speaker(new=people[0], category="person")
    body = re.sub(r"^(?:the|a|an)\s+", "", who.split(",")[0].strip(), flags=re.IGNORECASE)
    if ORGANISATION.search(body):
        return Speaker(new=body, category="organization")
    if names:
        return Speaker(new=names[0], category="organization" if looks_like_organization(
            names[0]) or who.lower().startswith("the ") else None)
    return None


def antecedent(context: list[Person], want_person: bool, said_by: str) -> Speaker:
    for person in reversed(context):
        if person.person or not want_person:
            return replace(person.speaker, said_by=said_by, found="pronoun",
                           how=f"'{said_by}' stands for the person named in "
                               f"¶{person.paragraph}")
    return Speaker(said_by=said_by, how=f"'{said_by}': nobody named before it")


def unattributed(context: list[Person], fragment: bool) -> Speaker:
    if fragment or not context:
        return Speaker(how="no attribution in the report")
    found = antecedent(context, want_person=True, said_by="")
    return replace(found, found="context", how="no attribution in its paragraph; "
                   "the person named before it")


def people_in(p: Paragraph, matcher: Matcher) -> list[Person]:
    """Actors and unknown names mentioned outside quotation marks, in order."""
    mentions = matcher.mentions(p.text)
    found = [Person(Speaker(id=m.entity.id), p.number, m.start, m.entity.person)
             for m in mentions if m.entity.kind == "actor" and
             not quoted(p.text, m.start) and not m.possessive]
    known = matcher.covered(p.text)
    for start, end, name in proper_names(p.text):
        if not quoted(p.text, start) and looks_like_person(name) and not known.overlaps(
                start, end):
            found.append(Person(Speaker(new=name, category="person"), p.number, start, True))
    return sorted(found, key=lambda x: x.start)


def short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
