"""The transparency report: every published disclosed post, by sponsor and by
year, with counts per type per year and the years with no paid content.

Drafts and hidden posts never appear: only the published articles in the
shared context are read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from sitekit.pages import find_page
from sitekit.slugs import slugify
from sitekit.templates import add_fallback

from . import config as cfg

NO_SPONSOR = "No named sponsor"


@dataclass
class Entry:
    article: object
    labels: list
    sponsors: list


@dataclass
class Year:
    year: int
    entries: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)   # type -> number of posts
    total: int = 0
    paid: bool = False


@dataclass
class SponsorGroup:
    name: str
    anchor: str
    entries: list = field(default_factory=list)


@dataclass
class Report:
    types: list        # [(type, label)]
    years: list        # newest first, every year from the blog's first to its newest
    sponsors: list     # alphabetical; posts with no sponsor last
    total: int


def build_report(articles, config: cfg.Config, settings: dict | None = None) -> Report:
    articles = [a for a in articles if getattr(a, "status", "published") == "published"]
    types = [(name, spec.get("label", name)) for name, spec in config.types.items()]
    entries = []
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        disclosure = getattr(article, "disclosure", None)
        if disclosure is None or not hasattr(disclosure, "labels"):
            continue
        entries.append(Entry(article, list(disclosure.labels), [s.name for s in disclosure.sponsors]))

    years = []
    if articles:
        first = min(a.date.year for a in articles)
        newest = max(a.date.year for a in articles)
        for number in range(newest, first - 1, -1):
            in_year = [e for e in entries if e.article.date.year == number]
            counts = Counter(label.type for e in in_year for label in e.labels)
            years.append(Year(
                year=number,
                entries=in_year,
                counts={name: counts.get(name, 0) for name, _ in types},
                total=len(in_year),
                paid=any(config.types[label.type].get("paid") for e in in_year for label in e.labels),
            ))

    groups: dict[str, SponsorGroup] = {}
    for entry in entries:
        for name in entry.sponsors or [NO_SPONSOR]:
            if name not in groups:
                groups[name] = SponsorGroup(name, unique_anchor(name, groups.values(), settings))
            groups[name].entries.append(entry)
    sponsors = sorted(groups.values(), key=lambda g: (g.name == NO_SPONSOR, g.name.casefold()))
    return Report(types=types, years=years, sponsors=sponsors, total=len(entries))


def unique_anchor(name: str, groups, settings) -> str:
    base = slugify(name, settings) or "sponsor"
    taken = {group.anchor for group in groups}
    anchor, number = base, 2
    while anchor in taken:
        anchor, number = f"{base}-{number}", number + 1
    return anchor


TEMPLATES = Path(__file__).resolve().parent / "templates"


class TransparencyGenerator(Generator):
    """Writes the transparency report page with transparency.html: the theme's
    when it has one, else the plugin's own (templates/transparency.html)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_fallback(self.env, TEMPLATES)

    def generate_context(self):
        pass

    def generate_output(self, writer):
        config = cfg.load(self.settings)
        if not config.report_save_as:
            return
        report = build_report(self.context.get("articles", []), config, self.settings)
        policy = config.policy_url if policy_page_exists(self.context, config.policy_url) else ""
        writer.write_file(
            config.report_save_as,
            self.get_template("transparency"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            report=report,
            report_url=config.report_url,
            policy_url=policy,
        )


def policy_page_exists(context, url: str) -> bool:
    if url.startswith(("http://", "https://")):
        return True
    return find_page(context, url=url) is not None


def get_generators(pelican):
    return TransparencyGenerator
