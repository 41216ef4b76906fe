"""Team-written Markdown (``did``) to safe HTML, and short plain-text lines."""

from __future__ import annotations

import re

import nh3
from markdown import Markdown
from markupsafe import Markup

# Front-matter and heading-id extensions make no sense inside one field:
# "meta" would swallow a first line such as "Update: ...".
SKIPPED_EXTENSIONS = {"markdown.extensions.meta", "markdown.extensions.toc"}
ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "br", "blockquote", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


def markdown_to_html(text: str, settings: dict) -> Markup:
    renderer = _renderer(settings)
    renderer.reset()
    html = renderer.convert(text)
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                            url_schemes={"http", "https", "mailto"}))


def _renderer(settings: dict) -> Markdown:
    """One Markdown converter per build (kept in the settings), reset before each field."""
    renderer = settings.get("_LEARNED_MARKDOWN")
    if isinstance(renderer, Markdown):
        return renderer
    config = dict(settings.get("MARKDOWN") or {})
    extension_configs = {name: options for name, options in (config.get("extension_configs") or {}).items()
                         if name not in SKIPPED_EXTENSIONS}
    renderer = Markdown(extensions=list(extension_configs), extension_configs=extension_configs,
                        output_format=config.get("output_format", "html5"))
    settings["_LEARNED_MARKDOWN"] = renderer
    return renderer


def first_sentence(text: str) -> str:
    """The first sentence of plain text, without its final full stop."""
    flat = " ".join(text.split())
    sentence = SENTENCE_END.split(flat, maxsplit=1)[0]
    return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence


def plain(html: Markup) -> str:
    return Markup(html).striptags()
