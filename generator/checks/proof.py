"""Quotes and figures proven against the source, now or on record.

With the source at hand, the checks' results make the record `explainer verify` would
write (`fresh_record`), and a record that says less than they do is flagged (`stale`).
Without it, the record stands in for the source (`on_record`): quotes whose fingerprint
is on record are verified, and a quote or fact edited since is reported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.checks import record
from generator.checks.findings import Finding
from generator.checks.record import Match, Record
from generator.checks.sourcetext import SourceText, numbers
from generator.stages.models import Article

UNVERIFIED = "quote unverified"
FIGURES = "number-not-in-source"


def fresh_record(article_id: str, article: Article, source: SourceText | None,
                 verified: set[int], found: list[Finding], path: Path | None
                 ) -> Record | None:
    """What the checks just proved against the source, as a record (None without it)."""
    if source is None or path is None:
        return None
    quotes = {}
    for i in sorted(verified):
        match = source.find(article.quotes[i].text)
        if match is not None:
            quotes[record.quote_print(article.quotes[i])] = Match(
                match.paragraph.line, match.start)
    unproven = {f.loc[1] for f in found if f.rule == FIGURES}
    facts = {record.fact_print(fact): sorted(numbers(fact.text))
             for i, fact in enumerate(article.key_facts)
             if fact.text and numbers(fact.text) and i not in unproven}
    try:                                # the bytes the source was read from, if it was
        checksum = source.sha256 or record.checksum(path)
    except OSError:
        return None
    return Record(article_id, article.source.text or path.as_posix(), checksum,
                  dt.date.today(), quotes, facts)


def on_record(article: Article, kept: Record, found: list[Finding], shown: str
              ) -> tuple[list[Finding], set[int], dict[int, str]]:
    """Without the source: the findings, verified quotes and proofs the record gives."""
    told = proof(article, kept)
    verified = {i for i, q in enumerate(article.quotes)
                if q.text is not None and record.quote_print(q) in kept.quotes}
    day = f"{kept.verified_on.day} {kept.verified_on:%B %Y}"
    kept_findings = []
    for f in found:
        if f.loc[:1] == ("quotes",) and f.message.startswith(UNVERIFIED):
            if f.loc[1] in verified:
                continue
            f = Finding(f.loc, f"{UNVERIFIED}: it is not the quote checked against the "
                        f"source on {day} ({shown})", "if you changed it, check it against "
                        "the report, then run `explainer verify --source FILE`",
                        needle=f.needle)
        kept_findings.append(f)
    for i, fact in enumerate(article.key_facts):
        if fact.text and numbers(fact.text) and record.fact_print(fact) not in kept.facts:
            kept_findings.append(Finding(
                ("key_facts", i, "text"), f"the figures in this fact are not the ones "
                f"checked against the source on {day} ({shown})",
                "check them against the report, then run `explainer verify --source FILE`"))
    return kept_findings, verified, {i: told for i in verified}


def proof(article: Article, kept: Record | None) -> str:
    """What readers are told of a verified quote: against what, and when if recorded."""
    report = f"the {article.source.outlet} report"
    if article.source.published:
        report += f" of {article.source.published.day} {article.source.published:%B %Y}"
    when = (f", on {kept.verified_on.day} {kept.verified_on:%B %Y}" if kept else "")
    return f"Verified word for word against {report}{when}"


def stale(kept: Record | None, fresh: Record | None, shown: str) -> list[Finding]:
    """A record that does not hold what the check just proved: the published site,
    built without the source, would show less than is true."""
    if fresh is None or record.same_checks(kept, fresh):
        return []
    what = f"there is no verification record ({shown})" if kept is None else \
        f"the verification record {shown} is out of date"
    return [Finding(("source", "text"), f"{what}: the site built without the source "
                    "will show these quotes as unverified",
                    "run `explainer verify` and commit the record it writes")]

