"""The `explainer` command: parse arguments, call a stage, report errors. Nothing else."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build as pipeline
from .errors import ContentError, ContentErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="project root (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate content/ and report every problem")
    commands.add_parser("generate", help="check, then write Markdown pages into docs/")
    commands.add_parser("build", help="generate, then build the site with MkDocs")
    serve = commands.add_parser("serve", help="preview the site, regenerating on edits")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    project = pipeline.Project(args.root.resolve())
    try:
        if args.command == "check":
            report(pipeline.check(project).warnings)
            print("content OK", file=sys.stderr)
        elif args.command == "generate":
            resolved, written = pipeline.generate(project)
            report(resolved.warnings)
            print(f"generated {len(written.written)} changed pages "
                  f"({written.unchanged} unchanged, {len(written.removed)} removed)",
                  file=sys.stderr)
        elif args.command == "build":
            resolved, _ = pipeline.build(project)
            report(resolved.warnings)
        elif args.command == "serve":
            from .serve import serve
            serve(project, args.dev_addr)
    except ContentErrors as exc:
        report(exc.errors)
        return 1
    except pipeline.BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def report(errors: list[ContentError]) -> None:
    for error in sorted(errors):
        print(error.format(), file=sys.stderr)
    count = sum(e.severity == "error" for e in errors)
    if count:
        print(f"{count} error(s) in content/", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
