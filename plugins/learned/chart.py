"""The status summary as an inline SVG bar chart, drawn at build time.

Two panels side by side, items and people, one row per status. Colours come
from CSS classes in site.css (light and dark); ``fill="currentColor"`` is the
fallback. No style attributes: the Content-Security-Policy forbids them.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .view import StatusCount

WIDTH = 640
ROW = 34
TOP = 34
LABEL_RIGHT = 112
PANELS = (("items", "Items", 124), ("people", "People", 388))
BAR_MAX = 200
BAR_HEIGHT = 16


def bar_chart(counts: list[StatusCount], chart_id: str = "learned-chart") -> Markup:
    height = TOP + ROW * len(counts) + 8
    maxima = {"items": max((len(c.items) for c in counts), default=0),
              "people": max((c.people for c in counts), default=0)}
    summary = "; ".join(f"{c.label}: {items(len(c.items))} from {people(c.people)}" for c in counts)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="learned-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">Feedback by status: items and people</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}.</desc>',
    ]
    for _key, heading, left in PANELS:
        parts.append(f'<text class="chart-heading" x="{left}" y="18" fill="currentColor" '
                     f'font-size="14" font-weight="bold">{heading}</text>')
    for row, count in enumerate(counts):
        y = TOP + row * ROW
        middle = y + BAR_HEIGHT / 2 + 5
        parts.append(f'<g class="chart-row chart-{count.status}">')
        parts.append(f'<text class="chart-label" x="{LABEL_RIGHT}" y="{middle:g}" text-anchor="end" '
                     f'fill="currentColor" font-size="14">{escape(count.label)}</text>')
        for key, _, left in PANELS:
            value = len(count.items) if key == "items" else count.people
            width = round(BAR_MAX * value / maxima[key], 1) if maxima[key] else 0
            parts.append(f'<rect class="chart-bar chart-bar-{key}" x="{left}" y="{y}" width="{width:g}" '
                         f'height="{BAR_HEIGHT}" rx="2" fill="currentColor"/>')
            parts.append(f'<text class="chart-value" x="{left + width + 6:g}" y="{middle:g}" '
                         f'fill="currentColor" font-size="14">{value}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def items(number: int) -> str:
    return "1 item" if number == 1 else f"{number} items"


def people(number: int) -> str:
    return "1 person" if number == 1 else f"{number} people"
