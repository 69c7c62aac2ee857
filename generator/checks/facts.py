"""Key facts and where they come from: the attribution rules (attribution.py) for each
fact, its numbers against the source text, and the article's link to its report.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.checks import attribution
from generator.checks.findings import Finding
from generator.checks.names import NameIndex
from generator.checks.sourcetext import SourceText, numbers
from generator.stages.models import Article
from generator.stages.salvage import absent

WORD = re.compile(r"\w+(?:'\w+)?")


def fact_findings(index: NameIndex, article: Article,
                  source: SourceText | None) -> list[Finding]:
    """Attribution rules for every key fact, and numbers the source does not give."""
    in_source = numbers(source.words) if source else set()
    vocabulary = paragraph_words(source) if source else {}
    findings = []
    for i, fact in enumerate(article.key_facts):
        if absent(fact.text, fact.attribution, fact.status):   # invalid, reported
            continue
        paragraph = best_paragraph(source, vocabulary, fact.text) if source else None
        named = not index.complete or index.named(fact.attribution) or (
            not absent(article.source.outlet)             # unknown counts as named
            and word_in(article.source.outlet, fact.attribution))
        for p in attribution.check(fact.attribution, fact.status, named, paragraph):
            findings.append(Finding(("key_facts", i, "attribution"),
                                    p.message, p.hint, rule=p.rule))
        for number in sorted(numbers(fact.text) - in_source) if source else ():
            findings.append(Finding(
                ("key_facts", i, "text"), f"{number} does not occur in the source text",
                "check the figure against the report",
                rule="number-not-in-source", needle=number))
    return findings


def word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def paragraph_words(source: SourceText) -> dict[str, list[int]]:
    """Which source paragraphs (by index) hold each word, lowercased: read once per
    article, not once per key fact (it was most of the generator's time at 1,000
    articles). An ASCII paragraph is lowercased whole, the same as word by word."""
    where: dict[str, list[int]] = {}
    for n, paragraph in enumerate(source.paragraphs):
        text = paragraph.text
        words = set(WORD.findall(text.lower())) if text.isascii() else \
            {w.lower() for w in WORD.findall(text)}
        for word in words:
            where.setdefault(word, []).append(n)
    return where


def best_paragraph(source: SourceText, vocabulary: dict[str, list[int]],
                   text: str) -> str | None:
    """The source paragraph sharing the most words with `text` (at least three; the
    first of those sharing as many)."""
    shared: Counter[int] = Counter()
    for word in {w.lower() for w in WORD.findall(text) if len(w) > 3}:
        shared.update(vocabulary.get(word, ()))
    if not shared:
        return None
    count, first = max((count, -n) for n, count in shared.items())
    return source.paragraphs[-first].text if count >= 3 else None


def source_findings(article: Article) -> list[Finding]:
    """Readers can follow the explainer back to the report: it needs its address."""
    if article.source.url:
        return []
    return [Finding(("source",), "no link to the original report (source.url)",
                    "add the report's web address as source.url; if it "
                    "has none, accept this warning with the reason (never guess an address)",
                    rule="no-source-url")]
