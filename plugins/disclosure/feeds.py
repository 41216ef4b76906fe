"""Feeds: each disclosed item's content and summary start with the disclosure.

Feed readers never show the article page, so the sentences travel in the
item itself; a disclosure updated after publishing moves the item's
updated date.
"""

from __future__ import annotations

from html import escape

from pelican.utils import set_date_tzinfo

from .receivers import INDEX_KEY


def absolute(siteurl: str, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return f"{siteurl.rstrip('/')}/{url.lstrip('/')}"


def prefix_html(disclosure, siteurl: str) -> str:
    parts = [escape(sentence, quote=False) for sentence in disclosure.sentences]
    if disclosure.note:
        parts.append(escape(disclosure.note, quote=False))
    if disclosure.updated:
        parts.append(escape(disclosure.updated_sentence, quote=False))
    policy = escape(absolute(siteurl, disclosure.policy_url))
    report = escape(absolute(siteurl, disclosure.report_url))
    return (f'<p>{" ".join(parts)} <a href="{policy}">What this means</a> · '
            f'<a href="{report}">Our transparency report</a></p>')


def edit_feed(context, feed) -> None:
    """feed_generated: prefix disclosed items, and date their disclosure update."""
    index = context.get(INDEX_KEY) or {}
    if not index:
        return
    siteurl = str(context.get("SITEURL", ""))
    for item in feed.items:
        link = str(item.get("link", "")).split("?ref=feed")[0]
        key = link[len(siteurl):].lstrip("/") if link.startswith(siteurl) else link
        found = index.get(key)
        if found is None:
            continue
        article, disclosure = found
        prefix = prefix_html(disclosure, siteurl)
        for field in ("content", "description"):
            if item.get(field):
                item[field] = prefix + str(item[field])
        if disclosure.updated:
            updated = set_date_tzinfo(disclosure.updated, context.get("TIMEZONE"))
            if item.get("updateddate") is None or item["updateddate"] < updated:
                item["updateddate"] = updated
