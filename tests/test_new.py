"""`explainer new`: a skeleton with the right id, that `check` explains, never overwriting."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.authoring.slugs import slug
from generator.cli import main
from generator.stages.load import load_file
from tests.conftest import SEED, copy_project

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "content")
    return tmp_path


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["--root", str(root), "check", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["problems"]
    return code, [f"{p['severity']} {p['path']}:{p['line']}: {p['message']} | {p['hint']}"
                  for p in found]


def fill(path: Path, answers: dict[str, str]) -> None:
    """Answer the skeleton's empty fields as a writer would, line by line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for old, new in answers.items():
        lines[lines.index(old)] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name,expected", [
    ("Richard Grenell", "richard-grenell"),
    ("Volodymyr Zelenskiy", "volodymyr-zelenskiy"),
    ("Zoë's Thing: 2", "zoes-thing-2"),
    ("  F-16  ", "f-16"),
    ("AT&T", "at-and-t"),
    ("U.S. lets Ukraine strike deep inside Russia", "u-s-lets-ukraine-strike-deep-inside-russia"),
    ("!!!", ""),
    ("Straße", "strasse"),
    ("Володимир Зеленський", "volodymyr-zelenskyi"),     # Ukraine's national system
    ("Андрій Єрмак", "andrii-yermak"),                   # є: ye at a word's start
    ("Юлія Свириденко", "yuliia-svyrydenko"),            # ю, я: yu at the start, ia inside
    ("Мар'яна Згорани", "mariana-zghorany"),             # apostrophe dropped; зг -> zgh
    ("Алексей Навальный", "aleksei-navalnyi"),           # ы: Russian, Russian-style table
    ("Łukasz Ćwikła", "lukasz-cwikla"),
    ("a" * 50 + " " + "b" * 50, "a" * 50),               # at most 80 characters, cut at a word
])
def test_slug(name, expected):
    assert slug(name) == expected


def test_new_actor_with_a_ukrainian_name_gets_its_latin_id(root, capsys):
    assert main(["--root", str(root), "new", "actor", "Володимир Зеленський"]) == 0
    assert capsys.readouterr().err == ("created content/actors/volodymyr-zelenskyi.yaml: "
                                       "fill it in, then run `explainer check`\n")
    text = (root / "content/actors/volodymyr-zelenskyi.yaml").read_text("utf-8")
    assert "name: Володимир Зеленський\n" in text


def test_new_actor_round_trip(root, capsys):
    assert main(["--root", str(root), "new", "actor", "Zoë Ruritan"]) == 0
    assert capsys.readouterr().err == (
        "created content/actors/zoe-ruritan.yaml: fill it in, then run `explainer check`\n")
    path = root / "content/actors/zoe-ruritan.yaml"
    assert path.read_text().splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/actor.schema.json")
    at = "content/actors/zoe-ruritan.yaml"
    assert check(root, capsys) == (1, [
        f"error {at}:7: kind is empty | write one of: person, organization, country, group",
        f"error {at}:13: summary is empty | write it after the colon, or on the indented "
        "lines below",
    ])
    fill(path, {"kind:": "kind: person", "summary:": "summary: A made-up spokeswoman."})
    assert check(root, capsys) == (0, [
        f"warning {at}:5: no article mentions actor 'zoe-ruritan' | add it to an "
        "article's actors, weapons or places, or delete the file"])
    assert load_file(path, "actor", root).unwrap().data == {
        "name": "Zoë Ruritan", "kind": "person", "aliases": [],
        "summary": "A made-up spokeswoman."}


def test_new_weapon_round_trip(root, capsys):
    assert main(["--root", str(root), "new", "weapon", "Storm Shadow"]) == 0
    path = root / "content/weapons/storm-shadow.yaml"
    at = "content/weapons/storm-shadow.yaml"
    assert check(root, capsys) == (1, [
        f"error {at}:10: category is empty | write it after the colon, or on the indented "
        "lines below",
        f"error {at}:17: summary is empty | write it after the colon, or on the indented "
        "lines below",
    ])
    fill(path, {"category:": "category: cruise missile",
                "summary:": "summary: A made-up cruise missile."})
    assert check(root, capsys) == (0, [
        f"warning {at}:5: no article mentions weapon 'storm-shadow' | add it to an "
        "article's actors, weapons or places, or delete the file"])


