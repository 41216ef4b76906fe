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
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    dates = [to_date(d) for d in data_dates if d]
    for article in articles:
        dates.append(to_date(article.date))
        if getattr(article, "modified", None):
            dates.append(to_date(article.modified))
    return max(dates, default=dt.date(1970, 1, 1))


def to_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
