"""Read feedback.yaml, check it against the site, and connect it to articles.

Every mistake goes to ``sitekit.problems`` with its line; entries with a
mistake are left out, so the rest can still be checked in the same build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import asof, problems
from sitekit.yamldata import line_of, load_entries

from .checks import entry_checks
from .model import WITHDRAWAL, Withdrawn, model_for
from .view import Item, make_item, order

LIST_KEY = "feedback"
logger = logging.getLogger("pelican.plugins.learned")


@dataclass
class Learned:
    items: list[Item] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # every valid id in the file, withdrawn ones too
    as_of: dt.date = dt.date(1970, 1, 1)


def link_targets(context: dict) -> tuple[dict, set[str]]:
    """Slug -> published article or page, and the slugs of drafts."""
    published = {}
    for key in ("articles", "hidden_articles", "pages", "hidden_pages"):
        for content in context.get(key, []):
            published.setdefault(content.slug, content)
    drafts = {c.slug for key in ("drafts", "draft_pages") for c in context.get(key, [])}
    return published, drafts - set(published)


def load(path: Path, settings: dict, context: dict) -> Learned:
    learned = Learned(as_of=asof.of(context))
    if not path.is_file():
        return learned
    found = problems.of(settings)
    published, drafts = link_targets(context)
    # published slugs once, not per entry: the site can have thousands
    checks = entry_checks(learned.as_of, set(published), drafts)
    entries = load_entries(found, path, LIST_KEY, model_for, checks=checks)
    learned.ids = {entry.value.id for entry in entries}
    items = []
    for entry in entries:
        if isinstance(entry.value, Withdrawn):
            WITHDRAWAL.note_leftovers(entry.value, path, logger)
            continue
        items.append((entry, make_item(entry.value, settings, published)))
    check_theme_slugs(path, items, found.report)
    learned.items = order([item for _, item in items])
    return learned


def check_theme_slugs(path: Path, items: list, report) -> None:
    """Two spellings of one theme would share a page; a theme needs letters for its URL."""
    spelling: dict[str, str] = {}
    for entry, item in items:
        line = line_of(entry.raw, ["theme"])
        if not item.theme_slug:
            report(path, line, "theme", f"{item.theme!r} has no letters or digits to make a "
                   "page address from; name the theme in words.")
        elif spelling.setdefault(item.theme_slug, item.theme) != item.theme:
            report(path, line, "theme", f"{item.theme!r} and {spelling[item.theme_slug]!r} "
                   "would share one page; spell the theme the same way everywhere.")


def connect_articles(learned: Learned, context: dict, data_path: Path) -> None:
    """``Learned_from: id, id`` on articles: a box on the article, a link back on each item."""
    by_id = {item.id: item for item in learned.items}
    data_has_problems = bool(problems.of(context).about(data_path))
    published = {id(a) for key in ("articles", "hidden_articles") for a in context.get(key, [])}
    for key in ("articles", "hidden_articles", "drafts"):
        for article in context.get(key, []):
            article.learned_items = []
            raw = article.metadata.get("learned_from")
            if not raw:
                continue
            for wanted in parse_ids(raw):
                if wanted in by_id:
                    article.learned_items.append(by_id[wanted])
                    if id(article) in published:
                        by_id[wanted].articles.append(article)
                elif wanted not in learned.ids and not data_has_problems:
                    report_unknown(article, wanted, learned.ids, data_path)
    for item in learned.items:
        item.articles.sort(key=lambda a: (a.date, a.slug))


def parse_ids(raw) -> list[str]:
    values = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
    return [value.strip() for value in values if value.strip()]


def report_unknown(article, wanted: str, known: set[str], data_path: Path) -> None:
    close = difflib.get_close_matches(wanted, sorted(known), n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    where = data_path.name if known else f"{data_path.name} (the file is missing or empty)"
    problems.of(article.settings).report(
        article.source_path, problems.metadata_line(article.source_path, "Learned_from"),
        "Learned_from", f"'{wanted}' is not an id in {where}.{hint}")
