"""Attribution rules for key facts, after the news agencies' own.

- confirmed needs a named or on-record source;
- a plural anonymous attribution ("officials said") must not rest on one source;
- a bare "a source" is not enough;
- an anonymous source must be described by what puts it in a position to know
  ("a source familiar with the decision", "two U.S. officials").

Words are matched as words; this is a reader's checklist, not a parser, and a writer
may accept a warning with a reason in the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.checks.rules import RuleName
from generator.checks.sourcetext import run_table, runs

ANONYMOUS = {"source": "sources", "official": "officials", "person": "people",
             "diplomat": "diplomats", "aide": "aides", "insider": "insiders",
             "officer": "officers", "adviser": "advisers", "spokesperson": "spokespeople"}
SINGULAR = set(ANONYMOUS)
PLURAL = set(ANONYMOUS.values())
PLACED_BY_ROLE = {"official", "officials", "diplomat", "diplomats", "aide", "aides",
                  "officer", "officers", "adviser", "advisers", "spokesperson",
                  "spokespeople", "insider", "insiders"}
DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "several", "some",
               "many", "other", "same", "these", "those", "both", "multiple", "more",
               "and", "or", "of", "by"}
PLACEMENT = re.compile(
    r"^\s*(familiar with|with (direct )?knowledge|briefed on|close to|involved in|"
    r"aware of|who (was|were|is|are|has|have|attended|saw|heard|took part)|"
    r"with access to|present at|at the)\b", re.IGNORECASE)
ON_RECORD = re.compile(
    r"\b(on the record|statement|public(ly)?|on X|post(ed)?|told reporters|announced|"
    r"press conference|interview|testimony|wrote|published)\b", re.IGNORECASE)
NOUN = re.compile(r"\b(" + "|".join(sorted(SINGULAR | PLURAL, key=len, reverse=True))
                  + r")\b", re.IGNORECASE)
HEAD = re.compile(r",|;|\(|\band\b|\bor\b")
"""What ends the words describing a source, going back from its noun."""


@dataclass(frozen=True)
class Problem:
    rule: RuleName
    message: str
    hint: str


@dataclass(frozen=True)
class Mention:
    """One anonymous source in an attribution: "two U.S. officials"."""

    noun: str
    before: list[str]
    """The words that describe it, back to the previous comma or 'and'."""
    after: str
    """The rest of the attribution, to find "familiar with ..."."""

    @property
    def plural(self) -> bool:
        return self.noun.lower() in PLURAL


def mentions(text: str) -> Iterator[Mention]:
    for match in NOUN.finditer(text):
        head = HEAD.split(text[:match.start()])[-1]
        yield Mention(match.group(1), head.split(), text[match.end():])


def described(m: Mention) -> bool:
    """Whether any word besides 'a', 'the', 'two' ... describes the source."""
    return any(w.lower() not in DETERMINERS for w in m.before) or bool(
        PLACEMENT.match(m.after))


def placed(m: Mention) -> bool:
    """Whether the words say what puts the source in a position to know."""
    return bool(PLACEMENT.match(m.after)) or (
        m.noun.lower() in PLACED_BY_ROLE and described(m))


def check(attribution: str, status: str, named: bool,
          paragraph: Callable[[], str | None]) -> list[Problem]:
    """Every rule the attribution breaks. `named`: it names an actor or the outlet;
    `paragraph()`: the source's paragraph this fact comes from, when known (asked only
    for a plural attribution: finding it is most of the cost of a key fact's check)."""
    problems: list[Problem] = []
    found = list(mentions(attribution))
    if status == "confirmed" and (found or not (named or ON_RECORD.search(attribution))):
        problems.append(Problem(
            "confirmed-needs-named-source",
            f"status confirmed, but '{attribution}' is not a named or on-record source",
            "name who said it on the record, or use status reported"))
    for m in found:
        if m.noun.lower() == "source" and not described(m):
            problems.append(Problem(
                "bare-source", f"'{attribution}': a bare 'a source' is not enough",
                "say who the source is and why they would know, e.g. "
                "'a source familiar with the decision'"))
        elif not placed(m):
            problems.append(Problem(
                "source-not-placed",
                f"'{attribution}' does not say why the {m.noun} would know",
                "describe their position, e.g. 'familiar with the decision' or "
                "'U.S. officials'"))
    plural = [m for m in found if m.plural]
    if plural and (source := paragraph()) is not None and rests_on_one(source):
        problems.append(Problem(
            "plural-attribution-one-source",
            f"'{attribution}' is plural, but the source gives this to one person",
            "use the singular, as the source does"))
    return problems


def rests_on_one(paragraph: str) -> bool:
    """The source paragraph names a single anonymous source and no plural one."""
    nouns = nouns_in(paragraph)
    return bool(nouns & SINGULAR) and not nouns & PLURAL


NOUNS = SINGULAR | PLURAL
WORDS = run_table("_")
"""Word characters: a match of NOUN in ASCII text is a whole run of them."""


def nouns_in(text: str) -> set[str]:
    """The nouns of anonymous sources a text names, lowercased: NOUN's matches. In
    ASCII text a match is a whole run of word characters, so the runs are cut with a
    byte table (WORDS) and compared, ten times faster than the regex."""
    if not text.isascii():
        return {noun.lower() for noun in NOUN.findall(text)}
    return NOUNS.intersection(runs(text, WORDS))
