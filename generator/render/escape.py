"""Escaping writers' text on its way into Markdown, HTML attributes and front matter.

Every byte of content/ may come from a stranger. HTML a writer types is escaped
(markupsafe, as Jinja's autoescape does); what is left of Markdown may only format
text where it lands: emphasis and links stay, while anything that would open a new
block (a heading, rule, admonition, definition, table, fence) or add attributes or a
code span becomes a character reference, which Markdown passes through untouched and
the browser shows as the character. Link targets were checked on the way in
(`stages/safety.py`).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup, escape

# `{` starts an attribute list (`{onclick=...}`), a backtick opens a code span that may
# swallow the template's own markup.
_INLINE_ENTITIES = {"{": "&#123;", "}": "&#125;", "`": "&#96;"}
# A line that would become a heading, rule, setext underline, admonition, abbreviation,
# definition, table, fence or block (`///`, which also ends the page's folds) rather
# than text.
_BLOCK_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?=#|=+[ \t]*$|([-*_])[ \t]*\2[ \t]*\2|!!!|\?\?\?|\*\[|:|\||~~~"
    r"|-+8&lt;|//)", re.MULTILINE)
# The same at the start of a one-line field, where lists would also break the layout.
_INLINE_START = re.compile(
    r"^(?=[#=:|~!?+]|[-*+](\s|$)|\d+[.)](\s|$)|\[[^\]]*\]:|--|\*\*\*|//)")


def _encode_next(text: str, at: int) -> str:
    return f"{text[:at]}&#{ord(text[at])};{text[at + 1:]}"


def _entities(text: str) -> str:
    """text with `{`, `}` and backticks written as character references: one replace
    each (a search in C that finds none in most texts), five times quicker than
    str.translate's lookup of every character."""
    for char, entity in _INLINE_ENTITIES.items():
        text = text.replace(char, entity)
    return text


def neutralise_inline(escaped: str) -> str:
    """HTML-escaped one-line text made inert as Markdown structure (emphasis and links stay)."""
    text = _entities(escaped)
    return _encode_next(text, 0) if _INLINE_START.match(text) else text


def neutralise_block(escaped: str) -> str:
    """HTML-escaped multi-line Markdown: paragraphs, lists, emphasis and links stay;
    headings, rules, admonitions, definitions and attribute lists become text."""
    lines = _entities(escaped).splitlines()
    for i, line in enumerate(lines):
        match = _BLOCK_LINE.match(line)
        if match:
            lines[i] = _encode_next(line, match.end("indent"))
    return "\n".join(lines)


def inline(text: str) -> Markup:
    """Escape text and fold it onto one line, for list items and headings."""
    if type(text) is str:                  # not Markup, which is equal but not escaped
        return _inline_text(text)
    return Markup(one_line(text))


@lru_cache(maxsize=1 << 16)
def _inline_text(text: str) -> Markup:
    """`inline` of plain text, once per text (names are written on many pages)."""
    return Markup(one_line(text))


def one_line(text: str) -> str:
    """`inline`'s escaped text, not yet marked safe: for code that marks a larger whole
    safe once (each Markup made is a Python call)."""
    return neutralise_inline(" ".join(escaped(text).split()))


def escaped(text: str) -> str:
    """markupsafe's `escape` of text, as a str: for plain text, the five replacements
    it makes, without the two Markup it would make and the str made from them (55,000
    texts at 1,000 articles); Markup, which is not escaped again, as it is."""
    if type(text) is not str:
        return str(escape(text))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def cell(text: str) -> Markup:
    """Escape text for a Markdown table cell: one line, no column breaks."""
    return Markup(str(inline(text)).replace("|", "&#124;"))


def block(text: str, prefix: str = "") -> Markup:
    """Escape multi-line Markdown and prefix every line (for quotes and indents)."""
    lines = neutralise_block(str(escape(text)).strip()).splitlines()
    return Markup("\n".join((prefix + line).rstrip() for line in lines))


def html_text(text: str) -> str:
    """Text for a place MkDocs copies into HTML as it is (page titles, descriptions):
    one line, with &, <, > and " escaped."""
    return html.escape(" ".join(text.split()), quote=False).replace('"', "&quot;")
