"""Direct quotations and who said them.

Every passage between double quotation marks is a quotation, kept verbatim (a comma
the attribution put at its end is dropped). Its speaker is read from the attribution
around it, in this order:

1. after it, in the same sentence: `“…,” Grenell said`, `“…,” said Jane Roe`,
   `“…,” according to the ministry`;
2. before it, in the same sentence: `Sikorski said on X: “…”`, and for a few words
   quoted inside a sentence, the subject of its reporting verb (`officials have said
   they would negotiate from a “position of strength”`);
3. a pronoun (`he added`, `she said`) or a title (`the minister said`) stands for the
   nearest person named before it, outside quotation marks;
4. a quotation with no attribution of its own continues the quotation left open at the
   end of the paragraph before (one quotation over several paragraphs), or follows an
   attributed one of its own paragraph (`“…,” Stahl said. “…”`); failing both, it is
   given to the nearest person named before it, marked for the writer to check.

A quotation split by its attribution (`“…,” he said, “…”`) is one quotation, the
attribution left out as `…`. An anonymous speaker (`a senior official said`) is not
guessed: the speaker is left for the writer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from . import clauses
from .entities import Matcher
from .speakers import Person, Speaker, people_in, resolve, short, unattributed
from .text import Paragraph, QuoteSpan, quote_spans, sentence_at

AFTER = re.compile(rf"^\s*,?\s*(?P<who>\S.*?)\s+(?:(?:{'|'.join(sorted(clauses.AUX))})\s+)*"
                   rf"(?P<verb>{clauses.QUOTE_VERBS})\b(?P<rest>.*)$", re.DOTALL)
INVERTED = re.compile(rf"^\s*,?\s*(?P<verb>{clauses.QUOTE_VERBS})\s+(?P<who>[^,.;:]+"
                      r"(?:,[^.;:]*)?)(?P<rest>)", re.DOTALL)
ACCORDING = re.compile(r"^\s*,?\s*according to\s+(?P<who>[^,.;:]+)(?P<rest>.*)$", re.DOTALL)
SPLIT = re.compile(rf"^\s*,?\s*(?P<who>[^.;:]{{1,80}}?)\s+(?:{clauses.QUOTE_VERBS})"
                   rf"(?:\s+[^\s.;:,]+){{0,4}}\s*,\s*$|^\s*,?\s*(?:{clauses.QUOTE_VERBS})\s+"
                   r"(?P<who2>[^.;:,]{1,60}),\s*$")
VENUES = [
    (re.compile(r"\bin an? (?P<p>X|Telegram|Facebook|Instagram|TikTok|Truth Social|"
                r"social media|LinkedIn|YouTube)\s+(?:post|video|message)\b"), "post on {p}"),
    (re.compile(r"\b(?:said|wrote|posted|added|tweeted)\s+on\s+(?P<p>X|Telegram|Facebook|"
                r"Instagram|Truth Social|social media|Twitter)\b"), "post on {p}"),
    (re.compile(r"\bin an? (?P<p>(?:written |joint |televised |video |short )?"
                r"statement|speech|video address|televised address|address)\b"), "{p}"),
    (re.compile(r"\bin an interview with (?P<p>(?:the )?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"),
     "interview with {p}"),
    (re.compile(r"\btold (?P<p>Reuters|AFP|the Associated Press|AP|reporters|"
                r"journalists)\b"), "remarks to {p}"),
    (re.compile(r"\bat an? (?P<p>news conference|press conference|briefing|rally|summit|"
                r"hearing)\b"), "{p}"),
]


@dataclass(frozen=True)
class Quotation:
    paragraph: Paragraph
    text: str
    """The words, verbatim; split quotations joined by …"""
    speaker: Speaker
    venue: str | None
    attribution: str
    """A few words of the attribution as the report gives it, for the writer."""
    continues: bool = False
    """It continues the quotation of the paragraph before."""


def quotations(body: tuple[Paragraph, ...], matcher: Matcher) -> list[Quotation]:
    """Every direct quotation in the report's body, in order, with its speaker."""
    found: list[Quotation] = []
    named: list[Person] = []
    open_chain: list[int] = []          # indices into found of a quotation left open
    for p in body:
        spans = [s for s in quote_spans(p.text) if inner(p.text, s).strip()]
        people = people_in(p, matcher)
        starts = [x.start for x in people]
        groups = merge_split(p.text, spans)
        continued = False
        for n, group in enumerate(groups):
            upto = bisect.bisect_left(starts, group[0].open)
            since = bisect.bisect_left(starts, groups[n - 1][-1].outer_end) if n else upto
            neighbours = (groups[n - 1][-1].outer_end if n else 0,
                          groups[n + 1][0].open if n + 1 < len(groups) else len(p.text))
            quote = read_quote(p, group, neighbours, matcher, [*named, *people[:upto]])
            between = [x for x in people[since:upto] if x.person]
            if n and not quote.speaker.attributed and found[-1].speaker.attributed and \
                    all(x.speaker.id == found[-1].speaker.id for x in between):
                quote = replace(quote, speaker=replace(
                    found[-1].speaker, found="paragraph",
                    how="follows a quotation of the same paragraph, which attributes it"))
            if n == 0 and open_chain and group[0].open == 0:
                quote = chain(found, open_chain, replace(quote, continues=True))
                continued = True
            found.append(quote)
        named += people
        if groups and groups[-1][-1].close is None:
            open_chain = [*open_chain, len(found) - 1] if continued and len(groups) == 1 \
                else [len(found) - 1]
        else:
            open_chain = []
    return found


