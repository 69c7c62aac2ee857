"""Stage 3b, verify: editorial integrity, checked after resolve and before render.

For each article, against its source text (`source.text`, or `explainer check --source`):
quotes must appear verbatim and be given to the speaker the source names; numbers in
key facts must occur in the source. Without a source text the quotes are reported as
unverified. Always: attributions follow the agencies' rules, and distances written in
two units agree. A mismatched quote or distance is an error; the rest are warnings,
which a writer may accept with a reason (`accept:` on the key fact or quote).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks import record
from generator.checks.acceptances import accept
from generator.checks.dates import date_findings
from generator.checks.facts import fact_findings, source_findings
from generator.checks.findings import Finding, place
from generator.checks.names import NameIndex
from generator.checks.proof import UNVERIFIED, fresh_record, on_record, proof, stale
from generator.checks.quotes import check_quote
from generator.checks.record import Record
from generator.checks.sourcetext import SourceText, missing_file
from generator.checks.units import prose, unit_findings
from generator.errors import ContentError, Result
from generator.kinds import KINDS
from generator.stages.discover import Stamp, stamp
from generator.stages.models import Article, Quote
from generator.stages.resolve import Resolved
from generator.stages.salvage import absent
from generator.stages.validate import Content

ALL_ARTICLES = ""


QuoteKey = tuple[str, int]
"""A quote by its place: (article id, index in the article's quotes)."""


@dataclass(frozen=True)
class Verified:
    """Resolved content that went through the editorial checks."""

    resolved: Resolved
    checked_quotes: frozenset[QuoteKey]
    """The quotes found verbatim in their source text, or on record."""
    proofs: dict[QuoteKey, str] = field(default_factory=dict)
    """What a reader is told of each verified quote: against what, and when."""
    fresh: dict[str, Record] = field(default_factory=dict)
    """Per article checked against its source now: the record `explainer verify` writes."""

    def quote_verified(self, article_id: str, quote: Quote) -> str:
        """How a quote of the article was verified, for readers ('' when it was not).
        For views, which hold the quote itself: it is found by its value among the
        article's quotes, so the answer never depends on which objects are alive."""
        for index, kept in enumerate(self.resolved.content.articles[article_id].quotes):
            if (kept is quote or kept == quote) and (article_id, index) in self.checked_quotes:
                return self.proofs.get((article_id, index), "")
        return ""


@dataclass(frozen=True)
class ArticleChecks:
    """One article's results: located findings, verified quotes (by index) with what
    readers are told of each, and the record a check against the source would write."""

    findings: list[ContentError]
    verified: set[int]
    proofs: dict[int, str]
    fresh: Record | None


Memo = dict[str, tuple[tuple[object, ...], ArticleChecks]]
"""Per article: what its findings depended on, and its results."""


def verify(resolved: Resolved, root: Path, sources: Mapping[str, Path] | None = None,
           memo: Memo | None = None, today: dt.date | None = None) -> Result[Verified]:
    """Run every check on every article, actor and weapon; the findings are the
    problems of the result (a mismatched quote or distance is an error). Dates are
    judged against `today` (the real one by default).

    With a memo (`explainer serve`), an article whose file, source text, record and
    actors' names are all as last time keeps last time's results instead of being
    re-checked.
    """
    content, today = resolved.content, today or dt.date.today()
    given, problems = given_sources(content, sources or {})
    if problems:
        return Result(Verified(resolved, frozenset()), tuple(problems))
    findings: list[ContentError] = []
    checked: set[QuoteKey] = set()
    proofs: dict[QuoteKey, str] = {}
    fresh: dict[str, Record] = {}
    index = NameIndex(content)
    memo = memo if not given else None              # given sources: checked afresh
    for article_id, article in content.articles.items():
        result = article_checks(content, index, article_id, root, given, memo)
        findings += result.findings + place(content.document("article", article_id),
                                            date_findings(article, today))
        checked |= {(article_id, i) for i in result.verified}
        proofs |= {(article_id, i): text for i, text in result.proofs.items()}
        if result.fresh is not None:
            fresh[article_id] = result.fresh
    if memo is not None:
        for gone in set(memo) - set(content.articles):
            del memo[gone]                          # deleted since: forgotten
    for kind in (k for k in KINDS if k != "article"):  # their summaries
        for id_, item in content.of[kind].items():
            found = unit_findings(("summary",), item.summary) if item.summary else []
            findings += place(content.document(kind, id_), found)
    return Result(Verified(resolved, frozenset(checked), proofs, fresh), tuple(findings))


def article_checks(content: Content, index: NameIndex, article_id: str, root: Path,
                   given: Mapping[str, SourceText], memo: Memo | None) -> ArticleChecks:
    """One article's results; with a memo, last time's when its file, source text,
    record and the actors' names are all as they were (without one, nothing is stat-ed
    for it)."""
    if memo is None:
        return checked_article(content, index, article_id, root, given)
    key = (content.document("article", article_id).stamp,
           source_stamp(content.articles[article_id], root), index.signature,
           stamp(record.path_of(root / "content", article_id)))
    if article_id not in memo or memo[article_id][0] != key:
        memo[article_id] = (key, checked_article(content, index, article_id, root, given))
    return memo[article_id][1]


def given_sources(content: Content, sources: Mapping[str, Path]
                  ) -> tuple[dict[str, SourceText], list[ContentError]]:
    """The source texts given with `--source`, read once, or why they cannot be used."""
    unknown = sorted(set(sources) - set(content.articles) - {ALL_ARTICLES})
    if unknown:
        return {}, [ContentError(
            "content/articles", 1, 1, f"--source names no article '{unknown[0]}'",
            f"use one of: {', '.join(content.articles)}")]
    given, errors = {}, []
    for article_id, path in sources.items():
        try:
            given[article_id] = SourceText.read(path, str(path))
        except (OSError, ValueError) as exc:
            errors.append(ContentError(str(path), 1, 1, f"cannot read the source text "
                                       f"({reason(exc)})", "check the path given to --source"))
    return given, errors


def checked_article(content: Content, index: NameIndex, article_id: str, root: Path,
                    given: Mapping[str, SourceText]) -> ArticleChecks:
    """One article's results: against its source when it is at hand, else against the
    verification record."""
    article = content.articles[article_id]
    source, why = read_source(article, root, given, article_id)
    shown = f"content/{record.FOLDER}/{article_id}.json"
    kept, problem = record.read(root / "content", article_id, shown)
    found, verified = check_article(content, index, article, source, why)
    fresh = fresh_record(article_id, article, source, verified, found,
                         given_path(article, root, given, article_id))
    missing = None if given or kept is not None or not article.source.text \
        else missing_file(article.source.text, root)
    if missing:   # the path is wrong: that is the problem, not each unverified quote
        found = [Finding(("source", "text"), *missing, severity="error")] + [
            f for f in found if not f.message.startswith(UNVERIFIED)]
    if source is None and kept is not None:
        found, verified, proofs = on_record(article, kept, found, shown)
    else:
        told = proof(article, kept if record.same_checks(kept, fresh) else None)
        proofs = dict.fromkeys(verified, told)     # the same words for each of its quotes
        found += stale(kept, fresh, shown)
    errors = place(content.document("article", article_id),
                   accept(article, found, source is not None or kept is not None,
                          index.complete))
    return ArticleChecks(errors + ([problem] if problem else []), verified, proofs, fresh)


def source_stamp(article: Article, root: Path) -> Stamp | None:
    """The stamp of the article's source text (None when it names none)."""
    return stamp(root / article.source.text) if article.source.text else None


def read_source(article: Article, root: Path, given: Mapping[str, SourceText],
                article_id: str) -> tuple[SourceText | None, str]:
    """The article's source text, or None and why it is not available."""
    source = given.get(article_id) or given.get(ALL_ARTICLES)
    if source is not None:
        return source, ""
    if article.source.text is None:
        return None, "the article names no source text (source.text)"
    try:
        return SourceText.read(root / article.source.text, article.source.text), ""
    except (OSError, ValueError) as exc:
        return None, f"source text {article.source.text} unavailable ({reason(exc)})"


def given_path(article: Article, root: Path, given: Mapping[str, SourceText],
               article_id: str) -> Path | None:
    """The file the source text is read from (None when the article names none)."""
    source = given.get(article_id) or given.get(ALL_ARTICLES)
    if source is not None:
        return Path(source.path)        # as given to --source
    return root / article.source.text if article.source.text else None


def reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def check_article(content: Content, index: NameIndex, article: Article,
                  source: SourceText | None, why: str) -> tuple[list[Finding], set[int]]:
    """Findings for one article, and the indices of its verified quotes."""
    findings, verified = [], set()
    for i, quote in enumerate(article.quotes):
        if absent(quote.text, quote.speaker):        # invalid, reported: not checked
            continue
        finding = check_quote(content, index, i, quote, source, why)
        if source is not None and (finding is None or finding.severity != "error"):
            verified.add(i)
        findings += [finding] if finding else []
    findings += fact_findings(index, article, source)
    findings += source_findings(article)
    for loc, text in prose(article):
        findings += unit_findings(loc, text)
    return findings, verified
