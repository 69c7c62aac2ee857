"""`explainer rename`: a new id for an actor or weapon, every reference with it, and the
old address still leading readers to the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import ROOT, copy_project, run_explainer
from .searchindex import indexed_pages

ARTICLE = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project with richard-grenell renamed to ric-grenell, then built."""
    root = copy_project(tmp_path_factory.mktemp("rename") / "project")
    result = run_explainer(root, "rename", "actor", "richard-grenell", "ric-grenell")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "renamed content/actors/richard-grenell.yaml to content/actors/ric-grenell.yaml: "
        "4 reference(s) in 1 file(s) updated; the old page's address redirects to the new "
        "one\n")
    built = run_explainer(root, "build")
    assert built.returncode == 0, built.stderr
    return root


def test_every_reference_and_nothing_else_changes(renamed):
    before = (ROOT / ARTICLE).read_text(encoding="utf-8")
    assert (renamed / ARTICLE).read_text(encoding="utf-8") == before.replace(
        "richard-grenell", "ric-grenell")
    assert not (renamed / "content/actors/richard-grenell.yaml").exists()
    actor = (renamed / "content/actors/ric-grenell.yaml").read_text(encoding="utf-8")
    assert actor == (ROOT / "content/actors/richard-grenell.yaml").read_text(
        encoding="utf-8") + "moved_from: [richard-grenell]\n"
    ids = json.loads((renamed / "schemas/ids.schema.json").read_text())["$defs"]["actor"]
    assert "ric-grenell" in ids["enum"] and "richard-grenell" not in ids["enum"]


def test_the_old_address_redirects_to_the_new_page(renamed):
    site = renamed / "site"
    assert "Richard Grenell" in (site / "actors/ric-grenell/index.html").read_text()
    old = (site / "actors/richard-grenell/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../ric-grenell/">' in old
    assert 'href="../ric-grenell/"' in old            # and a link, without the refresh
    article = (site / "articles/us-allows-ukraine-deep-strikes-in-russia/index.html")
    assert "../../actors/ric-grenell/" in article.read_text()
    assert "actors/richard-grenell/" not in article.read_text()
    assert "ric-grenell" in " ".join(indexed_pages(site))
    assert not any(url.startswith("actors/richard-grenell/") for url in indexed_pages(site))


def test_renaming_back_keeps_one_old_address(tmp_path, capsys):
    root = copy_project(tmp_path / "project")
    for old, new in (("atacms", "mgm-140"), ("mgm-140", "atacms")):
        assert main(["--root", str(root), "rename", "weapon", old, new]) == 0
    text = (root / "content/weapons/atacms.yaml").read_text(encoding="utf-8")
    assert text.endswith("\nmoved_from: [mgm-140]\n")
    assert main(["--root", str(root), "check"]) == 0


@pytest.mark.parametrize("args,message", [
    (["actor", "richard-grenell", "nato"], "error: content/actors/nato.yaml already "
     "exists; choose another id, or merge the two files by hand\n"),
    (["actor", "nobody", "somebody"], "error: there is no actor 'nobody' "
     "(content/actors/nobody.yaml)\n"),
    (["actor", "nato", "Nato"], "error: 'Nato' is not a valid id: use lowercase words "
     "joined by hyphens, like joe-biden, and not a reserved name\n"),
    (["weapon", "atacms", "index"], "error: 'index' is not a valid id: use lowercase words "
     "joined by hyphens, like joe-biden, and not a reserved name\n"),
])
def test_refused_renames_change_nothing(tmp_path, capsys, args, message):
    root = copy_project(tmp_path / "project")
    before = {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()}
    assert main(["--root", str(root), "rename", *args]) == 1
    assert capsys.readouterr().err == message
    assert {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()} == before


def test_content_with_errors_is_fixed_first(tmp_path, capsys):
    root = copy_project(tmp_path / "project")
    nato = root / "content/actors/nato.yaml"
    nato.write_text(nato.read_text().replace("kind: organization", "kind: club"))
    assert main(["--root", str(root), "rename", "actor", "richard-grenell", "ric"]) == 1
    assert "content/actors/nato.yaml:3:7: error: kind: 'club' is not allowed here" in (
        capsys.readouterr().err)
    assert (root / "content/actors/richard-grenell.yaml").is_file()
