"""The engine adapter: MkDocs through its API, building the docs folder it is given."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render.pages import render
from generator.site.engine import BuildFailed, engine
from generator.stages.load import load
from generator.stages.resolve import resolve
from generator.stages.validate import validate
from generator.stages.write import write

from .conftest import copy_project

ROOT = Path(__file__).parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project's mkdocs.yml, and the minimal content's pages in a folder elsewhere."""
    root = copy_project(tmp_path_factory.mktemp("engine") / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(MINIMAL, root / "content")
    docs = root.parent / "elsewhere" / "docs"
    write(render(load(root / "content", root).then(validate).then(resolve).unwrap()), docs)
    for page in ("about.md", "tags.md"):
        shutil.copy(root / "content/pages" / page, docs / page)
    return root, docs


def test_builds_the_docs_folder_it_is_given_with_that_folders_abbreviations(staged, tmp_path):
    root, docs = staged
    engine().build(root / "mkdocs.yml", docs, tmp_path / "site")
    html = (tmp_path / "site/weapons/thunderbolt/index.html").read_text("utf-8")
    assert '<abbr title="Short-range ballistic missile">SRBM</abbr>' in html
    assert not (root / "site").exists()     # mkdocs.yml's site_dir was replaced too


def test_the_engine_builds_in_a_process_of_its_own(staged, tmp_path):
    """What the generator holds (every page it rendered) is not in the engine's memory."""
    root, docs = staged
    script = ("import sys; from pathlib import Path; from generator.site.engine import engine; "
              "engine().build(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])); "
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))")
    result = subprocess.run([sys.executable, "-c", script, str(root / "mkdocs.yml"),
                             str(docs), str(tmp_path / "site")],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    assert (tmp_path / "site/weapons/thunderbolt/index.html").is_file()
    assert result.stdout.strip() == "[]"        # MkDocs ran in the child only


def test_strict_build_fails_and_prints_each_warning_once_per_build(staged, tmp_path, capfd):
    root, docs = staged
    broken = tmp_path / "docs"
    shutil.copytree(docs, broken)
    with (broken / "index.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [nowhere](missing.md).\n")
    warning = "WARNING -  Doc file 'index.md' contains a link 'missing.md'"
    for attempt in (1, 2):
        with pytest.raises(BuildFailed, match="^mkdocs build failed$"):
            engine().build(root / "mkdocs.yml", broken, tmp_path / "site", strict=True)
        printed = capfd.readouterr()
        assert printed.err.count(warning) == 1, (attempt, printed.err)
        assert "Aborted with 1 warnings in strict mode!" in printed.out


def test_an_unknown_engine_is_named_with_the_known_ones():
    with pytest.raises(ValueError,
                       match="unknown engine 'hugo'; known: mkdocs, properdocs, zensical$"):
        engine("hugo")
