"""One JSON-LD block per page, assembled here from every plugin's contribution.

Each plugin calls ``contribute(pelican.settings, fn)`` when a build starts
(``initialized``); the contributors are kept on that build, so a plugin
turned off for the next build in the same process contributes nothing.
Each ``fn(data, context)`` edits the dict for the page being rendered
(``data`` starts with what the theme knows). The template calls
``{{ structured_data() }}`` once, in base.html.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from jinja2 import pass_context
from markupsafe import Markup

Contributor = Callable[[dict, dict], None]
KEY = "SITEKIT_JSONLD_CONTRIBUTORS"  # kept in the build's settings, so in its context too


def contribute(settings: dict, contributor: Contributor) -> None:
    contributors = settings.setdefault(KEY, [])
    if contributor not in contributors:
        contributors.append(contributor)


def absolute(context, url: str) -> str:
    return f"{context['CANONICAL_ROOT']}/{url}"


def base_data(context) -> dict:
    site = {"@type": "Organization", "name": context.get("BRAND_NAME") or context["SITENAME"]}
    article = context.get("article")
    page = context.get("page")
    if article is not None:
        data = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": article.title,
            "url": absolute(context, article.url),
            "datePublished": article.date.isoformat(),
            "author": [{"@type": "Person", "name": str(a)} for a in article.authors],
            "publisher": site,
        }
        if getattr(article, "modified", None):
            data["dateModified"] = article.modified.isoformat()
        return data
    if page is not None:
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": page.title,
            "url": absolute(context, page.url),
            "publisher": site,
        }
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": absolute(context, context.get("output_file", "").replace("index.html", "")),
        "publisher": site,
    }
    if context.get("output_file") == "index.html":
        data["@type"] = "WebSite"
        data["name"] = context["SITENAME"]
        data["url"] = absolute(context, "")
    return data


def to_script(data: dict) -> Markup:
    # Escaping "<", ">" and "&" keeps "</script>" and comments in any text
    # from closing the element early.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


@pass_context
def structured_data(context) -> Markup:
    data = base_data(context)
    for contributor in context.get(KEY, ()):
        contributor(data, context)
    return to_script(data)
