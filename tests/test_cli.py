"""The `explainer` command as a writer and CI use it: formats, exit codes, no tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

from .conftest import ROOT, SEED, copy_project, run_explainer

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
BROKEN = Path(__file__).parent / "fixtures" / "broken"
ACTOR = "content/actors/ruritania.yaml"


def site(tmp_path: Path, scenario: str | None = None) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root / "content")
    if scenario:
        shutil.copytree(BROKEN / scenario, root / "content", dirs_exist_ok=True)
    return root


def test_real_content_is_clean():
    if not SEED.exists():
        pytest.skip(f"the original report is not at {SEED}: quotes cannot be verified here")
    result = run_explainer(ROOT, "check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "content OK\n")


def test_real_content_without_the_report_passes_on_its_verification_record(tmp_path):
    # As on GitHub's runners: no ../shared/seed beside the project; the committed
    # record (content/verification/) stands in for the report.
    root = copy_project(tmp_path / "project")
    result = run_explainer(root, "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "content OK\n"
    (root / "content/verification/us-allows-ukraine-deep-strikes-in-russia.json").unlink()
    result = run_explainer(root, "check")
    assert result.stderr.count("warning: quote unverified") == 5
    assert result.stderr.endswith("5 warnings in content/\ncontent OK (with warnings)\n")


def test_text_quotes_the_line_with_a_caret_and_a_hint(tmp_path, capsys):
    root = site(tmp_path, "yaml11-traps")
    (root / ACTOR).write_text("name: Ruritania\nkind: country\nsummary: yes\n")
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        f"{ACTOR}:3:10: error: summary: yes is not read as text "
        "(YAML reads it as yes/no (true/false))\n"
        "    summary: yes\n"
        "             ^\n"
        '    hint: put it in quotes: "yes"\n'
        "1 error in content/\n")


def test_text_sorts_by_file_then_line_and_counts(tmp_path, capsys):
    root = site(tmp_path, "several")
    (root / "content/actors/zz-unused.yaml").write_text(
        "name: Unused\nkind: group\nsummary: x\n")
    assert main(["--root", str(root), "check"]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines()
             if not line.startswith(" ")]
    assert lines == [
        "content/actors/ada-ruritan.yaml:1:1: error: missing field 'kind'",
        "content/actors/ada-ruritan.yaml:1:1: error: missing field 'summary'",
        "content/actors/ruritania.yaml:4:8: error: YAML syntax error: did not find "
        "expected ',' or ']'",
        "content/articles/ruritania-tests-missile.yaml:1:1: error: unknown field 'headlin'",
        "4 errors in content/",
    ]


def test_github_annotations(tmp_path, capsys):
    root = site(tmp_path, "duplicate-key")
    assert main(["--root", str(root), "check", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=content/actors/ruritania.yaml,line=5,col=1,title=explainer check::"
        "duplicate key 'summary' (first on line 3, again on line 5) "
        "(hint: keep one of them; YAML would silently drop the first)\n")


def test_github_warnings_and_escaping(tmp_path, capsys):
    root = site(tmp_path, "unused-actor")
    assert main(["--root", str(root), "check", "--format", "github"]) == 0
    assert capsys.readouterr().out == (
        "::warning file=content/actors/nobody.yaml,line=1,col=1,title=explainer check::"
        "no article mentions actor 'nobody' "
        "(hint: add it to an article's actors, weapons or places, or delete the file)\n")
    from generator.errors import ContentError
    from generator.report import github
    assert github(ContentError("a,b:c.yaml", 2, 3, "50% done\nnext")) == (
        "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=explainer check::50%25 done%0Anext")


def test_json_is_complete_and_parseable(tmp_path, capsys):
    root = site(tmp_path, "missing-field")
    assert main(["--root", str(root), "check", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "errors": 2, "warnings": 0, "todos": 0, "problems": [
            {"path": "content/actors/ada-ruritan.yaml", "line": 1, "column": 1,
             "severity": "error", "message": "missing field 'kind'",
             "hint": "add `kind:` here"},
            {"path": "content/actors/ada-ruritan.yaml", "line": 1, "column": 1,
             "severity": "error", "message": "missing field 'summary'",
             "hint": "add `summary:` here"}]}


def test_json_when_clean(tmp_path, capsys):
    assert main(["--root", str(site(tmp_path)), "check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"errors": 0, "warnings": 0,
                                                    "todos": 0, "problems": []}


@pytest.mark.parametrize("args", [
    ["check", "--format", "xml"],
    ["chek"],
    [],
    ["new", "article"],
    ["new", "planet", "Mars"],
    ["new", "actor", "!!!"],
    ["serve", "--dev-addr", "8000"],
])
def test_wrong_usage_exits_2(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as info:
        main(["--root", str(site(tmp_path)), *args])
    assert info.value.code == 2
    assert "usage: explainer" in capsys.readouterr().err


def test_missing_content_folder_is_wrong_usage(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--root", str(tmp_path), "check"])
    assert info.value.code == 2
    assert f"no content/ folder in {tmp_path}" in capsys.readouterr().err


def test_a_failing_command_exits_1_without_traceback(tmp_path):
    root = site(tmp_path, "tab")
    result = run_explainer(root, "generate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{ACTOR}:4:1: error: YAML syntax error")


YAMLISH = st.text(alphabet=st.sampled_from(list("ab:- \n\t'\"[]{}#&*!|>%@`,?~0129.\\é")),
                  max_size=60)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=YAMLISH.map(str.encode) | st.binary(max_size=40),
       where=st.sampled_from(["actors/ruritania.yaml", "articles/ruritania-tests-missile.yaml",
                              "site.yaml", "glossary.yaml", "weapons/thunderbolt.yaml"]))
def test_no_input_gives_a_traceback(tmp_path_factory, data, where):
    root = site(tmp_path_factory.mktemp("fuzz"))
    (root / "content" / where).write_bytes(data)
    import contextlib
    import io
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["--root", str(root), "check", "--format", "json"])
    report = json.loads(out.getvalue())
    assert code == (1 if report["errors"] else 0)
    assert err.getvalue() == ""
    for problem in report["problems"]:
        assert problem["path"].startswith("content/")
        assert problem["line"] >= 1 and problem["column"] >= 1


def test_pre_commit_hooks_run_real_commands(capsys):
    """Each hook's entry is an explainer command that passes on the committed repo."""
    import shlex

    import yaml
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [hook["id"] for hook in hooks] == ["explainer-check", "explainer-schemas"]
    for hook in hooks:
        program, *args = shlex.split(hook["entry"])
        assert program == ".venv/bin/explainer"
        assert main(["--root", str(ROOT), *args]) == 0


