"""HTML the generator writes itself: the same links, text and tooltips the engine would
have made of the Markdown, and a link to a page the build does not make fails the build.

MkDocs and Python-Markdown are the oracles: each case is worked out by them too.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.files import File

from generator.cli import main
from generator.render import views
from generator.render.escape import block, inline
from generator.render.markup import from_markdown, glossary, relative
from generator.render.mentions import Mention, Prose

from .conftest import ROOT

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
DOCS = ["index.md", "about.md", "articles/index.md", "articles/a-story.md",
        "articles/years/2024.md", "actors/x.md", "actors/x/quotes-2.md", "actors/index.md"]


def mkdocs_url(here: str, target: str) -> str:
    """The link MkDocs writes on the page of `here` for a Markdown link to `target`."""
    def file(path: str) -> File:
        return File(path, "docs", "site", use_directory_urls=True)
    return file(target).url_relative_to(file(here))


@pytest.mark.parametrize("here", DOCS)
def test_links_are_the_urls_mkdocs_makes(here):
    for target in DOCS:
        assert relative(here, target) == mkdocs_url(here, target), (here, target)
        assert relative(here, target + "#a-heading") == mkdocs_url(here, target) + \
            "#a-heading"


TEXTS = ["Plain words, with 'quotes' & <tags>", "Some *emphasis* and __strong__ words",
         "A [link](https://example.org/a?b=1&c=2) in text", "snake_case_name and 2*3*4",
         "`code` {: .x } # not a heading", "1. not a list", "- not a list either",
         r"An \*escaped\* star", "Tom & Jerry's ![image](https://example.org/x.png)"]


@pytest.mark.parametrize("text", TEXTS)
def test_writers_text_converts_as_the_engine_converts_it(text):
    escaped = str(inline(text))
    engine = markdown.markdown(escaped, extensions=["attr_list", "def_list", "tables",
                                                    "admonition"])
    assert f"<p>{from_markdown(escaped)}</p>" == engine


def test_prose_links_its_names_with_final_urls():
    prose = Prose(("Met ", Mention("Ann", "actors/ann.md"), " *today*."))
    url = prose.linked(lambda path: relative("articles/x.md", path))
    assert from_markdown(url) == 'Met <a href="../../actors/ann/">Ann</a> <em>today</em>.'


DPRK = "Democratic People's Republic of Korea"


def test_glossary_terms_become_abbr_as_the_abbr_extension_makes_them():
    terms = glossary([("NATO", "North Atlantic Treaty Organization"), ("DPRK", DPRK)])
    text = str(inline("NATO and the DPRK's NATOs: <a> NATO"))
    html = str(terms.abbreviate(f'<a href="../NATO/" title="NATO">{text}</a>'))
    engine = markdown.markdown(
        f"[{text}](../NATO/ \"NATO\")\n\n*[NATO]: North Atlantic Treaty Organization\n"
        f"*[DPRK]: {inline(DPRK)}",
        extensions=["abbr"])
    assert f"<p>{html}</p>" == engine


def test_a_generated_link_to_a_page_that_is_not_built_fails_the_build(tmp_path, capsys,
                                                                       monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root / "content")
    for name in ("theme", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name,
                                                                       root / name)
    page = views.Parts.link

    def astray(self, kind, id_):
        link = page(self, kind, id_)
        return views.Link(link.text, "actors/nobody.md") if kind == "actor" else link

    monkeypatch.setattr(views.Parts, "link", astray)
    assert main(["--root", str(root), "build"]) != 0
    assert "generated links to pages the build does not make: " \
        "actors/ada-ruritan.md -> actors/nobody.md;" in capsys.readouterr().err
    assert not (root / "site").exists()


def test_a_writers_block_fence_stays_text():
    """`///` opens and closes the engine's blocks (the page's folds): in writers' text it
    is written as characters, so no text can end a fold or open one of its own."""
    text = "Before\n///\n  /// ex-more | A fold\n/// html | div.x\nAfter"
    engine = markdown.markdown(str(block(text)),
                               extensions=["pymdownx.blocks.html", "pymdownx.blocks.details"])
    assert html.unescape(engine) == "<p>" + text + "</p>"    # one paragraph, as typed
    assert str(inline("/// ex-more | A fold")).startswith("&#47;//")
