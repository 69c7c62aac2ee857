"""`explainer draft` as a writer runs it: the files it writes, what `check` then says,
and what it refuses."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.authoring.draft.compose import block, comment, scalar
from generator.cli import main
from tests.conftest import ROOT, SEED

FIXTURES = Path(__file__).parent / "fixtures" / "draft"
REUTERS = FIXTURES / "reports" / "reuters.txt"
ARTICLE = "content/articles/borduria-to-send-thunderbolt-missiles-to-ruritania.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    return tmp_path


def draft(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--root", str(root), "draft", *args])
    return code, capsys.readouterr().err


def problems(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = main(["--root", str(root), "check", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["problems"]


def fill(path: Path) -> None:
    """Answer every empty field as a writer would (the words do not matter here)."""
    def answer(key: object, value: object) -> object:
        if value is None:
            return {"published": "2025-03-04", "kind": "person",
                    "in_short": ["Written."] * 3}.get(str(key), "Written.")
        return filled(value)

    def filled(value: object) -> object:
        if isinstance(value, dict):
            return {k: answer(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [filled(v) for v in value]
        return value

    data = filled(yaml.safe_load(path.read_text(encoding="utf-8")))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def test_draft_writes_the_article_and_skeletons_and_says_what_is_left(root, capsys):
    code, err = draft(root, capsys, str(REUTERS), "--date", "2025-03-03")
    assert code == 0, err
    shown = Path(os.path.relpath(REUTERS, root)).as_posix()    # as source.text has it
    assert err.splitlines()[0] == f"drafted {ARTICLE} (draft: true) from {shown}"
    assert "  made content/actors/pavel-korda.yaml: fill it in (it is no draft: until then " \
        "its empty fields are errors, which stop `explainer build`)" in err
    assert "  - quotes: 6 contexts, 3 venues" in err
    assert "  - key_facts: 4 facts in our own words (check each suggested status)" in err
    assert "left out ¶13: after the credit line: the publisher's boilerplate" in err
    data = yaml.safe_load((root / ARTICLE).read_text(encoding="utf-8"))
    assert data["draft"] is True
    assert data["source"] == {
        "outlet": "Reuters", "published": dt.date(2025, 3, 3),
        "bylines": ["Jane Hollis", "Omar Farouk"], "additional_reporting": ["Mira Tesh"],
        "editors": ["Tom Reed", "Ana Silva"], "dateline": "VALDORIA",
        "text": shown}
    assert [(q["speaker"], q["venue"]) for q in data["quotes"]] == [
        ("ada-ruritan", None), ("pavel-korda", "remarks to reporters"),
        ("lena-stahl", None), ("lena-stahl", None), ("ada-ruritan", "video address"),
        ("syldavian-defence-ministry", "statement")]
    assert [str(e["date"]) for e in data["timeline"]] == ["2025-02", "2025-03-03", "2025-04"]
    assert data["key_facts"][0] == {
        "text": None, "attribution": "two Bordurian officials and a diplomat briefed on "
        "the plan", "status": "reported",
        "actors": ["borduria", "ruritania", "syldavian-defence-ministry"],
        "weapons": ["thunderbolt"]}
    korda = yaml.safe_load((root / "content/actors/pavel-korda.yaml").read_text())
    assert (korda["name"], korda["kind"], korda["summary"]) == ("Pavel Korda", "person", None)


def test_the_report_sentences_stay_out_of_the_values(root, capsys):
    """Only quotations and attributions are the report's words; the rest is ours."""
    draft(root, capsys, str(REUTERS), "--date", "2025-03-03")
    report = REUTERS.read_text(encoding="utf-8")
    data = yaml.safe_load((root / ARTICLE).read_text(encoding="utf-8"))
    quoted = {q["text"] for q in data["quotes"]}
    texts = [v for v in walk(data) if isinstance(v, str) and len(v.split()) >= 4]
    copied = [t for t in texts if t in report and t not in quoted]
    assert copied == ["two Bordurian officials and a diplomat briefed on the plan"]


def walk(value: object) -> list[object]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in walk(v)]
    if isinstance(value, list):
        return [x for v in value for x in walk(v)]
    return [value]


