"""Summaries from front matter go through nh3, like every other Markdown field.

Pelican renders a ``Summary:`` line with Markdown, which lets raw HTML and
``javascript:`` links through, and the theme prints summaries as HTML: in
every listing card, in the feeds, in search results. A summary is a line of
text with perhaps a link or some emphasis, so that is all it keeps: links
(http, https, mailto and the site's own ``{filename}`` links), emphasis,
code, abbreviations. Article bodies are left exactly as written.
"""

from __future__ import annotations

import nh3

TAGS = {"a", "abbr", "b", "br", "code", "em", "i", "p", "s", "small", "strong", "sub", "sup"}
ATTRIBUTES = {"a": {"href", "title", "hreflang", "rel"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def clean_summary(content) -> None:
    """content_object_init receiver: a written Summary keeps only inline formatting."""
    summary = getattr(content, "metadata", {}).get("summary")
    if not isinstance(summary, str):
        return
    cleaned = clean(summary)
    if cleaned != summary:
        content.metadata["summary"] = cleaned
        if hasattr(content, "_summary"):
            content._summary = cleaned
