"""Stage 1: YAML is read with positions; broken files give located errors."""

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.stages.load import load, load_file


def write(tmp_path: Path, text: str | bytes, name: str = "joe-biden.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


def errors_of(path: Path, kind: str = "actor") -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_file(path, kind, path.parent).unwrap()
    return [f"{e.path}:{e.line}:{e.column}: {e.message}" for e in info.value.errors]


def test_positions_of_values_and_keys(tmp_path):
    doc = load_file(write(tmp_path, "name: Joe\naliases:\n  - Biden\n  - POTUS\n"),
                    "actor", tmp_path).unwrap()
    assert doc.data == {"name": "Joe", "aliases": ["Biden", "POTUS"]}
    assert doc.position(("aliases", 1)).line == 4
    assert doc.position(("aliases", 1)).column == 5
    assert doc.key_positions[("aliases",)].line == 2


def test_plain_yaml11_traps_are_remembered(tmp_path):
    doc = load_file(write(tmp_path, "name: no\ntitle: 1:20\n"), "actor", tmp_path).unwrap()
    assert doc.data == {"name": False, "title": 80}
    assert doc.plain_scalars == {("name",): "no", ("title",): "1:20"}


def test_duplicate_keys_name_both_lines(tmp_path):
    assert errors_of(write(tmp_path, "name: A\nkind: person\nname: B\n")) == [
        "joe-biden.yaml:3:1: duplicate key 'name' (first on line 1, again on line 3)"]


def test_syntax_error_is_located(tmp_path):
    assert errors_of(write(tmp_path, "name: [unclosed\nkind: person\n")) == [
        "joe-biden.yaml:2:5: YAML syntax error: did not find expected ',' or ']'"]


def test_tab_indentation(tmp_path):
    assert errors_of(write(tmp_path, "name: A\naliases:\n\t- B\n")) == [
        "joe-biden.yaml:3:1: YAML syntax error: tab character in YAML"]


def test_empty_file(tmp_path):
    assert errors_of(write(tmp_path, "# only a comment\n")) == [
        "joe-biden.yaml:1:1: file is empty"]


def test_not_utf8(tmp_path):
    assert errors_of(write(tmp_path, b"name: Caf\xe9\n")) == [
        "joe-biden.yaml:1:10: file is not UTF-8 (byte 0xe9)"]


def test_aliases_are_refused(tmp_path):
    text = "a: &x [1, 2]\nb: *x\n"
    assert errors_of(write(tmp_path, text)) == [
        "joe-biden.yaml:2:4: YAML aliases (*name) are not allowed"]


def test_python_tags_are_refused(tmp_path):
    text = "name: !!python/object/apply:os.system ['echo hi']\n"
    assert errors_of(write(tmp_path, text)) == [
        "joe-biden.yaml:1:7: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"
        " is not allowed"]


def test_discover_rejects_bad_names_and_places(tmp_path):
    (tmp_path / "actors").mkdir()
    write(tmp_path / "actors", "name: A\n", "Joe_Biden.yaml")
    write(tmp_path / "actors", "name: A\n", "old.yml")
    write(tmp_path, "x: 1\n", "notes.yaml")
    with pytest.raises(ContentErrors) as info:
        load(tmp_path, tmp_path).unwrap()
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("actors/Joe_Biden.yaml", "'Joe_Biden' is not a valid id for a file name"),
        ("actors/old.yml", "content files end in .yaml, not .yml"),
        ("notes.yaml", "this file is not in a known place"),
    ]
