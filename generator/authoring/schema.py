"""`explainer schema`: one JSON Schema per kind of content file, from the same models.

Editors read them through the `# yaml-language-server: $schema=...` line at the top of
each content file, so writers get field completion, descriptions and errors as they type.
The files are committed in schemas/; a test fails when they differ from the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.kinds import KINDS, MODELS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def modeline(kind: str) -> str:
    """The first line of a content file of this kind, pointing editors at its schema."""
    up = "../../" if kind in KINDS else "../"  # content/<folder>/ or content/
    return f"# yaml-language-server: $schema={up}schemas/{file_name(kind)}"


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file, with the dialect named first."""
    generated = MODELS[kind].model_json_schema()
    return {"$schema": DIALECT, **generated}


def schema_texts() -> dict[str, str]:
    """File name -> exact text of every schema file, deterministic."""
    return {file_name(kind): json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
            for kind in sorted(MODELS)}


def write_schemas(folder: Path, *, check_only: bool = False) -> int:
    """Write (or, with check_only, compare) the schema files; 1 when out of date."""
    stale = [name for name, text in schema_texts().items()
             if not (folder / name).is_file()
             or (folder / name).read_text(encoding="utf-8") != text]
    if check_only:
        for name in stale:
            print(f"schemas/{name} is out of date: run `explainer schema`", file=sys.stderr)
        return 1 if stale else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        if name in stale:
            (folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(stale)} schema file(s) in {folder.name}/ "
          f"({len(MODELS) - len(stale)} unchanged)", file=sys.stderr)
    return 0
