"""The verification record: quotes checked where the report is at hand stay verified on
a site built without it, and an edit since is shown and reported as unverified."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.checks import record
from generator.pipeline import Project, check

from .conftest import ROOT, copy_project, run_explainer
from .test_site import text_of
from .test_verify import FIXTURE

ARTICLE = "content/articles/ruritania-tests-missile.yaml"
RECORD = "content/verification/ruritania-tests-missile.json"
PAGE = "site/articles/ruritania-tests-missile/index.html"
QUOTE = "further than our rivals expected"
UNVERIFIED = "Unverified quote: not yet checked against the source report"


def today() -> str:
    return f"{dt.date.today().day} {dt.date.today():%B %Y}"


def project(tmp_path: Path) -> Path:
    """The made-up report's explainer, buildable like the real site."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    for name in ("theme", "mkdocs.yml", "content/pages"):
        source, target = ROOT / name, root / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return root


def messages(root: Path) -> list[str]:
    return [f"{e.line}:{e.column}: {e.message}" for e in sorted(check(Project(root)).problems)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_check_asks_for_a_record_and_verify_writes_it(tmp_path):
    root = project(tmp_path)
    assert messages(root) == [
        f"8:9: there is no verification record ({RECORD}): the site built without the "
        "source will show these quotes as unverified"]
    result = run_explainer(root, "verify")
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("recorded 1 article(s): ruritania-tests-missile\n")
    data = json.loads((root / RECORD).read_text())
    assert data["source"] == {"file": "report.txt",
                              "sha256": record.checksum(root / "report.txt")}
    assert data["verified_on"] == dt.date.today().isoformat()
    assert sorted(m["line"] for m in data["quotes"].values()) == [9, 12, 14]
    assert list(data["facts"].values()) == [["180", "290"]]
    assert messages(root) == []
    before = (root / RECORD).read_bytes()
    again = run_explainer(root, "verify")
    assert again.stderr.endswith("the verification records are up to date\n")
    assert (root / RECORD).read_bytes() == before


def test_a_build_without_the_source_shows_the_recorded_quotes_as_verified(tmp_path):
    root = project(tmp_path)
    assert run_explainer(root, "verify").returncode == 0
    (root / "report.txt").unlink()                   # as on GitHub: no copy of the report
    assert messages(root) == []
    assert run_explainer(root, "build").returncode == 0
    page = text_of(root / PAGE)
    assert page.count(f"Verified word for word against the Wire report, on {today()}") == 3
    assert UNVERIFIED not in page


def test_one_word_changed_since_leaves_that_quote_alone_unverified(tmp_path):
    root = project(tmp_path)
    assert run_explainer(root, "verify").returncode == 0
    (root / "report.txt").unlink()
    edit(root / ARTICLE, QUOTE, "further than our enemies expected")
    assert messages(root) == [
        f"43:11: quote unverified: it is not the quote checked against the source on "
        f"{today()} ({RECORD})"]
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    page = text_of(root / PAGE)
    assert page.count(UNVERIFIED) == 1 and page.count("Verified word for word") == 2
    assert page.index("further than our enemies") < page.index(UNVERIFIED)


def test_a_figure_changed_since_is_reported(tmp_path):
    root = project(tmp_path)
    assert run_explainer(root, "verify").returncode == 0
    (root / "report.txt").unlink()
    edit(root / ARTICLE, "The Thunderbolt flew 290 km (180 miles)",
         "The Thunderbolt flew 390 km (242 miles)")
    assert messages(root) == [
        f"19:11: the figures in this fact are not the ones checked against the source on "
        f"{today()} ({RECORD})"]


def test_a_record_that_says_less_than_the_source_proves_is_out_of_date(tmp_path):
    root = project(tmp_path)
    assert run_explainer(root, "verify").returncode == 0
    data = json.loads((root / RECORD).read_text())
    data["quotes"].popitem()
    (root / RECORD).write_text(json.dumps(data))
    assert messages(root) == [
        f"8:9: the verification record {RECORD} is out of date: the site built without "
        "the source will show these quotes as unverified"]
    assert run_explainer(root, "verify").stderr.endswith("recorded 1 article(s): "
                                                         "ruritania-tests-missile\n")
    assert messages(root) == []


def test_a_broken_record_is_a_located_error(tmp_path):
    root = project(tmp_path)
    (root / RECORD).parent.mkdir(parents=True)
    (root / RECORD).write_text("{not json")
    result = run_explainer(root, "check")
    assert result.returncode == 1
    assert f"{RECORD}:1:1: error: the verification record cannot be read" in result.stderr


@pytest.mark.slow
def test_the_real_site_built_without_the_report_shows_its_quotes_verified(tmp_path):
    """A fresh clone has no ../shared: the committed record stands in for the report."""
    root = copy_project(tmp_path / "clone" / "project")
    assert not (root.parent / "shared").exists()
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    assert "quote unverified" not in result.stderr
    page = text_of(root / "site/articles/us-allows-ukraine-deep-strikes-in-russia/index.html")
    assert page.count("Verified word for word against the Reuters report of "
                      "17 November 2024, on ") == 5
    assert UNVERIFIED not in page
    article = root / "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
    edit(article, "Escalating the wars before he leaves", "Escalating the war before he leaves")
    changed = run_explainer(root, "check")
    assert changed.returncode == 0
    assert changed.stderr.count("quote unverified: it is not the quote checked") == 1
