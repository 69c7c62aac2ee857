"""The original report as plain text: paragraphs, normalised for comparison, and quotes.

Quotes are compared after folding curly and straight quotation marks, every kind of
dash and runs of whitespace; an ellipsis (… or ...) in a quote stands for words left
out within one paragraph. A quote that is not found is compared with its closest
passage, word by word, to say exactly where the two differ.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, islice
from pathlib import Path, PurePosixPath

FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2026": "...",
})
ELLIPSIS = re.compile(r"\s*\.\.\.\s*")
CONTEXT_WORDS = 3
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
"""A figure: digits not right after a letter, digit, '_', '.' or ','."""
DIGITS = re.compile(r"\d+")
FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
WORD = re.compile(r"\w+(?:'\w+)?")


@lru_cache(maxsize=4096)
def numbers(text: str) -> frozenset[str]:
    """The figures written in a text: 10,000, 190, 2.5 (not parts of words or dates).
    A key fact's are asked for three times (its check, its record); kept for the last
    few thousand texts.

    The figures NUMBER finds, found faster: a regex that begins with a look-behind is
    tried at every character of a long source text, whereas runs of digits are few; a
    figure starts at a run that follows none of the characters above (a run after one
    is inside a word or a figure)."""
    found = set()
    for run in DIGITS.finditer(text):
        start = run.start()
        before = text[start - 1] if start else " "
        figure = None if before.isalnum() or before in "_.," else FIGURE.match(text, start)
        if figure:
            found.add(figure.group(0))
    return frozenset(found)


def run_table(keep: str) -> bytes:
    """A byte table for ASCII text (`runs`): letters lowercased, digits and the
    characters of `keep` kept, anything else a space."""
    return bytes(c | 0x20 if chr(c).isalpha() else c if chr(c).isalnum() or chr(c) in keep
                 else 0x20 for c in range(128)).ljust(256, b" ")


def runs(text: str, table: bytes) -> list[str]:
    """The runs of an ASCII text's characters that `table` keeps, lowercased."""
    return text.encode().translate(table).decode().split()


RUNS = run_table("_'")
"""Word characters and apostrophes: the runs in which WORD finds its words."""


def words_of(text: str, longer_than: int = 0) -> set[str]:
    """The words of a text longer than `longer_than` characters as written, lowercased.

    An ASCII text is cut into runs of word characters and apostrophes with a byte table
    (RUNS) instead of the regex, ten times faster: a run without an apostrophe is one
    word, and only runs with one are read by WORD. The same words."""
    if not text.isascii():
        return {w.lower() for w in WORD.findall(text) if len(w) > longer_than}
    found = set(runs(text, RUNS))
    if "'" in text:
        joined = {run for run in found if "'" in run}
        found = (found - joined).union(*map(WORD.findall, joined))
    return {w for w in found if len(w) > longer_than} if longer_than else found


def normalise(text: str) -> str:
    """Fold quotation marks, dashes and whitespace so that only the words compare
    (FOLD changes nothing in ASCII)."""
    return " ".join((text if text.isascii() else text.translate(FOLD)).split())


@dataclass(frozen=True)
class Paragraph:
    line: int
    """The line of the source file where the paragraph starts (1-based)."""
    text: str
    """The paragraph, normalised."""


@dataclass(frozen=True)
class Found:
    paragraph: Paragraph
    start: int
    end: int
    """Where the quote (with any elided span) sits in the paragraph text."""


@dataclass(frozen=True)
class Mismatch:
    paragraph: Paragraph
    passage: str
    """The source words closest to the quote."""
    diff: str
    """The quote with changes marked: [-quote only-]{+source only+}."""


