"""End to end: the real content, generated and built with `mkdocs build --strict`."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.stages.load import load
from generator.stages.validate import validate

from .conftest import ROOT, copy_project, run_explainer
from .searchindex import indexed_pages

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
    return load(ROOT / "content", ROOT).then(validate).unwrap()


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


def test_an_event_still_to_come_says_so(built_site):
    page = text_of(built_site / ARTICLE)
    assert ("20 January 2025 Scheduled Donald Trump is due to take office as U.S. "
            "president.") in page
    assert page.count("Scheduled") == 1


def test_every_actor_and_weapon_page_links_back(built_site, content):
    link = 'href="../../articles/us-allows-ukraine-deep-strikes-in-russia/"'
    for kind, ids in (("actors", content.actors), ("weapons", content.weapons)):
        for id_ in ids:
            html = (built_site / kind / id_ / "index.html").read_text(encoding="utf-8")
            assert link in html, f"{kind}/{id_}"


def test_search_index_holds_actors_weapons_and_aliases(built_site):
    pages = indexed_pages(built_site)
    titles = {p["meta"]["title"] for p in pages.values()}
    assert {"ATACMS", "Volodymyr Zelenskiy", "Richard Grenell", "North Korea"} <= titles
    assert "Zelensky" in pages["actors/volodymyr-zelenskiy/"]["content"]
    assert "Army Tactical Missile System" in pages["weapons/atacms/"]["content"]


def test_search_entries_carry_the_names_of_the_cast_and_start_with_a_sentence(built_site):
    """'Zelensky' and 'Ukrainian president' find the article that spells him 'Zelenskiy'
    and names his office; entries start with the title and the standfirst or summary, not
    labels (the fact boxes stay out of the index)."""
    pages = indexed_pages(built_site)
    article = pages[ARTICLE.removesuffix("index.html")]["content"]
    assert article.startswith("U.S. lets Ukraine strike deep inside Russia with American "
                              "weapons. Two months before leaving office, Joe Biden")
    assert "Zelensky" in article and "Ukrainian president" in article
    assert "ATACMS missiles" in article and "Army Tactical Missile System" in article
    entities = {url: page for url, page in pages.items()
                if url.count("/") == 2 and url.split("/")[0] in ("actors", "weapons")}
    assert len(entities) > 20
    for url, page in entities.items():
        after_title = page["content"].removeprefix(page["meta"]["title"]).lstrip(". ")
        assert not after_title.startswith(("Kind", "Full name", "Title or role")), url
        assert "Also known as" not in after_title and "Made in" not in after_title, url


def test_search_index_holds_each_text_once(built_site):
    """Listings and backlinks repeat the articles' text: they stay out of the index."""
    pages = indexed_pages(built_site)
    assert not set(pages) & {"quotes/", "timeline/", "articles/", "actors/", "weapons/"}
    article = pages[ARTICLE.removesuffix("index.html")]
    anchors = {a["id"] for a in article["anchors"]}
    assert {"key-facts", "who-said-what", "timeline"} <= anchors
    text = article["content"]
    assert "Who says so:" in text and "on the record or verified" not in text
    assert "Who's who" not in text and "Role in this story" not in text
    assert "¶" not in text
    actor = pages["actors/richard-grenell/"]["content"]
    assert "Escalating the wars" not in actor and "U.S. lets Ukraine" not in actor


def test_search_filters_by_kind_and_topic(built_site, content):
    pages = indexed_pages(built_site)
    kinds = {url: p["filters"].get("kind") for url, p in pages.items()}
    assert kinds[ARTICLE.removesuffix("index.html")] == ["Article"]
    assert kinds["weapons/atacms/"] == ["Weapon"]
    assert kinds["actors/north-korea/"] == ["Actor"]
    assert kinds["places/kyiv/"] == ["Place"]
    assert sum(k == ["Actor"] for k in kinds.values()) == len(content.actors)
    article = content.articles["us-allows-ukraine-deep-strikes-in-russia"]
    topics = pages[ARTICLE.removesuffix("index.html")]["filters"]["topic"]
    assert sorted(topics) == sorted(article.tags) and topics


def test_every_card_says_who_it_is_as_of_the_articles_date(built_site):
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    cards = re.findall(r"<li>\s*<span class=\"ex-card__name\">(.*?)</li>", html, re.S)
    assert len(cards) == 6 + 21                  # the principal actors, then everyone
    assert all('class="ex-card__title"' in card for card in cards)
    trump = [c for c in cards if ">Donald Trump<" in c]
    assert trump and all("President-elect" in c and "took office" not in c for c in trump)
    assert "Kind" not in text_of(built_site / "actors/donald-trump/index.html")


def test_glossary_entries_link_to_the_page_of_what_they_name(built_site):
    html = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    for term, page in (("ATACMS", "weapons/atacms/"), ("HIMARS", "weapons/himars/"),
                       ("NATO", "actors/nato/"), ("DPRK", "actors/north-korea/")):
        assert f'href="../{page}">More about <abbr' in html or \
            f'href="../{page}">More about {term}' in html, term
    assert html.count("More about") == 4          # Kursk and President-elect have no page


