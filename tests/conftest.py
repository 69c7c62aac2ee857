"""Shared fixtures: a copy of the project in a temporary folder, and one built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: no per-example deadline (a loaded 2-core CI machine is slow, not wrong),
# and a fixed seed so CI runs are repeatable; HYPOTHESIS_PROFILE=explore searches anew.
settings.register_profile("ci", deadline=None, derandomize=True)
settings.register_profile("explore", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_2fc7071a9cad3196.txt"
PROJECT_FILES = ["content", "theme", "mkdocs.yml", "schemas"]


def copy_project(target: Path) -> Path:
    """Copy what a build needs (content with its pages, theme, config)."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def run_explainer(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a writer would, from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args], cwd=root, text=True,
        capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the real project to change freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, generated and built once with `mkdocs build --strict`."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    if SEED.exists():   # source.text is ../shared/seed/...: quotes verified as in a checkout
        (root.parent / "shared").symlink_to(SEED.parent.parent, target_is_directory=True)
    result = run_explainer(root, "build", SOURCE_DATE_EPOCH="1731801600")
    assert result.returncode == 0, result.stderr
    return root / "site"
