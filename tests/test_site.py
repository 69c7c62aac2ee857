"""End to end: the real content, generated and built with `mkdocs build --strict`."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.load import load
from generator.validate import validate

from .conftest import ROOT, copy_project, run_explainer

ARTICLE = "articles/us-allows-ukraine-deep-strikes-in-russia/index.html"
pytestmark = pytest.mark.slow


class Text(HTMLParser):
    """The visible text of a page, whitespace folded."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    BLOCKS = {"p", "li", "div", "td", "th", "tr", "br", "h1", "h2", "h3", "h4",
              "figcaption", "blockquote", "dt", "dd", "nav", "header", "footer"}

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of(path: Path) -> str:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(parser.parts).split())


@pytest.fixture(scope="module")
def content():
    return validate(load(ROOT / "content", ROOT))


def test_article_page_shows_facts_quotes_and_ranges(built_site, content):
    article = content.articles["us-allows-ukraine-deep-strikes-in-russia"]
    page = text_of(built_site / ARTICLE)
    for fact in article.key_facts:
        assert " ".join(fact.text.split()) in page
        assert f"Who says so: {fact.attribution}" in page
    for quote in article.quotes:
        assert f"“{' '.join(quote.text.split())}”" in page
        assert content.actors[quote.speaker].name in page
    assert "up to 190 miles (306 km)" in page
    for unknown in article.unknowns:
        assert unknown in page


def test_every_actor_and_weapon_page_links_back(built_site, content):
    link = 'href="../../articles/us-allows-ukraine-deep-strikes-in-russia/"'
    for kind, ids in (("actors", content.actors), ("weapons", content.weapons)):
        for id_ in ids:
            html = (built_site / kind / id_ / "index.html").read_text(encoding="utf-8")
            assert link in html, f"{kind}/{id_}"


def test_search_index_holds_actors_weapons_and_aliases(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d["text"] for d in index["docs"]}
    titles = {d["title"] for d in index["docs"]}
    assert {"ATACMS", "Volodymyr Zelenskiy", "Richard Grenell", "North Korea"} <= titles
    assert "Zelensky" in docs["actors/volodymyr-zelenskiy/"]
    assert "Army Tactical Missile System" in docs["weapons/atacms/"]


def test_search_index_holds_each_text_once(built_site):
    """Listings and backlinks repeat the articles' text: they stay out of the index."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    sections = {d["location"] for d in index["docs"]}
    assert not pages & {"quotes/", "timeline/", "articles/", "actors/", "weapons/"}
    article = ARTICLE.removesuffix("index.html")
    assert {article + "#key-facts", article + "#who-said-what"} <= sections
    assert not {article + "#whos-who", article + "#people", article + "#weapons"} & sections
    assert "actors/richard-grenell/" in sections
    assert not [s for s in sections if s.startswith("actors/") and "#" in s]
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(article))
    assert "Who says so:" in text and "on the record or verified" not in text


def test_glossary_terms_become_tooltips(built_site):
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Army Tactical Missile System[^"]*">ATACMS</abbr>', html)


def test_generation_is_deterministic_and_idempotent(tmp_path):
    root = copy_project(tmp_path / "p")
    assert run_explainer(root, "generate").returncode == 0
    first = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    again = run_explainer(root, "generate")
    assert "generated 0 changed pages" in again.stderr
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == first


def test_deleted_yaml_removes_its_page_but_not_hand_written(tmp_path):
    root = copy_project(tmp_path / "p")
    assert run_explainer(root, "generate").returncode == 0
    assert (root / "docs/weapons/f-16.md").exists()
    (root / "content/weapons/f-16.yaml").unlink()
    article = root / "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
    text = article.read_text().replace(
        "  - ref: f-16\n    role: Cited by Plitsas as aid that was needed much sooner\n", "")
    article.write_text(text)
    result = run_explainer(root, "generate")
    assert result.returncode == 0, result.stderr
    assert not (root / "docs/weapons/f-16.md").exists()
    assert (root / "docs/about.md").exists() and (root / "docs/tags.md").exists()


def test_bad_content_gives_located_error_and_keeps_pages(tmp_path):
    root = copy_project(tmp_path / "p")
    assert run_explainer(root, "generate").returncode == 0
    before = (root / "docs/actors/joe-biden.md").read_bytes()
    (root / "content/actors/joe-biden.yaml").write_text("name: Joe\nkind: person\n")
    result = run_explainer(root, "check")
    assert result.returncode == 1
    assert "content/actors/joe-biden.yaml:1:1: error: missing field 'summary'" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_explainer(root, "generate").returncode == 1
    assert (root / "docs/actors/joe-biden.md").read_bytes() == before
