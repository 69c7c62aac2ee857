"""Hostile and broken content: every case ends quickly with located errors, never a crash.

Each file in tests/hostile/ is one scenario. It is copied into a copy of the minimal
fixture site at the place the table says (an actor by default) and `check` must report
exactly the located errors listed here, in `path:line:column: message` form.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.pipeline import Project, check

from .conftest import ROOT

HOSTILE = Path(__file__).parent / "hostile"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
SHOWN = "it can make the text display differently from what it says"
NO_FETCH = ("and pages make no requests to other sites: link to it instead (the same "
            "without the !)")
LINK = "is not allowed: links may use http, https or mailto, or point to a page of this site"
DEEP = "document is nested too deeply (more than 40 levels)"
ALIAS = "YAML aliases (*name) are not allowed"

# scenario -> (where it goes in content/, the exact errors expected)
CASES: dict[str, tuple[str, list[str]]] = {
    # YAML that would run code, explode or recurse
    "alias-billion-laughs": ("actors/x.yaml", [f"2:8: {ALIAS}"]),
    "alias-reused-summary": ("actors/x.yaml", [f"3:10: {ALIAS}"]),
    "alias-self-reference": ("actors/x.yaml", [f"3:14: {ALIAS}"]),
    # the file is read without the refused key, so its field is missing too
    "merge-key": ("actors/x.yaml", ["1:1: missing field 'summary'",
                                    "3:1: keys must be plain words"]),
    "complex-key": ("actors/x.yaml", ["1:1: missing field 'summary'",
                                      "3:3: keys must be plain words"]),
    "tag-python-apply": ("actors/x.yaml", [
        "1:7: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"]),
    "tag-python-name": ("actors/x.yaml", [
        "3:10: YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"]),
    "tag-directive-python": ("actors/x.yaml", [
        "3:7: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"]),
    "tag-custom-include": ("actors/x.yaml", ["3:10: YAML tag '!include' is not allowed"]),
    "tag-binary": ("actors/x.yaml", ["1:7: YAML tag 'tag:yaml.org,2002:binary' is not allowed"]),
    "tag-set": ("actors/x.yaml", ["3:10: YAML tag 'tag:yaml.org,2002:set' is not allowed"]),
    "nesting-flow-deep": ("actors/x.yaml", [f"3:1009: {DEEP}"]),
    "nesting-block-deep": ("actors/x.yaml", [f"43:81: {DEEP}"]),
    "nesting-mapping-deep": ("actors/x.yaml", [f"43:41: {DEEP}"]),
    "huge-integer": ("actors/x.yaml", [
        "3:10: value '" + "9" * 59 + "…' could not be read (Exceeds the limit (4300 digits) "
        "for integer string conversion: value has 5000 d…)"]),
    # broken files
    "tab-indentation": ("actors/x.yaml", ["4:1: YAML syntax error: tab character in YAML"]),
    "unclosed-bracket": ("actors/x.yaml", [
        "4:8: YAML syntax error: did not find expected ',' or ']'"]),
    "unclosed-quote": ("actors/x.yaml", [
        "4:1: YAML syntax error: found unexpected end of stream"]),
    "duplicate-key": ("actors/x.yaml", [
        "4:1: duplicate key 'name' (first on line 1, again on line 4)"]),
    "multi-document": ("actors/x.yaml", [
        "4:1: YAML syntax error: a second document ('---') in the same file"]),
    "empty-file": ("actors/x.yaml", ["1:1: file is empty"]),
    "only-comment": ("actors/x.yaml", ["1:1: file is empty"]),
    "top-level-list": ("actors/x.yaml", ["1:1: file: expected a set of fields (name: value)"]),
    "top-level-scalar": ("actors/x.yaml", ["1:1: file: expected a set of fields (name: value)"]),
    "not-utf8-latin1": ("actors/x.yaml", ["1:10: file is not UTF-8 (byte 0xe9)"]),
    "utf16": ("actors/x.yaml", ["1:1: file is not UTF-8 (byte 0xff)"]),
    "nul-byte": ("actors/x.yaml", [
        "1:10: YAML could not be read: control characters are not allowed (U+0000)"]),
    "control-char-escaped": ("actors/x.yaml", [
        "3:10: summary: control character U+0007 is not allowed in text"]),
    "control-char-ansi-escape": ("actors/x.yaml", [
        "3:10: summary: control character U+001B is not allowed in text"]),
    # links that would run script or leave the site
    "link-javascript": ("actors/x.yaml", [
        f"3:10: summary: link target 'javascript:alert(document.cookie)' {LINK}"]),
    "link-javascript-obfuscated": ("actors/x.yaml", [
        f"3:10: summary: link target 'JaVaScRiPt:alert(1)' {LINK}"]),
    "link-javascript-split-line": ("actors/x.yaml", [
        f"3:10: summary: link target 'javascript:alert(1)' {LINK}"]),
    "link-entity-encoded": ("actors/x.yaml", [
        f"3:10: summary: link target 'javascript:alert(1)' {LINK}"]),
    "link-reference-definition": ("actors/x.yaml", [
        f"3:10: summary: link target 'javascript:alert(1)' {LINK}"]),
    "link-data-image": ("actors/x.yaml", [
        "3:10: summary: link target 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='"
        f" {LINK}"]),
    "link-vbscript": ("actors/x.yaml", [f"3:10: summary: link target 'vbscript:msgbox(1)' {LINK}"]),
    "link-protocol-relative": ("actors/x.yaml", [
        "3:10: summary: link target '//evil.example/x' leaves the site without a scheme: "
        "links may use http, https or mailto, or point to a page of this site"]),
    # invisible characters that make text display otherwise than it reads
    "invisible-bidi-and-zero-width": ("actors/x.yaml", [
        f"3:15: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE): {SHOWN}",
        f"3:21: invisible character U+202C (POP DIRECTIONAL FORMATTING): {SHOWN}",
        f"4:13: invisible character U+200B (ZERO WIDTH SPACE): {SHOWN}"]),
    # images would make the reader's browser fetch from another host
    "image-other-host": ("actors/x.yaml", [
        "3:10: summary: image 'https://tracker.example/pixel.png?who=reader' would be loaded "
        f"from another site, {NO_FETCH}"]),
    "image-reference-other-host": ("actors/x.yaml", [
        "3:10: summary: image 'https://tracker.example/pixel.png' would be loaded from "
        f"another site, {NO_FETCH}"]),
    "link-in-name": ("actors/x.yaml", [f"1:7: name: link target 'javascript:alert(1)' {LINK}"]),
    "link-in-title": ("actors/x.yaml", [f"3:8: title: link target 'file:///etc/passwd' {LINK}"]),
    "link-in-alias": ("actors/x.yaml", [
        f"3:17: aliases item 2: link target 'jAvAsCrIpT:alert(1)' {LINK}"]),
    "site-url-javascript": ("site.yaml", [
        "3:6: url: 'javascript:alert(1)' is not a web address"]),
    "site-url-breakout": ("site.yaml", [
        "7:8: publisher.url: 'https://example.org/)[x](javascript:alert(1)' contains ( ) [ ]; "
        "write them as %-escapes (space is %20, ( is %28, ) is %29)"]),
    "source-url-quote-breakout": ("articles/x.yaml", [
        "6:8: source.url: 'https://example.org/\"onmouseover=\"alert(1)' contains \" ( ); "
        "write them as %-escapes (space is %20, ( is %28, ) is %29)"]),
    "site-language-injection": ("site.yaml", [
        "4:11: language: 'en\" onload=\"alert(1)' is not a language code"]),
    # anything that could become a path
    "ref-path-traversal": ("actors/x.yaml", [
        "3:14: affiliation: '../../etc/passwd' is not a valid id"]),
    "ref-absolute-path": ("actors/x.yaml", ["3:14: affiliation: '/etc/passwd' is not a valid id"]),
    "ref-uppercase": ("actors/x.yaml", ["3:14: affiliation: 'Ruritania' is not a valid id"]),
    "quote-speaker-traversal": ("articles/x.yaml", [
        "13:13: key_facts item 1 (\"A fact.\"), status: 'claimed<script>' is not allowed "
        "here",
        "15:14: quotes item 1 (\"Hello\"), speaker: '..%2F..%2Fsecret' is not a valid id"]),
    "source-text-absolute": ("articles/x.yaml", [
        "7:9: source.text: '/etc/passwd' must be a path relative to the project root, "
        "with / between folders"]),
}

# file names: a valid file under a hostile name (scenario -> (file, name, errors))
VALID = {"actors": "valid-actor.yaml", "articles": "valid-article.yaml",
         "weapons": "valid-actor.yaml"}
NAMES: dict[str, tuple[str, list[str]]] = {
    "name-reserved-index": ("actors/index.yaml", [
        "content/actors/index.yaml:1:1: 'index' is a reserved name"]),
    "name-reserved-device": ("articles/con.yaml", [
        "content/articles/con.yaml:1:1: 'con' is a reserved name"]),
    "name-reserved-page": ("articles/tags.yaml", [
        "content/articles/tags.yaml:1:1: 'tags' is a reserved name"]),
    "name-differs-by-case": ("actors/Ada-Ruritan.yaml", [
        "content/actors/Ada-Ruritan.yaml:1:1: 'Ada-Ruritan.yaml' differs only by case from "
        "'ada-ruritan.yaml'"]),
    "name-uppercase-suffix": ("actors/eve.YAML", [
        "content/actors/eve.YAML:1:1: content files end in .yaml, not .YAML"]),
    "name-dots": ("actors/..evil.yaml", []),
    "name-encoded-traversal": ("weapons/%2e%2e%2fevil.yaml", [
        "content/weapons/%2e%2e%2fevil.yaml:1:1: '%2e%2e%2fevil' is not a valid id for a "
        "file name"]),
    "name-unicode-lookalike": ("actors/еve.yaml", [
        "content/actors/еve.yaml:1:1: '\\u0435ve' is not a valid id for a file name"]),
    "name-nested-folder": ("actors/deep/eve.yaml", [
        "content/actors/deep/eve.yaml:1:1: this file is not in a known place"]),
}


def project_with(tmp_path: Path, target: str, source: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "content")
    (tmp_path / "content" / target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, tmp_path / "content" / target)
    return tmp_path


def fatal(root: Path) -> list[str]:
    """The errors `check` reports, as `path:line:column: message`."""
    errors = check(Project(root)).errors
    return [f"{e.path}:{e.line}:{e.column}: {e.message}" for e in errors]


def test_the_corpus_is_complete():
    """Every file in tests/hostile/ has its expected errors in the table, and back."""
    assert sorted(p.stem for p in HOSTILE.glob("*.yaml")) == sorted(
        [*CASES, *{f.removesuffix(".yaml") for f in VALID.values()}])
    assert len(CASES) + len(NAMES) >= 40


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_hostile_file_gives_located_errors(tmp_path, scenario):
    target, expected = CASES[scenario]
    root = project_with(tmp_path, target, HOSTILE / f"{scenario}.yaml")
    started = time.monotonic()
    assert fatal(root) == [f"content/{target}:{e}" for e in expected]
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("scenario", sorted(NAMES))
def test_hostile_file_name_gives_located_error(tmp_path, scenario):
    target, expected = NAMES[scenario]
    root = project_with(tmp_path, target, HOSTILE / VALID[target.split("/")[0]])
    assert fatal(root) == expected


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_cli_exits_1_with_located_errors_and_no_traceback(tmp_path, scenario, capsys):
    target, expected = CASES[scenario]
    root = project_with(tmp_path, target, HOSTILE / f"{scenario}.yaml")
    assert cli.main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"content/{target}:{expected[0].split(': ')[0]}: error: " in err
    assert "Traceback" not in err


def test_links_and_devices_are_refused(tmp_path):
    root = project_with(tmp_path, "actors/eve.yaml", HOSTILE / "valid-actor.yaml")
    secret = tmp_path / "secret.txt"
    secret.write_text("name: Ada\nkind: person\nsummary: token=hunter2\n")
    (root / "content/actors/leak.yaml").symlink_to(secret)
    (root / "content/weapons/linked.yaml").symlink_to(root / "content/actors/eve.yaml")
    os.mkfifo(root / "content/actors/pipe.yaml")
    message = "content files must be plain files, not links or devices"
    assert fatal(root) == [f"content/actors/leak.yaml:1:1: {message}",
                           f"content/actors/pipe.yaml:1:1: {message}",
                           f"content/weapons/linked.yaml:1:1: {message}"]


def test_unreadable_file_is_a_located_error(tmp_path, monkeypatch):
    root = project_with(tmp_path, "actors/eve.yaml", HOSTILE / "valid-actor.yaml")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "eve.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert fatal(root) == [
        "content/actors/eve.yaml:1:1: file could not be read (Permission denied)"]


def limited_check(root: Path, limit_mb: int = 1024) -> tuple[subprocess.CompletedProcess, float]:
    """`explainer check` in a child process whose memory is capped."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check"], cwd=root, text=True,
        capture_output=True, preexec_fn=cap, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    return result, time.monotonic() - started


