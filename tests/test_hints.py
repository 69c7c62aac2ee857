"""The commonest writer mistakes get a hint that names the cause and the fix.

Each test makes one mistake in the minimal fixture site and asserts the exact problem
`explainer check` reports (`path:line:column: message | hint`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = "content/articles/ruritania-tests-missile.yaml"
WEAPON = "content/weapons/thunderbolt.yaml"
LOADERS = [name for name in ("CSafeLoader", "SafeLoader") if hasattr(yaml, name)]


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, old: str,
          new: str) -> list[str]:
    """Replace `old` by `new` in one file of the minimal site; every problem reported."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal" / "content", root / "content")
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    main(["--root", str(root), "check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    return [f"{p['path']}:{p['line']}:{p['column']}: {p['message']} | {p['hint']}"
            for p in report["problems"] if p["severity"] == "error"]


@pytest.fixture(params=LOADERS)
def loader(request, monkeypatch):
    """Syntax errors are worded by the YAML loader: libyaml's and PyYAML's own."""
    import generator.stages.load
    monkeypatch.setattr(generator.stages.load, "Loader", getattr(yaml, request.param))


def test_colon_in_text_says_put_it_in_quotes(tmp_path, capsys, loader):
    assert check(tmp_path, capsys, ARTICLE, "why_it_matters: It is the first test.",
                 "why_it_matters: It is the first test: a big one.") == [
        f"{ARTICLE}:16:37: YAML syntax error: text with ': ' in it must be put in quotes | "
        'put the text in quotes: why_it_matters: "It is the first test: a big one."']


def test_colon_in_text_with_quotation_marks_in_it(tmp_path, capsys, loader):
    assert check(tmp_path, capsys, ARTICLE, "    context: After the launch.",
                 '    context: After the "launch": it worked.') == [
        f"{ARTICLE}:35:32: YAML syntax error: text with ': ' in it must be put in quotes | "
        "put the text in quotes: context: 'After the \"launch\": it worked.'"]


def test_text_starting_with_a_quotation_mark(tmp_path, capsys, loader):
    assert check(tmp_path, capsys, ARTICLE, "    context: After the launch.",
                 '    context: "After" the launch.') == [
        f"{ARTICLE}:35:22: YAML syntax error: text that starts with a quotation mark must "
        "be quoted as a whole | put the whole text in quotes: "
        "context: '\"After\" the launch.'"]


def test_list_item_without_its_dash(tmp_path, capsys, loader):
    assert check(tmp_path, capsys, ARTICLE, "  - Where the missile landed.\n",
                 "  - Where the missile landed.\n  Who saw it.\n") == [
        f"{ARTICLE}:45:3: YAML syntax error: a line of text where a field or a list item "
        "was expected | if it is a new item of the list, begin it with '- ' as on the line "
        "above; if it continues the text above, indent it further"]


def test_list_item_of_fields_without_its_dash(tmp_path, capsys):
    """The second item's fields land in the first: YAML sees a duplicate key."""
    assert check(tmp_path, capsys, ARTICLE, "    role: Fired the missile\n",
                 "    role: Fired the missile\n    ref: ada-ruritan\n    role: Spoke\n") == [
        f"{ARTICLE}:28:5: duplicate key 'ref' (first on line 26, again on line 28) | "
        "if line 28 starts a new item of the list, begin it with '- '; otherwise keep one "
        "of them",
        f"{ARTICLE}:29:5: duplicate key 'role' (first on line 27, again on line 29) | "
        "if line 29 starts a new item of the list, begin it with '- '; otherwise keep one "
        "of them"]


def test_weapon_under_actors(tmp_path, capsys):
    assert check(tmp_path, capsys, ARTICLE, "  - ref: ruritania\n",
                 "  - ref: thunderbolt\n") == [
        f"{ARTICLE}:26:10: 'thunderbolt' is a weapon, not an actor | "
        "move it to the weapons: list"]


def test_actor_under_a_key_facts_weapons(tmp_path, capsys):
    assert check(tmp_path, capsys, ARTICLE, "    weapons: [thunderbolt]\n",
                 "    weapons: [ruritania]\n") == [
        f"{ARTICLE}:22:15: 'ruritania' is an actor, not a weapon | "
        "move it to the actors: list of this item"]


def test_weapon_as_a_speaker(tmp_path, capsys):
    assert check(tmp_path, capsys, ARTICLE, "  - speaker: ada-ruritan",
                 "  - speaker: thunderbolt") == [
        f"{ARTICLE}:32:14: 'thunderbolt' is a weapon, not an actor | "
        "this field takes the id of an actor"]


def test_closed_value_did_you_mean(tmp_path, capsys):
    assert check(tmp_path, capsys, ARTICLE, "status: claimed", "status: confirm") == [
        f'{ARTICLE}:20:13: key_facts item 1 ("The missile flew 290 km."), status: '
        "'confirm' is not allowed here | did you mean 'confirmed'? "
        "(one of: confirmed, reported, claimed, disputed)"]


def test_unit_miles_means_mi(tmp_path, capsys):
    assert check(tmp_path, capsys, WEAPON, "unit: km", "unit: miles") == [
        f"{WEAPON}:6:9: range.unit: 'miles' is not allowed here | did you mean 'mi'? "
        "(one of: km, mi)"]


def test_closed_value_with_nothing_close(tmp_path, capsys):
    assert check(tmp_path, capsys, WEAPON, "unit: km", "unit: leagues") == [
        f"{WEAPON}:6:9: range.unit: 'leagues' is not allowed here | write one of: km, mi"]


def test_items_counted_from_one_and_named_by_their_text(tmp_path, capsys):
    assert check(tmp_path, capsys, ARTICLE, "    event: The missile is fired.",
                 "    event: The missile is fired.\n    actor: [ruritania]") == [
        f'{ARTICLE}:42:5: timeline item 2 ("The missile is fired."), unknown field '
        "'actor' | did you mean 'actors'?"]


def test_curly_quotation_marks_around_a_quote(tmp_path, capsys):
    assert check(tmp_path, capsys, ARTICLE, "text: It flew as planned",
                 "text: “It flew as planned”") == [
        f"{ARTICLE}:33:11: quote does not match the source: the text is wrapped in "
        "quotation marks “ ” | remove the quotation marks “ ” around the text "
        "(the site adds its own)"]


def test_quotation_marks_that_the_source_has_are_fine(tmp_path, capsys):
    source = tmp_path / "project/content/sources/ruritania-tests-missile.txt"
    assert check(tmp_path, capsys, ARTICLE, "text: It flew as planned",
                 "text: '\"It flew as planned,\"'") == []
    assert "“It flew as planned,”" in source.read_text(encoding="utf-8")
