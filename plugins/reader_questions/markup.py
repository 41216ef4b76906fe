"""The team's Markdown (answers, reasons) to safe HTML, and HTML to plain text."""

from __future__ import annotations

import html
import re

import nh3
from markdown import Markdown
from markupsafe import Markup

# The meta extension would swallow an answer starting "Short answer: yes".
# toc would add ids that could clash with the page's question anchors.
LEFT_OUT = {"markdown.extensions.meta", "markdown.extensions.toc"}
ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "pre",
                "strong", "sub", "sup", "ul", "table", "thead", "tbody", "tr", "th", "td", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def markdown_converter(settings: dict) -> Markdown:
    config = dict(settings.get("MARKDOWN") or {})
    extension_configs = {name: options for name, options in (config.get("extension_configs") or {}).items()
                         if name not in LEFT_OUT}
    extensions = [name for name in config.get("extensions", []) if name not in LEFT_OUT]
    return Markdown(extensions=list(extension_configs) + extensions, extension_configs=extension_configs,
                    output_format=config.get("output_format", "html5"))


def render(markdown: Markdown, text: str) -> Markup:
    """Team Markdown rendered with the site's settings, then sanitised with nh3."""
    markdown.reset()
    converted = markdown.convert(text)
    clean = nh3.clean(converted, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel=None)
    return Markup(clean.strip())


_BLOCK_TAGS = re.compile(r"</?(?:p|li|ul|ol|br|blockquote|pre|table|thead|tbody|tr|td|th|hr)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed (for JSON-LD).

    Block elements separate words; inline ones (links, emphasis) do not.
    """
    text = _TAGS.sub("", _BLOCK_TAGS.sub(" ", str(fragment)))
    return _SPACE.sub(" ", html.unescape(text)).strip()