def test_every_problem_check_finds_in_a_draft_is_a_to_do(root, capsys):
    """Each empty field `check` reports is a to-do on a line the draft marked `# to do`;
    besides, only the two warnings a fresh draft must have (no address for the report, no
    verification record yet) and the new actor skeleton's empty summary, an error (an
    actor is no draft): everything the draft filled in is valid."""
    draft(root, capsys, str(REUTERS), "--date", "2025-03-03")
    code, found = problems(root, capsys)
    lines = (root / ARTICLE).read_text(encoding="utf-8").splitlines()
    todos = [p for p in found if p["severity"] == "todo"]
    assert {p["path"] for p in todos} == {ARTICLE}
    assert {p["line"] for p in todos} == empty_fields(lines)
    assert all("to do" in lines[p["line"] - 1] or "to do" in lines[p["line"] - 2]
               for p in todos)
    assert all(p["message"].endswith(" is empty") for p in todos)
    others = sorted((p["path"], p["severity"], p["message"].split(" (")[0])
                    for p in found if p["severity"] != "todo")
    assert others == [
        ("content/actors/pavel-korda.yaml", "error", "summary is empty"),
        (ARTICLE, "warning", "no link to the original report"),
        (ARTICLE, "warning", "there is no verification record")]
    assert code == 1
    capsys.readouterr()
    assert main(["--root", str(root), "status"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"draft      {ARTICLE}: {len(todos)} to do (headline, standfirst, published, "
        "in_short, …)")


def empty_fields(lines: list[str]) -> set[int]:
    """The numbers of the lines holding a field with no value (nor an indented block),
    and in_short's empty list (it needs 3 to 5 bullets)."""
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" -"))

    found = set()
    for n, line in enumerate(lines):
        if line.startswith("in_short: []"):
            found.add(n + 1)
        if re.match(r"^\s*(?:- )?[a-z_]+:\s*(?:#.*)?$", line):
            after = [x for x in lines[n + 1:] if x.strip() and not x.lstrip().startswith("#")]
            if not after or indent(after[0]) <= indent(line):
                found.add(n + 1)
    return found


def test_a_filled_in_draft_passes_check_with_its_quotes_verified(root, capsys):
    draft(root, capsys, str(REUTERS), "--date", "2025-03-03")
    for path in (root / ARTICLE, root / "content/actors/pavel-korda.yaml"):
        fill(path)
    code, found = problems(root, capsys)
    assert code == 0, found
    assert not [p for p in found if p["severity"] == "error"]
    assert main(["--root", str(root), "verify"]) == 0
    record = json.loads((root / "content/verification" / (Path(ARTICLE).stem + ".json"))
                        .read_text(encoding="utf-8"))
    assert len(record["quotes"]) == 6          # every quotation matched word for word


