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
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.checks import attribution, record
from generator.checks.dates import date_findings
from generator.checks.findings import Finding, place
from generator.checks.proof import UNVERIFIED, fresh_record, on_record, proof, stale
from generator.checks.record import Record
from generator.checks.sourcetext import Paragraph, SourceText, missing_file, numbers, outside
from generator.checks.units import mismatched_pairs
from generator.errors import ContentError, Loc, Result
from generator.kinds import KINDS
from generator.stages.discover import Stamp, stamp
from generator.stages.models import Article, KeyFact, Quote, Source
from generator.stages.resolve import Resolved
from generator.stages.validate import Content

ALL_ARTICLES = ""
NEEDS_SOURCE = {"number-not-in-source", "plural-attribution-one-source", "quote-speaker"}
NEEDS_NAMES = {"quote-speaker", "confirmed-needs-named-source"}
"""Rules that cannot fire while an actor is invalid (its names are unknown)."""
WORD = re.compile(r"\w+(?:'\w+)?")
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

    def quote_verified(self, quote: Quote) -> str:
        """How the quote was verified, for readers ('' when it was not). For views,
        which hold the quote itself rather than its place."""
        return self._proof_of.get(id(quote), "")

    @cached_property
    def _proof_of(self) -> dict[int, str]:
        # By the identity of this run's own quotes: valid while this Verified holds them.
        articles = self.resolved.content.articles
        return {id(articles[a].quotes[i]): self.proofs.get((a, i), "")
                for a, i in self.checked_quotes}


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
    memo = memo if memo is not None and not given else {}
    for article_id, article in content.articles.items():
        key = (content.document("article", article_id).stamp, source_stamp(article, root),
               index.signature, stamp(record.path_of(root / "content", article_id)))
        if article_id not in memo or memo[article_id][0] != key:
            memo[article_id] = (key, checked_article(content, index, article_id, root,
                                                     given))
        result = memo[article_id][1]
        findings += result.findings + place(content.document("article", article_id),
                                            date_findings(article, today))
        checked |= {(article_id, i) for i in result.verified}
        proofs |= {(article_id, i): text for i, text in result.proofs.items()}
        if result.fresh is not None:
            fresh[article_id] = result.fresh
    for gone in set(memo) - set(content.articles):
        del memo[gone]
    for kind in (k for k in KINDS if k != "article"):  # their summaries
        for id_, item in content.of[kind].items():
            found = unit_findings(("summary",), item.summary)
            findings += place(content.document(kind, id_), found)
    return Result(Verified(resolved, frozenset(checked), proofs, fresh), tuple(findings))


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
    absent = None if given or kept is not None or not article.source.text \
        else missing_file(article.source.text, root)
    if absent:   # the path is wrong: that is the problem, not each unverified quote
        found = [Finding(("source", "text"), *absent, severity="error")] + [
            f for f in found if not f.message.startswith(UNVERIFIED)]
    if source is None and kept is not None:
        found, verified, proofs = on_record(article, kept, found, shown)
    else:
        proofs = {i: proof(article, kept if record.same_checks(kept, fresh) else None)
                  for i in verified}
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
        finding = check_quote(content, index, i, quote, source, why)
        if source is not None and (finding is None or finding.severity != "error"):
            verified.add(i)
        findings += [finding] if finding else []
    findings += fact_findings(index, article, source)
    findings += source_findings(article)
    for loc, text in prose(article):
        findings += unit_findings(loc, text)
    return findings, verified


def check_quote(content: Content, index: NameIndex, i: int, quote: Quote,
                source: SourceText | None, why: str) -> Finding | None:
    loc = ("quotes", i, "text")
    start = " ".join(quote.text.split()[:3])
    if source is None:
        return Finding(loc, f"{UNVERIFIED}: {why}",
                       "set source.text to a plain-text copy of the report, or run "
                       "`explainer check --source FILE`", needle=start)
    found = source.find(quote.text)
    if found is None:
        words, marks = unwrapped(quote.text)
        return mismatch(source, loc, words, marks, bool(marks) and
                        source.find(words) is not None, start)
    if not index.complete or quote.speaker not in content.actors:
        return None         # who else the source names is not known: an actor is invalid
    other = other_speaker(index, quote.speaker, outside(found),
                          previous(source, found.paragraph))
    if other is None:
        return None
    return Finding(("quotes", i, "speaker"),
                   f"quote given to '{quote.speaker}', but the source's paragraph "
                   f"(line {found.paragraph.line}) names {content.actors[other].name}",
                   f"check who said it; the speaker may be '{other}'", rule="quote-speaker")


def mismatch(source: SourceText, loc: Loc, words: str, marks: str, found: bool,
             start: str) -> Finding:
    """A quote that is not in the source: the quotation marks around it, when there
    are some, and otherwise (or also) the closest passage and a word diff."""
    remove = f"remove the quotation marks {marks} around the text (the site adds its own)"
    if found:
        return Finding(loc, f"quote does not match the source: the text is wrapped in "
                       f"quotation marks {marks}", remove, severity="error", needle=start)
    close = source.closest(words)
    hint = (f'closest passage, {source.path} line {close.paragraph.line}: '
            f'"{close.passage}"')
    return Finding(loc, f"quote does not match the source: {close.diff}",
                   f"{remove}; {hint}" if marks else hint, severity="error", needle=start)


QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2039\u203a"


def unwrapped(text: str) -> tuple[str, str]:
    """The quote without quotation marks around the whole of it, and those marks."""
    stripped = text.strip()
    if len(stripped) > 2 and stripped[0] in QUOTE_MARKS and stripped[-1] in QUOTE_MARKS \
            and not any(c in QUOTE_MARKS for c in stripped[1:-1]):
        return stripped[1:-1], f"{stripped[0]} {stripped[-1]}"
    return text, ""


