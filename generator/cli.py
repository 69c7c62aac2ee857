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
from generator.authoring.schema import write_ids
from generator.authoring.slugs import slug
from generator.errors import ContentErrors
from generator.report import only, report
from generator.stages.discover import display
from generator.usage import parser


def main(argv: list[str] | None = None) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    project = pipeline.Project(args.root.resolve())
    if args.command not in ("schema", "linkcheck") and not project.content.is_dir():
        cli.error(f"no content/ folder in {project.root}; run explainer from the project "
                  "root or pass --root")
    if args.command == "check":
        try:
            args.chosen = named_files(project, args.files)
        except ValueError as exc:
            cli.error(str(exc))
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
        return check(project, args)
    if args.command == "verify":
        checked, recorded = pipeline.record(project, dict(args.source))
        report(checked.warnings)
        print(f"recorded {len(recorded)} article(s): {', '.join(recorded)}" if recorded else
              "the verification records are up to date", file=sys.stderr)
        return 0
    if args.command == "status":
        from generator.authoring.status import status
        print("\n".join(status(project)))
        return 0
    if args.command == "generate":
        checked, written = pipeline.generate(project)
        report(checked.warnings)
        print(f"generated {len(written.written)} changed pages "
              f"({written.unchanged} unchanged, {len(written.removed)} removed)",
              file=sys.stderr)
    elif args.command == "build":
        checked, _ = pipeline.build(project, engine_name=args.engine)
        report(checked.warnings)
    elif args.command == "serve":
        from generator.site.serve import serve
        host, port = args.dev_addr
        return serve(project, host, port, args.engine)
    elif args.command == "schema":
        from generator.authoring.schema import write_schemas
        return write_schemas(project.schemas, project.content, check_only=args.check)
    elif args.command == "linkcheck":
        from generator.site.linkcheck import run as linkcheck
        return linkcheck(args.site or project.site, args.site_url)
    elif args.command in ("new", "rename", "draft"):
        return author(project, args)
    return 0


def author(project: pipeline.Project, args: argparse.Namespace) -> int:
    """`new`, `rename` and `draft`: change content/, then the ids the editor offers."""
    if args.command == "draft":
        from generator.authoring.draft import draft, summary
        drafted = draft(project, args.report, article_id=args.article_id,
                        outlet=args.outlet, date=args.date)
        message = summary(drafted, project.root)
    elif args.command == "rename":
        from generator.authoring.rename import rename
        done = rename(project, args.kind, args.old, args.new)
        message = (f"renamed {display(done.old, project.root)} to "
                   f"{display(done.new, project.root)}: {done.references} reference(s) in "
                   f"{done.files} file(s) updated; the old page's address redirects to the "
                   "new one")
    else:
        from generator.authoring.scaffold import new
        path = new(project, args.kind, args.name)
        message = (f"created {path.relative_to(project.root).as_posix()}: fill it in, then "
                   "run `explainer check`")
    write_ids(project.schemas, project.content)
    print(message, file=sys.stderr)
    return 0


def check(project: pipeline.Project, args: argparse.Namespace) -> int:
    """Report every problem (of the files named, if any); 1 when one is an error."""
    write_ids(project.schemas, project.content)     # the editor offers the ids there are
    checked = pipeline.check(project, dict(args.source))
    shown = only(sorted(checked.problems), args.chosen)
    if any(p.severity == "error" for p in shown):
        raise ContentErrors(shown)
    elsewhere = len(checked.errors)                 # all in files not named
    report(shown, args.format)
    if args.format == "text":
        todos = sum(p.severity == "todo" for p in shown)
        print("content OK" + (" (with warnings)" if len(shown) > todos else "") + (
            f"; {todos} to-do(s) in drafts: `explainer status` sums them up" if todos
            else "") + (
            f"; other files have {elsewhere} error(s): `explainer check` lists them"
            if elsewhere else ""), file=sys.stderr)
    return 0


def named_files(project: pipeline.Project, files: list[Path]) -> set[str] | None:
    """The content files named on the command line, as problems name them."""
    if not files:
        return None
    chosen = set()
    for file in files:
        path = file if file.is_absolute() else Path.cwd() / file
        if not path.is_file() or not path.resolve().is_relative_to(project.content.resolve()):
            raise ValueError(f"{file} is not a file in content/")
        chosen.add(display(path, project.root))
    return chosen


if __name__ == "__main__":
    sys.exit(main())
