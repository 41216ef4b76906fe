"""The team's Markdown (answers, reasons) to safe HTML, and HTML to plain text."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from sitekit.sanitise import team_markdown

ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "pre",
                "strong", "sub", "sup", "ul", "table", "thead", "tbody", "tr", "th", "td", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def render(text: str, settings: dict) -> Markup:
    """Team Markdown rendered with the site's settings, then sanitised with nh3."""
    return team_markdown(text, settings, ALLOWED_TAGS, ALLOWED_ATTRIBUTES, link_rel=None)


_BLOCK_TAGS = re.compile(r"</?(?:p|li|ul|ol|br|blockquote|pre|table|thead|tbody|tr|td|th|hr)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed (for JSON-LD).

    Block elements separate words; inline ones (links, emphasis) do not.
    """
    text = _TAGS.sub("", _BLOCK_TAGS.sub(" ", str(fragment)))
    return _SPACE.sub(" ", html.unescape(text)).strip()