def chain(found: list[Quotation], members: list[int], quote: Quotation) -> Quotation:
    """A quotation over several paragraphs has one speaker: whoever is attributed in
    any of its paragraphs; the paragraphs before are given the same speaker."""
    if quote.speaker.attributed:
        for i in members:
            if not found[i].speaker.attributed:
                found[i] = replace(found[i], speaker=replace(
                    quote.speaker, found="chain",
                    how=f"the quotation continues to ¶{quote.paragraph.number}, "
                        "which attributes it"))
        return quote
    earlier = [found[i].speaker for i in members if found[i].speaker.attributed]
    if not earlier:
        return quote
    return replace(quote, speaker=replace(
        earlier[0], found="chain",
        how=f"continues the quotation of ¶{found[members[0]].paragraph.number}"))


def inner(text: str, span: QuoteSpan) -> str:
    return text[span.open + 1: span.close if span.close is not None else len(text)]


def merge_split(text: str, spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Group `“…,” he said, “…”` into one quotation."""
    groups: list[list[QuoteSpan]] = []
    for span in spans:
        if groups and groups[-1][-1].close is not None:
            last = groups[-1][-1]
            between = text[last.outer_end:span.open]
            if inner(text, last).rstrip().endswith(",") and SPLIT.match(between):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


def read_quote(p: Paragraph, group: list[QuoteSpan], neighbours: tuple[int, int],
               matcher: Matcher, context: list[Person]) -> Quotation:
    """One quotation; `neighbours`: where the quotation before it ends and the one
    after it starts, which bound its attribution."""
    text = " … ".join(clean(inner(p.text, s)) for s in group)
    first, last = group[0], group[-1]
    sentence = sentence_at(p.text, first.open)
    previous_end, following = neighbours
    end = sentence_at(p.text, last.close).end if last.close is not None else 0
    after = p.text[last.outer_end:min(following, end)] if last.close is not None else ""
    if len(group) > 1:
        after = p.text[first.outer_end:group[1].open]
    before = p.text[max(previous_end, sentence.start):first.open]
    who, clause, how = attribution(after, before)
    fragment = bool(before.strip()) and not before.rstrip().endswith((":", ","))
    speaker = resolve(who, how, matcher, context) if who else unattributed(
        context, fragment)
    venue = find_venue(clause)
    return Quotation(p, text, speaker, venue, short(who or ""))


def clean(words: str) -> str:
    """The quotation's own words: the comma before its closing mark is the report's."""
    return words.strip().rstrip(",").rstrip()


def attribution(after: str, before: str) -> tuple[str | None, str, str]:
    """(the words naming the speaker, the attribution's clause, where it was)."""
    for regex in (INVERTED, ACCORDING, AFTER):
        match = regex.match(after)
        if match and len(match["who"].split()) <= clauses.MAX_WORDS:
            return match["who"].strip().rstrip(","), after, "after"
    verb = clauses.verb_before(before, clauses.QUOTE_VERBS + "|according to")
    if verb is None:
        return None, "", ""
    subject = None if verb.group() == "according to" else clauses.subject_before(
        before[:verb.start()])
    if subject is None:                    # `said Jane Roe: “…”`, `according to X, “…”`
        who = before[verb.end():].strip(" ,:")
        return (who or None), before[verb.start():], "before"
    return subject.text, before[subject.start:], "before"


def find_venue(text: str) -> str | None:
    for regex, shape in VENUES:
        match = regex.search(text)
        if match:
            return shape.format(p=match["p"])
    return None


__all__ = ["Quotation", "Speaker", "quotations"]
