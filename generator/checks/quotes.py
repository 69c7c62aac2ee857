"""Quotes: each must appear verbatim in the source text and be given to the speaker the
source's paragraph names. Quotation marks typed around a quote are named as the cause
of a mismatch.
"""

from __future__ import annotations

from generator.checks.findings import Finding
from generator.checks.names import NameIndex
from generator.checks.proof import UNVERIFIED
from generator.checks.sourcetext import Paragraph, SourceText, outside
from generator.errors import Loc
from generator.stages.models import Quote
from generator.stages.validate import Content


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
