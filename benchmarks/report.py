"""Print one benchmark result as a table of figures, each beside its target."""

from __future__ import annotations

import math
import os
import platform
from importlib import metadata
from typing import Any

LIBRARIES = ["mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "PyYAML",
             "pydantic", "Jinja2", "pagefind-bin", "properdocs", "zensical"]


def machine() -> str:
    """nproc, CPU model, RAM, Python and library versions."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = ", ".join(f"{name} {version(name)}" for name in LIBRARIES)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"machine: {os.cpu_count()} CPUs ({cpu}), {ram:.1f} GiB RAM, "
            f"Python {platform.python_version()} on {platform.system()}, "
            f"load average {load}\n"
            f"libraries: {versions}")


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def mark(ok: bool) -> str:
    return "ok " if ok else "MISS"


def row(ok: bool | None, text: str, target: str = "") -> str:
    """One printed figure: [ok ] or [MISS] when it has a target, its target after it."""
    flag = "    " if ok is None else f"[{mark(ok)}]"
    return f"  {flag} {text}" + (f"  (target {target})" if target else "")


def render(r: dict[str, Any]) -> str:
    """The figures for one N. Times are CPU seconds (medians of the runs), wall-clock in
    brackets; targets are judged on CPU time, which the machine's other work moves less."""
    b, y = r["build"], r["yaml"]
    head = (f"N = {r['n']} articles: {b['content_files']} content files, {b['pages']} "
            f"generated pages; median of {r['repeats']} (CPU s, wall-clock in brackets); "
            f"load average {r['load_average'][0]:.1f} at the start")
    per_file_ms = b["generate_cpu_s"] * 1000 / b["content_files"]
    lines = [head, row(per_file_ms <= 3, (
        f"generate: {b['generate_cpu_s']:.2f} s ({b['generate_s']:.2f} s), "
        f"{per_file_ms:.2f} ms per content file; ÷ libyaml's load of the same files "
        f"({y['load_cpu_s']:.2f} s): {b['generate_cpu_s'] / y['load_cpu_s']:.1f}×; "
        f"of it in the kernel {b.get('generate_sys_s', 0.0):.2f} s"),
        "≤ 3 ms per content file")]
    if "floor" not in r:
        lines.append(row(None, build_text(b)))
        lines.append(memory_row(b))
        return "\n".join(lines)
    f = r["floor"]
    ratio = b["cpu_s"] / f["cpu_s"]
    lines += [
        row(ratio <= 2, f"{build_text(b)}; ÷ floor: {ratio:.2f}× (wall-clock "
            f"{b['wall_s'] / f['wall_s']:.2f}×)", "≤ 2× the floor"),
        row(None, f"floor, the same {f['pages']} pages and {f['words']:,} visible words as "
            f"plain paragraphs: {f['cpu_s']:.2f} s ({f['wall_s']:.2f} s) = MkDocs "
            f"{f['mkdocs_cpu_s']:.2f} + Pagefind {f['search_cpu_s']:.2f}"),
        memory_row(b, f),
    ] + size_rows(r) + edit_rows(r)
    return "\n".join(lines)


def build_text(b: dict[str, Any]) -> str:
    rest = b["cpu_s"] - b["generate_cpu_s"] - b["mkdocs_cpu_s"] - b["search_cpu_s"]
    return (f"full build: {b['cpu_s']:.2f} s ({b['wall_s']:.2f} s) = generate "
            f"{b['generate_cpu_s']:.2f} + MkDocs {b['mkdocs_cpu_s']:.2f} + Pagefind "
            f"{b['search_cpu_s']:.2f} + Python start-up {rest:.2f}")


def memory_row(b: dict[str, Any], floor: dict[str, Any] | None = None) -> str:
    """The peak memory of each process of the build (each runs apart), and the floor's
    Pagefind beside ours: what indexing that many words costs whatever the pages."""
    gen, engine = b["generator_rss_kb"] / 1024, b["mkdocs_rss_kb"] / 1024
    index = b.get("search_rss_kb", 0) / 1024
    beside = f" (the floor's {floor['search_rss_kb'] / 1024:.0f} MB)" \
        if floor and "search_rss_kb" in floor else ""
    return row(max(gen, engine, index) <= 300, f"peak memory: generate {gen:.0f} MB, "
               f"MkDocs {engine:.0f} MB, Pagefind {index:.0f} MB{beside}", "≤ 300 MB")


