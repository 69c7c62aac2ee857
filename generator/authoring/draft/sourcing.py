"""Sentences that say who says so: key-fact candidates with their attribution.

A sentence outside quotation marks with a reporting verb (`said`, `believes`,
`warned`, `according to`) gives a candidate: the attribution is the verb's subject as
the report words it (`two U.S. officials and a source familiar with the decision`),
and the status is suggested from it, after the attribution rules of the editorial
checks (`checks/attribution.py`):

- anonymous sources (`officials`, `a source familiar with …`): reported;
- a named side (`Russia has warned`, `Ukraine said`): claimed, to be raised to
  confirmed by the writer once it is on the record;
- `declined to comment`, `did not respond`: confirmed, on the outlet's own word.

The fact itself is never taken from the sentence: that is the writer's to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.checks.attribution import mentions

from . import clauses
from .entities import Matcher
from .text import Paragraph, Span, excerpt, quote_spans, sentences

DECLINED = re.compile(r"\b(?:declined to comment|did not (?:immediately )?(?:respond|reply|"
                      r"return|comment)|could not be reached|had no immediate comment|"
                      r"no immediate comment)\b")
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:()]+)")
DEFINITE = re.compile(r"^the (?:sources?|officials?|diplomats?|people|person|aides?)$")
NOT_SOURCES = clauses.PRONOUNS | {"there", "this", "that", "some", "many"}


@dataclass(frozen=True)
class Sourced:
    paragraph: Paragraph
    sentence: Span
    attribution: str
    status: str
    why: str
    """Why this status is suggested."""
    pointer: str
    """A few words around the attribution, to find the sentence in the report."""
    actors: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    refers_to: str | None = None
    """For `the sources`: the fuller attribution given to them earlier."""


def key_facts(body: tuple[Paragraph, ...], matcher: Matcher, outlet: str | None
              ) -> list[Sourced]:
    found: list[Sourced] = []
    for p in body:
        for sentence in sentences(p.text):
            words = sentence.of(p.text)
            if quote_spans(words):
                continue                 # a quotation, drafted as a quote
            candidate = sourced(p, sentence, outlet)
            if candidate is not None:
                found.append(with_names(candidate, matcher, words, found))
    return found


def sourced(p: Paragraph, sentence: Span, outlet: str | None) -> Sourced | None:
    words = sentence.of(p.text)
    declined = DECLINED.search(words)
    if declined:
        return Sourced(p, sentence, outlet or "", "confirmed",
                       "the report's own account that they did not comment",
                       excerpt(p.text, sentence.start + declined.start(),
                               sentence.start + declined.end(), words=6))
    for who, start, end in subjects(words):
        if who.lower() in NOT_SOURCES or who.split()[0].lower() in NOT_SOURCES:
            continue
        status, why = suggest(who)
        return Sourced(p, sentence, lower_article(who), status, why,
                       excerpt(p.text, sentence.start + start, sentence.start + end))
    return None


def subjects(words: str) -> list[tuple[str, int, int]]:
    """(attribution, start, end of the attribution and its verb) for each verb."""
    found = [(m["who"].strip(), m.start(), m.end()) for m in ACCORDING.finditer(words)]
    for verb in re.finditer(rf"(?<![\w-])(?:{clauses.VERBS})\b", words):
        subject = clauses.subject_before(words[:verb.start()])
        if subject is not None:
            found.append((subject.text, subject.start, verb.end()))
    return sorted(found, key=lambda item: item[1])


def suggest(attribution: str) -> tuple[str, str]:
    if list(mentions(attribution)):
        return "reported", "anonymous sources: reported"
    return "claimed", ("one side's word: claimed, or confirmed once it is on the record "
                       "and checked")


def lower_article(text: str) -> str:
    """`The U.S.` -> `the U.S.`: an attribution reads inside a sentence."""
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", text)


def with_names(candidate: Sourced, matcher: Matcher, words: str,
               earlier: list[Sourced]) -> Sourced:
    """The actors, weapons and places the sentence names, and what `the sources`
    refers to."""
    named = matcher.mentions(words)
    actors, weapons, places = (tuple(dict.fromkeys(
        m.entity.id for m in named if m.entity.kind == kind))
        for kind in ("actor", "weapon", "place"))
    refers = None
    if DEFINITE.match(candidate.attribution.lower()):
        fuller = [c for c in earlier if c.status == "reported" and
                  not c.attribution.lower().startswith("the ")]
        if fuller:
            refers = f"¶{fuller[0].paragraph.number}: {fuller[0].attribution}"
    return Sourced(candidate.paragraph, candidate.sentence, candidate.attribution,
                   candidate.status, candidate.why, candidate.pointer, actors, weapons,
                   places, refers)
