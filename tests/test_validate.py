"""Stage 2: pydantic errors become located, writer-friendly messages."""

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.stages.load import load
from generator.stages.validate import validate

ROOT = Path(__file__).resolve().parent.parent


def content_with(tmp_path: Path, rel: str, text: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / rel).write_text(text, encoding="utf-8")
    return content


def messages(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load(content, content.parent).then(validate).unwrap()
    return [f"{e.path}:{e.line}:{e.column}: {e.message} | {e.hint}"
            for e in info.value.errors]


def test_real_content_is_valid():
    content = load(ROOT / "content", ROOT).then(validate).unwrap()
    assert "us-allows-ukraine-deep-strikes-in-russia" in content.articles
    assert content.weapons["atacms"].range.value == 190


ACTOR = "name: Joe Biden\nkind: person\nsummary: Outgoing president.\n"


def test_unknown_field_suggests_the_right_one(tmp_path):
    content = content_with(tmp_path, "actors/joe-biden.yaml", ACTOR + "titel: President\n")
    assert messages(content) == [
        "content/actors/joe-biden.yaml:4:1: unknown field 'titel' | did you mean 'title'?"]


def test_missing_field(tmp_path):
    content = content_with(tmp_path, "actors/joe-biden.yaml", "name: Joe\nkind: person\n")
    assert messages(content) == [
        "content/actors/joe-biden.yaml:1:1: missing field 'summary' | add `summary:` here"]


def test_yaml11_trap_in_text_field(tmp_path):
    content = content_with(tmp_path, "actors/joe-biden.yaml",
                           ACTOR + "aliases: [Joe, no]\n")
    assert messages(content) == [
        "content/actors/joe-biden.yaml:4:16: aliases item 2: no is not read as text "
        '(YAML reads it as yes/no (true/false)) | put it in quotes: "no"']


def test_closed_set(tmp_path):
    content = content_with(tmp_path, "actors/joe-biden.yaml",
                           ACTOR.replace("person", "human"))
    assert messages(content) == [
        "content/actors/joe-biden.yaml:2:7: kind: 'human' is not allowed here | "
        "write one of: person, organization, country, group"]


def test_bad_dates(tmp_path):
    article = ROOT / "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
    text = article.read_text().replace("published: 2024-11-18", "published: 2024")
    text = text.replace("date: 2024-08\n", "date: 2024-13\n")
    content = content_with(tmp_path, "articles/us-allows-ukraine-deep-strikes-in-russia.yaml",
                           text)
    path = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
    lines = text.splitlines()
    published = lines.index("published: 2024") + 1
    timeline = lines.index("  - date: 2024-13") + 1
    assert messages(content) == [
        f"{path}:{published}:12: published: write the date as YYYY-MM-DD, e.g. 2024-11-17 | ",
        f'{path}:{timeline}:11: timeline item 1 ("Ukraine launches an incursion into…"), '
        "date: 2024-13 is not a real date "
        "(month must be in 1..12) | ",
    ]
