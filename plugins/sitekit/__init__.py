"""Shared machinery for this site's plugins.

- problems: collect source mistakes from every plugin and stop the build
  with one report before anything is written;
- jsonld: one JSON-LD block per page that plugins contribute to;
- asof, slugs: the site's "today" and slugging, defined once;
- assets: content-hashed names for the theme's files (the `asset` global);
- sitemap, headers, home: sitemap.xml + robots.txt, `_headers`, and the
  home page's WebSite + Organization JSON-LD;
- search, precompress: Pagefind index and .gz/.br copies, run by sitebuild
  after Pelican;
- text, sanitise, feeds, datafiles: data-file text without direction
  overrides, summaries through nh3, empty feeds dated by the as-of date, no
  data file or survey export ever copied (README: What the build guarantees).
"""

from pelican import signals

from . import assets, capture, datafiles, feeds, headers, home, jsonld, problems, sanitise, sitemap


def start_build(pelican) -> None:
    problems.reset()
    if pelican.settings.get("STRICT_SOURCES", True):
        capture.start(pelican.settings["PATH"])
    pelican.settings.setdefault("JINJA_GLOBALS", {})
    pelican.settings["JINJA_GLOBALS"]["structured_data"] = jsonld.structured_data
    pelican.settings["JINJA_GLOBALS"]["asset"] = assets.asset


def stop_before_writing(pelican) -> None:
    """Runs when Pelican asks for its writer: after reading, before writing."""
    capture.stop()
    found = problems.collected()
    if found:
        failure = problems.BuildFailed(found)
        # The `pelican` command line shows nothing of a SystemExit, so the
        # report is printed here; sitebuild callers print it themselves.
        if pelican.settings.get("PRINT_BUILD_REPORT", True):
            print(failure.report(), flush=True)
        raise failure


def finish_output(pelican) -> None:
    """After every generator (the static copy too), in this order: the theme's files get
    their hashed names, then sitemap.xml and robots.txt, then _headers (which reads the pages)."""
    assets.fingerprint_theme(pelican)
    sitemap.write(pelican)
    headers.write(pelican)


def register():
    signals.initialized.connect(start_build)
    signals.get_writer.connect(stop_before_writing)
    signals.content_object_init.connect(capture.check_content)
    signals.content_object_init.connect(sanitise.clean_summary)
    signals.feed_generated.connect(feeds.steady_empty_feed)
    signals.feed_generated.connect(feeds.text_titles)
    signals.static_generator_finalized.connect(datafiles.drop_private_files)
    signals.initialized.connect(sitemap.start)
    signals.content_written.connect(sitemap.remember)
    signals.finalized.connect(finish_output)
    jsonld.contribute(home.structured_data)
