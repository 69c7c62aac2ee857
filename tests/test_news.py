"""What serve prints after a save: the problems it brought, the ones it fixed, no more."""

from __future__ import annotations

import io

from generator.errors import ContentError
from generator.site.news import News

A = "content/articles/a.yaml"


def problem(line: int, message: str, severity: str = "warning") -> ContentError:
    return ContentError(A, line, 1, message, "a hint", severity)  # type: ignore[arg-type]


def test_the_first_run_lists_everything_then_only_news():
    out = io.StringIO()
    news = News(out)
    news.problems([problem(3, "old one"), problem(9, "other")])
    assert out.getvalue() == (f"{A}:3:1: warning: old one\n    hint: a hint\n"
                              f"{A}:9:1: warning: other\n    hint: a hint\n"
                              "2 warnings in content/\n")
    out.truncate(0), out.seek(0)
    news.problems([problem(4, "old one"), problem(10, "other")])   # a line added above
    assert out.getvalue() == ""
    news.problems([problem(4, "old one"), problem(6, "new one", "error")])
    assert out.getvalue() == (f"{A}:6:1: error: new one\n    hint: a hint\n"
                              f"fixed: {A}: other\n"
                              "1 error, 1 warning in content/\n")
    out.truncate(0), out.seek(0)
    news.problems([])
    assert out.getvalue() == (f"fixed: {A}: new one\nfixed: {A}: old one\n"
                              "no problems left in content/\n")
