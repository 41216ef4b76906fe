"""Shared machinery for this site's plugins.

- problems: collect source mistakes from every plugin and stop the build
  with one report before anything is written;
- jsonld: one JSON-LD block per page that plugins contribute to;
- asof, slugs: the site's "today" and slugging, defined once.
"""

from pelican import signals

from . import capture, jsonld, problems


def start_build(pelican) -> None:
    problems.reset()
    if pelican.settings.get("STRICT_SOURCES", True):
        capture.start(pelican.settings["PATH"])
    pelican.settings.setdefault("JINJA_GLOBALS", {})
    pelican.settings["JINJA_GLOBALS"]["structured_data"] = jsonld.structured_data


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


def register():
    signals.initialized.connect(start_build)
    signals.get_writer.connect(stop_before_writing)
