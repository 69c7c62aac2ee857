"""`explainer check`: every class of mistake a writer makes, caught at its line.

Each scenario in tests/fixtures/broken/ holds one or a few broken files that replace
files of the minimal fixture site; the expected problems are listed here exactly.
"""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = "content/articles/ruritania-tests-missile.yaml"
RURITANIA = "content/actors/ruritania.yaml"
# The two loaders word this one message differently; the position is the same.
UNCLOSED = {"CSafeLoader": "did not find expected ',' or ']'",
            "SafeLoader": "expected ',' or ']', but got ':'"}


@pytest.fixture(autouse=True, params=["CSafeLoader", "SafeLoader"])
def loader(request, monkeypatch):
    """Every scenario with libyaml's loader and with PyYAML's pure-Python one."""
    import yaml

    import generator.stages.load
    if not hasattr(yaml, request.param):
        pytest.skip(f"this PyYAML has no {request.param}")
    monkeypatch.setattr(generator.stages.load, "Loader", getattr(yaml, request.param))
    return request.param


def site_with(tmp_path: Path, scenario: str) -> Path:
    """The minimal site with the scenario's broken files laid over it."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal" / "content", root / "content")
    shutil.copytree(FIXTURES / "broken" / scenario, root / "content", dirs_exist_ok=True)
    return root


def problems(tmp_path: Path, capsys: pytest.CaptureFixture[str], scenario: str,
             expected_exit: int = 1) -> list[str]:
    """`path:line:column: message | hint` for every problem `check` reports."""
    root = site_with(tmp_path, scenario)
    assert main(["--root", str(root), "check", "--format", "json"]) == expected_exit
    report = json.loads(capsys.readouterr().out)
    return [f"{'warning: ' if p['severity'] == 'warning' else ''}{p['path']}:{p['line']}:"
            f"{p['column']}: {p['message']} | {p['hint']}" for p in report["problems"]]


def test_clean_fixture_passes(tmp_path, capsys):
    root = site_with(tmp_path, "unused-actor")
    (root / "content" / "actors" / "nobody.yaml").unlink()
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().err == "content OK\n"


def test_yaml_syntax_error(tmp_path, capsys, loader):
    assert problems(tmp_path, capsys, "syntax-error") == [
        f"{RURITANIA}:4:8: YAML syntax error: {UNCLOSED[loader]} | "
        "check the indentation and quoting on this line or the one above"]


def test_tab_indentation(tmp_path, capsys):
    assert problems(tmp_path, capsys, "tab") == [
        f"{RURITANIA}:4:1: YAML syntax error: tab character in YAML | "
        "indent with spaces, not tabs"]


def test_duplicate_key_names_both_lines(tmp_path, capsys):
    assert problems(tmp_path, capsys, "duplicate-key") == [
        f"{RURITANIA}:5:1: duplicate key 'summary' (first on line 3, again on line 5) | "
        "keep one of them; YAML would silently drop the first"]


def test_unknown_field_with_did_you_mean(tmp_path, capsys):
    assert problems(tmp_path, capsys, "unknown-field") == [
        f"{ARTICLE}:1:1: unknown field 'headlin' | did you mean 'headline'?"]


def test_wrong_types(tmp_path, capsys):
    path = "content/weapons/thunderbolt.yaml"
    assert problems(tmp_path, capsys, "wrong-type") == [
        f"{path}:2:10: aliases: expected a list | write each item on its own line "
        "starting with '- '",
        f"{path}:4:8: range: expected a set of fields (name: value) | "
        "indent the fields under this key"]


def test_missing_fields(tmp_path, capsys):
    path = "content/actors/ada-ruritan.yaml"
    assert problems(tmp_path, capsys, "missing-field") == [
        f"{path}:1:1: missing field 'kind' | add `kind:` here",
        f"{path}:1:1: missing field 'summary' | add `summary:` here"]


def test_yaml11_traps_in_text_fields(tmp_path, capsys):
    reads = "is not read as text (YAML reads it as"
    assert problems(tmp_path, capsys, "yaml11-traps") == [
        f'{RURITANIA}:3:8: title: 1:20 {reads} a number) | put it in quotes: "1:20"',
        f'{RURITANIA}:4:11: aliases item 1: no {reads} yes/no (true/false)) | '
        'put it in quotes: "no"',
        f'{RURITANIA}:4:15: aliases item 2: yes {reads} yes/no (true/false)) | '
        'put it in quotes: "yes"',
        f'{RURITANIA}:4:20: aliases item 3: on {reads} yes/no (true/false)) | '
        'put it in quotes: "on"',
        f'{RURITANIA}:4:24: aliases item 4: 2025-03-02 {reads} a date) | '
        'put it in quotes: "2025-03-02"',
        f'{RURITANIA}:4:36: aliases item 5: 1.0e+3 {reads} a number) | '
        'put it in quotes: "1.0e+3"',
    ]


def test_1e3_is_text_for_pyyaml(tmp_path):
    """PyYAML (YAML 1.1) reads 1e3 as the text "1e3", so it needs no quotes."""
    from generator.stages.load import load_file
    path = tmp_path / "x.yaml"
    path.write_text("aliases: [1e3]\n")
    assert load_file(path, "actor", tmp_path).unwrap().data == {"aliases": ["1e3"]}


def test_bad_dates_all_in_one_run(tmp_path, capsys):
    """A day that does not exist no longer hides the file's other dates."""
    hint = "write the date as YYYY-MM-DD, e.g. 2024-11-17"
    assert problems(tmp_path, capsys, "bad-dates") == [
        f"{ARTICLE}:3:12: 2025-02-30 is not a real date (day is out of range for month) "
        f"| {hint}",
        f"{ARTICLE}:4:10: updated: 03/03/2025 is not a date | {hint}",
        f'{ARTICLE}:37:11: timeline item 1 ("The test is announced."), date: 2025-13 is not '
        "a real date (month must be in 1..12) | "]


