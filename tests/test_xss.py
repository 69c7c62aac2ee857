"""Script injection: OWASP XSS payloads in every text field of a real build.

The minimal fixture site is rewritten so that every free-text field of every model
holds a payload (raw HTML, attribute lists, encoded URLs, Markdown block markers), then
built once with `explainer build`. The assertions read the parsed HTML of every page:
no script, handler or dangerous URL the writer typed survives, every payload is shown
as text, and no field grew a heading, rule, admonition or table of its own.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from markdown.extensions.toc import slugify
from pydantic import BaseModel

from generator.stages import models
from generator.stages.safety import check_markdown

from .conftest import copy_project, run_explainer
from .searchindex import indexed_pages

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
pytestmark = pytest.mark.slow

# From the OWASP XSS Filter Evasion Cheat Sheet, plus Markdown-specific break-outs.
# Each payload that passes validation must reach the page only as visible text.
PAYLOADS = [
    "<script>alert('xss1')</script>",
    "<IMG SRC=\"javascript:alert('xss2');\">",
    "<img src=x onerror=alert('xss3')>",
    "<svg/onload=alert('xss4')>",
    "\"><script>alert('xss5')</script>",
    "'';!--\"<XSS6>=&{()}",
    "<a href=\"javascript:alert('xss7')\">xss7</a>",
    "<iframe src=\"javascript:alert('xss8')\"></iframe>",
    "<body onload=alert('xss9')>",
    "<<SCRIPT>alert(\"xss10\");//<</SCRIPT>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('xss11')>",
    "*xss14*{onmouseover=alert(14)}",
    "xss15 {: onclick=\"alert(15)\" }",
    "`xss16` <div markdown=\"1\" onclick=alert(16)>",
    "[xss17](https://example.org/ \"onmouseover=alert(17)\")",
    "<style>@import'http://xss18.example/x.css';</style>",
    "<object data=\"javascript:alert('xss19')\"></object>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('xss20');\">",
    "<math><a xlink:href=\"javascript:alert('xss21')\">x</a></math>",
    "--8<-- \"/etc/passwd\" xss22",
    "/// ex-more | xss-fold",
]
# Markdown structure a field must not create: checked per page below.
BLOCKS = [
    "# xss-heading\n\nsecond paragraph",
    "xss-setext\n===",
    "!!! danger \"xss-admonition\"\n    body",
    "| xss | table |\n| --- | --- |\n| a | b |",
    "above\n\n---\n\nxss-rule below",
    "*[HTML]: xss-abbr <script>alert(23)</script>",
    "{: onclick=alert(24) }\nxss-attr-list line",
    "[xss-ref]: https://example.org\n\n<details open ontoggle=alert(25)>",
]
SKIP = {"kind", "status", "date", "from", "to", "published", "updated", "ref", "speaker",
        "affiliation", "origin", "actors", "weapons", "url", "language", "unit", "qualifier",
        "value", "rule", "iso", "country", "places", "weapon", "from_place", "from_country",
        "toward"}


class Page(HTMLParser):
    """Elements (tag, attributes) and visible text of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[str, str]] = []   # (type, text)
        self.text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self.in_script = tag == "script"
        if self.in_script:
            self.scripts.append((dict(attrs).get("type") or "", ""))

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)
        else:
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def payload_for(counter: list[int], block: bool) -> str:
    counter[0] += 1
    pool = PAYLOADS + BLOCKS if block else PAYLOADS
    return pool[counter[0] % len(pool)]


def poison(data: Any, counter: list[int], key: str = "", parent: str = "") -> Any:
    """Every free-text value replaced by a payload (ids, dates and enums left valid)."""
    if isinstance(data, dict):
        return {k: poison(v, counter, k, key) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(v, counter, key, parent) for v in data]
    if not isinstance(data, str) or key in SKIP or (key == "text" and parent == "source"):
        return data
    return payload_for(counter, key in ("summary", "why_it_matters"))


def text_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted paths of every field validated as writers' Markdown, from the models."""
    found: set[str] = set()
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        if any(getattr(m, "func", None) is check_markdown for m in field.metadata) or \
                any(getattr(m, "func", None) is check_markdown
                    for a in get_args(field.annotation) for m in getattr(a, "__metadata__", ())):
            found.add(path)
        for inner in nested_models(field.annotation):
            found |= text_fields(inner, f"{path}.")
    return found


def nested_models(annotation: Any) -> list[type]:
    if isinstance(annotation, type) and issubclass(annotation, models.Strict):
        return [annotation]
    return [m for a in get_args(annotation) for m in nested_models(a)]