def test_new_article_round_trip(root, capsys):
    headline = "Ruritania: no, it did not test again"
    assert main(["--root", str(root), "new", "article", headline]) == 0
    at = "content/articles/ruritania-no-it-did-not-test-again.yaml"
    path = root / at
    doc = load_file(path, "article", root).unwrap()
    assert doc.data["headline"] == headline
    assert doc.data["published"] == dt.date.today()
    empty = "is empty | write it after the colon, or on the indented lines below"
    # A new article is a draft: its empty fields are to-dos, which do not fail check.
    assert check(root, capsys) == (0, [
        f"todo {at}:11: standfirst {empty}",
        f"warning {at}:17: no link to the original report (source.url) [no-source-url] | "
        "add the report's web address as source.url; if it has none, accept this warning "
        "with the reason (never guess an address)",
        f"todo {at}:17: source.outlet {empty}",
        f"todo {at}:21: source.bylines is empty | add at least one item, like [First Item]",
        f"todo {at}:23: source.dateline {empty}",
        f"todo {at}:27: in_short is empty | add at least 3 items, each on its own line "
        "starting with '- '",
        f"todo {at}:31: summary {empty}",
        f"todo {at}:34: why_it_matters {empty}",
        f"todo {at}:38: key_facts item 1, text {empty}",
        f"todo {at}:39: key_facts item 1, attribution {empty}",
        f"todo {at}:40: key_facts item 1, status is empty | write one of: confirmed, reported, "
        "claimed, disputed",
    ])
    fill(path, {
        "standfirst:": "standfirst: Nothing happened.",
        "  outlet:": "  outlet: Wire",
        "  bylines: []": "  bylines: [A. Reporter]",
        "  dateline:": "  dateline: STRELSAU",
        "  # url: https://www.reuters.com/...": "  url: https://wire.example/no-second-test",
        "in_short: []": "in_short: [No second test, The ministry says so, Rumours said otherwise]",
        "summary: |": "summary: |\n  Ruritania says there was no second test.",
        "why_it_matters: |": "why_it_matters: |\n  Rumours said otherwise.",
        "  - text:": "  - text: There was no second test.",
        "    attribution:": "    attribution: the defence ministry",
        "    status:": "    status: claimed",
    })
    assert check(root, capsys) == (0, [])
    assert main(["--root", str(root), "status"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"draft      {at}: nothing left to do: delete `draft: true` to publish it")


def test_new_refuses_to_overwrite(root, capsys):
    path = root / "content/actors/ruritania.yaml"
    before = path.read_bytes()
    assert main(["--root", str(root), "new", "actor", "Ruritania"]) == 1
    assert capsys.readouterr().err == (
        "error: content/actors/ruritania.yaml already exists; edit it, or choose "
        "another name\n")
    assert path.read_bytes() == before


def test_readme_walkthrough_works_as_written(root, capsys, monkeypatch):
    """The commands in README's "Writing content" run, and print what it shows."""
    import shlex
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## Writing content", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    assert [c.split()[:3] for c in commands] == [
        [".venv/bin/explainer", "draft", "../shared/seed/000_2fc7071a9cad3196.txt"],
        [".venv/bin/explainer", "new", "article"], [".venv/bin/explainer", "new", "actor"]]
    drafting, *commands = commands
    if SEED.exists():        # the seed drafted from real content, ../shared beside it
        real = copy_project(root.parent / "real")
        (root.parent / "shared").symlink_to(SEED.parent.parent, target_is_directory=True)
        monkeypatch.chdir(real)
        capsys.readouterr()
        assert main(["--root", str(real), *shlex.split(drafting)[1:]]) == 0
        printed = re.search(r"```\n(drafted .*?)\n  \.\.\.\n```", section, re.S).group(1)
        assert capsys.readouterr().err.startswith(printed + "\n")
        monkeypatch.undo()
    for command in commands:
        assert main(["--root", str(root), *shlex.split(command)[1:]]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 1   # the actor is no draft: errors
    shown = re.search(r"`make check` lists .*?```\n(.*?)```", section, re.S).group(1)
    assert shown in capsys.readouterr().err
    article = root / "content/articles/ruritania-tests-a-new-missile.yaml"
    fill(article, {"actors: []": re.search(r"```yaml\n(actors:.*?)\n```", section,
                                           re.S).group(1)})
    assert load_file(article, "article", root).unwrap().data["actors"] == [
        {"ref": "ada-lovelace", "role": "Announced the test"}]
    from generator.stages.models import Quote
    quotes = re.search(r"```yaml\n(quotes:.*?)\n```", section, re.S).group(1)
    article_text = (Path(__file__).resolve().parent.parent / "content/articles"
                    / "us-allows-ukraine-deep-strikes-in-russia.yaml").read_text()
    assert quotes.removeprefix("quotes:\n") in article_text
    import yaml
    assert Quote.model_validate(yaml.safe_load(quotes)["quotes"][0]).speaker == (
        "richard-grenell")
