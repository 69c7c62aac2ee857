"""Everything the report states, read in one pass: no file is read or written here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from . import credits, dates, quantities, quotes, sourcing
from .entities import Entity, Matcher, Mention, proper_names
from .text import Paragraph, paragraphs, quoted, sentences


@dataclass(frozen=True)
class Named:
    """A name no content file matches."""

    name: str
    kind: str
    """actor or weapon."""
    category: str | None
    """For an actor: person or organization, when the report's words say so."""
    paragraph: Paragraph
    start: int
    end: int


@dataclass
class Extraction:
    report: credits.Report
    date: dt.date | None
    date_why: str
    quotes: list[quotes.Quotation]
    facts: list[sourcing.Sourced]
    dates: list[dates.DateMention]
    distances: list[quantities.Distance]
    mentions: dict[tuple[str, str], list[tuple[Paragraph, Mention]]]
    """Every mention of each known actor and weapon, by (kind, id), in order."""
    new: dict[tuple[str, str], Named] = field(default_factory=dict)
    """Speakers and weapons no file matches, by (kind, name): made as skeletons."""
    unmatched: dict[str, list[int]] = field(default_factory=dict)
    """Other capitalised names no file matches, with the paragraphs naming them."""


def extract(text: str, entities: list[Entity], date: dt.date | None = None,
            outlet: str | None = None) -> Extraction:
    """Read a report's plain text against the known actors and weapons."""
    report = credits.read(paragraphs(text))                      # credits, body, notices
    if outlet:                                                   # --outlet over the text
        report = replace(report, credits=replace(report.credits, outlet=outlet))
    matcher = Matcher(entities)                                  # every name, one pattern
    today, why = dates.report_date(date, report.credits.dated,   # --date, the dateline
                                   report.credits.stamped)       # or the timestamp line
    found = Extraction(
        report, today, why,
        quotes.quotations(report.body, matcher),                 # quotations and speakers
        sourcing.key_facts(report.body, matcher, report.credits.outlet),  # who says so
        dates.dates(report.body, today),                         # dates, resolved
        quantities.distances(report.body, matcher),              # ranges with units
        credited_places(report, matcher) | mentions(report.body, matcher))
    found.new = new_entries(found, matcher)
    found.unmatched = unmatched(report.body, matcher, found.new)
    return found


def mentions(body: tuple[Paragraph, ...], matcher: Matcher
             ) -> dict[tuple[str, str], list[tuple[Paragraph, Mention]]]:
    found: dict[tuple[str, str], list[tuple[Paragraph, Mention]]] = defaultdict(list)
    for p in body:
        for m in matcher.mentions(p.text):
            found[(m.entity.kind, m.entity.id)].append((p, m))
    return dict(found)


def credited_places(report: credits.Report, matcher: Matcher
                    ) -> dict[tuple[str, str], list[tuple[Paragraph, Mention]]]:
    """The known places of the byline, dateline and credit line (`Additional reporting
    by … in Warsaw`): where the report was written from. A place the body names too is
    left to the body's mentions."""
    read = {p.number for p in report.body} | {p.number for p, _ in report.ignored}
    credit = [p for p in report.paragraphs if p.number not in read]
    lead = report.body[0] if report.body else None     # its dateline cut off
    credit += [p for p in report.paragraphs
               if lead is not None and p.number == lead.number and p.text != lead.text]
    found: dict[tuple[str, str], list[tuple[Paragraph, Mention]]] = defaultdict(list)
    for p in sorted(credit, key=lambda p: p.number):
        for m in matcher.mentions(p.text):
            if m.entity.kind == "place":
                found[(m.entity.kind, m.entity.id)].append((p, m))
    return dict(found)


def new_entries(found: Extraction, matcher: Matcher) -> dict[tuple[str, str], Named]:
    """Speakers no actor matches, and weapons no weapon file matches."""
    new: dict[tuple[str, str], Named] = {}
    for q in found.quotes:
        name = q.speaker.new
        if name and ("actor", name) not in new:
            start = max(q.paragraph.text.find(name), 0)
            new[("actor", name)] = Named(name, "actor", q.speaker.category, q.paragraph,
                                         start, start + len(name))
    for p in found.report.body:
        for start, name in quantities.new_weapons(p.text, matcher):
            new.setdefault(("weapon", name), Named(name, "weapon", None, p, start,
                                                   start + len(name)))
    return new


def unmatched(body: tuple[Paragraph, ...], matcher: Matcher,
              new: dict[tuple[str, str], Named]) -> dict[str, list[int]]:
    """Capitalised names outside quotations that no file matches and no skeleton will
    hold; a single word that only ever starts a sentence is not taken for a name."""
    seen: dict[str, list[int]] = {}
    starts: dict[str, bool] = {}
    made = {name for _, name in new} | {n.split()[-1] for _, n in new}
    for p in body:
        heads = {s.start for s in sentences(p.text)}
        known = matcher.covered(p.text)
        for start, end, name in proper_names(p.text):
            if quoted(p.text, start) or name in made or known.overlaps(start, end):
                continue
            seen.setdefault(name, [])
            if p.number not in seen[name]:
                seen[name].append(p.number)
            starts[name] = starts.get(name, True) and start in heads
    return {name: where for name, where in seen.items()
            if not (starts[name] and len(name.split()) == 1)}
