"""Dates the report gives, resolved against the report's own date.

- `Nov. 5`, `November 5`, `5 November`, with or without a year: without one, the year
  that puts the date nearest the report's date (a report of 17 November 2024 means
  5 November 2024 by `Nov. 5`, and 20 January 2025 by `Jan. 20`);
- `in August`, `since March 2023`: a month, the nearest one likewise;
- `on Sunday`: the last such day on or before the report's date, or the next one after
  it when the clause before it speaks of the future (`talks will resume on Monday`,
  but not `officials said on Monday`);
- `today`, `yesterday`, `tomorrow`, `last year`, `next year`, `in 2023`.

Words between quotation marks are the speaker's, not dates the report gives, and are
left out. Without the report's date only dates that carry their year are resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import Covered, Paragraph, quoted, sentence_at

MONTHS = {name: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], 1) for name in names}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
         r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)")
PATTERNS = [
    re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
               rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH})"
               rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
    re.compile(rf"\b(?:in|since|until|by|from|early|late|mid-|of|last|next|this|during|an?)"
               rf"\s+(?P<month>{MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
    re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(r"\b(?P<relative>today|yesterday|tomorrow|(?:last|next|this) (?:year|month))\b"),
    re.compile(r"\b(?:in|during|by|early|late|mid-)\s*(?P<year>(?:19|20)\d\d)\b"),
]
FUTURE = re.compile(r"\b(?:will|plans? to|is due|are due|due to|expected to|scheduled|"
                    r"set to|is to|are to|next)\b")


@dataclass(frozen=True)
class DateMention:
    paragraph: Paragraph
    start: int
    end: int
    words: str
    """The date as the report writes it: `Jan. 20`, `on Sunday`."""
    value: str | None
    """YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved."""
    why: str
    """How it was resolved, for the writer."""


def report_date(given: dt.date | None, dated: str | None, stamped: str | None = None
                ) -> tuple[dt.date | None, str]:
    """The report's date: `--date`, else the dateline's when it has a year, else that of
    the timestamp line before the dateline."""
    if given is not None:
        return given, "given with --date"
    for printed, why in ((dated, "from the dateline"), (stamped, "from the timestamp line")):
        if printed and re.fullmatch(r"\d{4}-\d\d-\d\d", printed):
            return dt.date.fromisoformat(printed), why
        for mention in find(Paragraph(0, 0, printed or ""), None):
            if mention.value and len(mention.value) == 10:
                return dt.date.fromisoformat(mention.value), why
    return None, "unknown: give it with --date YYYY-MM-DD"


def dates(body: tuple[Paragraph, ...], today: dt.date | None) -> list[DateMention]:
    """Every date in the report's own words, in order."""
    found: list[DateMention] = []
    for p in body:
        found += find(p, today)
    return found


def find(p: Paragraph, today: dt.date | None) -> list[DateMention]:
    taken = Covered(len(p.text))
    found = []
    for regex in PATTERNS:
        for match in regex.finditer(p.text):
            if quoted(p.text, match.start()) or taken.overlaps(match.start(), match.end()):
                continue
            taken.take(match.start(), match.end())
            sentence = sentence_at(p.text, match.start())
            clause = re.split(r"[,;:]", p.text[sentence.start:match.start()])[-1]
            value, why = resolve(match.groupdict(), today, bool(FUTURE.search(clause)))
            found.append(DateMention(p, match.start(), match.end(), match.group(0),
                                     value, why))
    return sorted(found, key=lambda d: d.start)


def resolve(parts: dict[str, str | None], today: dt.date | None,
            future: bool) -> tuple[str | None, str]:
    written_year, written_month, written_day = parts.get("year"), parts.get("month"), \
        parts.get("day")
    year = int(written_year) if written_year else None
    month = MONTHS[written_month.rstrip(".").lower()] if written_month else None
    if month and written_day:
        day = int(written_day)
        if year is not None:
            return real(year, month, day), "as written"
        if today is None:
            return None, "no year, and the report's date is unknown"
        options = [d for y in (today.year - 1, today.year, today.year + 1)
                   if (d := real(y, month, day))]
        best = min(options, key=lambda d: (abs(dt.date.fromisoformat(d) - today), d))
        return best, "the year nearest the report's date"
    if month:
        if year is not None:
            return f"{year}-{month:02d}", "as written"
        if today is None:
            return None, "no year, and the report's date is unknown"
        here = today.year * 12 + today.month - 1
        nearest = min((here + d for d in range(-11, 12) if (here + d) % 12 == month - 1),
                      key=lambda m: (abs(m - here), m))
        return f"{nearest // 12}-{nearest % 12 + 1:02d}", "the month nearest the report's date"
    if parts.get("weekday"):
        return weekday(WEEKDAYS.index(str(parts["weekday"])), today, future)
    if parts.get("relative"):
        return relative(str(parts["relative"]), today)
    return (str(year), "as written") if year else (None, "")


def weekday(index: int, today: dt.date | None, future: bool) -> tuple[str | None, str]:
    if today is None:
        return None, "a weekday, and the report's date is unknown"
    if future:
        ahead = (index - today.weekday()) % 7 or 7
        return (today + dt.timedelta(days=ahead)).isoformat(), "the next such day " \
            "after the report's date (the sentence speaks of the future)"
    back = (today.weekday() - index) % 7
    return (today - dt.timedelta(days=back)).isoformat(), "the last such day on or " \
        "before the report's date"


def relative(words: str, today: dt.date | None) -> tuple[str | None, str]:
    if today is None:
        return None, "relative, and the report's date is unknown"
    shift = {"last": -1, "this": 0, "next": 1}
    if words in ("today", "yesterday", "tomorrow"):
        days = {"today": 0, "yesterday": -1, "tomorrow": 1}[words]
        return (today + dt.timedelta(days=days)).isoformat(), "from the report's date"
    which, unit = words.split()
    if unit == "year":
        return str(today.year + shift[which]), "from the report's date"
    months = today.year * 12 + today.month - 1 + shift[which]
    return f"{months // 12}-{months % 12 + 1:02d}", "from the report's date"


def real(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