@dataclass(frozen=True)
class SourceText:
    """A source's paragraphs, and what the checks work out from them, once per source
    (not once per quote or key fact)."""

    path: str
    """The path as the writer gave it."""
    paragraphs: tuple[Paragraph, ...]
    sha256: str | None = None
    """The checksum of the bytes read (None when parsed from a text)."""
    found: dict[str, Found | None] = field(default_factory=dict, compare=False, repr=False)
    """Quotes looked for already, and where they are: the check and the record ask."""

    @classmethod
    def read(cls, path: Path, shown: str) -> SourceText:
        """Read a UTF-8 file; ValueError when it holds no text."""
        raw = path.read_bytes()
        source = cls.parse(raw.decode("utf-8-sig"), shown)
        if not source.paragraphs:
            raise ValueError("the file is empty")
        return cls(shown, source.paragraphs, hashlib.sha256(raw).hexdigest())

    @classmethod
    def parse(cls, text: str, shown: str) -> SourceText:
        """Paragraphs are separated by blank lines; with none, each line is one."""
        lines = text.splitlines()
        blank_separated = any(not line.strip() for line in lines)
        paragraphs: list[Paragraph] = []
        current: list[str] = []
        start = 0

        def flush() -> None:
            if current:
                paragraphs.append(Paragraph(start, normalise(" ".join(current))))
                current.clear()

        for number, line in enumerate(lines, 1):
            if not line.strip() or not blank_separated:
                flush()
            if line.strip():
                start = start if current else number
                current.append(line)
        flush()
        return cls(shown, tuple(paragraphs))

    @property
    def words(self) -> str:
        return " ".join(p.text for p in self.paragraphs)

    @cached_property
    def figures(self) -> frozenset[str]:
        """The figures written anywhere in the source."""
        return numbers(self.words)

    @cached_property
    def vocabulary(self) -> tuple[set[str], ...]:
        """Each paragraph's words, lowercased."""
        return tuple(words_of(p.text) for p in self.paragraphs)

    def find(self, quote: str) -> Found | None:
        """The first paragraph holding the quote verbatim (an ellipsis skips words)."""
        if quote not in self.found:
            self.found[quote] = self.look_for(quote)
        return self.found[quote]

    def look_for(self, quote: str) -> Found | None:
        parts = [p for p in ELLIPSIS.split(normalise(quote)) if p]
        for paragraph in self.paragraphs:
            found = find_parts(paragraph.text, parts)
            if found:
                return Found(paragraph, *found)
        return None

    def closest(self, quote: str) -> Mismatch:
        """The passage most like the quote, and a word diff between the two."""
        wanted = tokens(ELLIPSIS.sub(" ... ", normalise(quote)))
        best: tuple[float, Paragraph, list[str]] = (-1.0, self.paragraphs[0], [])
        for paragraph in self.paragraphs:
            words = tokens(paragraph.text)
            for size in {max(1, len(wanted) - 1), len(wanted), len(wanted) + 1}:
                for i in range(max(1, len(words) - size + 1)):
                    window = words[i:i + size]
                    ratio = difflib.SequenceMatcher(None, " ".join(keys(wanted)),
                                                    " ".join(keys(window))).ratio()
                    if ratio > best[0]:
                        best = (ratio, paragraph, window)
        _, paragraph, window = best
        diff = word_diff(keys(wanted), keys(window))
        if "[-" not in diff and "{+" not in diff:      # only punctuation differs
            diff = word_diff(wanted, window)
        return Mismatch(paragraph, " ".join(window), diff)


def tokens(text: str) -> list[str]:
    """Words without the quotation marks around them."""
    return [w.strip("\"'") for w in text.split() if w.strip("\"'")]


def keys(words: list[str]) -> list[str]:
    """Words as compared: trailing punctuation aside."""
    return [w.rstrip(",;:.!?") or w for w in words]


def find_parts(text: str, parts: list[str]) -> tuple[int, int] | None:
    """Find the parts in order in `text`; return the span from first to last."""
    if not parts:
        return None
    start = text.find(parts[0])
    while start >= 0:
        position, ok = start + len(parts[0]), True
        for part in parts[1:]:
            position = text.find(part, position)
            if position < 0:
                ok = False
                break
            position += len(part)
        if ok:
            return start, position
        start = text.find(parts[0], start + 1)
    return None


def word_diff(quote: list[str], source: list[str]) -> str:
    """The changed words with a few words of context: `with [-two-]{+one+} hand`."""
    pieces: list[str] = []
    opcodes = difflib.SequenceMatcher(None, quote, source).get_opcodes()
    last = len(opcodes) - 1
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            pieces += context(quote[i1:i2], first=n == 0, last=n == last)
            continue
        if i2 > i1:
            pieces.append(f"[-{' '.join(quote[i1:i2])}-]")
        if j2 > j1:
            pieces.append(f"{{+{' '.join(source[j1:j2])}+}}")
    return " ".join(pieces)


def context(words: list[str], *, first: bool, last: bool) -> list[str]:
    """Unchanged words around a change, shortened with … when there are many."""
    c = CONTEXT_WORDS
    if first and last or len(words) <= (c + 1 if first or last else 2 * c + 1):
        return words
    if first:
        return ["…", *words[-c:]]
    if last:
        return [*words[:c], "…"]
    return [*words[:c], "…", *words[-c:]]


def outside(found: Found) -> str:
    """The paragraph without the quoted words, to look for who is said to speak."""
    text = found.paragraph.text
    return text[:found.start] + " " + text[found.end:]



MAX_CANDIDATES = 1000


def missing_file(shown: str, root: Path) -> tuple[str, str] | None:
    """(message, hint) when `source.text` names no file although it could be here: a
    typo, which would otherwise turn quote checking off in silence. A folder outside the
    project that is absent (the report kept beside the repository, on a machine without
    it) is not a typo: its quotes are only reported unverified."""
    path = root / shown
    if path.is_file():
        return None
    if not path.parent.is_dir() and not path.parent.resolve().is_relative_to(root.resolve()):
        return None
    written = PurePosixPath(shown)
    here = next(p for p in written.parents if (root / p).is_dir() or p == PurePosixPath("."))
    top = here == PurePosixPath(".")   # the project: its own files, and content/'s
    found = chain((root / here).glob("*.txt"), (root / "content").rglob("*.txt")) if top \
        else (root / here).rglob("*.txt")
    pool = [p.relative_to(root / here).as_posix() for p in islice(found, MAX_CANDIDATES)]
    close = difflib.get_close_matches(written.relative_to(here).as_posix(), sorted(pool), n=1,
                                      cutoff=0.6)
    return (f"source.text: there is no file {shown}",
            f"did you mean '{(here / close[0]).as_posix()}'?" if close else
            "write the path from the project folder to a plain-text copy of the report")
