"""The weapon-range chart as inline SVG, from the geometry `charts.py` lays out.

It was the macro `partials/_chart.svg.j2`, some 0.1 of the 1.4 CPU s spent filling the pages
of 1,000 articles (a chart on most articles, some forty values each). Names are escaped by
`escape.inline` and every other value by markupsafe, as the template's filters did;
the SVG is the same, byte for byte.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.render.charts import RangeChart
from generator.render.escape import inline
from generator.render.filters import distance, short_distance


def range_chart(ch: RangeChart) -> Markup:
    """`{{ m.range_chart(chart) }}`: the chart in a figure, with its caption."""
    bars = "; ".join(f"{inline(b.name)} {escape(distance(b.range))}" for b in ch.bars)
    missing = (f" No range given for {', '.join(str(inline(n)) for n in ch.missing)}."
               if ch.missing else "")
    bottom = ch.axis_bottom
    return Markup(
        f'<figure class="ex-chart">\n<svg class="ex-chart__svg" viewBox="0 0 '
        f'{ch.width} {ch.height}" role="img" aria-labelledby="ex-chart-title '
        'ex-chart-desc">\n<title id="ex-chart-title">Weapon ranges in miles and '
        'kilometres</title>\n<desc id="ex-chart-desc">Bar chart of maximum range, '
        f"longest first: {bars}.{missing}</desc>\n"
        f'<g class="ex-chart__grid" transform="translate({ch.plot_left} 0)">\n'
        + "".join(f'<line x1="{t.x}" x2="{t.x}" y1="{bottom}" y2="{bottom + 5}"/>\n'
                  f'<text x="{t.x}" y="{bottom + 18}" text-anchor="middle">'
                  f"{escape(t.label)}</text>\n" for t in ch.km_ticks)
        + "".join(f'<line x1="{t.x}" x2="{t.x}" y1="30" y2="{bottom}"/>\n'
                  f'<text x="{t.x}" y="22" text-anchor="middle">{escape(t.label)}</text>\n'
                  for t in ch.mile_ticks)
        + f'<line class="ex-chart__axis" x1="0" x2="{ch.plot_width}" y1="{bottom}" '
        f'y2="{bottom}"/>\n</g>\n'
        f'<text class="ex-chart__unit" x="{ch.plot_left - 14}" y="22" '
        'text-anchor="end">miles</text>\n'
        f'<text class="ex-chart__unit" x="{ch.plot_left - 14}" y="{bottom + 18}" '
        'text-anchor="end">km</text>\n'
        + "".join(f'<g class="ex-chart__bar">\n<text class="ex-chart__name" '
                  f'x="{ch.label_width}" y="{b.y + 17}" text-anchor="end">'
                  f"{inline(b.name)}</text>\n"
                  f'<rect x="{ch.plot_left}" y="{b.y + 2}" width="{b.length:.1f}" '
                  'height="22" rx="2"/>\n'
                  f'<text class="ex-chart__value" x="{ch.plot_left + b.length + 6:.1f}" '
                  f'y="{b.y + 17}">{escape(short_distance(b.range))}</text>\n</g>\n'
                  for b in ch.bars)
        + "</svg>\n<figcaption>Maximum range, in miles (top scale) and kilometres "
        f"(bottom scale).{missing}</figcaption>\n</figure>\n")
