"""Key facts and where they come from: the attribution rules (attribution.py) for each
fact, its numbers against the source text, and the article's link to its report.
"""

from __future__ import annotations

import re
from functools import partial

from generator.checks import attribution
from generator.checks.findings import Finding
from generator.checks.names import NameIndex
from generator.checks.sourcetext import SourceText, numbers, words_of
from generator.stages.models import Article
from generator.stages.salvage import absent


def fact_findings(index: NameIndex, article: Article,
                  source: SourceText | None) -> list[Finding]:
    """Attribution rules for every key fact, and numbers the source does not give."""
    findings = []
    for i, fact in enumerate(article.key_facts):
        if absent(fact.text, fact.attribution, fact.status):   # invalid, reported
            continue
        paragraph = partial(best_paragraph, source, fact.text) if source else nothing
        named = not index.complete or index.named(fact.attribution) or (
            not absent(article.source.outlet)             # unknown counts as named
            and word_in(article.source.outlet, fact.attribution))
        for p in attribution.check(fact.attribution, fact.status, named, paragraph):
            findings.append(Finding(("key_facts", i, "attribution"),
                                    p.message, p.hint, rule=p.rule))
        figures = numbers(fact.text)                  # the source's are found if needed
        for number in sorted(figures - source.figures) if source and figures else ():
            findings.append(Finding(
                ("key_facts", i, "text"), f"{number} does not occur in the source text",
                "check the figure against the report",
                rule="number-not-in-source", needle=number))
    return findings


def nothing() -> None:
    """No source paragraph: there is no source."""


def word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def best_paragraph(source: SourceText, text: str) -> str | None:
    """The source paragraph sharing the most words with `text` (at least three; the
    first of those sharing as many). Each paragraph's words are the source's, worked
    out once for all its key facts."""
    shared = list(map(len, map(words_of(text, longer_than=3).intersection,
                               source.vocabulary)))
    most = max(shared, default=0)
    return source.paragraphs[shared.index(most)].text if most >= 3 else None


def source_findings(article: Article) -> list[Finding]:
    """Readers can follow the explainer back to the report: it needs its address."""
    if article.source.url:
        return []
    return [Finding(("source",), "no link to the original report (source.url)",
                    "add the report's web address as source.url; if it "
                    "has none, accept this warning with the reason (never guess an address)",
                    rule="no-source-url")]
