"""One way to ask "does this page exist?": by slug or by URL.

A link to a page that may not exist (a menu's ``page:SLUG``, a policy page
named in a setting, an "Ask us" link) is only written when the page is
there, so the site never links to a missing file. Plugins call
``find_page(context, slug=...)``; templates call the same function once a
plugin makes it a Jinja global: ``find_page(slug="about")``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from jinja2 import pass_context

PAGES = ("pages", "hidden_pages")


@pass_context
def find_page(context: Mapping, slug: str | None = None, url: str | None = None, kinds: Iterable[str] = PAGES):
    """The first page (of the context's ``kinds`` lists) with this slug, or this URL; None if none."""
    for kind in kinds:
        for page in context.get(kind) or []:
            if (slug is not None and page.slug == slug) or (url is not None and page.url == url):
                return page
    return None
