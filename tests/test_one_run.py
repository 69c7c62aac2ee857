"""Every problem in one run: one story told wrong in eleven ways over three files, and
one `explainer check` that reports all eleven, each at its line.

A bad date does not hide the file's other fields, a field error does not hide the ids,
a wrong id does not hide the quote and unit checks, and a mistake in one file does not
hide those of another.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.cli import main

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
ARTICLE = "content/articles/ruritania-tests-missile.yaml"
ACTOR = "content/actors/ada-ruritan.yaml"
WEAPON = "content/weapons/thunderbolt.yaml"
MISTAKES = {  # file: [(what the writer typed instead of what was right)]
    ARTICLE: [("published: 2025-03-02", "published: 2025-02-30"),          # no such day
              ("tags: [Testing]", "tag: [Testing]"),                        # misspelt field
              ("    status: claimed", "    status: confirm"),                # closed set
              ("  - ref: ada-ruritan", "  - ref: ada-rurita"),              # dangling id
              ("    actors: [ruritania]\n    weapons: [thunderbolt]",
               "    actors: [ruritania]\n    weapons: [ruritania]"),          # wrong kind
              ("text: It flew as planned", "text: It flew as plannd"),      # misquote
              ("  Nobody was hurt.", "  It flew 290 km (100 miles).")],     # units disagree
    ACTOR: [("kind: person", "kind: persn"),                                # closed set
            ("aliases: [Ada R.]", "aliases: [Ada R.]\nsummary: Again.")],   # duplicate key
    WEAPON: [("  unit: km", "  unit: miles"),                               # closed set
             ("origin: ruritania", "origin: ruritana")],                    # dangling id
}


def test_eleven_mistakes_in_three_files_in_one_run(tmp_path, capsys):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root / "content")
    for path, changes in MISTAKES.items():
        text = (root / path).read_text(encoding="utf-8")
        for right, wrong in changes:
            assert text.count(right) == 1, right
            text = text.replace(right, wrong)
        (root / path).write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "check", "--format", "json"]) == 1
    found = [(p["path"], p["line"], p["column"], p["message"])
             for p in json.loads(capsys.readouterr().out)["problems"]
             if p["severity"] == "error"]
    assert found == [
        (ACTOR, 2, 7, "kind: 'persn' is not allowed here"),
        (ACTOR, 7, 1, "duplicate key 'summary' (first on line 6, again on line 7)"),
        (ARTICLE, 3, 12, "2025-02-30 is not a real date (day is out of range for month)"),
        (ARTICLE, 5, 1, "unknown field 'tag'"),
        (ARTICLE, 15, 11, "'290 km (100 miles)': the two units disagree"),
        (ARTICLE, 20, 13, 'key_facts item 1 ("The missile flew 290 km."), status: '
         "'confirm' is not allowed here"),
        (ARTICLE, 22, 15, "'ruritania' is an actor, not a weapon"),
        (ARTICLE, 24, 10, "no actor with id 'ada-rurita'"),
        (ARTICLE, 33, 11, "quote does not match the source: It flew as [-plannd-] "
         "{+planned+}"),
        (WEAPON, 6, 9, "range.unit: 'miles' is not allowed here"),
        (WEAPON, 7, 9, "no actor with id 'ruritana'"),
    ]
