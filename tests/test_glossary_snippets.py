"""The glossary's abbreviations and the snippets reach the pages as before, for less.

generator/site/glossary.py gives Markdown's `abbr` the glossary file's definitions
instead of pymdownx.snippets appending that file to every page, and
generator/site/snippets.py runs snippets only on a page that holds one of its markers.
Every page of the real site must convert to the same HTML, toc and title as with the
extensions mkdocs.yml named before (abbr, admonition, tables and pymdownx.snippets with
`auto_append: [abbreviations.md]`).
"""

from __future__ import annotations

from pathlib import Path

import markdown
from mkdocs.config import load_config

from generator.site import glossary, snippets
from tests.test_rawblocks import body

BEFORE = ["generator.site.rawblocks", "abbr", "admonition", "attr_list", "def_list",
          "pymdownx.blocks.details", "pymdownx.blocks.html", "tables", "toc",
          "pymdownx.snippets"]


def before_configs(docs: Path, details: object) -> dict[str, dict[str, object]]:
    return {"pymdownx.blocks.details": {"types": details}, "toc": {"permalink": True},
            "pymdownx.snippets": {"base_path": [str(docs / ".snippets")],
                                  "auto_append": ["abbreviations.md"], "check_paths": True}}


def converted(text: str, names: list[str], configs: dict[str, dict[str, object]]
              ) -> tuple[str, str]:
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    return md.convert(text), getattr(md, "toc", "")


def test_every_page_converts_as_with_the_extensions_named_before(built_site):
    docs = built_site.parent / "docs"
    config = load_config(str(built_site.parent / "mkdocs.yml"), docs_dir=str(docs))
    names, configs = config["markdown_extensions"], config["mdx_configs"]
    old = before_configs(docs, configs["pymdownx.blocks.details"]["types"])
    pages = sorted(docs.rglob("*.md"))
    assert "glossary.md" in {page.name for page in pages} and len(pages) > 30
    for page in pages:
        text = body(page)
        assert converted(text, names, configs) == converted(text, BEFORE, old), page
    about = (built_site / "about/index.html").read_text("utf-8")
    assert 'href="mailto:corrections@example.org"' in about       # contact.md, included
    article = (built_site / "articles/us-allows-ukraine-deep-strikes-in-russia/index.html")
    assert '<abbr title="Army Tactical Missile System' in article.read_text("utf-8")


def test_the_glossary_file_defines_what_abbr_would_find_in_it():
    text = ("*[NATO]: North Atlantic Treaty Organization\n*[EU]:European Union\n"
            "*[ ]: nothing\n*[UN]: United Nations\n*[UN]: ''\n")
    assert glossary.definitions(text) == {"NATO": "North Atlantic Treaty Organization",
                                          "EU": "European Union"}


def test_a_page_in_the_glossary_and_a_definition_of_its_own(tmp_path):
    (tmp_path / "abbreviations.md").write_text("*[NATO]: North Atlantic Treaty Organization")
    html = markdown.markdown("NATO and the EU.\n\n*[EU]: European Union",
                             extensions=[glossary.makeExtension(
                                 file=tmp_path / "abbreviations.md")])
    assert html == ('<p><abbr title="North Atlantic Treaty Organization">NATO</abbr> and '
                    'the <abbr title="European Union">EU</abbr>.</p>')


def test_snippets_run_on_a_page_with_a_marker_and_leave_the_others(tmp_path):
    (tmp_path / "contact.md").write_text("Write to us.")
    md = markdown.Markdown(extensions=[snippets.makeExtension(
        base_path=[str(tmp_path)], check_paths=True)])
    assert md.convert('Hello.\n\n--8<-- "contact.md"\n') == "<p>Hello.</p>\n<p>Write to us.</p>"
    assert md.convert("Hello.\n\n;--8<-- \"contact.md\"\n") == (
        '<p>Hello.</p>\n<p>--8&lt;-- "contact.md"</p>')           # an escaped marker
    lines = ["Hello, -8 < 8.", "", "<p>x</p>"]
    assert md.preprocessors["snippet"].run(list(lines)) == lines
