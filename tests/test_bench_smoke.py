"""The benchmark (`make bench`) runs end to end on a tiny synthetic site."""

import json
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

FIGURES = [
    r"generate: [\d.]+ s \([\d.]+ s\), [\d.]+ ms per content file; ÷ libyaml's load of the "
    r"same files \([\d.]+ s\): [\d.]+×; of it in the kernel [\d.]+ s",
    r"full build: [\d.]+ s \([\d.]+ s\) = generate [\d.]+ \+ MkDocs [\d.]+ \+ Pagefind "
    r"[\d.]+ \+ Python start-up [\d.]+; ÷ floor: [\d.]+×",
    r"floor, the same \d+ pages and [\d,]+ visible words as plain paragraphs: [\d.]+ s",
    r"peak memory: generate \d+ MB, MkDocs \d+ MB, Pagefind \d+ MB \(the floor.s \d+ MB\)",
    r"HTML pages \(\d+\): average [\d.]+ KB, largest [\d.]+ KB \(\S+\); site/ [\d.]+ MB",
    r"\[ok \] search: first page load fetches 0 KB of an index; one query \(\"[^\"]+\", "
    r"\d+ matching documents?\) \d+ files, \d+ KB \(\d+ KB gzip\)",
    r"one-article edit \(a key fact\): \d+ files rewritten",
    r"one-article edit \(the headline\): \d+ files rewritten",
    r"regenerate \+ mkdocs build --dirty after a key-fact edit: [\d.]+ s \([\d.]+ s\)",
    r"engine mkdocs 1\.6\.1: clean strict build [\d.]+ s \([\d.]+ s\), after a key-fact "
    r"edit [\d.]+ s",
    *(rf"engine {name} [\d.]+: clean strict build [\d.]+ s .*; ÷ MkDocs: [\d.]+× clean, "
      r"[\d.]+× incremental" for name in ("properdocs", "zensical")),
    r"N = 8 articles: .*\n.*generate: .*\n.*full build: [\d.]+ s .* Pagefind .*\n.*peak memory",
    r"scaling, N = 5 → 8 \(exponent k of N\^k; 1 is linear\):\n.*generate CPU: -?[\d.]+",
]


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--sizes", "5", "8", "--full-upto", "5",
         "--repeats", "1", "--no-preview", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in out.iterdir()) == [      # old output moved aside, then
        "n5", "n8", "results-5.json", "results-8.json"]   # deleted once timing ended
    return done.stdout, json.loads((out / "results-5.json").read_text())


def test_prints_every_figure_for_five_articles(bench):
    stdout, _ = bench
    assert re.search(r"machine: \d+ CPUs .*RAM, Python 3\.\d+", stdout)
    assert "N = 5 articles: 22 content files" in stdout
    assert re.search(r"load average [\d.]+ at the start", stdout)
    for figure in FIGURES:
        assert re.search(figure, stdout), figure


def test_noop_regeneration_writes_nothing_and_an_edit_rewrites_one_page(bench):
    stdout, result = bench
    assert "no-op regeneration: 0 files written" in stdout
    assert result["noop"] == []
    edited = result["edit_body"]["written"]
    assert len(edited) == 1 and edited[0].startswith("articles/"), edited
    assert f"1 files rewritten ({edited[0]})" in stdout


def test_the_files_one_query_fetched_are_recorded_with_their_sizes(bench):
    _, result = bench
    search = result["search"]
    fetched = search["fetched"]
    assert len(fetched) == search["files"] > 0
    assert sum(sent for _, sent, _ in fetched) == search["query_b"]
    assert sum(gzipped for _, _, gzipped in fetched) == search["query_gz_b"]


def test_synthetic_content_is_deterministic(tmp_path):
    from benchmarks import synth

    synth.generate(tmp_path / "a", 5)
    synth.generate(tmp_path / "b", 5)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert len(files) == 5 + 12 + 3
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_synthetic_in_short_points_fit_the_limit_at_any_size():
    """At 3,000 articles a drawn sentence ran past the 140 characters an in-short point
    may have, and `make bench` stopped at that size; a long one is cut at a word."""
    from benchmarks.synth import fit
    from generator.stages.models.fields import SHORT

    long = "Word " * 40 + "end."
    cut = fit(long, SHORT)
    assert len(cut) <= SHORT and cut.endswith("Word.") and long.startswith(cut[:-1])
    assert fit("Short enough.", SHORT) == "Short enough."


def test_the_preview_timing_sees_each_edit_shown_and_found_by_search(tmp_path):
    """`python -m benchmarks.preview` (make bench's preview figures alone): every saved
    edit is served and then found in the preview's search index, and both are timed."""
    from benchmarks.bench import fresh_project

    root = fresh_project(tmp_path / "project", 5)
    done = subprocess.run([sys.executable, "-m", "benchmarks.preview", str(root),
                           "--edits", "2"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"a saved edit is served after [\d.]+ s \(wall-clock, median of 2\)",
                     done.stdout), done.stdout
    assert re.search(r"a saved edit is found by the preview's search after [\d.]+ s "
                     r"\(wall-clock, median of 2\)", done.stdout), done.stdout
    assert len(re.findall(r"edit \d: shown [\d.]+ s, searchable [\d.]+ s",
                          done.stdout)) == 2, done.stdout


def test_discarded_output_is_moved_aside_until_the_trash_is_emptied(tmp_path):
    from benchmarks import trash

    docs = tmp_path / "project" / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "a.md").write_text("a")
    trash.use(tmp_path / "trash")
    try:
        trash.discard(docs)
        trash.discard(tmp_path / "project" / "site")          # absent: nothing to do
        assert not docs.exists()
        [kept] = (tmp_path / "trash").iterdir()
        assert (kept / "articles" / "a.md").read_text() == "a"  # renamed, not deleted
    finally:
        trash.empty()
    assert not (tmp_path / "trash").exists()
    (docs / "b").mkdir(parents=True)
    trash.discard(docs)                                       # no trash in use: deleted
    assert not docs.exists() and not (tmp_path / "trash").exists()
