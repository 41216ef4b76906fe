"""Markdown the team writes outside article bodies, made safe with nh3.

``team_markdown`` renders a data-file field (an answer, a reason, what we
did) with the site's Markdown settings and sanitises it; both data plugins
call it with the tags their pages allow.

Summaries from front matter go through nh3 too, like every other Markdown field.

Pelican renders a ``Summary:`` line with Markdown, which lets raw HTML and
``javascript:`` links through, and the theme prints summaries as HTML: in
every listing card, in the feeds, in search results. A summary is a line of
text with perhaps a link or some emphasis, so that is all it keeps: links
(http, https, mailto and the site's own ``{filename}`` links), emphasis,
code, abbreviations. Article bodies are left exactly as written.
"""

from __future__ import annotations

import nh3
from markdown import Markdown
from markupsafe import Markup

TAGS = {"a", "abbr", "b", "br", "code", "em", "i", "p", "s", "small", "strong", "sub", "sup"}
ATTRIBUTES = {"a": {"href", "title", "hreflang", "rel"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


# Inside one field, "meta" would swallow a first line such as "Update: ..."
# and "toc" would add ids that could clash with the page's own anchors.
FIELD_SKIPPED_EXTENSIONS = {"markdown.extensions.meta", "markdown.extensions.toc"}
FIELD_URL_SCHEMES = {"http", "https", "mailto"}
_CONVERTER_KEY = "_FIELD_MARKDOWN"


def team_markdown(text: str, settings: dict, tags: set, attributes: dict,
                  link_rel: str | None = "noopener noreferrer") -> Markup:
    converter = field_converter(settings)
    converter.reset()
    html = converter.convert(text)
    return Markup(nh3.clean(html, tags=tags, attributes=attributes, url_schemes=FIELD_URL_SCHEMES,
                            link_rel=link_rel).strip())


def field_converter(settings: dict) -> Markdown:
    """One converter per build (kept in the settings), reset before each field."""
    converter = settings.get(_CONVERTER_KEY)
    if isinstance(converter, Markdown):
        return converter
    config = dict(settings.get("MARKDOWN") or {})
    extension_configs = {name: options for name, options in (config.get("extension_configs") or {}).items()
                         if name not in FIELD_SKIPPED_EXTENSIONS}
    extensions = [name for name in config.get("extensions", []) if name not in FIELD_SKIPPED_EXTENSIONS]
    converter = Markdown(extensions=list(extension_configs) + extensions, extension_configs=extension_configs,
                         output_format=config.get("output_format", "html5"))
    settings[_CONVERTER_KEY] = converter
    return converter


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
