"""Print one benchmark result as a table of figures, each beside its target."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from typing import Any

LIBRARIES = ["mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "PyYAML",
             "pydantic", "Jinja2"]


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


def render(r: dict[str, Any]) -> str:
    """The figures for one N; times as wall-clock / CPU seconds, targets judged on CPU."""
    b, s, f = r["build"], r["sizes"], r["floor"]
    per_file_ms = b["generate_cpu_s"] * 1000 / b["content_files"]
    share = b["generate_cpu_s"] / b["cpu_s"] * 100
    ratio, ratio_wall = b["cpu_s"] / f["cpu_s"], b["wall_s"] / f["wall_s"]
    kb = 1024
    peak_gen, peak_mkdocs = b["generator_rss_kb"] / kb, b["mkdocs_rss_kb"] / kb
    rows = [
        (f"generator (load → write): {b['generate_s']:.2f} / {b['generate_cpu_s']:.2f} s, "
         f"{per_file_ms:.2f} ms per content file, {share:.1f} % of full build",
         per_file_ms <= 1 and share <= 10, "≤ 1 ms, ≤ 10 %"),
        (f"full build (generate + mkdocs build): {b['wall_s']:.2f} / {b['cpu_s']:.2f} s "
         f"(mkdocs {b['mkdocs_s']:.2f} / {b['mkdocs_cpu_s']:.2f} s)", True, ""),
        (f"plain-MkDocs floor ({f['pages']} pages): {f['wall_s']:.2f} / {f['cpu_s']:.2f} s, "
         f"ratio {ratio:.2f}× (wall-clock {ratio_wall:.2f}×)", ratio <= 1.5, "≤ 1.5×"),
        (f"HTML pages ({s['html_pages']}): average {s['html_avg_b'] / kb:.1f} KB, largest "
         f"{s['html_max_b'] / kb:.1f} KB ({s['html_max_page']})", s["html_avg_b"] <= 40 * kb,
         "average ≤ 40 KB"),
        (f"site/: {s['site_b'] / kb / kb:.1f} MB", True, ""),
        (f"search (Pagefind): {s['search_files']} files, {s['search_bundle_b'] / kb:.1f} KB "
         f"on disk, none fetched by a first page load", True, ""),
        (f"peak memory: generator {peak_gen:.0f} MB, mkdocs {peak_mkdocs:.0f} MB",
         max(peak_gen, peak_mkdocs) <= 300, "≤ 300 MB"),
        (f"no-op regeneration: {len(r['noop'])} files written", not r["noop"], "0"),
    ] + edit_rows(r)
    head = (f"N = {r['n']} articles: {b['content_files']} content files, "
            f"{b['pages']} generated pages (times: wall-clock / CPU; load average "
            f"{r['load_average'][0]:.1f} at the start)")
    lines = [head] + [f"  [{mark(ok)}] {text}" + (f"  (target {target})" if target else "")
                      for text, ok, target in rows]
    return "\n".join(lines)


def edit_rows(r: dict[str, Any]) -> list[tuple[str, bool, str]]:
    body, headline, inc = r["edit_body"], r["edit_headline"], r["incremental"]
    rows = [
        (f"one-article edit (a key fact): {len(body['written'])} files rewritten "
         f"({', '.join(body['written'])}) in {body['wall_s']:.2f} / {body['cpu_s']:.2f} s",
         len(body["written"]) == 1, "only the article page"),
        (f"one-article edit (the headline): {len(headline['written'])} files rewritten "
         f"in {headline['wall_s']:.2f} / {headline['cpu_s']:.2f} s", True, ""),
        (f"regenerate + mkdocs build --dirty after a key-fact edit: "
         f"{inc['wall_s']:.2f} / {inc['cpu_s']:.2f} s", True, ""),
    ]
    preview = r.get("preview")
    if preview:
        shown = preview["edit_shown_s"]
        text = "never (timed out)" if shown is None else f"{shown:.2f} s"
        first = preview["first_page_s"]
        first_text = "never" if first is None else f"{first:.1f} s"
        rows.append((f"explainer serve: first page after {first_text}; YAML save → "
                     f"changed page served in {text}", shown is not None and shown <= 3,
                     "≤ 3 s"))
    return rows
