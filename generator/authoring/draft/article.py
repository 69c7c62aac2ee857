"""What goes where in the draft: the extraction laid out as the article's fields."""

from __future__ import annotations

import datetime as dt

from generator.authoring.slugs import slug
from generator.checks.units import KM_PER_MILE, show
from generator.kinds import KINDS

from .compose import (
    ArticleView,
    EntryView,
    EventView,
    FactView,
    ProposedPlace,
    QuoteView,
    SourceView,
)
from .entities import Entity
from .extract import Extraction
from .quantities import Distance
from .quotes import Quotation
from .text import Paragraph, excerpt, sentence_at


def where(p: Paragraph) -> str:
    """`¶7`, or `¶7 (line 9)` when paragraphs are not one a line."""
    return f"¶{p.number}" if p.number == p.line else f"¶{p.number} (line {p.line})"


def view(found: Extraction, entities: list[Entity], ids: dict[tuple[str, str], str],
         modeline: str, report: str, source_text: str) -> ArticleView:
    """The draft's fields. `ids` gives the id chosen for each new actor and weapon."""
    known = {(e.kind, e.id): e for e in entities}
    with_places = "place" in KINDS
    return ArticleView(
        modeline=modeline, report=report, source=source(found, source_text),
        key_facts=[FactView(f.attribution, f.status, f.why,
                            f'{where(f.paragraph)}: "{f.pointer}"', f.refers_to, f.actors,
                            f.weapons, f.places) for f in found.facts],
        actors=entries(found, known, ids, "actor"),
        weapons=entries(found, known, ids, "weapon"),
        places=entries(found, known, ids, "place") if with_places else None,
        proposed_places=proposed_places(found) if with_places else [],
        quotes=[quote(q, ids) for q in found.quotes],
        timeline=timeline(found))


def source(found: Extraction, text: str) -> SourceView:
    c = found.report.credits
    return SourceView(c.outlet, found.date.isoformat() if found.date else None,
                      found.date_why, c.bylines, c.additional, c.editors, c.dateline,
                      c.capitals, text)


def quote(q: Quotation, ids: dict[tuple[str, str], str]) -> QuoteView:
    s = q.speaker
    speaker = s.id or (ids.get(("actor", s.new)) if s.new else None)
    said = f' "{s.said_by}"' if s.said_by and s.said_by.lower() not in s.how.lower() else ""
    pointer = f"{where(q.paragraph)}: {s.how}{said}"
    if q.continues:
        pointer += "; it continues the quotation of the paragraph before"
    how = s.how if speaker else f"{s.how}{said}: say who, or leave the quotation out"
    return QuoteView(speaker, q.text, q.venue, pointer, how, s.check)


def entries(found: Extraction, known: dict[tuple[str, str], Entity],
            ids: dict[tuple[str, str], str], kind: str) -> list[EntryView]:
    """Known and new actors (or weapons) in the order the report first names them."""
    rows: list[tuple[int, int, EntryView]] = []
    for (k, id_), seen in found.mentions.items():
        if k != kind:
            continue
        p, m = seen[0]
        also = sorted({q.number for q, _ in seen[1:]} - {p.number})
        pointer = f'{where(p)}: "{excerpt(p.text, m.start, m.end, words=4)}"'
        if also:
            pointer += " (also " + ", ".join(f"¶{n}" for n in also[:8]) + \
                ("…" if len(also) > 8 else "") + ")"
        entity = known[(k, id_)]
        rows.append((p.number, m.start, EntryView(id_, entity.name, pointer,
                                                  range_note(found, entity))))
    for (k, name), named in found.new.items():
        if k != kind or (k, name) not in ids:
            continue
        id_ = ids[(k, name)]
        p = named.paragraph
        pointer = f'{where(p)}: "{excerpt(p.text, named.start, named.end, words=4)}"'
        note = f"new: content/{KINDS[kind].folder}/{id_}.yaml was made for it; fill it in"
        rows.append((p.number, named.start, EntryView(id_, name, pointer, note)))
    seen_ids: set[str] = set()
    result = []
    for _, _, entry in sorted(rows, key=lambda r: (r[0], r[1])):
        if entry.ref not in seen_ids:
            seen_ids.add(entry.ref)
            result.append(entry)
    return result


def proposed_places(found: Extraction) -> list[ProposedPlace]:
    """The names no file matches that the gazetteer knows as cities."""
    from .places import proposed  # reads the gazetteer: only where places exist
    return [ProposedPlace(slug(name), name, ", ".join(f"¶{n}" for n in paragraphs[:4]))
            for name, paragraphs in proposed(found.unmatched).items()]


def ranges_of(found: Extraction, weapon: str) -> list[Distance]:
    return [d for d in found.distances if d.weapon == weapon]


def range_note(found: Extraction, entity: Entity) -> str:
    """What the report says of a known weapon's range, beside what content/ says."""
    given = ranges_of(found, entity.id) if entity.kind == "weapon" else []
    if not given:
        return ""
    d = given[0]
    note = f"range in the report: {d.words}"
    if d.disagrees:
        note += f" ({d.disagrees})"
    if entity.range is None:
        return note + f"; content/weapons/{entity.id}.yaml gives none: add it"
    value, unit, _ = entity.range
    if abs(km(value, unit) - km(d.value, d.unit)) <= 0.01 * km(value, unit):
        return note + f", as content/weapons/{entity.id}.yaml has it"
    return note + (f"; content/weapons/{entity.id}.yaml says {show(value)} {unit}: "
                   "check which is right")


def km(value: float, unit: str) -> float:
    return value * KM_PER_MILE if unit == "mi" else value


def to_come(value: str | None, report: dt.date | None) -> bool:
    """Whether a date (2025, 2025-01 or 2025-01-20) is after the report's date."""
    if value is None or report is None:
        return False
    return value > report.isoformat()[:len(value)]


def timeline(found: Extraction) -> list[EventView]:
    """One candidate event per date and paragraph, by date."""
    events: dict[tuple[str, int], EventView] = {}
    for d in found.dates:
        key = (d.value or f"~{d.words}", d.paragraph.number)
        if key in events:
            continue
        sentence = sentence_at(d.paragraph.text, d.start)
        named = sorted((m for _, seen in found.mentions.items() for p, m in seen
                        if p is d.paragraph and sentence.start <= m.start < sentence.end),
                       key=lambda m: m.start)
        actors, weapons, places = (tuple(dict.fromkeys(
            m.entity.id for m in named if m.entity.kind == kind))
            for kind in ("actor", "weapon", "place"))
        pointer = f'{where(d.paragraph)}: "{excerpt(d.paragraph.text, d.start, d.end, 4)}"'
        events[key] = EventView(d.value, d.words, d.why, pointer, actors, weapons, places,
                                to_come(d.value, found.date))
    return [events[key] for key in sorted(events)]
