"""The one registry of rules (generator/checks/rules.py): the README's table of checks,
the names a writer may accept and the schema editors offer all come from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.checks.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (?P<checks>.+?) \| warning `\[(?P<rule>[a-z-]+)\]`", re.M)


def test_the_readme_table_lists_every_rule_as_the_registry_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {m["rule"]: m["checks"] for m in ROW.finditer(readme)} == {
        name: rule.checks for name, rule in RULES.items()}


def test_the_schema_offers_exactly_the_rules_for_accept():
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text())
    rule = schema["$defs"]["Acceptance"]["properties"]["rule"]
    assert sorted(rule["enum"]) == sorted(RULES)
