"""sitemap.xml and robots.txt, from the pages the generators wrote.

Every page Pelican's writer renders (articles and roundups, pages, listings,
the plugins' pages) passes ``content_written``; the public ones are
remembered here and listed once each, sorted by URL, when the build
finishes. Left out: drafts and hidden content, pages 2+ of a paginated
listing, files named in SITEMAP_EXCLUDE (404.html), and feeds (they are not
written through ``write_file``).

``lastmod`` comes from the content, never from the clock: an article's or
page's modified date (else its date); for listings, plugin pages and undated
pages, the newest ``<time datetime>`` the page shows. A page that shows no date has
no ``lastmod``. Two builds of the same sources write the same bytes.

Pelican's ``pelican-sitemap`` plugin was not used: it stamps listings with
the build time and keeps state between builds in one process.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.sax.saxutils import escape

from sitekit.settings import Defaults

DEFAULTS = {
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    "SITEMAP_EXCLUDE": ["404.html"],
}
TIME = re.compile(r"<time\b[^>]*\bdatetime=\"(\d{4}-\d{2}-\d{2})")

# This build's pages: URL relative to the site -> lastmod (YYYY-MM-DD) or None. Kept in the
# build's settings, so every page context written (content_written) holds the same dict.
ENTRIES = "SITEMAP_ENTRIES"


setting = Defaults(DEFAULTS)


def start(pelican) -> None:
    """initialized."""
    pelican.settings[ENTRIES] = {}


def site_root(settings: dict) -> str:
    return (settings.get("CANONICAL_ROOT") or settings["SITEURL"]).rstrip("/")


def url_of(output_file: str) -> str:
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file


def remember(path, context) -> None:
    """content_written receiver: note a public page and its content date."""
    output_file = context.get("output_file") or ""
    if not output_file.endswith(".html") or output_file in setting(context, "SITEMAP_EXCLUDE"):
        return
    item = context.get("article") or context.get("page")
    if item is not None and getattr(item, "status", "published") != "published":
        return
    page = context.get("articles_page")
    if page is not None and getattr(page, "number", 1) > 1:
        return
    entries = context.get(ENTRIES)
    if entries is not None:
        entries[url_of(output_file)] = lastmod(item, path)


def lastmod(item, path) -> str | None:
    value = (getattr(item, "modified", None) or getattr(item, "date", None)) if item is not None else None
    if value:
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    shown = TIME.findall(Path(path).read_text(encoding="utf-8"))
    return max(shown) if shown else None


def sitemap_xml(root: str, entries: dict[str, str | None]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(entries):
        modified = f"<lastmod>{entries[url]}</lastmod>" if entries[url] else ""
        lines.append(f"  <url><loc>{escape(f'{root}/{url}')}</loc>{modified}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str | None) -> str:
    text = "User-agent: *\nDisallow:\n"
    return text + (f"\nSitemap: {sitemap_url}\n" if sitemap_url else "")


def write(pelican) -> None:
    """finalized receiver: write sitemap.xml and robots.txt into the output."""
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    root = site_root(settings)
    sitemap_as = setting(settings, "SITEMAP_SAVE_AS")
    if sitemap_as:
        (output / sitemap_as).write_text(sitemap_xml(root, settings.get(ENTRIES, {})), encoding="utf-8")
    robots_as = setting(settings, "ROBOTS_SAVE_AS")
    if robots_as:
        (output / robots_as).write_text(robots_txt(f"{root}/{sitemap_as}" if sitemap_as else None),
                                        encoding="utf-8")
