"""`explainer draft REPORT.txt`: a draft article from the plain text of a news report.

It fills in only what the report states exactly (credits, dateline, quotations and
their speakers, the actors and weapons it names, ranges, dates, who says what) and
leaves every sentence in our own words to the writer, as `# to do` lines. Nothing is
written over an existing file; nothing needs a network or a model.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.authoring import scaffold
from generator.authoring.schema import modeline
from generator.authoring.slugs import slug
from generator.errors import ContentErrors, located
from generator.kinds import KINDS
from generator.pipeline import Project
from generator.stages.discover import display
from generator.stages.load import Unreadable, decode, read

from . import article, compose
from .entities import Entity, known
from .extract import Extraction, extract
from .text import excerpt

HEADLINE_WORDS = 8
SINGLE_QUOTES = re.compile(r"(?:^|[\s(])\u2018[^\u2019]{4,}\u2019")


class DraftError(ValueError):
    """The draft cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Drafted:
    path: Path
    """The article written."""
    made: list[Path]
    """Skeletons made for the speakers and weapons no file matched."""
    found: Extraction
    view: compose.ArticleView
    text: str
    """The article's YAML, as written."""


def draft(project: Project, report: Path, *, article_id: str | None = None,
          outlet: str | None = None, date: dt.date | None = None) -> Drafted:
    """Read the report, write content/articles/<id>.yaml and the skeletons it needs."""
    where = display(report, project.root)
    try:
        text = decode(read(report, where), where)           # at most 1 MB, UTF-8
    except Unreadable as exc:
        raise ContentErrors(list(exc.args[0])) from None
    if not text.strip():
        raise ContentErrors([located(where, 1, 1, "the report is empty",
                                     "save the report's plain text in this file")])
    entities = known(project.content, project.root)          # actors and weapons by name
    found = extract(text, entities, date, outlet)            # what the report states
    path = project.content / KINDS["article"].folder / \
        f"{choose_id(article_id, found, report)}.yaml"
    if path.exists():
        raise DraftError(f"{display(path, project.root)} already exists; edit it, or "
                         "give another id with --id")
    ids = new_ids(found, entities)                           # skeletons' ids
    shown = source_path(report, project.root)
    view = article.view(found, entities, ids, modeline("article"), shown, shown)
    yaml_text = compose.render(view)                         # the draft, commented
    made = make_skeletons(project, found, ids)               # never over a file
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(yaml_text)
    return Drafted(path, made, found, view, yaml_text)


def choose_id(given: str | None, found: Extraction, report: Path) -> str:
    """--id; else the report's headline; else outlet, dateline and date; else the file."""
    if given is not None:
        if slug(given) != given:
            raise DraftError(f"--id {given!r} is not an id: use lowercase words joined by "
                             f"hyphens, like {slug(given) or 'ruritania-tests'}")
        return given
    c = found.report.credits
    if found.report.headline:
        return slug(" ".join(found.report.headline.split()[:HEADLINE_WORDS]))
    if c.outlet and c.dateline and found.date:
        return slug(f"{c.outlet} {c.dateline.split(',')[0]} {found.date}")
    return slug(report.stem) or "draft"


def source_path(report: Path, root: Path) -> str:
    """The report's path from the project root, with /, as `source.text` wants it."""
    try:                                  # links kept: ../shared may be one
        return Path(os.path.relpath(os.path.abspath(report), os.path.abspath(root))
                    ).as_posix()
    except ValueError:                    # another drive: no relative path exists
        return Path(os.path.abspath(report)).as_posix()


def new_ids(found: Extraction, entities: list[Entity]) -> dict[tuple[str, str], str]:
    """An id for each new speaker and weapon (an existing file of that id is reused)."""
    ids = {}
    for kind, name in found.new:
        id_ = slug(name)
        if id_:
            ids[(kind, name)] = id_
    return ids


def make_skeletons(project: Project, found: Extraction,
                   ids: dict[tuple[str, str], str]) -> list[Path]:
    made = []
    for (kind, name), id_ in ids.items():
        if (project.content / KINDS[kind].folder / f"{id_}.yaml").exists():
            continue
        named = found.new[(kind, name)]
        p = named.paragraph
        details: dict[str, object] = {"pointer": compose.comment(
            f'named in the report, {article.where(p)}: '
            f'"{excerpt(p.text, named.start, named.end, words=4)}"'),
            "kind": named.category}
        given = article.ranges_of(found, f"new:{name}")
        if given:
            d = given[0]
            details["range"] = {"value": f"{d.value:g}", "unit": d.unit,
                                "qualifier": d.qualifier, "words": compose.comment(d.words)}
        made.append(scaffold.new(project, kind, name, report=details))
    return made


