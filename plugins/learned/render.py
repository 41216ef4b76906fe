"""Team-written Markdown (``did``) to safe HTML, and short plain-text lines."""

from __future__ import annotations

import re

from markupsafe import Markup

from sitekit.sanitise import team_markdown

ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


def markdown_to_html(text: str, settings: dict) -> Markup:
    return team_markdown(text, settings, ALLOWED_TAGS, ALLOWED_ATTRIBUTES)


def first_sentence(text: str) -> str:
    """The first sentence of plain text, without its final full stop."""
    flat = " ".join(text.split())
    sentence = SENTENCE_END.split(flat, maxsplit=1)[0]
    return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence


def plain(html: Markup) -> str:
    return Markup(html).striptags()
