"""The floor: MkDocs on the same pages as plain Markdown, with a sections-only nav.

For every Markdown page the generator wrote (and each hand-written page), the floor
project has a page at the same path with a heading and plain paragraphs of the same
length. Its mkdocs.yml keeps the site's theme, nav and search, and drops our Markdown
extensions and the tags plugin: what is left is what this engine costs for this many
pages of this size.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml


def words(text: str) -> list[str]:
    return text.split()


FILLER = words("the of and a to in is was for on that with as by at from this have it "
               "not are report minister region forces talks weapons said officials border")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; its `!ENV [NAME, default]` tags become their default, and its
    `!relative PATH` tags the plain PATH."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]
_ConfigLoader.add_constructor(
    "!relative", lambda loader, node: loader.construct_scalar(node))  # type: ignore[arg-type]


def make_floor(project: Path, floor: Path, seed: int = 7) -> int:
    """Write the floor project beside `project`; return its page count."""
    if floor.exists():
        shutil.rmtree(floor)
    rng = random.Random(seed)
    pages = sorted(p for p in (project / "docs").rglob("*.md")
                   if not any(part.startswith(".") for part in p.relative_to(project).parts))
    for page in pages:
        target = floor / "docs" / page.relative_to(project / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(rng, page.stem, page.stat().st_size), encoding="utf-8")
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(floor_config(project)), encoding="utf-8")
    return len(pages)


def plain_page(rng: random.Random, title: str, size: int) -> str:
    parts = [f"# {title}\n"]
    length = len(parts[0])
    while length < size:
        words = rng.choices(FILLER, k=rng.randint(40, 90))
        parts.append(" ".join(words).capitalize() + ".\n")
        length += len(parts[-1]) + 1
    return "\n".join(parts)


def read_config(project: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as plain values."""
    return dict(yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader))


def floor_config(project: Path) -> dict[str, Any]:
    config = read_config(project)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    floor = {"site_name": config["site_name"], "site_url": config.get("site_url"),
             "use_directory_urls": config.get("use_directory_urls", True),
             "theme": theme, "nav": config.get("nav"), "plugins": ["search"]}
    if "not_in_nav" in config:
        floor["not_in_nav"] = config["not_in_nav"]
    return floor
