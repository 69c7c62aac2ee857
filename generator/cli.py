"""The `explainer` command: parse arguments, call a stage, report errors. Nothing else.

Exit status: 0 when content is clean (warnings allowed), 1 when it has errors,
2 for wrong usage. A writer never sees a Python traceback (EXPLAINER_DEBUG=1 shows it).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import pipeline
from generator.authoring.scaffold import slug
from generator.errors import ContentErrors
from generator.kinds import KINDS
from generator.report import FORMATS, report


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="explainer", description=__doc__.split("\n")[0])
    main_parser.add_argument("--root", type=Path, default=Path("."),
                             help="project root (default: current folder)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate content/ and report every problem")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text (default), github (Actions annotations) or json")
    check.add_argument("--source", action="append", type=source_option, default=[],
                       metavar="[ARTICLE=]FILE",
                       help="verify quotes against this plain-text copy of the report "
                            "(of one article, or of every article)")
    commands.add_parser("generate", help="check, then write Markdown pages into docs/")
    commands.add_parser("build", help="generate, then build the site with MkDocs")
    serve = commands.add_parser("serve", help="preview the site, regenerating on edits")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", type=address,
                       help="host:port to serve on (port 0 picks a free one)")
    schema = commands.add_parser("schema", help="write the JSON Schemas into schemas/")
    schema.add_argument("--check", action="store_true",
                        help="write nothing; fail if the committed schemas are out of date")
    new = commands.add_parser("new", help="create a commented skeleton content file")
    new.add_argument("kind", choices=list(KINDS))
    new.add_argument("name", help='the name or headline, e.g. "Richard Grenell"')
    links = commands.add_parser("linkcheck", help="check every internal link and anchor "
                                "of the built site; list external links")
    links.add_argument("site", nargs="?", type=Path, help="built site (default: site/)")
    links.add_argument("--site-url", help="URL the site is published at "
                       "(default: read from its sitemap.xml)")
    return main_parser


def address(text: str) -> str:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        raise argparse.ArgumentTypeError(f"expected host:port like 127.0.0.1:8000, not {text!r}")
    return text


def main(argv: list[str] | None = None) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    project = pipeline.Project(args.root.resolve())
    if args.command not in ("schema", "linkcheck") and not project.content.is_dir():
        cli.error(f"no content/ folder in {project.root}; run explainer from the project "
                  "root or pass --root")
    if args.command == "new" and not slug(args.name):
        cli.error(f"cannot make an id from {args.name!r}: use letters or digits")
    try:
        return run(args, project)
    except ContentErrors as exc:
        report(exc.errors, getattr(args, "format", "text"))
        return 1
    except (pipeline.BuildFailed, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("EXPLAINER_DEBUG"):
            raise
        print(f"explainer: unexpected error ({type(exc).__name__}: {exc}). This is a bug "
              "in explainer; set EXPLAINER_DEBUG=1 to see where it happened.", file=sys.stderr)
        return 1


def run(args: argparse.Namespace, project: pipeline.Project) -> int:
    """Call the command's implementation; problems come back as exceptions."""
    if args.command == "check":
        warnings = pipeline.check(project, dict(args.source)).warnings
        report(warnings, args.format)
        if args.format == "text":
            print("content OK" + (" (with warnings)" if warnings else ""), file=sys.stderr)
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
        from generator.site.serve import serve
        return serve(project, args.dev_addr)
    elif args.command == "schema":
        from generator.authoring.schema import write_schemas
        return write_schemas(project.root / "schemas", check_only=args.check)
    elif args.command == "linkcheck":
        from generator.site.linkcheck import run as linkcheck
        return linkcheck(args.site or project.site, args.site_url)
    elif args.command == "new":
        from generator.authoring.scaffold import new
        path = new(project, args.kind, args.name)
        print(f"created {path.relative_to(project.root).as_posix()}: fill it in, then run "
              "`explainer check`", file=sys.stderr)
    return 0


def source_option(value: str) -> tuple[str, Path]:
    """`FILE` (every article) or `ARTICLE=FILE` (one article)."""
    article, _, path = value.rpartition("=")
    return article, Path(path)


if __name__ == "__main__":
    sys.exit(main())
