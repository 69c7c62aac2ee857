"""`explainer new article|actor|weapon|place "Name"`: a commented skeleton, right id.

The skeleton leaves the writer's fields empty, so `explainer check` lists exactly what
is left to fill in. A place is looked up in the offline gazetteer first: its name,
coordinates and country are filled in. An existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import jinja2
import yaml

from generator.authoring.schema import modeline
from generator.authoring.slugs import slug
from generator.geo.gazetteer import Found
from generator.kinds import KINDS
from generator.pipeline import Project

TEMPLATES = Path(__file__).parent.parent / "templates" / "skeletons"


class ScaffoldError(ValueError):
    """The file cannot be created; the message says why and what to do."""


def new(project: Project, kind: str, name: str, today: dt.date | None = None,
        report: Mapping[str, object] | None = None) -> Path:
    """Create content/<kind>s/<slug>.yaml from its skeleton; return its path.

    `report` is what `explainer draft` read in the report: a `pointer` comment to where
    it names the entry, an actor's `kind`, a weapon's `range` (value, unit, qualifier,
    words); a skeleton made by `new` has none of these. A place's name, coordinates and
    country come from the gazetteer (`found`)."""
    extra = place_fields(project, name) if kind == "place" else {}
    found = extra.get("found")
    id_ = slug(found.name if isinstance(found, Found) else name)
    if not id_:
        raise ScaffoldError(f"cannot make an id from {name!r}: use letters or digits")
    path = project.content / KINDS[kind].folder / f"{id_}.yaml"
    text = environment().get_template(KINDS[kind].skeleton).render(
        modeline=modeline(kind), name=name.strip(), id=id_,
        today=(today or dt.date.today()).isoformat(),
        report={"pointer": None, "kind": None, "range": None, **(report or {})}, **extra)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path.relative_to(project.root).as_posix()} already exists; "
                            "edit it, or choose another name") from None
    return path


def place_fields(project: Project, name: str) -> dict[str, object]:
    """What the gazetteer knows of a place, and the id of the country actor with its
    ISO code (read from content/actors/ without checking the rest of the content)."""
    from generator.geo.gazetteer import NotFound, lookup  # loads the gazetteer: lazily
    try:
        found = lookup(name)
    except NotFound as exc:
        raise ScaffoldError(str(exc)) from None
    country = None
    for path in sorted((project.content / KINDS["actor"].folder).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and data.get("iso") == found.iso \
                and data.get("kind") == "country":
            country = path.stem
            break
    return {"found": found, "country": country}


def yaml_text(value: str) -> str:
    """The value as YAML text: plain when YAML reads it back unchanged, else quoted."""
    try:
        plain = yaml.safe_load(f"key: {value}")
    except yaml.YAMLError:
        plain = None
    if isinstance(plain, dict) and plain.get("key") == value and "#" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["yaml_text"] = yaml_text
    return env
