"""A Python-Markdown extension: the generator's HTML blocks go through the engine unparsed.

The generator writes the structure of every page (quotes, cards, facts, timelines,
tables, pagers) as HTML blocks that Markdown passes through as they are. Python-Markdown
finds such a block by feeding the whole page to `html.parser` (its `html_block`
preprocessor), and MkDocs feeds the page to `html.parser` once more to collect the ids
its anchor validation knows. At 1,000 articles the two parses were a third of the
engine's build.

This preprocessor runs before both. It takes a block the generator wrote whole: after a
blank line (or at the top), a line that starts with a block-level tag, and every line up
to the next blank line, the last one ending with that tag's own closing tag, which
closes it there and nowhere before. It stores that text in Markdown's stash exactly as
`html_block` would, so the page comes out byte for byte the same (the tests build the
same pages with and without it). Anything else, or a block holding a comment, a script,
a style, preformatted text or a stash placeholder, is left to `html_block`.

Whole blocks that follow one another with only blank lines between are stored as one
entry (half the blocks of a page were such runs), and the paragraph that holds a stored
placeholder is made by `RawParagraph` before the other block processors test it, with
its text atomic so the inline patterns skip it: at 1,000 articles the block parser and
the inline patterns had seen 38,000 placeholders, and now see 15,000 and none.

It is named in `mkdocs.yml` (`generator.site.rawblocks`), so every engine that runs
Python-Markdown extensions from that list uses it; one that did not would parse the same
blocks itself and make the same pages. Links inside these blocks are checked by the
generator (render/markup.py) and in the built site (`explainer linkcheck`); the ids they
hold are not known to MkDocs' anchor validation, so a Markdown link to one would fail
the strict build, and the generator writes none.
"""

from __future__ import annotations

import re
from functools import cache
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

OPENING = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
LEFT_TO_MARKDOWN = re.compile(r"<!--|<(?:script|style|pre|textarea)\b|\x02|\x03", re.I)
VOID = frozenset({"hr"})
PRIORITY = 22      # after fenced code (25), before MkDocs' anchor scan (21) and html_block (20)
# Right after pymdownx.blocks (89.99), which must see every block first while one of its
# containers is open; before the code, heading, list, table and paragraph processors.
PARAGRAPH_PRIORITY = 89.5


class RawBlocks(Preprocessor):  # type: ignore[misc]  # Markdown has no type information
    """Stashes the whole HTML blocks of a page, leaving every other line as it was."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.stored: set[str] = set()      # this page's placeholders, for RawParagraph

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        self.stored = set()
        start, count = 0, len(lines)
        while start < count:
            end = self.block_end(lines, start) if lines[start][:1] == "<" else None
            if end is None:
                out.append(lines[start])
                start += 1
                continue
            blocks, end = self.run_of_blocks(lines, start, end)
            tail = "\n" if end < count else ""    # html_block keeps the blank line after
            out.append(self.md.htmlStash.store("\n\n".join(blocks) + tail))
            self.stored.add(out[-1])
            start = end
        return out

    def run_of_blocks(self, lines: list[str], start: int, end: int) -> tuple[list[str], int]:
        """The whole block from `start` to `end` and every whole block that follows it
        with only blank lines between, and where the last one ends. The page comes out
        the same: Markdown writes one line break between two blocks however many blank
        lines part them, as the one stash entry has."""
        blocks = ["\n".join(lines[start:end])]
        while True:
            start = end
            while start < len(lines) and not lines[start].strip():
                start += 1
            following = self.block_end(lines, start) if start < len(lines) else None
            if following is None:
                return blocks, end
            blocks.append("\n".join(lines[start:following]))
            end = following

    def block_end(self, lines: list[str], start: int) -> int | None:
        """Where the whole block starting at `start` ends (the blank line after it), or
        None if no such block starts there."""
        line = lines[start]
        if not line.startswith("<") or (start and lines[start - 1].strip()):
            return None
        opening = OPENING.match(line)
        if not opening or opening[1] in VOID or not self.md.is_block_level(opening[1]):
            return None
        end = start + 1
        while end < len(lines) and lines[end].strip():
            end += 1
        return end if whole("\n".join(lines[start:end]), opening[1]) else None


def whole(text: str, tag: str) -> bool:
    """True if `text` is one `tag` element: its first tag is closed by its last, not before."""
    if not text.endswith(f"</{tag}>") or LEFT_TO_MARKDOWN.search(text):
        return False
    depth = 0
    for found in tags_named(tag).finditer(text):
        depth += -1 if found[1] else 1
        if depth == 0:
            return found.end() == len(text)
    return False


@cache
def tags_named(tag: str) -> re.Pattern[str]:
    """The opening and closing tags of one element name."""
    return re.compile(rf"<(/?){tag}[\s>]")


class RawParagraph(BlockProcessor):  # type: ignore[misc]
    """A stashed run of blocks becomes the paragraph Markdown's own paragraph processor
    would make of its placeholder (which the raw-HTML postprocessor then replaces), with
    its text atomic: no inline pattern can match a placeholder, so none is tried, and the
    block tests after this one are skipped."""

    def __init__(self, parser: BlockParser, raw: RawBlocks) -> None:
        super().__init__(parser)
        self.raw = raw

    def test(self, parent: etree.Element, block: str) -> bool:
        # in a tight list the paragraph processor adds text to the item, not a <p>
        return block in self.raw.stored and not self.parser.state.isstate("list")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = AtomicString(blocks.pop(0))


class RawBlocksExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        raw = RawBlocks(md)
        md.preprocessors.register(raw, "explainer_raw_blocks", PRIORITY)
        md.parser.blockprocessors.register(RawParagraph(md.parser, raw),
                                           "explainer_raw_paragraph", PARAGRAPH_PRIORITY)


def makeExtension(**kwargs: object) -> RawBlocksExtension:  # noqa: N802 (Markdown's API)
    return RawBlocksExtension(**kwargs)