BIG = {
    "a 20 MB file": ("summary: |\n" + ("  " + "x" * 78 + "\n") * 262_144,
                     "1:1: file is larger than 1 MB"),
    "a very long line": ("name: Ada\nkind: person\nsummary: " + "x" * 5_000_000 + "\n",
                         "1:1: file is larger than 1 MB"),
    "a 100,000-item list": ("name: Ada\nkind: person\nsummary: A person.\naliases:\n"
                            + "  - a\n" * 100_000,
                            "49994:5: document has too many values (more than 50,000)"),
    "a 20,000-item list": ("name: Ada\nkind: person\nsummary: A person.\naliases:\n"
                           + "  - a\n" * 20_000, None),
    "20,000 wrong values": (
        "name: Ada\nkind: person\nsummary: A person.\naliases:\n" + "  - 1\n" * 20_000,
        "1:1: 19,800 more problems in this file are not shown"),
    "20,000 duplicate keys": ("name: Ada\nkind: person\nsummary: A person.\n"
                              + "name: Eve\n" * 20_000,
                              "203:1: more than 200 problems; the rest of this file was not "
                              "read"),
    "400,000 brackets": ("summary: " + "[" * 400_000 + "]" * 400_000 + "\n",
                           f"1:1009: {DEEP}"),
    "300,000 values": ("name: Ada\nkind: person\nsummary: A person.\naliases: ["
                       + "a," * 300_000 + "]\n",
                       "4:99989: document has too many values (more than 50,000)"),
}


