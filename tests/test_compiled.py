"""The pages' templates are compiled once per machine (render/compiled.py)."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from generator.render import compiled, pages

SETTINGS = Path(pages.__file__)


def environment(cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    """The pages' environment, with this cache."""
    env = pages.environment.__wrapped__()
    env.bytecode_cache = cache
    return env


def test_templates_compiled_once_are_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = environment(compiled.bytecode_cache(SETTINGS))
    made = first.get_template("moved.md.j2")
    stored = list((tmp_path / "explainer" / "templates").glob("*/*.cache"))
    assert len(stored) == 1
    assert stored[0].parent.stat().st_mode & 0o777 == 0o700   # this user's alone

    again = environment(compiled.bytecode_cache(SETTINGS))
    monkeypatch.setattr(again, "compile", lambda *a, **k: pytest.fail("compiled again"))
    read = again.get_template("moved.md.j2")
    assert read.root_render_func.__code__ == made.root_render_func.__code__


def test_a_changed_template_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    template = tmp_path / "t" / "page.j2"
    template.write_text("one {{ x }}\n", encoding="utf-8")
    for text, want in (("one {{ x }}\n", "one 1"), ("two {{ x }}\n", "two 1")):
        template.write_text(text, encoding="utf-8")
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "t"),
                                 bytecode_cache=compiled.bytecode_cache(SETTINGS))
        assert env.get_template("page.j2").render(x=1).strip() == want


def test_settings_name_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    other = tmp_path / "settings.py"
    other.write_text("# other settings\n", encoding="utf-8")
    ours, theirs = compiled.bytecode_cache(SETTINGS), compiled.bytecode_cache(other)
    assert isinstance(ours, jinja2.FileSystemBytecodeCache)
    assert isinstance(theirs, jinja2.FileSystemBytecodeCache)
    assert ours.directory != theirs.directory


def test_no_safe_folder_means_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shared = compiled.bytecode_cache(SETTINGS)
    assert shared is not None
    os.chmod(shared.directory, 0o777)           # others may write there: not read
    assert compiled.bytecode_cache(SETTINGS) is None
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))   # not a folder
    assert compiled.bytecode_cache(SETTINGS) is None
    env = environment(None)
    assert env.get_template("moved.md.j2")      # compiled each run, as before


def test_a_failed_write_still_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = compiled.bytecode_cache(SETTINGS)
    assert cache is not None
    folder = Path(cache.directory)
    folder.rmdir()
    folder.write_text("", encoding="utf-8")      # gone, a file in its place: no write
    env = environment(cache)
    assert env.get_template("moved.md.j2")
    assert folder.read_text(encoding="utf-8") == ""
