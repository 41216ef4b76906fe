"""What the templates and the feed get: items ready to show, grouped and counted.

Reader text is redacted here and otherwise left as plain text for Jinja to
escape; team Markdown is rendered and sanitised. Templates only loop.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup

from sitekit.redact import redact
from sitekit.slugs import slugify

from .checks import is_url
from .defaults import setting
from .model import STATUS_LABELS, STATUSES, Feedback
from .render import first_sentence, markdown_to_html, plain

DID_LABELS = {"heard": "What happens next", "planned": "We plan to", "in_progress": "We are doing",
              "shipped": "We did", "declined": "What we decided"}
SOURCE_LABELS = {"survey": "in a survey", "email": "by email", "comment": "in comments",
                 "support": "through support", "event": "at an event", "interview": "in interviews",
                 "social": "on social media"}


@dataclass
class Link:
    title: str
    url: str
    external: bool


@dataclass
class StepView:
    status: str
    date: dt.date
    date_text: str
    note: str | None
    anchor: str
    index: int

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Item:
    id: str
    theme: str
    theme_slug: str
    theme_url: str
    url: str
    said: str
    consent: str
    count: int
    status: str
    source: str
    did_html: Markup | None
    reason: str | None
    received: dt.date
    received_text: str
    updated: dt.date
    updated_text: str
    steps: list[StepView]
    links: list[Link] = field(default_factory=list)
    articles: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"fb-{self.id}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def did_label(self) -> str:
        return DID_LABELS[self.status]

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS[self.source]

    @property
    def people(self) -> str:
        return "1 person" if self.count == 1 else f"{self.count} people"

    # said, did_html and status never change once the item is made, so the
    # sentences are worked out once, not on every page and feed entry.
    @functools.cached_property
    def said_line(self) -> str:
        sentence = first_sentence(self.said)
        return f"“{sentence}”" if self.consent == "quote" else f"Readers told us: {sentence}"

    @functools.cached_property
    def did_sentence(self) -> str:
        return first_sentence(plain(self.did_html)) if self.did_html else ""

    @property
    def headline(self) -> str:
        """Short plain text naming the item: what we did, or what we heard while heard."""
        if self.status == "heard" or not self.did_html:
            return self.said_line
        return self.did_sentence

    def step_title(self, step: StepView) -> str:
        if step.status == "heard" or not self.did_html:
            text = self.said_line
        else:
            text = self.did_sentence
        asked = "one of you asked" if self.count == 1 else f"{self.count} of you asked"
        return f"{step.label} ({self.theme}): {text} — {asked}"

    @property
    def more(self) -> list[Link]:
        """Links to read more: the entry's links, then articles naming it, without repeats."""
        seen, result = set(), []
        for link in self.links + [Link(a.title, a.url, False) for a in self.articles]:
            if link.url not in seen:
                seen.add(link.url)
                result.append(link)
        return result


@dataclass
class Theme:
    name: str
    slug: str
    url: str
    items: list[Item]

    @property
    def people(self) -> int:
        return sum(item.count for item in self.items)


@dataclass
class StatusCount:
    status: str
    items: list[Item]

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def anchor(self) -> str:
        return f"status-{self.status}"

    @property
    def people(self) -> int:
        return sum(item.count for item in self.items)


def make_item(entry: Feedback, settings: dict, targets: dict) -> Item:
    date_format = settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d")
    theme_slug = slugify(entry.theme, settings)
    learned_url = setting(settings, "LEARNED_URL")
    said, _ = redact(entry.said)
    anchor = f"fb-{entry.id}"
    steps = [StepView(s.status, s.date, s.date.strftime(date_format), s.note, f"{anchor}--{i}", i)
             for i, s in enumerate(entry.history)]
    steps.append(StepView(entry.status, entry.changed, entry.changed.strftime(date_format), entry.note,
                          f"{anchor}--{len(steps)}", len(steps)))
    return Item(
        id=entry.id, theme=entry.theme, theme_slug=theme_slug,
        theme_url=setting(settings, "LEARNED_THEME_URL").format(slug=theme_slug),
        url=f"{learned_url}#{anchor}", said=said, consent=entry.consent, count=entry.count,
        status=entry.status, source=entry.source,
        did_html=markdown_to_html(entry.did, settings) if entry.did else None,
        reason=entry.reason, received=entry.received, received_text=entry.received.strftime(date_format),
        updated=entry.changed, updated_text=entry.changed.strftime(date_format), steps=steps,
        links=[resolve_link(link, targets) for link in entry.links],
    )


def resolve_link(link: str, targets: dict) -> Link:
    if is_url(link):
        parts = urlsplit(link)
        return Link(f"{parts.netloc}{parts.path.rstrip('/')}", link, True)
    content = targets[link]
    return Link(content.title, content.url, False)


def by_theme(items: list[Item]) -> list[Theme]:
    themes: dict[str, Theme] = {}
    for item in items:
        if item.theme_slug not in themes:
            themes[item.theme_slug] = Theme(item.theme, item.theme_slug, item.theme_url, [])
        themes[item.theme_slug].items.append(item)
    return sorted(themes.values(), key=lambda theme: theme.name.casefold())


def by_status(items: list[Item]) -> list[StatusCount]:
    return [StatusCount(status, [item for item in items if item.status == status]) for status in STATUSES]


def order(items: list[Item]) -> list[Item]:
    """Most recently changed first; ties by id, so output is stable."""
    return sorted(sorted(items, key=lambda item: item.id), key=lambda item: item.updated, reverse=True)
