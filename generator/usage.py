"""What the `explainer` command accepts: its commands, their options, and the help a
writer reads. The CLI (cli.py) parses with `parser()` and calls the stages."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from generator import __version__
from generator.kinds import KINDS
from generator.report import FORMATS
from generator.site.engine import DEFAULT, ENGINE_NAMES

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
              "with the site engine (MkDocs unless --engine says otherwise; strict), and "
              "index it for search. On any error docs/ and site/ stay as they were."),
    "linkcheck": ("check every internal link of the built site",
                  "Check every internal link and anchor of the built site; external "
                  "links are listed, never fetched."),
    "schema": ("(developers) write the JSON Schemas editors use",
               "Write the JSON Schemas of the content files into schemas/."),
}



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


def source_option(value: str) -> tuple[str, Path]:
    """`FILE` (every article) or `ARTICLE=FILE` (one article)."""
    article, _, path = value.rpartition("=")
    return article, Path(path)


ENGINE = ("--engine", {"choices": ENGINE_NAMES, "default": DEFAULT,
                       "help": f"the site engine that reads mkdocs.yml (default: {DEFAULT}); "
                               "properdocs and zensical come with make setup"})
SOURCE: dict[str, Any] = {"action": "append", "type": source_option, "default": [],
                          "metavar": "[ARTICLE=]FILE"}
OPTIONS: dict[str, list[tuple[str, dict[str, Any]]]] = {  # command: its arguments, in order
    "check": [
        ("files", {"nargs": "*", "type": Path, "metavar": "FILE",
                   "help": "report only these content files (default: all)"}),
        ("--format", {"choices": FORMATS, "default": "text",
                      "help": "text (default), github (Actions annotations) or json"}),
        ("--source", {**SOURCE, "help": "verify quotes against this plain-text copy of the "
                      "report (of one article, or of every article)"})],
    "verify": [
        ("--source", {**SOURCE, "help": "the plain-text report (of one article, or of every "
                      "article), when source.text does not point at it"})],
    "serve": [
        ("--dev-addr", {"default": "127.0.0.1:8000", "type": address,
                        "help": "host:port to serve on (port 0 picks a free one)"}),
        ENGINE],
    "new": [
        ("kind", {"choices": list(KINDS)}),
        ("name", {"help": 'the name or headline, e.g. "Richard Grenell"'})],
    "rename": [
        ("kind", {"choices": [k for k in KINDS if k != "article"]}),
        ("old", {"help": "the id it has now, e.g. richard-grenel"}),
        ("new", {"help": "the id it gets, e.g. richard-grenell"})],
    "status": [],
    "draft": [
        ("report", {"type": Path, "help": "the report's plain text, e.g. "
                    "../shared/seed/000_2fc7071a9cad3196.txt"}),
        ("--id", {"dest": "article_id", "help": "the article's id (default: from the "
                  "report's headline, or outlet, dateline and date)"}),
        ("--outlet", {"help": "the news organisation, when the report's dateline does not "
                      "name it"}),
        ("--date", {"type": day, "help": "the report's date, YYYY-MM-DD, to resolve "
                    "'on Sunday' and dates without a year"})],
    "generate": [],
    "build": [ENGINE],
    "linkcheck": [
        ("site", {"nargs": "?", "type": Path, "help": "built site (default: site/)"}),
        ("--site-url", {"help": "URL the site is published at (default: read from its "
                        "sitemap.xml)"})],
    "schema": [
        ("--check", {"action": "store_true", "help": "write nothing; fail if the committed "
                     "schemas are out of date"})],
}


def parser() -> argparse.ArgumentParser:
    """The whole command line: global options, then one sub-parser per command."""
    main_parser = argparse.ArgumentParser(
        prog="explainer", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--version", action="version",
                             version=f"explainer {__version__}")
    main_parser.add_argument("--root", type=Path, default=Path("."),
                             help="project folder (default: the current folder)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                          title="commands", help="one of:")
    for name, options in OPTIONS.items():
        summary, description = COMMANDS[name]
        command = commands.add_parser(name, help=summary, description=description)
        for flag, settings in options:
            command.add_argument(flag, **settings)
    return main_parser
