"""The report as text: paragraphs, sentences, quotation spans and short excerpts.

Paragraphs are split as the quote check splits them (blank lines, or one per line when
there are none), but keep the report's own characters: a drafted quotation is the
report's words, curly apostrophes and dashes included. Sentences are split outside
quotation marks only, so a quotation of three sentences stays in one.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                      "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
                      "\u00a0": " "})
"""Characters compared as their plain forms; one character for one, so offsets hold."""
OPENING, CLOSING, STRAIGHT = "\u201c", "\u201d", '"'
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "adm", "sen",
                 "rep", "gov", "pres", "st", "jan", "feb", "mar", "apr", "jun", "jul",
                 "aug", "sep", "sept", "oct", "nov", "dec", "no", "co", "corp", "inc",
                 "ltd", "vs", "jr", "sr", "prof", "maj", "brig", "messrs"}
STARTERS = {"The", "It", "He", "She", "They", "We", "But", "A", "An", "In", "This", "That",
            "On", "At", "His", "Her", "Its", "Their", "There", "And", "Some", "Since"}
INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?$")
SENTENCE_END = re.compile(r"[.!?]")
CLOSERS = "\u201d\"\u2019')]"
INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


@dataclass(frozen=True)
class Paragraph:
    number: int
    """Its place in the report, counting every paragraph from 1 (written ¶N)."""
    line: int
    """The line of the report file where it starts."""
    text: str
    """The paragraph's words with runs of whitespace made single spaces."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class QuoteSpan:
    """Words between double quotation marks, as offsets into the paragraph."""

    open: int
    """The index of the opening mark."""
    close: int | None
    """The index of the closing mark; None when the quotation runs on into the next
    paragraph (the next one then opens with a mark of its own)."""

    @property
    def inner(self) -> Span:
        return Span(self.open + 1, self.close if self.close is not None else -1)

    @property
    def outer_end(self) -> int:
        """Where the text after the quotation starts."""
        return self.close + 1 if self.close is not None else 10**9


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs separated by blank lines; with no blank line, each line is one."""
    lines = text.splitlines()
    blank_separated = any(not line.strip() for line in lines)
    found: list[Paragraph] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate([*lines, ""], 1):
        if (not line.strip() or not blank_separated) and current:
            found.append(Paragraph(len(found) + 1, start, " ".join(" ".join(current).split())))
            current = []
        if line.strip():
            start = start if current else number
            current.append(line)
    return found


@lru_cache(maxsize=512)
def quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Double-quoted passages, curly (“…”) or straight ("…"), in order.

    Single marks are not quotation marks here: ’ is also the apostrophe, and single
    marks inside double ones are part of the quotation (a quote within a quote).
    """
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if opened is None and char in (OPENING, STRAIGHT):
            opened = i
        elif opened is not None and (char == CLOSING or
                                     char == STRAIGHT and text[opened] == STRAIGHT):
            spans.append(QuoteSpan(opened, i))
            opened = None
    if opened is not None:
        spans.append(QuoteSpan(opened, None))
    return tuple(spans)


def quoted(text: str, index: int) -> bool:
    """Whether `index` of `text` falls within a quotation, its marks included."""
    spans = quote_spans(text)
    at = bisect.bisect_right(openings(text), index) - 1
    if at < 0:
        return False
    close = spans[at].close
    return close is None or index <= close


@lru_cache(maxsize=512)
def openings(text: str) -> list[int]:
    return [s.open for s in quote_spans(text)]


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans, never split inside a quotation nor after an abbreviation."""
    found: list[Span] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        j = match.end()
        while j < len(text) and text[j] in CLOSERS:
            j += 1
        if j >= len(text) or not text[j].isspace() or quoted(text, j):
            continue
        after = text[j:].lstrip()
        if not after or not (after[0].isupper() or after[0].isdigit() or
                             after[0] in (OPENING, STRAIGHT, "(")):
            continue
        if match.group() == "." and abbreviation(text[start:match.end()], after):
            continue
        found.append(Span(start, j))
        start = j + len(text[j:]) - len(after)
    if start < len(text):
        found.append(Span(start, len(text)))
    return tuple(found)


def abbreviation(before: str, after: str) -> bool:
    """Whether the period ending `before` belongs to a word like Nov. or U.S."""
    words = before.split()
    if not words:
        return False
    word = words[-1].lstrip("(\u201c\"")
    if word[:-1].lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", word):
        return True
    return bool(INITIALISM.match(word)) and after.split()[0] not in STARTERS


def sentence_at(text: str, index: int) -> Span:
    """The sentence holding `index`."""
    found = sentences(text)
    at = bisect.bisect_right(sentence_starts(text), index) - 1
    if at >= 0 and index < found[at].end:
        return found[at]
    return Span(0, len(text))


@lru_cache(maxsize=512)
def sentence_starts(text: str) -> list[int]:
    return [s.start for s in sentences(text)]


class Covered:
    """Stretches of a text already taken by a name or a date: does a new one overlap?"""

    def __init__(self, size: int):
        self.marks = bytearray(size + 1)

    def take(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.marks[start:end])


def fold(text: str) -> str:
    """Curly marks and dashes as plain ones, character for character."""
    return text.translate(FOLD)


def visible(text: str) -> str:
    """The text without control, formatting or line-separator characters: safe to put
    on one line of a YAML comment."""
    return "".join(c if unicodedata.category(c) not in INVISIBLE else " " for c in text)


def excerpt(text: str, start: int, end: int, words: int = 5, limit: int = 110) -> str:
    """The text from start to end with a few words either side, … where it was cut."""
    left = [m.start() for m in re.finditer(r"\S+", text[:start])]
    right = [m.end() for m in re.finditer(r"\S+", text[end:])]
    begin = left[-words] if len(left) >= words else 0
    finish = end + right[words - 1] if len(right) >= words else len(text)
    core = " ".join(text[begin:finish].split())
    if len(core) > limit + 40:
        core = core[:limit + 40].rsplit(" ", 1)[0] + "…"
    prefix = "…" if begin > 0 else ""
    suffix = "…" if finish < len(text) and not core.endswith("…") else ""
    return visible(f"{prefix}{core}{suffix}")
