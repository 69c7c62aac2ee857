"""The editorial rules a writer may accept, in one place.

Each rule's name is what `explainer check` prints in brackets after its warning and what
a writer writes under `accept:` (the models take their closed set of names from here);
what it checks is the README's table, word for word (a test holds them together); and
what it needs says when it can fire at all, so that an acceptance of a rule that could
not fire is not called pointless.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

RuleName = Literal["confirmed-needs-named-source", "plural-attribution-one-source",
                   "bare-source", "source-not-placed", "number-not-in-source",
                   "quote-speaker", "no-source-url"]


@dataclass(frozen=True)
class Rule:
    checks: str
    """What the rule asks for, as the README's table of checks says it."""
    needs_source: bool = False
    """It compares with the source text: without one it cannot fire."""
    needs_names: bool = False
    """It reads who the texts name: while an actor is invalid it cannot fire."""


RULES: dict[RuleName, Rule] = {
    "no-source-url": Rule("a published article with no `source.url`"),
    "quote-speaker": Rule(
        'the source paragraph of a quote (or the one before, for "he added") names '
        "another person or organisation than the speaker",
        needs_source=True, needs_names=True),
    "confirmed-needs-named-source": Rule("`confirmed` needs a named or on-record source",
                                         needs_names=True),
    "plural-attribution-one-source": Rule(
        'a plural attribution ("officials") where the source paragraph has a single '
        "anonymous source", needs_source=True),
    "bare-source": Rule('a bare "a source"'),
    "source-not-placed": Rule(
        'an anonymous source must say why it is well placed ("familiar with the '
        'decision", "U.S. officials")'),
    "number-not-in-source": Rule(
        "a number in a key fact that does not occur in the source text", needs_source=True),
}
assert set(RULES) == set(get_args(RuleName)), "every rule name has its entry"


def tagged(message: str, rule: RuleName) -> str:
    """A rule's warning as `check` prints it: the message, then the rule in brackets."""
    return f"{message} [{rule}]"