@pytest.mark.skipif(not SEED.exists(), reason=f"the seed report is not at {SEED}")
def test_the_seed_draft_has_the_very_quotes_of_the_written_article(tmp_path, capsys):
    """Filled in and verified, the draft's quotations are those of the article written
    by hand: the verification record holds the same fingerprints."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    code, err = draft(tmp_path, capsys, str(SEED), "--date", "2024-11-17", "--id", "seed")
    assert code == 0, err
    assert "5 quotations (5 with their speaker), 21 actors, 5 weapons" in err
    fill(tmp_path / "content/articles/seed.yaml")
    code, found = problems(tmp_path, capsys)
    assert code == 0, found
    assert main(["--root", str(tmp_path), "verify"]) == 0
    records = tmp_path / "content" / "verification"
    drafted = json.loads((records / "seed.json").read_text(encoding="utf-8"))
    written = json.loads((records / "us-allows-ukraine-deep-strikes-in-russia.json")
                         .read_text(encoding="utf-8"))
    assert drafted["quotes"] == written["quotes"]
    data = yaml.safe_load((tmp_path / "content/articles/seed.yaml").read_text("utf-8"))
    assert [p["ref"] for p in data["places"]] == ["washington", "kyiv", "kursk-region",
                                                   "warsaw"]
    assert sum(f.get("places") == ["kursk-region"] for f in data["key_facts"]) == 3
    assert [(str(e["date"]), e.get("scheduled", False)) for e in data["timeline"]] == [
        ("2024-08", False), ("2024-11-05", False), ("2024-11-17", False), ("2025", True),
        ("2025-01-20", True)]


def test_a_city_the_report_names_is_proposed_and_once_made_is_a_place(root, capsys):
    """A city content/ lacks is proposed (a comment and a note, no file); after `explainer
    new place`, the next draft names it under places and in the fact that names it."""
    report = root / "talks.txt"
    report.write_text("By Jane Hollis\nVALDORIA, March 3 (Reuters) - Borduria and Ruritania "
                      "will meet in Vienna next week, two officials said on Monday.\n",
                      encoding="utf-8")
    code, err = draft(root, capsys, str(report), "--date", "2025-03-03", "--id", "talks")
    assert code == 0, err
    assert "  - cities the report names that content/places/ lacks: Vienna (¶2) — " \
        '`explainer new place "Name"` for any the explainer needs' in err
    assert "names no content file matches" not in err
    text = (root / "content/articles/talks.yaml").read_text(encoding="utf-8")
    assert "\n#  - ref: vienna  # Vienna (¶2)\n" in text
    assert yaml.safe_load(text)["places"] == []
    assert not (root / "content/places").exists()
    assert main(["--root", str(root), "new", "place", "Vienna"]) == 0
    code, err = draft(root, capsys, str(report), "--date", "2025-03-03", "--id", "talks-2")
    assert code == 0, err
    assert "1 place," in err and "lacks" not in err
    data = yaml.safe_load((root / "content/articles/talks-2.yaml").read_text("utf-8"))
    assert data["places"] == [{"ref": "vienna", "role": None}]
    assert data["key_facts"][0]["places"] == ["vienna"]


def test_never_overwrites(root, capsys):
    draft(root, capsys, str(REUTERS), "--date", "2025-03-03")
    before = (root / ARTICLE).read_text(encoding="utf-8")
    (root / "content/actors/pavel-korda.yaml").unlink()
    code, err = draft(root, capsys, str(REUTERS))
    assert (code, err) == (1, f"error: {ARTICLE} already exists; edit it, or give another "
                           "id with --id\n")
    assert (root / ARTICLE).read_text(encoding="utf-8") == before
    assert not (root / "content/actors/pavel-korda.yaml").exists()


def test_an_existing_skeleton_is_used_not_made_again(root, capsys):
    draft(root, capsys, str(REUTERS), "--date", "2025-03-03")
    code, err = draft(root, capsys, str(REUTERS), "--id", "second")
    assert code == 0, err
    assert "made " not in err
    data = yaml.safe_load((root / "content/articles/second.yaml").read_text())
    assert data["quotes"][1]["speaker"] == "pavel-korda"


@pytest.mark.parametrize("args,message", [
    (["missing.txt"], "missing.txt:1:1: error: file could not be read (No such file or "
                      "directory)"),
    (["bad.txt"], "bad.txt:1:5: error: file is not UTF-8 (byte 0xff)"),
    (["empty.txt"], "empty.txt:1:1: error: the report is empty"),
    ([str(REUTERS), "--id", "Not An Id"], "error: --id 'Not An Id' is not an id: use "
                                          "lowercase words joined by hyphens, like not-an-id"),
])
def test_refusals_are_located_and_leave_nothing(root, capsys, monkeypatch, args, message):
    monkeypatch.chdir(root)
    (root / "bad.txt").write_bytes(b"abc \xff")
    (root / "empty.txt").write_text("  \n")
    code, err = draft(root, capsys, *args)
    assert code == 1 and err.startswith(message), err
    assert not (root / "content/articles").exists()


def test_bad_date_is_a_usage_error(root, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(root), "draft", str(REUTERS), "--date", "17/11/2024"])
    assert exit_.value.code == 2
    assert "expected a date like 2024-11-17, not '17/11/2024'" in capsys.readouterr().err


def test_hostile_report_text_stays_inert(root, capsys, tmp_path):
    """Quotation text that YAML or the comment lines could misread reads back exactly."""
    report = tmp_path / "hostile.txt"
    quote = 'We say: # not a comment, "{{ x }}" \u202eevil\u200b — & *star'
    report.write_text(f"KLOW (AP) — “{quote},” Ada Ruritan said.\n"
                      "Ruritan\u2029x: 1 said on Monday.\n", encoding="utf-8")
    code, err = draft(root, capsys, str(report), "--id", "hostile")
    assert code == 0, err
    text = (root / "content/articles/hostile.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["quotes"][0]["text"] == quote
    assert "\u202e" not in "".join(line for line in text.splitlines() if "#" in line
                                   and not line.lstrip().startswith("text:"))


def test_single_quotation_marks_are_named_not_guessed(root, capsys, tmp_path):
    report = tmp_path / "british.txt"
    report.write_text("KLOW (AFP) - ‘We will not stop,’ Ada Ruritan said on Monday.\n",
                      encoding="utf-8")
    code, err = draft(root, capsys, str(report), "--id", "british")
    assert code == 0, err
    assert "0 quotations" in err
    assert "  - the report marks quotations with single marks (‘…’), which the draft does " \
        "not read as quotations (’ is also the apostrophe): add them under quotes: by " \
        "hand" in err


@given(st.text(min_size=1, max_size=200))
def test_any_text_reads_back_exactly(text):
    assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
    assert yaml.safe_load(f"a:\n  k: {block(text, 4)}") == {"a": {"k": text}}
    line = f"k: 1  # {comment(text)}"
    assert yaml.safe_load(line) == {"k": 1} and "\n" not in comment(text)


def test_readme_teaches_draft_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    writing = readme.split("## Writing content")[1].split("\n## ")[0]
    assert writing.index("explainer draft") < writing.index("explainer new article")
