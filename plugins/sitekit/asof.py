"""The site's single "today": every date-relative output is computed from it.

``SOURCE_DATE_EPOCH`` wins when set; otherwise the newest date found in the
content and data files, so two builds of the same sources agree.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable


def as_of_date(articles: Iterable = (), data_dates: Iterable[dt.date] = ()) -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    dates = [to_date(d) for d in data_dates if d]
    for article in articles:
        dates.append(to_date(article.date))
        if getattr(article, "modified", None):
            dates.append(to_date(article.modified))
    return max(dates, default=dt.date(1970, 1, 1))


CONTEXT_KEY = "SITE_AS_OF"


def site_as_of(context: dict, content: Iterable = (), data_dates: Iterable[dt.date] = ()) -> dt.date:
    """The build's one "today", kept in the shared context: the first caller fixes it
    and every later one (days waiting, future-date checks, empty feeds) reuses it.

    reader_questions calls first, with the articles and the questions' dates;
    without it, the first caller's articles decide. Feedback dates never count:
    they are checked against this date.
    """
    if CONTEXT_KEY not in context:
        context[CONTEXT_KEY] = as_of_date(content, data_dates)
    return context[CONTEXT_KEY]


def to_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
