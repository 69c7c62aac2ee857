"""Hand-written pages: content/pages/*.md reach docs/ as written; docs/ holds nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.stages.pages import read_pages

from .conftest import run_explainer

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
GENERATED = ["index.md", "glossary.md", "articles/index.md", ".snippets/abbreviations.md"]


def test_pages_are_read_as_written(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages/about.md").write_text("# About\n\n<b>trusted</b> *as reviewed*\n")
    (content / "pages/contact-us.md").write_text("")
    (content / "pages/notes.txt").write_text("not a page, left alone\n")
    pages, errors = read_pages(content, tmp_path, GENERATED)
    assert errors == []
    assert [(p.path, p.text) for p in pages] == [
        ("about.md", "# About\n\n<b>trusted</b> *as reviewed*\n"), ("contact-us.md", "")]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("About.md", b"x", "1:1: error: 'About' is not a valid name for a page\n"
     "    hint: use lowercase letters, digits and single hyphens, like 'about.md'"),
    ("index.md", b"x", "1:1: error: 'index' is the name of a generated page or folder\n"
     "    hint: choose another name for this page"),
    ("articles.md", b"x", "1:1: error: 'articles' is the name of a generated page or "
     "folder\n    hint: choose another name for this page"),
    ("search.md", b"x", "1:1: error: 'search' is the name of a generated page or folder\n"
     "    hint: choose another name for this page"),
    ("about.MD", b"x", "1:1: error: pages end in .md, not .MD\n"
     "    hint: rename it to about.md"),
    ("about.md", b"# About\n\nCaf\xe9\n", "3:4: error: file is not UTF-8 (byte 0xe9)\n"
     "    hint: save the file as UTF-8 in your editor"),
])
def test_a_page_that_cannot_be_one_is_a_located_error(tmp_path, name, data, message):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / name).write_bytes(data)
    pages, errors = read_pages(content, tmp_path, GENERATED)
    assert pages == []
    [error] = errors
    assert error.format().startswith(f"content/pages/{name}:{message}")


def test_folders_and_links_are_refused(tmp_path):
    content = tmp_path / "content"
    (content / "pages/more").mkdir(parents=True)
    (tmp_path / "secret.md").write_text("not content\n")
    (content / "pages/linked.md").symlink_to(tmp_path / "secret.md")
    pages, errors = read_pages(content, tmp_path, GENERATED)
    assert pages == []
    assert [(e.path, e.message) for e in errors] == [
        ("content/pages/linked.md",
         "pages are plain files directly in content/pages/, not links or devices"),
        ("content/pages/more", "pages are plain files directly in content/pages/, not folders"),
    ]


def test_generate_copies_the_pages_and_removes_what_it_did_not_write(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root / "content")
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text("# Typed into docs/ by hand\n")
    (root / "docs/notes.md").write_text("stray\n")
    (root / "content/pages/contact.md").write_text("# Contact\n\nWrite to us.\n")
    assert run_explainer(root, "generate").returncode == 0
    assert (root / "docs/contact.md").read_text() == "# Contact\n\nWrite to us.\n"
    assert (root / "docs/about.md").read_bytes() == \
        (root / "content/pages/about.md").read_bytes()
    assert "Typed into docs/" not in (root / "docs/index.md").read_text()
    assert not (root / "docs/notes.md").exists()

    (root / "content/pages/contact.md").unlink()
    (root / "content/pages/glossary.md").write_text("# Mine\n")
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    result = run_explainer(root, "generate")
    assert result.returncode == 1
    assert "content/pages/glossary.md:1:1: error: 'glossary' is the name of a generated " \
        "page or folder" in result.stderr
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before
    (root / "content/pages/glossary.md").unlink()
    assert run_explainer(root, "generate").returncode == 0
    assert not (root / "docs/contact.md").exists()


def test_check_lists_a_page_problem_with_the_content_problems(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root / "content")
    (root / "content/pages/about.md").write_bytes(b"# About\n\nCaf\xe9\n")
    actor = root / "content/actors/ada-ruritan.yaml"
    actor.write_text(actor.read_text().replace("kind: person", "kind: persn"))
    result = run_explainer(root, "check")
    assert result.returncode == 1
    assert "content/pages/about.md:3:4: error: file is not UTF-8 (byte 0xe9)" in result.stderr
    assert "content/actors/ada-ruritan.yaml:" in result.stderr
