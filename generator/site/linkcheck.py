"""Link check of a built site: every internal link and anchor must resolve.

Reads the HTML files and the sitemap of `site/` exactly as a web server would serve
them from the site's URL (which may be a sub-path, as on project Pages). External
links are listed, never fetched: the build machine may be offline.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

# Attributes that make a browser request or navigate, by tag.
LINK_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",),
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "audio": ("src",), "video": ("src", "poster"),
    "embed": ("src",), "track": ("src",), "form": ("action",),
}
IGNORED_SCHEMES = {"data", "javascript", "blob", "about"}
# Absolute addresses a page gives for itself in its head: link previews and page data.
META_URLS = {"og:url", "og:image", "twitter:image"}
JSON_LD_URLS = {"url", "@id", "image"}
FEED_LINK = re.compile(r'href="([^"]*)"|<id>\s*([^<]*?)\s*</id>')
SITEMAP_LOC = re.compile(r"<loc>\s*([^<]*?)\s*</loc>")


@dataclass(frozen=True, order=True)
class Broken:
    """One link that does not resolve, located in the built file that holds it."""

    page: str
    line: int
    column: int
    url: str
    reason: str

    def format(self, site: Path | None = None) -> str:
        page = (site / self.page).as_posix() if site else self.page
        return f"{page}:{self.line}:{self.column}: broken link '{self.url}': {self.reason}"


@dataclass
class LinkReport:
    """What the check found: broken internal links and the external ones, by page."""

    site_url: str
    pages: int = 0
    checked: int = 0
    broken: list[Broken] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    column: int


class PageParser(HTMLParser):
    """Collects the ids a page offers as anchors and the links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self.json_ld: list[str] | None = None
        self.json_ld_at = (0, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        values = {name: value for name, value in attrs if value is not None}
        if tag == "meta" and (values.get("property") or values.get("name")) in META_URLS:
            self.links.append(Link(values.get("content", "").strip(), line, column + 1))
        if tag == "script" and values.get("type") == "application/ld+json":
            self.json_ld, self.json_ld_at = [], (line, column + 1)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in LINK_ATTRIBUTES.get(tag, ()):
            if name not in values:
                continue
            urls = srcset_urls(values[name]) if name == "srcset" else [values[name]]
            self.links += [Link(url.strip(), line, column + 1) for url in urls]

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.json_ld is not None:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json_ld is not None:
            try:
                data = json.loads("".join(self.json_ld))
            except ValueError:
                data = None
            self.links += [Link(url, *self.json_ld_at) for url in data_urls(data)]
            self.json_ld = None


def data_urls(data: object) -> list[str]:
    """The addresses in JSON-LD: every `url`, `@id` and `image`, however deep."""
    found: list[str] = []
    if isinstance(data, list):
        for item in data:
            found += data_urls(item)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in JSON_LD_URLS and isinstance(value, str):
                found.append(value)
            elif key in JSON_LD_URLS and isinstance(value, list):
                found += [v for v in value if isinstance(v, str)]
            else:
                found += data_urls(value)
    return found


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset: comma-separated candidates, each `url [descriptor]`."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Built:
    """What the server would have: every file of the site, and each page parsed."""

    files: frozenset[str]
    pages: dict[str, PageParser]

    @classmethod
    def read(cls, site: Path) -> Built:
        files = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        return cls(files, {name: parse(site / name) for name in sorted(files)
                           if name.endswith(".html")})


def check_site(site: Path, site_url: str | None = None) -> LinkReport:
    """Check every link of every HTML page (with the absolute addresses of its link
    previews and page data), every sitemap entry and every link of the feed."""
    report = LinkReport(with_slash(site_url or sitemap_home(site) or "http://localhost/"))
    built = Built.read(site)
    report.pages = len(built.pages)
    for name, parsed in built.pages.items():
        for link in parsed.links:
            check_link(built, name, link, report)
    for link in sitemap_links(site):
        check_link(built, "sitemap.xml", link, report, sitemap=True)
    for link in feed_links(site):
        check_link(built, "feed.xml", link, report)
    report.broken.sort()
    return report


def check_link(built: Built, page: str, link: Link, report: LinkReport,
               sitemap: bool = False) -> None:
    """Resolve one link as a browser on the published page would, and record the outcome."""
    raw = link.url
    scheme = urlsplit(raw).scheme.lower()
    if not raw or raw == "#" or scheme in IGNORED_SCHEMES:
        return
    target = urlsplit(urljoin(urljoin(report.site_url, quote(page)), raw))
    base = urlsplit(report.site_url)
    inside = (target.scheme, target.netloc) == (base.scheme, base.netloc) and \
        target.path.startswith(base.path)
    if sitemap and not inside:
        report.broken.append(located(page, link, f"not under the site URL {report.site_url}"))
        return
    if (scheme or raw.startswith("//")) and not inside:
        report.external[raw].add(page)                  # listed, never fetched
        return
    report.checked += 1
    if not inside:
        report.broken.append(located(page, link, f"outside the site's base path {base.path}"))
        return
    problem = resolve(built, unquote(target.path[len(base.path):]), unquote(target.fragment))
    if problem:
        report.broken.append(located(page, link, problem))


def resolve(built: Built, path: str, fragment: str) -> str:
    """Why `path#fragment` inside the site does not resolve, or '' when it does."""
    file = path if path and not path.endswith("/") else path + "index.html"
    if file not in built.files and f"{file}/index.html" in built.files:
        file = f"{file}/index.html"                     # the server redirects to the folder
    if file not in built.files:
        return f"no file {file} in the site"
    if fragment and file in built.pages and fragment not in built.pages[file].ids:
        return f"no anchor #{fragment} in {file}"
    return ""


def located(page: str, link: Link, reason: str) -> Broken:
    return Broken(page, link.line, link.column, link.url, reason)


def parse(page: Path) -> PageParser:
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def sitemap_links(site: Path) -> list[Link]:
    """Each `<loc>` of sitemap.xml, with its line and column."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return []
    return [Link(match.group(1), number, match.start(1) + 1)
            for number, text in enumerate(sitemap.read_text(encoding="utf-8").splitlines(), 1)
            for match in SITEMAP_LOC.finditer(text)]


def feed_links(site: Path) -> list[Link]:
    """Each link and id of the Atom feed, with its line and column."""
    feed = site / "feed.xml"
    if not feed.is_file():
        return []
    return [Link(match.group(1) or match.group(2), number,
                 match.start(1 if match.group(1) is not None else 2) + 1)
            for number, text in enumerate(feed.read_text(encoding="utf-8").splitlines(), 1)
            for match in FEED_LINK.finditer(text)]


def sitemap_home(site: Path) -> str | None:
    """The site's own URL as MkDocs wrote it into the sitemap: its shortest entry."""
    urls = [link.url for link in sitemap_links(site)]
    return min(urls, key=len) if urls else None


def with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def run(site: Path, site_url: str | None = None) -> int:
    """The `explainer linkcheck` command: print the report, return the exit code."""
    if not (site / "index.html").is_file():
        print(f"error: no built site in {site}: run `make site` first", file=sys.stderr)
        return 1
    report = check_site(site, site_url)
    if report.external:
        print("external links (listed, not fetched):")
        for url, pages in sorted(report.external.items()):
            print(f"  {url}  ({len(pages)} page{'s' * (len(pages) != 1)})")
    for broken in report.broken:
        print(broken.format(site), file=sys.stderr)
    print(f"checked {report.checked} internal links in {report.pages} pages "
          f"for {report.site_url}: {len(report.broken)} broken", file=sys.stderr)
    return 1 if report.broken else 0
