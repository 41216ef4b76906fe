"""Signal receivers for the learned plugin (wired in __init__.register)."""

from __future__ import annotations

import datetime as dt

from .defaults import setting
from .generator import LearnedGenerator


def add_generator(pelican):
    return LearnedGenerator


def steady_empty_feed(context, feed):
    """An empty changes feed is dated by the site's as-of date, not the build's clock."""
    path = setting(context, "LEARNED_FEED_ATOM")
    if feed.items or not path or not feed.feed.get("feed_url", "").endswith(path):
        return
    as_of = context.get("learned_as_of") or dt.date(1970, 1, 1)
    moment = dt.datetime.combine(as_of, dt.time(12, 0), tzinfo=dt.UTC)
    feed.latest_post_date = lambda: moment


def structured_data(data: dict, context) -> None:
    """Name the learned pages in their JSON-LD block."""
    if not context.get("learned_page"):
        return
    theme = context.get("learned_theme")
    data["name"] = f"What we learned from you: {theme.name}" if theme else "What we learned from you"
    data["description"] = "Feedback readers sent us, and what we did about it, including what we declined."
