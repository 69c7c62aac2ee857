"""Every engine that reads mkdocs.yml builds the same site: one test per cell of the
README's engine table (search, tooltips, tags, theme overrides, strict link validation,
sub-path), each run with MkDocs, ProperDocs and Zensical on the minimal content through
`explainer build --engine NAME`, as a writer runs it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.site.engine import ENGINE_NAMES, BuildFailed, engine

from .conftest import copy_project, run_explainer
from .searchindex import indexed_pages

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
ARTICLE = "articles/ruritania-tests-missile/"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=ENGINE_NAMES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[str, Path]:
    """(engine name, project root) of the minimal content built with that engine."""
    root = copy_project(tmp_path_factory.mktemp(request.param) / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(MINIMAL, root / "content")
    result = run_explainer(root, "build", "--engine", request.param)
    assert result.returncode == 0, result.stderr
    return request.param, root


def page(root: Path, path: str) -> str:
    return (root / "site" / path / "index.html").read_text(encoding="utf-8")


def test_search_pagefind_indexes_every_page_with_its_kind(built):
    _, root = built
    pages = indexed_pages(root / "site")
    assert pages[ARTICLE]["filters"]["kind"] == ["Article"]
    assert pages["weapons/thunderbolt/"]["filters"]["kind"] == ["Weapon"]
    assert "Ada R." in pages["actors/ada-ruritan/"]["content"]      # an alias is found
    assert "data-ex-search" in page(root, "")                      # the box that asks it


def test_tooltips_abbreviations_carry_their_definitions(built):
    _, root = built
    html = page(root, "weapons/thunderbolt")
    assert '<abbr title="Short-range ballistic missile">SRBM</abbr>' in html


def test_tags_the_tags_page_lists_each_topic_with_its_articles(built):
    _, root = built
    tags = page(root, "tags")
    article = page(root, ARTICLE.rstrip("/"))
    topics = re.findall(r'class="md-tag[^"]*"[^>]*>([^<]+)<', article)
    assert topics
    for topic in topics:
        assert topic.strip() in tags
    assert "ruritania-tests-missile" in tags


def test_theme_overrides_are_used(built):
    _, root = built
    html = page(root, ARTICLE.rstrip("/"))
    assert 'property="og:title"' in html                         # theme/main.html
    assert "data-pagefind-body" in html
    assert "assets/javascripts/search.js" in html and "assets/explainer.css" in html
    assert "md-tabs__item--active" in html                       # partials/tabs-item.html


def test_sub_path_every_link_is_relative_and_the_canonical_address_is_under_it(built):
    _, root = built
    html = page(root, ARTICLE.rstrip("/"))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical
    address = canonical.group(1).replace("&#x2f;", "/")
    assert address == "https://example.org/test/" + ARTICLE
    rooted = re.findall(r'(?:href|src)="(/[^"]*)"', html)
    assert rooted == []


def test_strict_link_validation_fails_the_build_on_a_broken_link(built, tmp_path, capfd):
    name, root = built
    docs = tmp_path / "docs"
    shutil.copytree(root / "docs", docs)
    with (docs / "index.md").open("a", encoding="utf-8") as text:
        text.write("\nSee [nowhere](missing.md).\n")
    with pytest.raises(BuildFailed, match=f"^{name} build failed$"):
        engine(name).build(root / "mkdocs.yml", docs, tmp_path / "site", strict=True)
    said = capfd.readouterr().err
    assert "missing.md" in said and "Traceback" not in said
