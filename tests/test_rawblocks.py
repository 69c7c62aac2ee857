"""The generator's HTML blocks go through the engine unparsed, and the pages are the same.

generator/site/rawblocks.py stashes a whole HTML block before Python-Markdown's
`html_block` (and MkDocs' anchor scan) would feed it to `html.parser`. It must never
change a page: every generated page of the real site, and any mix of HTML and Markdown
lines, converts to the same HTML with it as without it.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import yaml
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator.site import rawblocks
from tests.conftest import ROOT

EXTENSION = "generator.site.rawblocks"
SNIPPETS = "generator.site.snippets"


def extensions(config: Path) -> tuple[list[str], dict[str, dict[str, object]]]:
    """The project's Markdown extensions as mkdocs.yml names them, without rawblocks."""
    loaded = load_config(str(config))
    names = [name for name in loaded["markdown_extensions"] if name != EXTENSION]
    return names, loaded["mdx_configs"]


def convert(text: str, names: list[str], configs: dict[str, dict[str, object]],
            fast: bool) -> str:
    """The HTML of `text`, with rawblocks or without it."""
    return markdown.Markdown(extensions=[*names, *([EXTENSION] if fast else [])],
                             extension_configs=configs).convert(text)


def taken(text: str) -> int:
    """How many blocks of `text` rawblocks stashes itself."""
    md = markdown.Markdown()
    rawblocks.RawBlocks(md).run(text.split("\n"))
    return len(md.htmlStash.rawHtmlBlocks)


def html_blocks(lines: list[str]) -> int:
    """How many HTML blocks start in `lines` (a block-level tag after a blank line)."""
    md = markdown.Markdown()
    return sum(1 for number, line in enumerate(lines)
               if (found := rawblocks.OPENING.match(line)) and md.is_block_level(found[1])
               and not (number and lines[number - 1].strip()))


def body(page: Path) -> str:
    """A generated page without its front matter, as MkDocs hands it to Markdown."""
    text = page.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return text


def project_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions mkdocs.yml names, without rawblocks and snippets, and with
    plain `abbr` for the glossary (both read files from a docs folder)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!ENV", "").replace("!relative", ""))
    entries = [entry if isinstance(entry, dict) else {entry: {}}
               for entry in config["markdown_extensions"]]
    named = {name: options or {} for entry in entries for name, options in entry.items()}
    kept = {("abbr" if name == "generator.site.glossary" else name):
            ({} if name == "generator.site.glossary" else options)
            for name, options in named.items() if name not in (EXTENSION, SNIPPETS)}
    return list(kept), kept


def test_mkdocs_yml_names_the_extension():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!ENV", "").replace("!relative", ""))
    assert EXTENSION in config["markdown_extensions"]


def test_every_generated_page_converts_the_same_with_it(built_site):
    docs = built_site.parent / "docs"
    names, configs = extensions(built_site.parent / "mkdocs.yml")
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) > 30
    for page in pages:
        text = body(page)
        assert convert(text, names, configs, fast=True) == convert(text, names, configs,
                                                                   fast=False), page
    # and it takes nearly all of them: html_block is left a few, not wholly written ones
    lines = [body(page).split("\n") for page in pages]
    before = sum(html_blocks(page) for page in lines)
    after = sum(html_blocks(rawblocks.RawBlocks(markdown.Markdown()).run(page))
                for page in lines)
    assert before > 3 * len(pages) and after < before / 20, (before, after)


LINES = ["", "", "", "text", "## A heading", "- an item", "<div class=\"a\">", "</div>",
         "<div>", "<p>a paragraph</p>", "<p>open", "close</p>", "<span>inline</span>",
         "<ul>", "<li>one</li>", "</ul>", "</div> and a tail", "<!-- a comment -->",
         "<pre>", "</pre>", "<hr>", "  <div>", "<figure><blockquote><p>q</p></blockquote>",
         "</figure>", "<table><tr><td>1</td></tr></table>", "<div><div>", "</div></div>",
         "<p>one</p><p>two</p>", "<details><summary>s</summary>", "</details>",
         "<script>x()</script>", "<div data-x=\"1 < 2\">", "*emphasis* <b>bold</b>"]


@given(st.lists(st.sampled_from(LINES), max_size=14))
def test_any_mix_of_html_and_markdown_converts_the_same(lines):
    text = "\n".join(lines)
    assert convert(text, [], {}, fast=True) == convert(text, [], {}, fast=False)


# The containers and lists a run of stashed blocks can sit in, and what ends them.
CONTAINERS = [*LINES, "/// ex-more | Summary", "///", "//// html | div.ex-folds", "////",
              "    <div>x</div>", "1. one", "- <div>x</div>", "Term", ":   Definition",
              "### A heading { .ex-label }", "<div>\n<p>a</p>\n</div>", "<p>x</p>"]


@given(st.lists(st.sampled_from(CONTAINERS), max_size=16))
def test_any_mix_with_the_projects_extensions_converts_the_same(lines):
    names, configs = project_extensions()
    text = "\n".join(lines)
    assert convert(text, names, configs, fast=True) == convert(text, names, configs,
                                                               fast=False)


def test_it_takes_a_whole_block_and_leaves_the_rest():
    assert rawblocks.whole('<div class="a">\n<div>x</div>\n</div>', "div")
    assert not rawblocks.whole("<p>one</p>\n<p>two</p>", "p")     # two blocks: html_block
    assert not rawblocks.whole("<div>\n<!-- c -->\n</div>", "div")
    assert not rawblocks.whole("<div>\n</div> tail", "div")
    assert taken("text\n\n<div>\n<p>x</p>\n</div>\n\nmore") == 1
    assert taken("text\n<div>\n<p>x</p>\n</div>\n\nmore") == 0    # not after a blank line
    # blocks with only blank lines between them are one entry
    assert taken("<div>a</div>\n\n\n<p>b</p>\n\ntext\n\n<ul><li>c</li></ul>") == 2
    md = markdown.Markdown(extensions=[EXTENSION])
    md.convert("<div>a</div>\n\n<p>b</p>")
    assert md.htmlStash.rawHtmlBlocks == ["<div>a</div>\n\n<p>b</p>\n"]