def test_help_is_written_for_writers(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    text = capsys.readouterr().out
    assert info.value.code == 0
    for command in ("check", "serve", "new", "generate", "build", "linkcheck", "schema"):
        assert any(line.split()[:1] == [command] and len(line.split()) > 2
                   for line in text.splitlines()), f"no line describes {command}"
    assert 'explainer new article "Ruritania tests a new missile"' in text
    assert "  1  the content has errors" in text
    assert "  2  the command was used wrongly" in text


@pytest.mark.parametrize("command", ["generate", "build", "check", "serve", "new"])
def test_every_command_describes_itself(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    description = capsys.readouterr().out.split("\n\n")[1]
    assert len(description.split()) >= 10, description


def test_version(capsys):
    from generator import __version__
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert (info.value.code, capsys.readouterr().out) == (0, f"explainer {__version__}\n")


def test_check_named_files_reports_only_them(tmp_path, capsys):
    root = site(tmp_path, "validation-and-refs")   # errors in an actor and the article
    article = "content/articles/ruritania-tests-missile.yaml"
    assert main(["--root", str(root), "check", "--format", "json", str(root / article)]) == 1
    assert [(p["path"], p["line"]) for p in json.loads(capsys.readouterr().out)[
        "problems"]] == [(article, 24)]
    assert main(["--root", str(root), "check", str(root / "content/actors/ada-ruritan.yaml")]
                ) == 0
    assert capsys.readouterr().err == ("content OK; other files have 2 error(s): "
                                       "`explainer check` lists them\n")


def test_check_named_file_outside_content_is_wrong_usage(tmp_path, capsys):
    root = site(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["--root", str(root), "check", str(tmp_path / "nothing.yaml")])
    assert info.value.code == 2
    assert "nothing.yaml is not a file in content/" in capsys.readouterr().err
