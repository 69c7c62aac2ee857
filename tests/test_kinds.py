"""The table of kinds: what mkdocs.yml and the pages say agrees with it."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
import yaml

from generator.kinds import KINDS
from generator.render.markup import relative
from generator.render.pages import render
from generator.stages.load import load
from generator.stages.models import ACTOR_KINDS, ActorKind
from generator.stages.resolve import references, resolve
from generator.stages.validate import validate

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: `!ENV [NAME, default]` reads as its default, `!relative
    PATH` as PATH."""


ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]
ConfigLoader.add_constructor(
    "!relative", lambda loader, node: loader.construct_scalar(node))  # type: ignore[arg-type]


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), ConfigLoader)


def test_mkdocs_keeps_every_kinds_pages_out_of_the_nav_and_its_index_in():
    config = mkdocs_config()
    hidden = config["not_in_nav"].split()
    nav = {page: title for entry in config["nav"] for title, page in entry.items()}
    for kind in KINDS.values():
        assert set(kind.not_in_nav()) <= set(hidden), kind.name
        assert nav.get(kind.index) == kind.label, kind.name


@pytest.mark.parametrize("root", [MINIMAL, ROOT], ids=["minimal", "content"])
def test_every_reference_shows_on_the_page_of_what_it_names(root):
    """Each reference field is declared once, so none can be checked (resolve) and yet
    be missing from the backlinks on the named file's page."""
    resolved = load(root / "content", root).then(validate).then(resolve).unwrap()
    pages = {p.path: p.text for p in render(resolved) if isinstance(p.text, str)}
    found = 0
    for kind, id_, _, target, ref in references(resolved.content):
        named, linking = KINDS[target].page(ref), KINDS[kind].page(id_)
        shown = {path: text for path, text in pages.items()
                 if path == named or path.startswith(named.removesuffix(".md") + "/")}
        assert any(f"(../{linking})" in text or f"(../../{linking})" in text or
                   f'href="{relative(path, linking)}"' in text
                   for path, text in shown.items()), (kind, id_, target, ref)
        found += 1
    assert found > 5


def test_every_kind_of_actor_has_a_heading_and_a_schema_type():
    assert list(ACTOR_KINDS) == list(get_args(ActorKind))