def size_rows(r: dict[str, Any]) -> list[str]:
    s, kb = r["sizes"], 1024
    rows = [row(None, f"HTML pages ({s['html_pages']}): average {s['html_avg_b'] / kb:.1f} "
                      f"KB, largest {s['html_max_b'] / kb:.1f} KB ({s['html_max_page']}); "
                      f"site/ {s['site_b'] / kb / kb:.1f} MB")]
    q = r.get("search")
    if q is None:
        return rows + [row(None, "search bytes: not measured (no Playwright or Chromium)")]
    return rows + [row(q["first_load_b"] == 0 and q["query_gz_b"] <= 300 * kb, (
        f"search: first page load fetches {q['first_load_b'] / kb:.0f} KB of an index; one "
        f"query (\"{q['query']}\", {q['results']}) {q['files']} files, "
        f"{q['query_b'] / kb:.0f} KB ({q['query_gz_b'] / kb:.0f} KB gzip)"),
        "nothing on first load, ≤ 300 KB gzip per query")]


def edit_rows(r: dict[str, Any]) -> list[str]:
    body, headline, inc = r["edit_body"], r["edit_headline"], r["incremental"]
    rows = [
        row(not r["noop"], f"no-op regeneration: {len(r['noop'])} files written", "0"),
        row(len(body["written"]) == 1, f"one-article edit (a key fact): "
            f"{len(body['written'])} files rewritten ({', '.join(body['written'])}) in "
            f"{body['cpu_s']:.2f} s "
            f"({body['wall_s']:.2f} s)", "only the article page"),
        row(None, f"one-article edit (the headline): {len(headline['written'])} files "
                  f"rewritten in {headline['cpu_s']:.2f} s ({headline['wall_s']:.2f} s)"),
        row(None, f"regenerate + mkdocs build --dirty after a key-fact edit: "
                  f"{inc['cpu_s']:.2f} s ({inc['wall_s']:.2f} s)"),
    ]
    preview = r.get("preview")
    if preview:
        rows += preview_rows(preview)
    return rows + engine_rows(r.get("engines", {}))


def preview_rows(preview: dict[str, Any]) -> list[str]:
    """Save -> page shown (the target) and save -> found by the preview's search."""
    shown, first = preview["edit_shown_s"], preview["first_page_s"]
    found = preview.get("edit_searchable_s")
    count = len(preview.get("edits", ())) or 1
    return [row(shown is not None and shown <= 1.5, (
        f"preview: explainer serve shows its first page after "
        f"{'never' if first is None else f'{first:.1f} s'}; a saved edit is served "
        f"after {'never (timed out)' if shown is None else f'{shown:.2f} s'} "
        f"(wall-clock, median of {count})"), "≤ 1.5 s"),
        row(None, f"preview: a saved edit is found by the preview's search after "
                  f"{'never (timed out)' if found is None else f'{found:.2f} s'} "
                  f"(wall-clock, median of {count})")]


def engine_rows(engines: dict[str, dict[str, float]]) -> list[str]:
    """Each engine's clean and incremental build of the same docs/, beside MkDocs'."""
    mkdocs = engines.get("mkdocs")
    rows = []
    for name, e in engines.items():
        ratios = (f"; ÷ MkDocs: {e['clean_cpu_s'] / mkdocs['clean_cpu_s']:.2f}× clean, "
                  f"{e['dirty_cpu_s'] / mkdocs['dirty_cpu_s']:.2f}× incremental"
                  if mkdocs and name != "mkdocs" else "")
        rows.append(row(None, f"engine {name} {version(name)}: clean strict build "
                              f"{e['clean_cpu_s']:.2f} s ({e['clean_wall_s']:.2f} s), after "
                              f"a key-fact edit {e['dirty_cpu_s']:.2f} s "
                              f"({e['dirty_wall_s']:.2f} s){ratios}"))
    return rows


def scaling(results: list[dict[str, Any]]) -> str:
    """How each cost grows with N: the exponent k of N^k between successive sizes."""
    figures = {"generate CPU": lambda r: r["build"]["generate_cpu_s"],
               "full build CPU": lambda r: r["build"]["cpu_s"],
               "generate memory": lambda r: r["build"]["generator_rss_kb"],
               "MkDocs memory": lambda r: r["build"]["mkdocs_rss_kb"],
               "Pagefind memory": lambda r: r["build"].get("search_rss_kb", 1)}
    sizes = " → ".join(f"{r['n']:,}" for r in results)
    lines = [f"scaling, N = {sizes} (exponent k of N^k; 1 is linear):"]
    for name, value in figures.items():
        steps = [math.log(value(b) / value(a)) / math.log(b["n"] / a["n"])
                 for a, b in zip(results, results[1:], strict=False)]
        lines.append(row(all(k <= 1.15 for k in steps), f"{name}: " + ", ".join(
            f"{k:.2f}" for k in steps), "≤ 1.15, linear in N"))
    return "\n".join(lines)
