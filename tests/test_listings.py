"""Listings stay bounded as the site grows: no page lists every other page.

Synthetic content (benchmarks/synth.py) at two sizes, rendered with a small page cap:
every page holds at most `cap` listed items and no page grows with the number of
articles, yet every quote, event and article is reachable from its index page by
following links, and the built site (mkdocs --strict) has no broken link.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from benchmarks import synth
from generator.kinds import KINDS
from generator.render.markup import page_url
from generator.render.pages import render
from generator.site.engine import engine
from generator.site.linkcheck import check_site
from generator.stages.load import load
from generator.stages.pages import read_pages
from generator.stages.resolve import resolve
from generator.stages.validate import validate
from generator.stages.write import write

from .conftest import ROOT, copy_project

CAP = 4
LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)\s]*)?\)")
HREF = re.compile(r'href="([^"#:]+)[#"]')
ITEMS = {"quote": re.compile(r'<figure class="ex-quote"'),
         "event": re.compile(r'^<li><time datetime=', re.M),
         "article": re.compile(r"^- \[.*\]\(\S*articles/[a-z0-9-]+\.md\)", re.M)}


def synthetic(tmp: Path, n: int) -> tuple[dict[str, str], object]:
    content = tmp / f"content-{n}"
    synth.generate(content, n)
    shutil.copy2(ROOT / "content" / "site.yaml", content / "site.yaml")
    resolved = load(content, tmp).then(validate).then(resolve).unwrap()
    return {p.path: p.text for p in render(resolved, cap=CAP)
            if isinstance(p.text, str)}, resolved


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("listings")
    return {n: synthetic(tmp, n) for n in (20, 60)}


def linked(pages: dict[str, str], page: str) -> list[str]:
    """The docs paths page links to: Markdown links, and HTML links by their URL."""
    by_url = {page_url(path): path for path in pages}
    served = [posixpath.normpath(posixpath.join("/" + page_url(page), url))
              for url in HREF.findall(pages[page])]
    return [*(posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
              for target in LINK.findall(pages[page])),
            *(by_url.get(url[1:] + "/" if url != "/" else "./", "") for url in served)]


def reachable(pages: dict[str, str], start: str) -> set[str]:
    """Every page reached from start by following links between pages."""
    seen, todo = {start}, [start]
    while todo:
        page = todo.pop()
        for path in linked(pages, page):
            if path in pages and path not in seen:
                seen.add(path)
                todo.append(path)
    return seen


def unlinked(markdown: str) -> str:
    """Markdown with links reduced to their words (names in quotes link to their page)."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)|</?(?:a|abbr)\b[^>]*>", r"\1", markdown)


def test_every_quote_event_and_article_is_reachable_from_its_index(sites):
    pages, resolved = sites[60]
    c = resolved.content
    quote_pages = unlinked("".join(pages[p] for p in reachable(pages, "quotes/index.md")))
    event_pages = "".join(pages[p] for p in reachable(pages, "timeline/index.md"))
    article_pages = reachable(pages, "articles/index.md")
    assert len(pages["quotes/index.md"]) < 2000
    for article_id, article in c.articles.items():
        assert f"articles/{article_id}.md" in article_pages
        for q in article.quotes:
            assert f"“{q.text}”" in quote_pages, q.text
        for e in article.timeline:
            assert f'<time datetime="{e.date}">' in event_pages
            assert e.event.split()[0] in event_pages


def test_every_backlink_is_reachable_from_the_actor_page(sites):
    pages, resolved = sites[60]
    busiest = max(resolved.links["actor"], key=lambda a: len(resolved.links["actor"][a].quotes))
    links = resolved.links["actor"][busiest]
    assert len(links.quotes) > CAP and len(links.articles) > CAP
    text = "".join(pages[p] for p in reachable(pages, f"actors/{busiest}.md")
                   if p.startswith(f"actors/{busiest}"))
    for _, q in links.quotes:
        assert f"“{q.text}”" in text
    for article_id in links.articles:
        assert re.search(f'href="(\\.\\./)+articles/{article_id}/"', text), article_id
    assert f"actors/{busiest}/quotes-2.md" in pages
    assert "Page 1 of" in pages[f"actors/{busiest}.md"]


def test_listing_pages_are_excluded_from_search(sites):
    pages, _ = sites[60]
    for path, text in pages.items():
        if path.startswith(("quotes/", "timeline/", "articles/years/")) or \
                re.match(r"(actors|weapons)/[a-z0-9-]+/", path):
            assert "search:\n  exclude: true" in text, path


@pytest.mark.slow
def test_split_site_builds_strict_with_every_link_resolving(tmp_path, sites):
    """The split listings, written and built by MkDocs --strict; no broken link."""
    root = copy_project(tmp_path / "project")
    for folder in [kind.folder for kind in KINDS.values()] + ["sources"]:
        shutil.rmtree(root / "content" / folder, ignore_errors=True)
    synth.generate(root / "content", 20)
    resolved = load(root / "content", root).then(validate).then(resolve).unwrap()
    generated = render(resolved, cap=CAP)
    handwritten, _ = read_pages(root / "content", root, [p.path for p in generated])
    write(generated + handwritten, root / "docs")
    engine().build(root / "mkdocs.yml", root / "docs", root / "site", strict=True)
    report = check_site(root / "site")
    assert not report.broken, [b.format() for b in report.broken]
    assert (root / "site" / "quotes" / "index.html").exists()
    assert (root / "site" / "timeline" / "index.html").exists()
