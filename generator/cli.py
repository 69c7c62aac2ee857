"""The `explainer` command: parse arguments, call a stage, report errors. Nothing else.

Exit status: 0 when content is clean (warnings allowed), 1 when it has errors,
2 for wrong usage. A writer never sees a Python traceback (EXPLAINER_DEBUG=1 shows it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from generator import __version__, pipeline
from generator.authoring.schema import write_ids
from generator.authoring.slugs import slug
from generator.errors import ContentErrors
from generator.kinds import KINDS
from generator.report import FORMATS, only, report
from generator.stages.discover import display

DESCRIPTION = """\
Turn the YAML files in content/ into the explainer website, and help you write them.
Run it from the project folder (or pass --root)."""
EPILOG = """\
examples:
  explainer draft ../shared/seed/REPORT.txt --date 2024-11-17
                                    start an article from its report
  explainer new article "Ruritania tests a new missile"
  explainer serve                   preview at http://127.0.0.1:8000/, updated as you save
  explainer check                   list every problem in content/
  explainer check content/articles/ruritania-tests-a-new-missile.yaml
  explainer rename actor richard-grenel richard-grenell
  explainer build                   check, then build the site into site/
  explainer verify                  record the quotes checked against the report

exit status:
  0  no errors (warnings are allowed)
  1  the content has errors, or the build failed; each error names its file and line
  2  the command was used wrongly (unknown command or option, missing argument)

`explainer COMMAND --help` explains one command."""
COMMANDS = {  # name: (one line for the list of commands, what the command does)
    "check": ("list every problem in content/ (or in the files named)",
              "Read every content file and list every problem at once, each at its file "
              "and line with a hint. Files named are reported alone, still checked "
              "against all of content/."),
    "serve": ("preview the site, updated each time you save a file",
              "Build the site and serve it on your computer; every save in content/ "
              "regenerates the pages it changes, and the browser reloads by itself."),
    "draft": ("start an article from the plain text of its news report",
              "Write content/articles/<id>.yaml with draft: true from a news report: its "
              "credits, quotations with their speakers, the actors, weapons and dates it "
              "names, and who says what. Everything in our own words is left as a to-do. "
              "An existing file is never overwritten."),
    "new": ("create a content file to fill in: article, actor or weapon",
            "Create content/<kind>s/<id>.yaml from a commented skeleton; the id comes "
            "from the name. An existing file is never overwritten."),
    "verify": ("record which quotes and figures match the source report",
               "Check the quotes and the figures of key facts against the source reports at "
               "hand and write what was verified to content/verification/<article>.json. "
               "Commit it: a site built without the reports (as on GitHub) then shows "
               "those quotes as verified, and any edited since as unverified."),
    "rename": ("give an actor, weapon or place a new id, everywhere at once",
               "Rename content/<kind>s/OLD.yaml to NEW.yaml and every reference to OLD in "
               "content/; the old page's address redirects to the new one. The content "
               "must be free of errors first, and NEW must not exist."),
    "status": ("list the drafts and scheduled articles, and what each still lacks",
               "List every article the site does not show yet: drafts, with the fields "
               "still to fill in, and scheduled articles, with the day they appear."),
    "generate": ("write the Markdown pages into docs/ (no website)",
                 "Check the content, then write the Markdown pages into docs/; only "
                 "pages whose text changed are rewritten."),
    "build": ("check, generate and build the website into site/",
              "Check the content, generate the pages and build the website into site/ "
              "with MkDocs (strict). On any error docs/ and site/ stay as they were."),
    "linkcheck": ("check every internal link of the built site",
                  "Check every internal link and anchor of the built site; external "
                  "links are listed, never fetched."),
    "schema": ("(developers) write the JSON Schemas editors use",
               "Write the JSON Schemas of the content files into schemas/."),
}


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="explainer", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--version", action="version",
                             version=f"explainer {__version__}")
    main_parser.add_argument("--root", type=Path, default=Path("."),
                             help="project folder (default: the current folder)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                          title="commands", help="one of:")

    def command(name: str) -> argparse.ArgumentParser:
        summary, description = COMMANDS[name]
        return commands.add_parser(name, help=summary, description=description)

    check = command("check")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE",
                       help="report only these content files (default: all)")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text (default), github (Actions annotations) or json")
    check.add_argument("--source", action="append", type=source_option, default=[],
                       metavar="[ARTICLE=]FILE",
                       help="verify quotes against this plain-text copy of the report "
                            "(of one article, or of every article)")
    record = command("verify")
    record.add_argument("--source", action="append", type=source_option, default=[],
                        metavar="[ARTICLE=]FILE",
                        help="the plain-text report (of one article, or of every article), "
                             "when source.text does not point at it")
    serve = command("serve")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", type=address,
                       help="host:port to serve on (port 0 picks a free one)")
    new = command("new")
    new.add_argument("kind", choices=list(KINDS))
    new.add_argument("name", help='the name or headline, e.g. "Richard Grenell"')
    rename = command("rename")
    rename.add_argument("kind", choices=[k for k in KINDS if k != "article"])
    rename.add_argument("old", help="the id it has now, e.g. richard-grenel")
    rename.add_argument("new", help="the id it gets, e.g. richard-grenell")
    command("status")
    draft = command("draft")
    draft.add_argument("report", type=Path, help="the report's plain text, e.g. "
                       "../shared/seed/000_2fc7071a9cad3196.txt")
    draft.add_argument("--id", dest="article_id", help="the article's id (default: "
                       "from the report's headline, or outlet, dateline and date)")
    draft.add_argument("--outlet", help="the news organisation, when the report's "
                       "dateline does not name it")
    draft.add_argument("--date", type=day, help="the report's date, YYYY-MM-DD, to "
                       "resolve 'on Sunday' and dates without a year")
    command("generate")
    command("build")
    links = command("linkcheck")
    links.add_argument("site", nargs="?", type=Path, help="built site (default: site/)")
    links.add_argument("--site-url", help="URL the site is published at "
                       "(default: read from its sitemap.xml)")
    schema = command("schema")
    schema.add_argument("--check", action="store_true",
                        help="write nothing; fail if the committed schemas are out of date")
    return main_parser


def day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2024-11-17, not {text!r}"
                                         ) from None


def address(text: str) -> tuple[str, int]:
    """`--dev-addr host:port` as (host, port); port 0 lets serve pick a free one."""
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        raise argparse.ArgumentTypeError(f"expected host:port like 127.0.0.1:8000, not {text!r}")
    return host, int(port)


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
        checked, _ = pipeline.build(project)
        report(checked.warnings)
    elif args.command == "serve":
        from generator.site.serve import serve
        return serve(project, *args.dev_addr)
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


def source_option(value: str) -> tuple[str, Path]:
    """`FILE` (every article) or `ARTICLE=FILE` (one article)."""
    article, _, path = value.rpartition("=")
    return article, Path(path)


if __name__ == "__main__":
    sys.exit(main())