def to_do(drafted: Drafted) -> list[str]:
    """What the writer still has to write, one line per kind of field."""
    v = drafted.view
    lines = ["headline, standfirst, published, tags, in_short, summary, why_it_matters, "
             "unknowns"]
    missing = [f for f in ("outlet", "dateline") if not getattr(v.source, f)]
    missing += ["bylines"] if not v.source.bylines else []
    if missing:
        lines.append("source: " + ", ".join(missing))
    lines.append(f"key_facts: {count(len(v.key_facts) or 1, 'fact')} in our own words "
                 "(check each suggested status)")
    lines.append(f"roles: {count(len(v.actors), 'actor')}, {count(len(v.weapons), 'weapon')}"
                 + (f", {count(len(v.places), 'place')}" if v.places else ""))
    if v.quotes:
        parts = [f"{count(len(v.quotes), 'context')}"]
        parts += [f"{count(n, 'venue')}" for n in [sum(not q.venue for q in v.quotes)] if n]
        parts += [f"{count(n, 'speaker')} the report does not name" for n in
                  [sum(not q.speaker for q in v.quotes)] if n]
        parts += [f"{count(n, 'speaker')} to check" for n in
                  [sum(q.check for q in v.quotes)] if n]
        lines.append("quotes: " + ", ".join(parts))
    if v.timeline:
        undated = sum(not e.date for e in v.timeline)
        lines.append(f"timeline: {count(len(v.timeline), 'event')}" +
                     (f", {count(undated, 'date')} to resolve" if undated else ""))
    return lines


def notes(drafted: Drafted) -> list[str]:
    """What the draft left out or could not settle, for the writer to know."""
    found = drafted.found
    lines = [f"left out ¶{p.number}: {why}" for p, why in found.report.ignored]
    if found.date is None:
        lines.append(f"the report's date is {found.date_why}; relative dates "
                     "('on Sunday') are left to resolve")
    lines += [d.disagrees for d in found.distances if d.disagrees]
    if not found.quotes and any(SINGLE_QUOTES.search(p.text) for p in found.report.body):
        lines.append("the report marks quotations with single marks (‘…’), which the "
                     "draft does not read as quotations (’ is also the apostrophe): add "
                     "them under quotes: by hand")
    places = {p.name for p in drafted.view.proposed_places}
    if places:
        lines.append("cities the report names that content/places/ lacks: " + "; ".join(
            f"{p.name} ({p.where})" for p in drafted.view.proposed_places) +
            ' — `explainer new place "Name"` for any the explainer needs')
    others = {name: where for name, where in found.unmatched.items() if name not in places}
    if others:
        shown = [f"{name} ({', '.join(f'¶{n}' for n in where[:4])})"
                 for name, where in list(others.items())[:12]]
        lines.append("names no content file matches: " + "; ".join(shown) +
                     ' — `explainer new actor "Name"` for any the explainer needs')
    return lines


def summary(drafted: Drafted, root: Path) -> str:
    """What was drafted, what is left to write, and what the writer should know."""
    found, v = drafted.found, drafted.view
    speakers = sum(bool(q.speaker) for q in v.quotes)
    lines = [f"drafted {display(drafted.path, root)} (draft: true) from {v.report}",
             f"  found: {count(len(v.quotes), 'quotation')} ({speakers} with their "
             f"speaker), {count(len(v.actors), 'actor')}, {count(len(v.weapons), 'weapon')}, "
             + (f"{count(len(v.places), 'place')}, " if v.places is not None else "") +
             f"{count(len(v.key_facts), 'attributed sentence')}, "
             f"{count(len(v.timeline), 'date')}"]
    lines += [f"  made {display(p, root)}: fill it in (it is no draft: until then its "
              "empty fields are errors, which stop `explainer build`)" for p in drafted.made]
    lines += ["still to write (`explainer check` lists each one with its line, "
              "`explainer status` counts them):"]
    lines += [f"  - {line}" for line in to_do(drafted)]
    told = notes(drafted)
    if told:
        lines += ["notes:"] + [f"  - {line}" for line in told]
    del found
    return "\n".join(lines)


def count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


__all__ = ["DraftError", "Drafted", "draft", "notes", "summary", "to_do"]
