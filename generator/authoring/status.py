"""`explainer status`: the articles the site does not show yet, and what each lacks.

A draft lists its to-dos (the required fields still empty) and its errors; a scheduled
article says the day it appears. The published articles are only counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from generator.errors import ContentError
from generator.pipeline import Project, check
from generator.render.filters import day
from generator.stages.release import held_back

SHOWN_TODOS = 4


def status(project: Project, today: dt.date | None = None) -> list[str]:
    """One line per draft or scheduled article, then a count."""
    today = today or dt.date.today()
    checked = check(project)
    content = checked.value.resolved.content
    todos = Counter(p.path for p in checked.todos)
    errors = Counter(p.path for p in checked.errors)
    named: dict[str, list[str]] = {p.path: [] for p in checked.todos}
    for problem in checked.todos:
        named[problem.path].append(field_of(problem))
    lines, held = [], Counter[str]()
    for id_, article in content.articles.items():
        why = held_back(article, today)
        if why is None:
            continue
        held[why] += 1
        path = content.document("article", id_).path
        lines.append(f"{why:<10} {path}: " + lacks(why, article.published, today,
                                                   named.get(path, []), errors[path]))
    published = len(content.articles) - sum(held.values())
    lines.append(f"held back: {held['draft']} draft(s), {held['scheduled']} scheduled; "
                 f"published: {published}"
                 + (f"; to do in all: {sum(todos.values())}" if todos else ""))
    return lines


def lacks(why: str, published: dt.date | None, today: dt.date, todo: list[str],
          errors: int) -> str:
    """What an article still needs before it appears."""
    parts = []
    if todo:
        shown = ", ".join(todo[:SHOWN_TODOS]) + (", …" if len(todo) > SHOWN_TODOS else "")
        parts.append(f"{len(todo)} to do ({shown})")
    if errors:
        parts.append(f"{errors} error(s): `explainer check` lists them")
    if why == "scheduled" and published is not None:
        parts.append(f"appears on {day(published)} (in {(published - today).days} days)")
    elif not parts:
        parts.append("nothing left to do: delete `draft: true` to publish it")
    return "; ".join(parts)


def field_of(problem: ContentError) -> str:
    """`standfirst` from "standfirst is empty", `kind` from "missing field 'kind'"."""
    message = problem.message
    if message.endswith(" is empty"):
        return message.removesuffix(" is empty")
    if "missing field '" in message:
        within, _, name = message.partition("missing field '")
        return within + name.rstrip("'")
    return message
