"""The site's single "today": every date-relative output is computed from it.

It is fixed once per build, at one named step: when the articles generator
has read every post (``article_generator_pretaxonomy``), before any plugin
groups, counts or checks anything by date. ``SOURCE_DATE_EPOCH`` wins when
set; otherwise it is the newest of the posts' dates (and modified dates)
and of the dates every plugin declared when the build started
(``add_dates_from``: the reader questions' asked and answered dates), so
two builds of the same sources agree whatever the clock says, and the date
does not depend on which plugin asks first. Dates a plugin checks against
it (feedback dates) are not declared.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable

from pelican import signals

KEY = "SITE_AS_OF"  # kept in the build's shared context
SOURCES = "SITE_AS_OF_SOURCES"  # functions settings -> dates, declared at `initialized`
NO_DATE = dt.date(1970, 1, 1)


def connect() -> None:
    """Called first in the register() of every plugin that uses the date, so the date is
    fixed before their own pretaxonomy receivers run (a receiver is connected once)."""
    signals.article_generator_pretaxonomy.connect(fix)


def add_dates_from(settings: dict, source: Callable[[dict], Iterable[dt.date]]) -> None:
    """initialized: ``source(settings)`` gives dates that count towards this build's date."""
    sources = settings.setdefault(SOURCES, [])
    if source not in sources:
        sources.append(source)


def fix(generator) -> None:
    """article_generator_pretaxonomy."""
    declared = [date for source in generator.settings.get(SOURCES, ()) for date in source(generator.settings)]
    generator.context[KEY] = as_of_date([*generator.articles, *generator.hidden_articles], declared)


def of(context: dict) -> dt.date:
    """The build's as-of date (NO_DATE before any post is read, e.g. a site of pages only)."""
    return context.get(KEY) or as_of_date()


def as_of_date(articles: Iterable = (), data_dates: Iterable[dt.date] = ()) -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    dates = [to_date(date) for date in data_dates if date]
    for article in articles:
        dates.append(to_date(article.date))
        if getattr(article, "modified", None):
            dates.append(to_date(article.modified))
    return max(dates, default=NO_DATE)


def to_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