def filled_paths(data: Any, prefix: str = "") -> set[str]:
    if isinstance(data, dict):
        return {p for k, v in data.items() for p in filled_paths(v, f"{prefix}{k}.")}
    if isinstance(data, list):
        return {p for v in data for p in filled_paths(v, prefix)}
    return {prefix.rstrip(".")} if isinstance(data, str) and (
        data in PAYLOADS or data in BLOCKS) else set()


EXTRA: dict[str, dict[str, Any]] = {  # optional text fields the minimal site leaves empty
    "articles/ruritania-tests-missile.yaml": {"source": {
        "additional_reporting": ["x"], "editors": ["x"], "url": "https://example.org/r",
        "headline": "x", "accept": [{"rule": "no-source-url", "reason": "x"}]},
        "authors": [{"name": "x"}], "questions": [{"question": "x", "answer": "y"}],
        "places": [{"ref": "strelsau", "role": "x"}],        # a map, whose labels, title
        "reach": [{"weapon": "thunderbolt", "from_place": "strelsau"}]},  # and text...
    "site.yaml": {"authors": [{"name": "x", "kind": "person"}], "tagline": "x"},
    # the article (2025) shows the title, the actor's page the later dated one
    "actors/ruritania.yaml": {"title": "x", "titles": [{"title": "y", "from": "2026-01-01"}],
                              "iso": "MD"},
    "weapons/thunderbolt.yaml": {"aliases": ["x", "y"]},
}
PLACE = {  # ... come from a place's fields; Ruritania stands in for Moldova (MD)
    "name": "x", "aliases": ["x"], "kind": "city", "coordinates": {"lat": 47.0, "lon": 28.86},
    "country": "ruritania", "summary": "x",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    root = copy_project(tmp_path_factory.mktemp("xss") / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(MINIMAL, root / "content")
    (root / "content" / "places").mkdir()
    (root / "content" / "places" / "strelsau.yaml").write_text(yaml.safe_dump(PLACE))
    counter, covered = [0], dict[str, set[str]]()
    for path in sorted((root / "content").rglob("*.yaml")):
        rel = path.relative_to(root / "content").as_posix()
        data = yaml.safe_load(path.read_text())
        for key, value in EXTRA.get(rel, {}).items():
            data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
        for item in data.get("key_facts", [])[:1] + data.get("quotes", [])[:1]:
            item["accept"] = [{"rule": "number-not-in-source", "reason": "x"}]
        data = poison(data, counter)
        kind = rel.split("/")[0] if "/" in rel else rel.removesuffix(".yaml")
        covered.setdefault(kind, set()).update(filled_paths(data))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        if kind == "articles":                      # quotes are verified against the source
            with (root / data["source"]["text"]).open("a") as source:
                source.write("".join(f"\n{q['text']}\n" for q in data.get("quotes", [])))
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site", covered


def test_every_text_field_holds_a_payload(site):
    _, covered = site
    expected = {"articles": models.Article, "actors": models.Actor,
                "weapons": models.Weapon, "places": models.Place,
                "glossary": models.Glossary, "site": models.Site}
    for kind, model in expected.items():
        missing = text_fields(model) - covered[kind]
        assert not missing, f"{kind}: no payload in {sorted(missing)}"


def where(path: Path, site_dir: Path) -> str:
    return path.relative_to(site_dir).as_posix()


def pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


DANGEROUS_URL = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "content",
                  "srcset", "poster", "background"}


FORBIDDEN_TAGS = {"iframe", "object", "embed", "img", "math", "style", "details", "base"}
# The article's folded sections are the template's own <details>: exactly these attributes.
TEMPLATE_DETAILS = {"class": "ex-more"}


def test_no_script_handler_or_dangerous_url_survives(site):
    site_dir, _ = site
    surviving = []
    for path in pages(site_dir):
        page = parse(path)
        for tag, attrs in page.elements:
            for name, value in attrs.items():
                url = re.sub(r"[\x00-\x20]", "", value)
                if name.startswith("on") or name == "style" or \
                        (name in URL_ATTRIBUTES and DANGEROUS_URL.match(url)):
                    surviving.append((where(path, site_dir), tag, name, value))
            src = attrs.get("src", "")          # the theme's own scripts live in assets/
            theme_script = "/assets/" in "/" + src.lstrip("./") and ":" not in src
            if tag == "details" and attrs == TEMPLATE_DETAILS:
                continue
            if tag in FORBIDDEN_TAGS or (tag == "meta" and "http-equiv" in attrs) or (
                    tag == "script" and "src" in attrs and not theme_script) or (
                    tag == "form" and "md-" not in attrs.get("class", "")):
                surviving.append((where(path, site_dir), tag, "", str(attrs)))
        surviving += [(where(path, site_dir), "script", kind, text)
                      for kind, text in page.scripts if not inert(kind, text)]
    assert surviving == []


def inert(kind: str, text: str) -> bool:
    """A script holding writers' text only as data: JSON with no `<` to close it early."""
    if kind in ("application/json", "application/ld+json"):
        json.loads(text)
        return "<" not in text
    return not re.search(r"alert|xss", text, re.IGNORECASE)


def test_payloads_are_shown_as_text(site):
    site_dir, _ = site
    actor = " ".join("".join(parse(site_dir / "actors/ada-ruritan/index.html").text).split())
    article = " ".join("".join(parse(
        site_dir / "articles/ruritania-tests-missile/index.html").text).split())
    shown = actor + article
    head = parse(site_dir / "actors/ada-ruritan/index.html")
    metas = {a.get("property") or a.get("name"): a.get("content") for t, a in head.elements
             if t == "meta"}
    name = "<IMG SRC=\"javascript:alert('xss2');\">"   # escaped once: shown as typed
    assert f"{name} - " in "".join(head.text) and metas["og:title"] == name
    # Each kind of payload is shown as typed somewhere (whichever field it landed in).
    for marker in (r"<script>alert\('xss\d+'\)</script>", r"<img src=x onerror=alert\('xss\d+'\)>",
                   r"<svg/onload=alert\('xss\d+'\)>", r"\{: onclick=\"alert\(\d+\)\" \}",
                   r"--8<-- \"/etc/passwd\" xss\d+"):
        assert re.search(marker, shown), marker


def test_no_field_adds_structure_to_its_page(site):
    site_dir, _ = site
    for path in pages(site_dir):
        page = parse(path)
        classes = " ".join(a.get("class", "") for _, a in page.elements)
        assert [t for t, _ in page.elements].count("h1") <= 1, path
        assert "admonition" not in classes, path
        assert not [h for h in heading_texts(path) if "xss-" in h], path
        slugs = {slugify(unescape(h), "-") for h in heading_texts(path)}  # headings' anchors
        assert not [a["id"] for _, a in page.elements
                    if a.get("id", "").startswith("xss") and a["id"] not in slugs], path
        assert "hr" not in content_tags(path), path
    golden = (Path(__file__).parent / "fixtures/minimal/golden/articles/"
              "ruritania-tests-missile.md").read_text()
    article = site_dir / "articles/ruritania-tests-missile/index.html"
    # the template's own tables only (Markdown ones, or HTML it writes itself)
    assert content_tags(article).count("table") == \
        golden.count("\n| --- |") + golden.count("\n<table>")
    # no block a writer opened (or closed) in its text: no fold or element of theirs
    for path in pages(site_dir):
        assert not re.search(r"<summary>[^<]*xss", path.read_text()), path
        assert not [a for _, a in parse(path).elements if "xss" in a.get("class", "")], path
    shown = " ".join(" ".join(parse(path).text) for path in pages(site_dir))
    assert "/// ex-more | xss-fold" in shown


def main_html(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.find("<article"):html.find("</article>")]


def content_tags(path: Path) -> list[str]:
    return re.findall(r"<([a-z0-9]+)[\s>]", main_html(path))


def heading_texts(path: Path) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h)
            for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", main_html(path))]


def test_search_index_holds_text_and_tags_no_live_markup(site):
    """Pagefind keeps each page's title and text as plain text (the search box shows
    them as text: tests/browser/test_search.py); Material's tags show tags.json as HTML,
    so it must stay inert."""
    site_dir, _ = site
    pages = indexed_pages(site_dir)
    titles = [p["meta"]["title"] for p in pages.values()]
    assert "<IMG SRC=\"javascript:alert('xss2');\">" in titles
    assert any(re.search(r"<script>alert\('xss\d+'\)", p["content"]) for p in pages.values())
    page = Page()
    page.feed((site_dir / "tags.json").read_text())
    live = [(tag, attrs) for tag, attrs in page.elements
            if tag not in {"p", "ul", "ol", "li", "em", "strong", "code", "a", "br"}
            or any(name != "href" or DANGEROUS_URL.match(value)
                   for name, value in attrs.items())]
    assert live == []
