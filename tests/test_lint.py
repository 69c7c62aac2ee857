"""The code stays as pyproject.toml's ruff configuration says."""

import subprocess
import sys

from .conftest import ROOT


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "generator", "tests", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