def test_dangling_refs_suggest_the_closest_id(tmp_path, capsys):
    assert problems(tmp_path, capsys, "dangling-ref") == [
        f"{ARTICLE}:22:15: no weapon with id 'thunderbolts' | did you mean 'thunderbolt'?",
        f"{ARTICLE}:22:29: no weapon with id 'lightning' | create "
        "content/weapons/lightning.yaml or use an existing id",
        f"{ARTICLE}:24:10: no actor with id 'ada-rurita' | did you mean 'ada-ruritan'?",
        f"{ARTICLE}:42:15: no weapon with id 'thunderbolts' | did you mean 'thunderbolt'?",
        f"{ARTICLE}:42:29: no weapon with id 'lightning' | create "
        "content/weapons/lightning.yaml or use an existing id",
    ]


def test_unused_actor_is_a_warning_only(tmp_path, capsys):
    assert problems(tmp_path, capsys, "unused-actor", expected_exit=0) == [
        "warning: content/actors/nobody.yaml:1:1: no article mentions actor 'nobody' | "
        "add it to an article's actors, weapons or places, or delete the file"]


def test_empty_file(tmp_path, capsys):
    assert problems(tmp_path, capsys, "empty-file") == [
        f"{RURITANIA}:1:1: file is empty | write the fields this file needs; "
        "`explainer new` makes a skeleton"]


def test_file_not_utf8(tmp_path, capsys):
    assert problems(tmp_path, capsys, "not-utf8") == [
        "content/actors/ada-ruritan.yaml:3:23: file is not UTF-8 (byte 0xe9) | "
        "save the file as UTF-8 in your editor"]


def test_every_problem_in_every_file_in_one_run(tmp_path, capsys, loader):
    """A file YAML cannot read does not hide the mistakes in the others."""
    assert [p.split(" | ")[0] for p in problems(tmp_path, capsys, "several")] == [
        "content/actors/ada-ruritan.yaml:1:1: missing field 'kind'",
        "content/actors/ada-ruritan.yaml:1:1: missing field 'summary'",
        f"{RURITANIA}:4:8: YAML syntax error: {UNCLOSED[loader]}",
        f"{ARTICLE}:1:1: unknown field 'headlin'",
    ]


def test_references_are_checked_even_when_another_file_is_invalid(tmp_path, capsys):
    """Refs to a file that exists but is invalid (ruritania) are not reported twice, and
    the editorial checks still run on the valid article."""
    assert problems(tmp_path, capsys, "validation-and-refs") == [
        f"{RURITANIA}:1:1: missing field 'summary' | add `summary:` here",
        f"{ARTICLE}:24:10: no actor with id 'ada-rurita' | did you mean 'ada-ruritan'?"]


def test_ids_web_addresses_and_language_codes(tmp_path, capsys):
    assert problems(tmp_path, capsys, "bad-ids-and-links") == [
        f'{ARTICLE}:21:14: key_facts item 1 ("The missile flew 290 km."), actors item 1: '
        "'Ruritania' is not a valid id | "
        "ids are lowercase words joined by hyphens, like joe-biden",
        "content/site.yaml:3:6: url: 'example.org/test' is not a web address | "
        "write the full address, starting with https://",
        "content/site.yaml:4:11: language: 'English' is not a language code | "
        "write a code like en or en-GB",
    ]


def test_the_cycle_collector_runs_again_after_a_check(tmp_path, capsys, monkeypatch):
    """check pauses the collector while it reads (it makes no cycles); serve's process
    lives on, so it is on again afterwards, also when a file could not be read."""
    assert problems(tmp_path, capsys, "syntax-error")
    assert gc.isenabled()
    calls: list[bool] = []
    monkeypatch.setattr("generator.pipeline.read_pages",
                        lambda *args: calls.append(gc.isenabled()) or ([], []))
    assert problems(tmp_path / "again", capsys, "syntax-error")
    assert calls == [False] and gc.isenabled()
