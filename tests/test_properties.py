"""Property-based: whatever a content file holds, check and generate either succeed or
raise ContentErrors (located problems), never another exception.

Random YAML documents (arbitrary text, random structures, valid files with random
edits) go through `check`; random values in every field of a valid article, actor and
weapon go through `generate`. Example counts are modest so the suite stays fast.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentErrors
from generator.pipeline import Project, check, generate

from .conftest import copy_project

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
ARTICLE = "articles/ruritania-tests-missile.yaml"
ACTOR = "actors/ada-ruritan.yaml"
WEAPON = "weapons/thunderbolt.yaml"
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project whose content files the examples overwrite one at a time."""
    root = copy_project(tmp_path_factory.mktemp("props") / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(MINIMAL, root / "content")
    return root


def check_all(project: Project) -> None:
    """`check`, raising its problems when one is an error, as the CLI does."""
    check(project).unwrap()


def outcome(run: Any, root: Path, rel: str, text: str | bytes) -> str:
    """Put text at content/rel, run check or generate, restore the file; 'ok' or 'errors'."""
    target = root / "content" / rel
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    try:
        run(Project(root))
        return "ok"
    except ContentErrors as exc:
        assert exc.errors, "ContentErrors without any error"
        assert all(e.path and e.line >= 1 and e.column >= 1 for e in exc.errors)
        return "errors"
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


YAMLISH = st.lists(st.sampled_from(list(":-?[]{},#&*!|>'\"%@`\t\n ~") + [
    "a", "1", "é", "\u2028", "\x00", "\x85", "\ufeff", "---", "...", "<<", "!!python/name:x",
    "&a ", "*a", "? ", "%TAG ! x\n"]), max_size=30).map("".join)


@SETTINGS
@given(text=st.one_of(st.text(max_size=200), YAMLISH, st.binary(max_size=120)))
def test_any_text_as_a_file_is_content_or_located_errors(root, text):
    assert outcome(check_all, root, "actors/random.yaml", text) in ("ok", "errors")


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates(), st.datetimes())
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20)


@SETTINGS
@given(data=documents)
def test_any_yaml_structure_is_content_or_located_errors(root, data):
    text = yaml.safe_dump(data, allow_unicode=True)
    assert outcome(check_all, root, "weapons/random.yaml", text) in ("ok", "errors")


@SETTINGS
@given(data=st.data())
def test_valid_files_with_random_edits_give_located_errors(root, data):
    rel = data.draw(st.sampled_from([ARTICLE, ACTOR, WEAPON, "site.yaml", "glossary.yaml"]))
    text = (MINIMAL / rel).read_text()
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 6))
        text = text[:at] + data.draw(YAMLISH) + text[at + cut:]
    assert outcome(check_all, root, rel, text) in ("ok", "errors")


values = st.one_of(
    scalars,
    st.sampled_from(["<script>alert(1)</script>", "[x](javascript:alert(1))", "# heading",
                     "{: onclick=alert(1)}", "--8<-- \"/etc/passwd\"", "../../etc/passwd",
                     "index", "CON", "2024-02-30", "2024-13", "1:20", "no", "-1", "1e999",
                     "`", "|", "!!!", "---", "*[X]: y", "https://a.example/x)(y", "a" * 5000]),
    st.lists(st.text(max_size=20), max_size=3),
    st.dictionaries(st.sampled_from(["ref", "value", "unit", "text", "x"]), scalars,
                    max_size=3))


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a document where a value could be replaced."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        found += [p for k, v in data.items() for p in paths(v, (*prefix, k))]
    elif isinstance(data, list):
        found += [p for i, v in enumerate(data) for p in paths(v, (*prefix, i))]
    return found


def replaced(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: replaced(data[head], rest, value)}
    return [replaced(v, rest, value) if i == head else v for i, v in enumerate(data)]


@SETTINGS
@given(data=st.data())
def test_random_field_values_generate_or_give_located_errors(root, data):
    rel = data.draw(st.sampled_from([ARTICLE, ACTOR, WEAPON, "site.yaml", "glossary.yaml"]))
    document = yaml.safe_load((MINIMAL / rel).read_text())
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(document)))
        document = replaced(document, where, data.draw(values))
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=False)
    assert outcome(generate, root, rel, text) in ("ok", "errors")


def test_the_unchanged_fixture_generates(root):
    """The properties above start from content that is itself valid."""
    assert outcome(generate, root, ACTOR, (MINIMAL / ACTOR).read_bytes()) == "ok"
