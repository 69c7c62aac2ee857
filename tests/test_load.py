"""Stage 1: YAML is read with positions; broken files give located errors."""

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.stages.events import values
from generator.stages.load import compose, load, load_file
from generator.stages.positions import Builder, Position, Positions, Unreadable
from generator.stages.safety import MAX_DEPTH, MAX_NODES


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


def test_the_fast_path_reads_what_the_careful_path_reads():
    """Sound files skip positions until asked; both paths give the same values, the
    fast one gives up on every hostile file, and positions are worked out on demand."""
    root = Path(__file__).resolve().parent.parent
    files = sorted([*root.glob("content/**/*.yaml"), *root.glob("tests/fixtures/**/*.yaml"),
                    *root.glob("tests/hostile/*.yaml")])
    fast = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
        data = values(text, MAX_DEPTH, MAX_NODES)
        try:
            careful = careful_data(text)
        except (Unreadable, ContentErrors):
            assert data is None, path
            continue
        assert data is None or data == careful, path
        fast += data is not None
    assert fast >= len(list(root.glob("content/**/*.yaml")))
    doc = load_file(root / "content/actors/richard-grenell.yaml", "actor", root).unwrap()
    assert doc.where is None
    assert doc.position(("name",)) == Position(2, 7)
    assert doc.where is not None


def test_both_paths_give_the_same_document_and_problems(monkeypatch):
    """Whichever path reads a file, load gives the same values, problems (salvage: an
    invalid file keeps its valid values, its broken places marked) and positions."""
    root = Path(__file__).resolve().parent.parent
    files = sorted([*root.glob("content/**/*.yaml"), *root.glob("tests/fixtures/**/*.yaml"),
                    *root.glob("tests/hostile/*.yaml")])

    def read_all():
        found = {}
        for path in files:
            result = load_file(path, path.parent.name.removesuffix("s"), root)
            doc = result.value
            found[path] = ([(e.line, e.column, e.message) for e in result.problems],
                           None if doc is None else (doc.data, doc.broken, doc.positions,
                                                     doc.key_positions, doc.plain_scalars))
        return found

    either = read_all()
    monkeypatch.setattr("generator.stages.load.values", lambda *args: None)
    careful = read_all()
    assert either == careful
    assert any(problems and doc for problems, doc in careful.values())   # salvaged ones


def careful_data(text: str):
    node = compose(text, "x.yaml")
    if node is None:
        raise Unreadable([])
    errors: list = []
    data = Builder("x.yaml", text, Positions(), errors).build(node, ())
    if errors:
        raise Unreadable(errors)
    return data
