"""Site-wide plumbing every page of this blog relies on, as one Pelican plugin.

- sources: a file Pelican would skip (unreadable front matter, no title,
  unknown status, shared slug) stops the build with path:line instead;
- assets: content-hashed names for the theme's files (the `asset` global);
- sitemap, headers, home: sitemap.xml + robots.txt, `_headers`, and the
  home page's WebSite + Organization JSON-LD;
- feeds, datafiles: empty feeds dated by the as-of date, feed titles as
  text, and no data file or survey export ever copied into the site;
- summaries go through nh3 (sitekit.sanitise) and the build stops before
  writing when any plugin reported a problem (sitekit.problems).
"""

from pelican import signals

from sitekit import asof, jsonld, pages, problems, sanitise, text

from . import assets, datafiles, feeds, headers, home, sitemap, sources


def start_build(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {})
    pelican.settings["JINJA_GLOBALS"]["structured_data"] = jsonld.structured_data
    pelican.settings["JINJA_GLOBALS"]["asset"] = assets.asset
    pelican.settings["JINJA_GLOBALS"]["find_page"] = pages.find_page  # the menu's "page:SLUG"
    pelican.settings.setdefault("JINJA_FILTERS", {})
    pelican.settings["JINJA_FILTERS"].setdefault("plural", text.plural)  # {{ count|plural("post") }}
    jsonld.contribute(pelican.settings, home.structured_data)


def finish_output(pelican) -> None:
    """After every generator (the static copy too), in this order: the theme's files get
    their hashed names, then sitemap.xml and robots.txt, then _headers (which reads the pages)."""
    assets.fingerprint_theme(pelican)
    sitemap.write(pelican)
    headers.write(pelican)


def register():
    problems.connect()
    asof.connect()
    signals.initialized.connect(start_build)
    signals.content_object_init.connect(sources.check_content)
    signals.article_generator_finalized.connect(sources.check_articles)
    signals.page_generator_finalized.connect(sources.check_pages)
    signals.content_object_init.connect(sanitise.clean_summary)
    signals.feed_generated.connect(feeds.steady_empty_feed)
    signals.feed_generated.connect(feeds.text_titles)
    signals.static_generator_finalized.connect(datafiles.drop_private_files)
    signals.initialized.connect(sitemap.start)
    signals.content_written.connect(sitemap.remember)
    signals.finalized.connect(finish_output)
