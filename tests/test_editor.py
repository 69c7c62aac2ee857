"""The editor agrees with `explainer check`: the real yaml-language-server (npm, pinned
in package-lock.json), driven over stdio with the project's own .vscode/settings.json,
reads the schemas the content files point to.

It completes field names and the ids that exist (a new actor becomes a completion as
soon as `explainer new` has made it), and flags a misspelt field, a value outside a
closed set, an id that does not exist, a date that is not real and YAML 1.1's `no`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

from .conftest import ROOT
from .lsp import SERVER, Client

ARTICLE = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
ACTOR = "content/actors/richard-grenell.yaml"


def nested(flat: dict[str, Any]) -> dict[str, Any]:
    """VS Code's "yaml.validate": true as the server asks for it: {"yaml": {...}}."""
    settings: dict[str, Any] = {}
    for name, value in flat.items():
        section, _, key = name.partition(".")
        settings.setdefault(section, {})
        if key:
            settings[section][key] = value
        else:
            settings[section] = value
    return settings


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SERVER.is_file():
        pytest.fail("yaml-language-server is missing: run `make npm`")
    root = tmp_path_factory.mktemp("editor") / "project"
    for name in ("content", "schemas", ".vscode"):
        shutil.copytree(ROOT / name, root / name)
    return root


@pytest.fixture(scope="module")
def editor(workspace: Path):
    settings = json.loads((workspace / ".vscode" / "settings.json").read_text())
    client = Client(workspace, nested(settings))
    yield client
    client.close()


def messages(diagnostics: list[dict[str, Any]], text: str) -> list[tuple[int, str]]:
    """(1-based line, message) of each diagnostic, with the line's own text trimmed."""
    lines = text.splitlines()
    return sorted((d["range"]["start"]["line"] + 1, d["message"]) for d in diagnostics
                  if d["range"]["start"]["line"] < len(lines))


def test_the_real_files_are_clean_in_the_editor(editor, workspace):
    for path in (ARTICLE, ACTOR):
        assert editor.diagnostics_of(editor.open(workspace / path)) == [], path


def test_mistakes_are_flagged_where_check_flags_them(editor, workspace):
    text = (workspace / ARTICLE).read_text(encoding="utf-8")
    lines = text.splitlines()
    broken = text.replace("\nstandfirst:", "\nstandfirts:", 1).replace(
        "    status: reported\n", "    status: confirm\n", 1).replace(
        "  - ref: richard-grenell\n", "  - ref: richard-grenel\n", 1).replace(
        "published: 2024-11-18", "published: 2024-11-31", 1)
    uri = editor.open(workspace / "content/articles/broken.yaml", broken)
    found = messages(editor.diagnostics_of(uri), broken)
    at = {name: next(i for i, line in enumerate(broken.splitlines(), 1) if line.startswith(
        name)) for name in ("standfirts:", "published:", "    status: confirm",
                            "  - ref: richard-grenel")}
    assert len(lines) == len(broken.splitlines())
    assert (at["standfirts:"], "Property standfirts is not allowed.") in found
    assert (at["published:"], "not a real date: write YYYY-MM-DD, e.g. 2024-11-17") in found
    assert any(line == at["    status: confirm"] and "confirmed" in message
               for line, message in found), found
    assert (at["  - ref: richard-grenel"], "no actor with this id: use the name of a file "
            "in content/actors/ without .yaml, or create it with `explainer new actor`"
            ) in found


def test_yaml_1_1_no_is_not_text(editor, workspace):
    text = (workspace / ACTOR).read_text(encoding="utf-8").replace(
        "\nname: Richard Grenell\n", "\nname: no\n")
    uri = editor.open(workspace / "content/actors/no-name.yaml", text)
    line = text.splitlines().index("name: no") + 1
    assert [m for n, m in messages(editor.diagnostics_of(uri), text) if n == line] == [
        "Incorrect type. Expected \"string\"."]


def test_fields_and_ids_are_completed_and_a_new_actor_joins_them(editor, workspace):
    text = (workspace / ARTICLE).read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("actors:") + 1
    probe = "\n".join([*lines[:start], "  - ref: ", *lines[start:]]) + "\n"
    uri = editor.open(workspace / "content/articles/probe.yaml", probe)
    editor.diagnostics_of(uri)
    ids = editor.completions(uri, start, len("  - ref: "))
    assert {"richard-grenell", "joe-biden", "nato"} <= set(ids)
    assert "atacms" not in ids                      # a weapon is not an actor
    fields = editor.completions(uri, start, len("  - "))
    assert "role" in fields

    assert main(["--root", str(workspace), "new", "actor", "Zoe Ruritan"]) == 0
    # VS Code's YAML extension forwards changes to any *.json of the workspace, as here.
    ids_file = (workspace / "schemas" / "ids.schema.json").as_uri()
    editor.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": ids_file, "type": 2}]})
    assert "zoe-ruritan" in editor.completions(uri, start, len("  - ref: "))
