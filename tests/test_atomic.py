"""Nothing lost: failed, killed and simultaneous runs leave docs/ and site/ whole."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.pipeline import Project, generate
from generator.site.staging import WORK, locked

from .conftest import ROOT, copy_project, run_explainer

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
ADA = "content/actors/ada-ruritan.yaml"
pytestmark = pytest.mark.slow


def small_project(target: Path) -> Path:
    """The project's config and theme, with the minimal content (and its pages)."""
    root = copy_project(target)
    shutil.rmtree(root / "content")
    shutil.copytree(MINIMAL, root / "content")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(root: Path) -> None:
    """A content change that alters generated pages and the built site."""
    ada = root / ADA
    ada.write_text(ada.read_text().replace("A made-up minister.", "A changed minister."))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project built once; tests copy it."""
    root = small_project(tmp_path_factory.mktemp("atomic") / "project")
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def test_build_killed_during_mkdocs_leaves_docs_and_site_as_they_were(project):
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    edit(project)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build"], cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list((project / WORK).glob("stage-*/site/*")):   # MkDocs is writing the site
        assert process.poll() is None, "the build ended before MkDocs started"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.1)                                 # inside MkDocs' work
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site
    # the next build recovers: it finishes, and the killed run's staging is gone
    result = run_explainer(project, "build")
    assert result.returncode == 0, result.stderr
    assert "A changed minister." in (project / "site/actors/ada-ruritan/index.html").read_text()
    assert "A changed minister." in (project / "docs/actors/ada-ruritan.md").read_text()
    assert sorted(p.name for p in (project / WORK).iterdir()) == ["lock", "previews.json"]


def test_mkdocs_failure_leaves_docs_and_site_as_they_were(project):
    about = project / "content/pages/about.md"
    about.write_text(about.read_text() + "\nSee [nowhere](missing.md).\n")
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    edit(project)
    result = run_explainer(project, "build")
    assert result.returncode == 1
    assert "mkdocs build failed; docs/ and site/ are unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site


def test_content_error_leaves_docs_and_site_as_they_were(project):
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    (project / ADA).write_text("name: Ada\nkind: person\n")
    result = run_explainer(project, "build")
    assert result.returncode == 1
    assert f"{ADA}:1:1: error: missing field 'summary'" in result.stderr
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site


def test_two_builds_at_once_both_succeed_and_agree(project):
    edit(project)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1731801600"}
    runs = [subprocess.Popen([sys.executable, "-m", "generator.cli", "build"], cwd=project,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("waiting for another explainer run" in err for _, err in outputs)
    site = snapshot(project / "site")
    assert run_explainer(project, "build", SOURCE_DATE_EPOCH="1731801600").returncode == 0
    assert snapshot(project / "site") == site       # the same as one build on its own
    assert "A changed minister." in site["actors/ada-ruritan/index.html"].decode()


def test_a_run_waits_for_the_lock_and_gives_up_with_a_located_error(tmp_path):
    root = small_project(tmp_path / "p")
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with locked(root):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        with pytest.raises(ContentErrors) as info, locked(root, wait=0.3):
            pass
        error = info.value.errors[0]
        assert (error.path, error.line, error.column) == (f"{root.as_posix()}/{WORK}/lock",
                                                          1, 1)
        assert error.message == (f"another explainer run (process {os.getpid()}) is still "
                                 "writing docs/ or site/")
        waiting = subprocess.Popen([sys.executable, "-m", "generator.cli", "generate"],
                                   cwd=root, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                   stderr=subprocess.PIPE, text=True)
        said = waiting.stderr.readline()            # blocks until it reaches the lock
        assert said == f"explainer: waiting for another explainer run (process {os.getpid()})\n"
        time.sleep(0.5)
        assert waiting.poll() is None               # still waiting: nothing written yet
        assert not (root / "docs/index.md").exists()
    finally:
        release.set()
        holder.join()
    _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert (root / "docs/index.md").exists()


def test_a_link_inside_docs_cannot_lead_writes_outside(tmp_path):
    root = small_project(tmp_path / "p")
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "docs").mkdir()
    (root / "docs/actors").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ContentErrors, match="refusing to write outside .*actors/ada-ruritan"):
        generate(Project(root))
    assert list(outside.iterdir()) == []


def test_os_errors_are_located_not_tracebacks(tmp_path):
    root = small_project(tmp_path / "p")
    (root / "docs").write_text("not a folder\n")
    result = run_explainer(root, "generate")
    assert result.returncode == 1
    assert "docs:1:1: error: cannot write here: File exists" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_and_build_at_once_do_not_corrupt_each_other(project, tmp_path):
    """`serve` regenerates on an edit while `build` runs: both finish, docs/ and site/ agree."""
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "--dev-addr", "127.0.0.1:0"],
            cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "explainer: serving on" not in log.read_text():
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        for step in range(2):                       # edits while the build runs
            ada = project / ADA
            ada.write_text(re.sub(r"minister[^.]*\.", f"minister {step}.", ada.read_text()))
            build = run_explainer(project, "build")
            assert build.returncode == 0, build.stderr
        deadline = time.monotonic() + 30
        while "minister 1." not in (project / "docs/actors/ada-ruritan.md").read_text():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert server.poll() is None                # the server survived
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text()
    again = run_explainer(project, "generate")      # docs/ is exactly what generate writes
    assert "generated 0 changed pages" in again.stderr, again.stderr
    html = (project / "site/actors/ada-ruritan/index.html").read_text()
    assert "minister 1." in html
    assert sorted(p.name for p in (project / WORK).iterdir()) == ["lock", "previews.json"]


def test_search_index_failure_leaves_docs_and_site_as_they_were(project):
    """Pagefind indexes the staged site: if it fails, nothing is swapped in."""
    (project / "theme" / "pagefind").write_text("a file where the search bundle goes\n")
    docs, site = snapshot(project / "docs"), snapshot(project / "site")
    edit(project)
    result = run_explainer(project, "build")
    assert result.returncode == 1
    assert "pagefind failed" in result.stderr
    assert result.stderr.rstrip().endswith("docs/ and site/ are unchanged")
    assert "Traceback" not in result.stderr
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site
    assert snapshot(project / "site")["pagefind/pagefind-entry.json"]


def test_a_first_build_moves_its_staged_pages_into_docs_as_generate_writes_them(
        built, tmp_path):
    """With no docs/ yet, the staged pages become docs/ in one rename; with one, the
    changed pages are written into it: either way docs/ is what generate writes."""
    generated = tmp_path / "generated"
    shutil.copytree(built, generated, symlinks=True)
    shutil.rmtree(generated / "docs")
    generate(Project(generated))
    assert snapshot(built / "docs") == snapshot(generated / "docs")   # the first build
    assert not list((built / WORK).glob("stage-*"))                    # nothing left over
    again = run_explainer(generated, "build")                         # docs/ there already
    assert again.returncode == 0, again.stderr
    assert snapshot(built / "docs") == snapshot(generated / "docs")


def test_a_first_build_writes_each_page_once(built, tmp_path, monkeypatch):
    from generator import pipeline
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    shutil.rmtree(root / "docs")
    written: list[Path] = []
    real = pipeline.write
    monkeypatch.setattr(pipeline, "write", lambda pages, out: written.append(out) or
                        real(pages, out))
    _, report = pipeline.build(Project(root))
    assert [folder.name for folder in written] == ["docs"] and written[0].parent.name \
        .startswith("stage-")                   # the staged pages only, then renamed
    assert sorted(report.written) == sorted(snapshot(root / "docs"))
    assert snapshot(root / "docs") == snapshot(built / "docs")