def test_hubs_list_their_few_items_quotes_by_surname(built_site, content):
    quotes = text_of(built_site / "quotes/index.html")
    speakers = ["Biden administration", "Richard Grenell", "Alex Plitsas", "Radoslaw Sikorski"]
    at = [quotes.index(f"{name} ") for name in speakers]
    assert at == sorted(at)                     # Biden, Grenell, Plitsas, Sikorski
    for quote in content.articles["us-allows-ukraine-deep-strikes-in-russia"].quotes:
        assert f"“{' '.join(quote.text.split())}”" in quotes
    timeline = text_of(built_site / "timeline/index.html")
    assert "5 November 2024 Donald Trump wins the U.S. presidential election." in timeline
    assert "20 January 2025 Scheduled Donald Trump is due to take office" in timeline
    assert not list((built_site / "quotes").glob("*/index.html"))
    assert not list((built_site / "timeline").glob("*/index.html"))


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


class Head(HTMLParser):
    """The <meta>, <link> and JSON-LD of a page, and every resource it loads."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[str] = []
        self.resources: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "link":
            self.links.append(a)
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "preconnect", "icon"):
            self.resources.append(a.get("href", ""))

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)
            self._in_ld = False


def head_of(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_article_carries_news_article_json_ld_and_link_preview(built_site, content):
    article = content.articles["us-allows-ukraine-deep-strikes-in-russia"]
    head = head_of(built_site / ARTICLE)
    [data] = [json.loads(text) for text in head.json_ld]
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline
    assert data["datePublished"] == "2024-11-18T00:00:00+00:00" == data["dateModified"]
    # The explainer's authors are the site's own desk; the reporters wrote the report.
    assert data["author"] == [{"@type": "Organization", "name": "Explainer desk"}]
    report = data["isBasedOn"]
    assert [a["name"] for a in report["author"]] == ["Mike Stone", "Humeyra Pamuk"]
    assert report["dateline"] == "WASHINGTON"
    assert report["publisher"] == {"@type": "Organization", "name": "Reuters"}
    assert report["datePublished"] == "2024-11-17T00:00:00+00:00"
    assert data["publisher"]["name"] == content.site.publisher.name
    assert data["publisher"]["logo"]["url"].endswith("/assets/images/logo.png")
    assert data["publisher"]["contactPoint"]["email"] == content.site.contact.email
    assert "correction" not in data
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == head.meta["twitter:title"] == article.headline
    assert head.meta["og:description"] == " ".join(article.standfirst.split())
    assert head.meta["twitter:card"] == "summary_large_image"
    # Its own preview image, with its headline; other pages share the site's.
    image = "assets/previews/us-allows-ukraine-deep-strikes-in-russia.png"
    assert head.meta["og:image"].endswith("/" + image) and head.meta["twitter:image"] == \
        head.meta["og:image"] == data["image"][0]
    assert head.meta["og:image:alt"] == f"{article.headline} (Explainer)"
    png = (built_site / image).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (1200).to_bytes(4, "big") + \
        (630).to_bytes(4, "big")                                  # IHDR: 1200 x 630
    home = head_of(built_site / "index.html")
    assert home.meta["og:image"].endswith("/assets/images/social.png")
    assert (built_site / "assets/images/social.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_actor_pages_carry_person_or_organization_json_ld(built_site):
    [person] = [json.loads(t) for t in
                head_of(built_site / "actors/richard-grenell/index.html").json_ld]
    assert person["@type"] == "Person"
    assert person["jobTitle"] == "Foreign policy adviser to Donald Trump"
    assert "Grenell" in person["alternateName"]
    assert person["colleague"]["name"] == "Donald Trump"   # a person, so not an affiliation
    [org] = [json.loads(t) for t in head_of(built_site / "actors/nato/index.html").json_ld]
    assert org["@type"] == "Organization" and org["name"] == "NATO"


def test_json_ld_cannot_end_its_script_early(project):
    path = project / "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
    path.write_text(path.read_text().replace(
        "headline: U.S. lets Ukraine",
        "headline: </script><script>alert(1)</script> U.S. lets Ukraine"))
    result = run_explainer(project, "build")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / ARTICLE).read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in script
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; U.S." in html
    [data] = [json.loads(t) for t in head_of(project / "site" / ARTICLE).json_ld]
    assert data["headline"].startswith("</script><script>alert(1)</script> U.S.")


def test_atom_feed_lists_every_article_and_every_page_links_it(built_site, content):
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / "feed.xml").getroot()
    assert feed.tag == f"{atom}feed"
    assert feed.findtext(f"{atom}title") == content.site.title
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [
        a.headline for a in content.articles.values()]
    for entry in entries:
        for field in ("id", "updated", "published", "summary"):
            assert entry.findtext(f"{atom}{field}"), field
        href = entry.find(f"{atom}link").get("href")
        local = href.removeprefix(content.site.url.rstrip("/") + "/")
        assert (built_site / local / "index.html").is_file(), href
    for page in built_site.rglob("*.html"):
        feeds = [link for link in head_of(page).links
                 if link.get("type") == "application/atom+xml"]
        assert feeds and feeds[0]["href"].endswith("feed.xml"), page


def test_range_chart_is_an_accessible_svg_in_both_units(built_site):
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    svg = re.search(r"<svg class=\"ex-chart__svg\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="ex-chart-title ex-chart-desc"' in svg
    desc = re.search(r'<desc id="ex-chart-desc">(.*?)</desc>', svg).group(1)
    assert "ATACMS up to 190 miles (306 km)" in desc
    assert "No range given for HIMARS, Bradley, Abrams, F-16" in desc
    assert "up to 190 mi (306 km)" in svg and ">miles<" in svg and ">km<" in svg


def test_pages_load_nothing_from_other_hosts(built_site):
    for page in built_site.rglob("*.html"):
        for resource in head_of(page).resources:
            assert not re.match(r"^(https?:)?//", resource), (page, resource)