@pytest.mark.parametrize("case", sorted(BIG))
def test_big_inputs_end_within_seconds_in_bounded_memory(tmp_path, case):
    text, expected = BIG[case]
    root = project_with(tmp_path, "actors/ada-ruritan.yaml", HOSTILE / "valid-actor.yaml")
    (root / "content/actors/ada-ruritan.yaml").write_text(text)
    result, seconds = limited_check(root)
    assert seconds < 15, f"{case} took {seconds:.1f}s"
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    if expected is None:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1
        where, message = expected.split(": ", 1)
        assert f"content/actors/ada-ruritan.yaml:{where}: error: {message}" in result.stderr


def test_twenty_thousand_missing_references_end_in_seconds(tmp_path):
    article = "articles/ruritania-tests-missile.yaml"
    data = yaml.safe_load((MINIMAL / article).read_text())
    data["key_facts"][0]["actors"] = ["nobody-here"] * 20_000
    root = project_with(tmp_path, "actors/eve.yaml", HOSTILE / "valid-actor.yaml")
    (root / "content" / article).write_text(yaml.safe_dump(data, width=10**9))
    result, seconds = limited_check(root)
    assert seconds < 15, f"took {seconds:.1f}s"
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("no actor with id 'nobody-here'") == 200
    assert (f"content/{article}:1:1: error: 19,800 more references to missing files are not "
            "shown") in result.stderr