def source_findings(article: Article) -> list[Finding]:
    """Readers can follow the explainer back to the report: it needs its address."""
    if article.source.url:
        return []
    return [Finding(("source",), "no link to the original report (source.url) "
                    "[no-source-url]", "add the report's web address as source.url; if it "
                    "has none, accept this warning with the reason (never guess an address)",
                    rule="no-source-url")]


def previous(source: SourceText, paragraph: Paragraph) -> str:
    index = source.paragraphs.index(paragraph)
    return source.paragraphs[index - 1].text if index else ""


def other_speaker(index: NameIndex, speaker: str, *texts: str) -> str | None:
    """The person or organisation the source names instead of `speaker`, if any.

    The quote's own paragraph is read first (without the quoted words); a paragraph
    that names nobody ("..., he added.") refers back to the one before. A speaker's
    organisation, or a member of it, naming the speaker counts as the speaker.
    """
    for text in texts:
        named = index.actors_in(text)
        if named & index.related(speaker):
            return None
        if named & index.speakers:
            return min(named & index.speakers)
    return None


class NameIndex:
    """Every actor's names (name, aliases, a person's surname), matched as whole words."""

    def __init__(self, content: Content):
        self.ids: dict[str, set[str]] = {}
        for actor_id, actor in content.actors.items():
            surname = [actor.name.split()[-1]] if actor.kind == "person" else []
            for name in (actor.name, *actor.aliases, *surname):
                self.ids.setdefault(name, set()).add(actor_id)
        self.speakers = {a for a, x in content.actors.items()
                         if x.kind in ("person", "organization")}
        self.affiliation = {a: x.affiliation for a, x in content.actors.items()}
        self.complete = not any(kind == "actor" for kind, _ in content.invalid)
        """Whether every actor's names are known (none is invalid)."""
        self.signature = tuple((a, x.name, tuple(x.aliases), x.kind, x.affiliation)
                               for a, x in content.actors.items())
        names = sorted(self.ids, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"
                                  if names else r"(?!x)x")

    def related(self, actor_id: str) -> set[str]:
        """The actor, what it belongs to, and who belongs to it: any may speak for it."""
        members = {a for a, parent in self.affiliation.items() if parent == actor_id}
        return {actor_id, *members, *filter(None, [self.affiliation.get(actor_id)])}

    def actors_in(self, text: str) -> set[str]:
        return {a for m in self.pattern.finditer(text) for a in self.ids[m.group(0)]}

    def named(self, text: str) -> bool:
        return self.pattern.search(text) is not None


def fact_findings(index: NameIndex, article: Article,
                  source: SourceText | None) -> list[Finding]:
    """Attribution rules for every key fact, and numbers the source does not give."""
    in_source = numbers(source.words) if source else set()
    vocabulary = paragraph_words(source) if source else []
    findings = []
    for i, fact in enumerate(article.key_facts):
        paragraph = best_paragraph(source, vocabulary, fact.text) if source else None
        named = not index.complete or index.named(fact.attribution) or word_in(
            article.source.outlet, fact.attribution)     # unknown counts as named
        for p in attribution.check(fact.attribution, fact.status, named, paragraph):
            findings.append(Finding(("key_facts", i, "attribution"),
                                    f"{p.message} [{p.rule}]", p.hint, rule=p.rule))
        for number in sorted(numbers(fact.text) - in_source) if source else ():
            findings.append(Finding(
                ("key_facts", i, "text"), f"{number} does not occur in the source text "
                "[number-not-in-source]", "check the figure against the report",
                rule="number-not-in-source", needle=number))
    return findings


def word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def paragraph_words(source: SourceText) -> list[set[str]]:
    """The words of each source paragraph, lowercased: read once per article, not once
    per key fact (it was most of the generator's time at 1,000 articles)."""
    return [{w.lower() for w in WORD.findall(p.text)} for p in source.paragraphs]


def best_paragraph(source: SourceText, vocabulary: list[set[str]],
                   text: str) -> str | None:
    """The source paragraph sharing the most words with `text` (at least three)."""
    wanted = {w.lower() for w in WORD.findall(text) if len(w) > 3}
    scored = [(len(wanted & words), -n, p.text)
              for n, (p, words) in enumerate(zip(source.paragraphs, vocabulary, strict=True))]
    best = max(scored)
    return best[2] if best[0] >= 3 else None


def prose(article: Article) -> list[tuple[Loc, str]]:
    """Every text in our own words (quotes are verbatim, so not theirs to fix)."""
    texts: list[tuple[Loc, str]] = [(("standfirst",), article.standfirst),
                                    (("summary",), article.summary),
                                    (("why_it_matters",), article.why_it_matters)]
    texts += [(("key_facts", i, "text"), f.text) for i, f in enumerate(article.key_facts)]
    texts += [(("timeline", i, "event"), e.event) for i, e in enumerate(article.timeline)]
    texts += [(("unknowns", i), u) for i, u in enumerate(article.unknowns)]
    texts += [(("quotes", i, "context"), q.context) for i, q in enumerate(article.quotes)]
    return texts


def unit_findings(loc: Loc, text: str) -> list[Finding]:
    found = []
    for pair in mismatched_pairs(text):
        if pair.agrees:
            found.append(Finding(loc, f"'{pair.text}': a rough figure converted too "
                                 f"precisely", f"write {pair.expected}", needle=pair.text))
        else:
            found.append(Finding(loc, f"'{pair.text}': the two units disagree",
                                 f"the conversion gives {pair.expected}", "error",
                                 needle=pair.text))
    return found


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
                if ((section, i), a.rule) in fired or (
                        a.rule in NEEDS_SOURCE and not has_source) or (
                        a.rule in NEEDS_NAMES and not names_known):
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
