"""The changes feed: one Atom entry per status change, newest first.

Entries are handed to Pelican's own ``Writer.write_feed`` (feedgenerator's
Atom1Feed underneath), so FEED_DOMAIN, FEED_MAX_ITEMS and the feed signals
work as for every other feed of the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from .view import Item, StepView

FEED_TITLE = "What we learned from you"


@dataclass
class Change:
    """The attributes Pelican's writer reads from an article, for one status change."""

    title: str
    url: str
    date: dt.datetime
    category: str
    author: str
    body: Markup
    summary: str | None = None

    def get_content(self, siteurl: str) -> str:
        return str(self.body)


def changes(items: list[Item], author: str) -> list[Change]:
    found = []
    for item in items:
        for step in item.steps:
            found.append((step.date, step.index, item.id, change(item, step, author)))
    found.sort(key=lambda row: row[:3], reverse=True)
    return [row[3] for row in found]


def change(item: Item, step: StepView, author: str) -> Change:
    return Change(
        title=item.step_title(step),
        url=f"{item.url.split('#')[0]}#{step.anchor}",
        date=dt.datetime.combine(step.date, dt.time(12, 0)),
        category=item.theme,
        author=author,
        body=body(item, step),
    )


def body(item: Item, step: StepView) -> Markup:
    said = f"“{item.said}”" if item.consent == "quote" else f"Readers told us: {item.said}"
    parts = [Markup("<p><strong>You said:</strong> {}</p>").format(said),
             Markup("<p><strong>{}</strong> on {} ({}).</p>").format(step.label, step.date_text, item.people)]
    if step.note:
        parts.append(Markup("<p>{}</p>").format(step.note))
    current = step is item.steps[-1]
    if current and item.did_html and step.status != "heard":
        parts.append(Markup("<p><strong>{}:</strong></p>").format(item.did_label) + item.did_html)
    if current and item.reason and step.status == "declined":
        parts.append(Markup("<p><strong>Why not:</strong> {}</p>").format(item.reason))
    return Markup("").join(parts)
