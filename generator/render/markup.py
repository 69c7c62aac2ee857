"""HTML written by the generator itself, so that the engine passes it through as it is.

Converting Markdown inside HTML blocks (`md_in_html`) and parsing raw HTML is most of
what the engine spends on our pages, so the structure of a page (quotes, cards, facts,
timelines) is written here as plain HTML blocks, with only the headings left to the
engine (its table of contents and permalinks). What the engine would have done to
those blocks is done here, the same way:

- links are written as the final relative URL of the page they name, as MkDocs works
  it out with `use_directory_urls` (`articles/x.md` is served at `articles/x/`, an
  `index.md` at its folder), anchors kept; `Links` records each one, and `render`
  refuses a page that links to a page the build does not make;
- writers' one-line text, already escaped and made inert by `escape`, is converted
  from Markdown once (text with no Markdown syntax as it is; the rest by a cached
  Python-Markdown conversion, which only adds emphasis and links);
- each glossary term becomes `<abbr title="...">`, as the `abbr` extension does to
  the text it converts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import markdown
from markupsafe import Markup

from generator.render.escape import inline, one_line
from generator.render.mentions import Prose
from generator.render.views import Link

_TAG = re.compile(r"(<[^>]*>)")


def page_url(path: str) -> str:
    """The URL of a docs file, as MkDocs serves it with `use_directory_urls`."""
    if not path.endswith(".md"):
        return path
    folder, _, name = path[:-3].rpartition("/")
    if name == "index":
        return f"{folder}/" if folder else "./"
    return f"{path[:-3]}/"


def relative(here: str, target: str) -> str:
    """The link from the page of docs file `here` to docs file `target` (with its
    #anchor, if any), the way MkDocs rewrites a Markdown link to a .md file
    (`posixpath.relpath` between the two URLs, and a trailing slash kept)."""
    path, hash_, anchor = target.partition("#")
    if not path:
        return target
    base, _, _, up = _steps(here)
    parts, slash, rooted, _ = _steps(path)
    if base and parts and base[0] != parts[0]:     # nothing in common: most links
        return f"{up}{rooted}{hash_}{anchor}"
    common, most = 0, min(len(base), len(parts))
    while common < most and base[common] == parts[common]:
        common += 1
    relurl = "/".join((*[".."] * (len(base) - common), *parts[common:])) or "."
    return relurl + slash + hash_ + anchor


@lru_cache(maxsize=1 << 15)
def _steps(path: str) -> tuple[tuple[str, ...], str, str, str]:
    """The folders and name of a docs file's URL, its trailing slash (if any), the two
    joined, and the way up from its page to docs/: once per file, which the pages link
    to 65,000 times at 1,000 articles."""
    url = page_url(path)
    parts = tuple(part for part in url.split("/") if part not in ("", "."))
    slash = "/" if url.endswith("/") else ""
    return parts, slash, "/".join(parts) + slash, "../" * len(parts)


def from_markdown(escaped: str) -> str:
    """One line of escaped, inert Markdown (`escape.inline`, `Prose`) as HTML (text the
    caller marks safe, once, with whatever it is part of). Most texts hold no Markdown,
    which six `in` tests (each a memchr) find in an eighth of the time of a regex
    search for a character class (0.37 against 2.9 us for a 290-character text; 58,000
    texts at 1,000 articles)."""
    if not _markdown_syntax(escaped):
        return escaped
    return _converted(escaped)


def _markdown_syntax(escaped: str) -> bool:
    """Whether Python-Markdown's inline patterns would act on escaped, neutralised text:
    emphasis, links, escapes, code (character references and `&lt;` pass through
    unchanged)."""
    return ("*" in escaped or "_" in escaped or "[" in escaped or "]" in escaped
            or "\\" in escaped or "`" in escaped)


@lru_cache(maxsize=1 << 14)
def _converted(escaped: str) -> str:
    html: str = _converter().reset().convert(escaped)
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return html


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[])


@dataclass(frozen=True)
class Glossary:
    """The glossary's terms, each to its definition as the `abbr` extension writes it in
    the title attribute (escaped as `escape.inline` writes it in the snippet)."""

    titles: dict[str, str]
    pattern: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None = None
    """Any term, even inside a word: a quick first look (a third of the pattern's time)."""
    few: tuple[str, ...] = ()
    """The terms, when there are so few that looking for each with `in` is quicker
    still (6 terms: 1.6 against 3.3 us for a 290-character text)."""

    def abbreviate(self, html: str) -> str:
        """html with each term in its text (not in tags) wrapped in <abbr>. Most texts
        hold no term (none of 58,000 at 1,000 synthetic articles), which a quick search
        of the whole finds: a term in a piece of text is one anywhere."""
        if self.pattern is None or not self._anywhere(html):
            return html
        return "".join(
            piece if piece.startswith("<") else self.pattern.sub(self._abbr, piece)
            for piece in _TAG.split(html))

    def _anywhere(self, html: str) -> bool:
        if self.few:
            return any(map(html.__contains__, self.few))
        return self.anywhere is None or self.anywhere.search(html) is not None

    def untipped(self, markdown: str) -> Markup:
        """Escaped Markdown whose terms the `abbr` extension leaves alone, for places
        where the page showed none (a fold's summary): each term's first letter is
        written as a character reference."""
        if self.pattern is None:
            return Markup(markdown)
        return Markup(self.pattern.sub(
            lambda m: f"&#{ord(m.group()[0])};{m.group()[1:]}", markdown))

    def _abbr(self, match: re.Match[str]) -> str:
        return f'<abbr title="{self.titles[match.group()]}">{match.group()}</abbr>'


def glossary(terms: Iterable[tuple[str, str]]) -> Glossary:
    """A Glossary of (term, definition) pairs as written; a later one wins, as in the
    snippet."""
    titles = {str(inline(term)): str(inline(definition)) for term, definition in terms}
    titles = {term: title for term, title in titles.items() if term and title}
    if not titles:
        return Glossary({}, None)
    any_term = "|".join(re.escape(term) for term in sorted(titles, key=len, reverse=True))
    return Glossary(titles, re.compile(f"\\b(?:{any_term})\\b"), re.compile(any_term),
                    tuple(titles) if len(titles) <= FEW_TERMS else ())


FEW_TERMS = 12
"""Up to this many glossary terms, each is looked for with `in` rather than by one regex."""


@dataclass
class Links:
    """The pages linked from the HTML the generator writes, by the page that links."""

    made: dict[str, set[str]] = field(default_factory=dict)
    _page: str = field(default="", repr=False, compare=False)
    _urls: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    """The URLs of the page being written, by target: a page links to the same page
    again and again (4 links in 10 at 1,000 articles)."""

    def href(self, here: str, target: str) -> str:
        if here != self._page:
            self._page, self._urls = here, {}
        url = self._urls.get(target)
        if url is None:
            self.made.setdefault(target.partition("#")[0], set()).add(here)
            url = self._urls[target] = relative(here, target)
        return url

    def missing(self, pages: set[str]) -> list[str]:
        """'page -> target' of every link to a docs file that is not among pages."""
        return sorted(f"{page} -> {target}" for target, here in self.made.items()
                      if target and target not in pages for page in here)


class Html:
    """Writers' text and links as HTML, for the page of docs file `here`."""

    def __init__(self, terms: Glossary, links: Links) -> None:
        self.terms, self.links = terms, links
        self._texts: dict[str, Markup] = {}

    def text(self, text: str) -> Markup:
        """One-line text (escaped, emphasis and links kept) with its terms marked: once
        per text (30,000 texts, written 150,000 times at 1,000 articles)."""
        html = self._texts.get(text)
        if html is None:
            html = self._texts[text] = Markup(
                self.terms.abbreviate(from_markdown(one_line(text))))
        return html

    def prose(self, here: str, prose: Prose) -> str:
        """One line of prose, its names linked from `here` (HTML, for the caller to mark
        safe with what it is part of)."""
        return self.terms.abbreviate(
            from_markdown(prose.linked(lambda path: self.links.href(here, path))))

    def markdown(self, markdown: Markup) -> str:
        """One line of escaped Markdown the generator wrote (links absolute) as HTML."""
        return self.terms.abbreviate(from_markdown(str(markdown)))

    def a(self, here: str, link: Link) -> Markup:
        """A link to the page of `link`, its text the writer's title for it."""
        return Markup(self.anchor(here, link))

    def anchor(self, here: str, link: Link) -> str:
        """`a`, as text for a block that is marked safe as a whole."""
        return f'<a href="{self.links.href(here, link.path)}">{self.text(link.text)}</a>'
