"""The floor: the same engine on plain pages with the same visible words, and search.

For every page of the built site, the floor project has a page at the same path with a
heading and plain paragraphs holding as many words as a reader sees in the built page's
content (what is inside its <article>, as the browser shows it; not the bytes of our
Markdown, whose markup a reader never sees). Its mkdocs.yml keeps the site's theme,
nav (sections only) and not_in_nav, and has no Markdown extensions and no plugins; the
built floor is indexed by Pagefind as `explainer build` indexes ours. What is left is
what the engine and search cost for this many pages of this many words.
"""

from __future__ import annotations

import random
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .trash import discard


def words(text: str) -> list[str]:
    return text.split()


FILLER = words("the of and a to in is was for on that with as by at from this have it "
               "not are report minister region forces talks weapons said officials border")
SKIPPED = {"script", "style", "svg", "template"}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; its `!ENV [NAME, default]` tags become their default, and its
    `!relative PATH` tags the plain PATH."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]
_ConfigLoader.add_constructor(
    "!relative", lambda loader, node: loader.construct_scalar(node))  # type: ignore[arg-type]


class _Visible(HTMLParser):
    """Counts the words of the text inside <article>, leaving out scripts and drawings."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = self.skipping = 0
        self.words = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside += tag == "article"
        self.skipping += tag in SKIPPED

    def handle_endtag(self, tag: str) -> None:
        self.inside -= tag == "article"
        self.skipping -= tag in SKIPPED

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skipping:
            self.words += len(data.split())


def visible_words(html: str) -> int:
    parser = _Visible()
    parser.feed(html)
    return parser.words


def page_of(docs: Path, page: Path, site: Path) -> Path:
    """The built HTML of a Markdown page (directory URLs: a/b.md -> a/b/index.html)."""
    relative = page.relative_to(docs).with_suffix("")
    if relative.name == "index":
        return site / relative.parent / "index.html"
    return site / relative / "index.html"


def make_floor(project: Path, floor: Path, seed: int = 7) -> dict[str, int]:
    """Write the floor project beside `project`; return its page and word counts."""
    discard(floor)
    rng = random.Random(seed)
    docs, site = project / "docs", project / "site"
    pages = sorted(p for p in docs.rglob("*.md")
                   if not any(part.startswith(".") for part in p.relative_to(docs).parts))
    total = 0
    for page in pages:
        count = visible_words(page_of(docs, page, site).read_text("utf-8"))
        total += count
        target = floor / "docs" / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(rng, page.stem, count), encoding="utf-8")
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(floor_config(project)), encoding="utf-8")
    return {"pages": len(pages), "words": total}


def plain_page(rng: random.Random, title: str, count: int) -> str:
    """A heading and paragraphs of filler: `count` words in all."""
    parts, left = [f"# {title}\n"], count - 1
    while left > 0:
        size = min(left, rng.randint(40, 90))
        parts.append(" ".join(rng.choices(FILLER, k=size)).capitalize() + ".\n")
        left -= size
    return "\n".join(parts)


def read_config(project: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as plain values."""
    return dict(yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader))


def floor_config(project: Path) -> dict[str, Any]:
    config = read_config(project)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    floor = {"site_name": config["site_name"], "site_url": config.get("site_url"),
             "use_directory_urls": config.get("use_directory_urls", True),
             "theme": theme, "nav": config.get("nav"), "plugins": []}
    if "not_in_nav" in config:
        floor["not_in_nav"] = config["not_in_nav"]
    return floor
