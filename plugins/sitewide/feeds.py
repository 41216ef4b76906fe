"""Two fixes to every feed the site writes (feed_generated receivers).

- Empty feeds are dated by the site's as-of date, not the clock.
  feedgenerator dates a feed by its newest entry and an empty feed by *now*,
  so two builds of the same sources would differ (a site with no posts yet).
  Every empty feed gets the as-of date instead (``SOURCE_DATE_EPOCH``, else
  the newest date in the content), at noon UTC. A plugin that dates its own
  empty feed first (learned) keeps its date.
- Titles hold no markup. Pelican strips tags from titles and turns entities
  into characters, so a title written "&lt;b&gt;" reaches the feed as "<b>",
  which a feed reader that renders titles as HTML would take for a tag. Such
  leftovers are stripped again until none is left.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

from sitekit import asof

TAG_LIKE = re.compile(r"<[A-Za-z/!?]")


def steady_empty_feed(context, feed) -> None:
    """feed_generated receiver."""
    if feed.items or "latest_post_date" in vars(feed):
        return
    moment = dt.datetime.combine(asof.of(context), dt.time(12, 0), tzinfo=dt.UTC)
    feed.latest_post_date = lambda: moment


def text_titles(context, feed) -> None:
    """feed_generated receiver: the feed's and every entry's title as plain text."""
    feed.feed["title"] = tag_free(feed.feed.get("title") or "")
    for item in feed.items:
        item["title"] = tag_free(item.get("title") or "")


def tag_free(title: str) -> str:
    for _ in range(5):  # each pass undoes one level of escaping
        if not TAG_LIKE.search(title):
            break
        title = Markup(title).striptags()
    return TAG_LIKE.sub(lambda match: "< " + match.group(0)[1:], title)
