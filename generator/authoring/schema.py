"""`explainer schema`: one JSON Schema per kind of content file, from the same models.

Editors read them through the `# yaml-language-server: $schema=...` line at the top of
each content file, so writers get field completion, descriptions and errors as they type.
The files are committed in schemas/; a test fails when they differ from the models.

Every field that names another file (kinds.py's `refs`) points at `ids.schema.json`,
which lists the ids that exist: editors offer them as completions and flag the others,
as `explainer check` does. That one file follows content/, so `check`, `serve` and
`new` rewrite it whenever an id comes or goes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.kinds import KINDS, MODELS
from generator.stages.discover import ID_PATTERN
from generator.stages.hints import an

DIALECT = "https://json-schema.org/draft/2020-12/schema"
IDS = "ids.schema.json"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def modeline(kind: str) -> str:
    """The first line of a content file of this kind, pointing editors at its schema."""
    up = "../../" if kind in KINDS else "../"  # content/<folder>/ or content/
    return f"# yaml-language-server: $schema={up}schemas/{file_name(kind)}"


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file, with the dialect named first and every
    reference to another file checked against the ids that exist."""
    generated = MODELS[kind].model_json_schema()
    for ref in KINDS[kind].refs if kind in KINDS else ():
        point_at_ids(generated, generated, ref.path, ref.target)
    return {"$schema": DIALECT, **generated}


def point_at_ids(root: dict[str, Any], node: dict[str, Any], path: tuple[str, ...],
                 target: str) -> None:
    """Follow a reference field's path through the schema (into `$defs`, list items
    and optional values) and make the id at its end one of the existing ids."""
    if "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    for option in node.get("anyOf", []):
        if option.get("type") != "null":
            point_at_ids(root, option, path, target)
    if not path:
        if node.get("type") == "string":
            description = node.get("description")
            node.clear()
            node["$ref"] = f"{IDS}#/$defs/{target}"
            node.update({"description": description} if description else {})
        return
    child = node.get("items") if path[0] == "*" else node.get("properties", {}).get(path[0])
    if child is not None:
        point_at_ids(root, child, path[1:], target)


def ids_schema(content: Path) -> dict[str, Any]:
    """The ids of every kind, from the file names in content/ (as discover sees them)."""
    defs = {}
    for kind in KINDS.values():
        ids = sorted(p.stem for p in (content / kind.folder).glob("*.yaml")
                     if ID_PATTERN.match(p.stem))
        defs[kind.name] = {
            "description": f"The id of {an(kind.name)}: the name of its file in "
                           f"content/{kind.folder}/ without .yaml.",
            "type": "string", "enum": ids,
            "errorMessage": f"no {kind.name} with this id: use the name of a file in "
                            f"content/{kind.folder}/ without .yaml, or create it with "
                            f"`explainer new {kind.name}`"}
    return {"$schema": DIALECT, "title": "The ids that exist in content/", "$defs": defs}


def as_text(value: dict[str, Any]) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def schema_texts(content: Path) -> dict[str, str]:
    """File name -> exact text of every schema file, deterministic."""
    texts = {file_name(kind): as_text(schema(kind)) for kind in sorted(MODELS)}
    return texts | {IDS: as_text(ids_schema(content))}


def write_ids(folder: Path, content: Path) -> bool:
    """Rewrite schemas/ids.schema.json (in a project that has schemas/) if the ids
    changed; True when it was rewritten."""
    text, path = as_text(ids_schema(content)), folder / IDS
    if not folder.is_dir() or path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write_schemas(folder: Path, content: Path, *, check_only: bool = False) -> int:
    """Write (or, with check_only, compare) the schema files; 1 when out of date."""
    texts = schema_texts(content)
    stale = [name for name, text in texts.items()
             if not (folder / name).is_file()
             or (folder / name).read_text(encoding="utf-8") != text]
    if check_only:
        for name in stale:
            print(f"schemas/{name} is out of date: run `explainer schema`", file=sys.stderr)
        return 1 if stale else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (folder / name).write_text(texts[name], encoding="utf-8")
    print(f"wrote {len(stale)} schema file(s) in {folder.name}/ "
          f"({len(texts) - len(stale)} unchanged)", file=sys.stderr)
    return 0
