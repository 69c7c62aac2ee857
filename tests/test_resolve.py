"""Stage 3: every reference resolves; backlinks gather every mention."""

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.stages.load import load
from generator.stages.resolve import resolve
from generator.stages.validate import validate

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def resolved(content: Path):
    return load(content, content.parent).then(validate).then(resolve)


def test_backlinks_of_the_minimal_site():
    result = resolved(MINIMAL / "content")
    r = result.unwrap()
    ada = r.links["actor"]["ada-ruritan"]
    assert ada.articles == ["ruritania-tests-missile"]
    assert [q.text for _, q in ada.quotes] == ["It flew as planned"]
    assert [e.event for _, e in ada.events] == ["The test is announced."]
    assert r.links["actor"]["ruritania"].members == ["ada-ruritan"]
    assert r.links["actor"]["ruritania"].weapons == ["thunderbolt"]
    assert [e.date for _, e in r.links["weapon"]["thunderbolt"].events] == ["2025-03-01"]
    assert result.problems == ()


def test_dangling_ref_suggests_closest_id(tmp_path):
    import shutil
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    article = content / "articles" / "us-allows-ukraine-deep-strikes-in-russia.yaml"
    text = article.read_text().replace("- ref: richard-grenell", "- ref: richard-grenel")
    article.write_text(text)
    line = text.splitlines().index("  - ref: richard-grenel") + 1
    with pytest.raises(ContentErrors) as info:
        resolved(content).unwrap()
    assert [(e.line, e.column, e.message, e.hint) for e in info.value.errors] == [
        (line, 10, "no actor with id 'richard-grenel'", "did you mean 'richard-grenell'?")]


def test_unused_actor_is_a_warning(tmp_path):
    import shutil
    content = tmp_path / "content"
    shutil.copytree(MINIMAL / "content", content)
    (content / "actors" / "nobody.yaml").write_text(
        "name: Nobody\nkind: person\nsummary: Unused.\n")
    assert [(w.path, w.severity, w.message) for w in resolved(content).warnings] == [
        ("content/actors/nobody.yaml", "warning", "no article mentions actor 'nobody'")]
