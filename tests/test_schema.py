"""JSON Schemas for editors: committed, up to date, and pointed at by every content file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from generator.authoring.schema import modeline, schema_texts
from generator.cli import main
from generator.kinds import KINDS, SINGLE_FILES

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"


def content_files() -> list[tuple[Path, str]]:
    files = [(ROOT / "content" / f"{kind}.yaml", kind) for kind in SINGLE_FILES]
    for kind in KINDS.values():
        files += [(path, kind.name)
                  for path in sorted((ROOT / "content" / kind.folder).glob("*.yaml"))]
    return files


def test_committed_schemas_match_the_models():
    """Fails when the models changed without `explainer schema` being run."""
    committed = {path.name: path.read_text(encoding="utf-8")
                 for path in SCHEMAS.glob("*.json")}
    assert committed == schema_texts(ROOT / "content"), \
        "schemas/ is out of date: run `explainer schema`"


def test_schema_check_flags_a_stale_file(tmp_path, capsys):
    (tmp_path / "content").mkdir()
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "actor.schema.json", "article.schema.json", "glossary.schema.json", "ids.schema.json",
        "place.schema.json", "site.schema.json", "weapon.schema.json"]
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 0
    (tmp_path / "schemas" / "actor.schema.json").write_text("{}\n")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert capsys.readouterr().err == (
        "schemas/actor.schema.json is out of date: run `explainer schema`\n")
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert capsys.readouterr().err == "wrote 1 schema file(s) in schemas/ (6 unchanged)\n"


@pytest.mark.parametrize("path,kind", content_files(), ids=lambda v: getattr(v, "name", v))
def test_every_content_file_points_at_its_schema(path, kind):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == modeline(kind)
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == SCHEMAS / f"{kind}.schema.json"
    assert target.is_file()


def as_json(value: object) -> object:
    """YAML values as an editor's YAML 1.2 reader sees them (dates are text)."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def validator(kind: str, schemas: Path = SCHEMAS) -> jsonschema.Draft202012Validator:
    """A validator of one kind's schema that follows its references to the ids."""
    ids = Resource.from_contents(json.loads((schemas / "ids.schema.json").read_text()))
    return jsonschema.Draft202012Validator(
        json.loads((schemas / f"{kind}.schema.json").read_text()),
        registry=Registry().with_resource("ids.schema.json", ids))


@pytest.mark.parametrize("path,kind", content_files(), ids=lambda v: getattr(v, "name", v))
def test_real_content_is_valid_for_the_schema(path, kind):
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    validator(kind).validate(data)


def test_the_schema_knows_the_ids_and_real_dates():
    article = as_json(yaml.safe_load((ROOT / "content/articles/"
                                      "us-allows-ukraine-deep-strikes-in-russia.yaml")
                                     .read_text(encoding="utf-8")))
    article["actors"][0]["ref"] = "richard-grenel"
    article["key_facts"][0]["weapons"] = ["nato"]
    article["published"] = "2024-11-31"
    article["timeline"][0]["date"] = "2023-02-29"
    assert sorted((list(e.absolute_path), e.validator) for e in
                  validator("article").iter_errors(article)) == [
        (["actors", 0, "ref"], "enum"), (["key_facts", 0, "weapons", 0], "enum"),
        (["published"], "pattern"), (["timeline", 0, "date"], "pattern")]


def test_ids_follow_content(tmp_path, capsys):
    """check and new rewrite schemas/ids.schema.json (serve too): a new actor is in it."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    assert main(["--root", str(tmp_path), "new", "actor", "Zoe Ruritan"]) == 0
    ids = json.loads((tmp_path / "schemas/ids.schema.json").read_text())
    assert "zoe-ruritan" in ids["$defs"]["actor"]["enum"]
    (tmp_path / "content/actors/zoe-ruritan.yaml").unlink()
    main(["--root", str(tmp_path), "check"])
    ids = json.loads((tmp_path / "schemas/ids.schema.json").read_text())
    assert "zoe-ruritan" not in ids["$defs"]["actor"]["enum"]
    assert "richard-grenell" in ids["$defs"]["actor"]["enum"]
    assert ids["$defs"]["weapon"]["enum"] == ["abrams", "atacms", "bradley", "f-16",
                                             "himars"]


def test_the_schema_flags_what_check_flags():
    validator = jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / "actor.schema.json").read_text()))
    bad = {"name": "A", "kind": "human", "titel": "x", "summary": ""}
    assert sorted(e.message for e in validator.iter_errors(bad)) == [
        "'' should be non-empty",
        "'human' is not one of ['person', 'organization', 'country', 'group']",
        "Additional properties are not allowed ('titel' was unexpected)",
    ]
    assert validator.schema["properties"]["summary"]["description"] == (
        "Who this is, in one or two sentences (Markdown).")
