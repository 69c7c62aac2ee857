"""Acceptances: a writer may accept a rule's warning on a key fact, a quote or the source,
with a reason (`accept:`). Accepted warnings are dropped; an acceptance that matches no
warning is itself a warning, unless its rule could not fire this time (see rules.py).
"""

from __future__ import annotations

from generator.checks.findings import Finding
from generator.checks.rules import RULES, RuleName
from generator.errors import Loc
from generator.stages.models import Article, KeyFact, Quote, Source


def accept(article: Article, findings: list[Finding], has_source: bool,
           names_known: bool) -> list[Finding]:
    """Drop the warnings the writer accepted; flag acceptances that match nothing."""
    kept = []
    for f in findings:
        item = owner(article, f.loc)
        if f.rule and item is not None and f.rule in {a.rule for a in item.accept}:
            continue
        kept.append(f)
    fired = {(f.loc[:2], f.rule) for f in findings if f.rule}
    for j, a in enumerate(article.source.accept):
        if (("source",), a.rule) not in fired:
            kept.append(Finding(("source", "accept", j, "rule"),
                                f"accepted warning '{a.rule}' does not occur here",
                                "remove this entry from accept:"))
    for section in ("key_facts", "quotes"):
        for i, item in enumerate(getattr(article, section)):
            for j, a in enumerate(item.accept):
                if ((section, i), a.rule) in fired or not could_fire(
                        a.rule, has_source, names_known):
                    continue
                kept.append(Finding(
                    (section, i, "accept", j, "rule"),
                    f"accepted warning '{a.rule}' does not occur here",
                    "remove this entry from accept:"))
    return kept


def owner(article: Article, loc: Loc) -> KeyFact | Quote | Source | None:
    """The key fact, quote or source a location belongs to."""
    if loc[:1] == ("source",):
        return article.source
    if len(loc) >= 2 and loc[0] in ("key_facts", "quotes") and isinstance(loc[1], int):
        item: KeyFact | Quote = getattr(article, str(loc[0]))[loc[1]]
        return item
    return None


def could_fire(rule: RuleName, has_source: bool, names_known: bool) -> bool:
    """Whether the rule was in a position to fire: with the source text it compares
    with, and every actor's names known."""
    needs = RULES[rule]
    return (has_source or not needs.needs_source) and (names_known or not needs.needs_names)
