"""Turn Pelican's "skipped this file" log errors into build problems.

Pelican skips a file whose front matter it cannot read, or that lacks a
title, and logs an error; for authors that skip is a lost post, so it
becomes a problem with the file, line and field. Set STRICT_SOURCES = False
to keep Pelican's own behaviour (e.g. to build a foreign corpus).
"""

from __future__ import annotations

import difflib
import logging
import re
import sys
from pathlib import Path

from sitekit import problems

FIX_HINTS = {
    "date": "write dates as 2026-10-03 or 2026-10-03 14:30",
    "modified": "write dates as 2026-10-03 or 2026-10-03 14:30",
}


STATUSES = ("published", "hidden", "draft")
DUPLICATE_SLUG = "There are %s original (not translated) items %s"


class SkippedFileHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.content_path = Path(".")

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Could not process %s" and record.args:
            path = str(self.content_path / str(record.args[0]))
            error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
            problems.report(path, *describe(path, error))
        elif record.msg == "Skipping %s: could not find information about '%s'" and record.args:
            path, name = str(record.args[0]), str(record.args[1])
            key = name.capitalize()
            problems.report(path, 1, key, f"is missing, so Pelican would skip this file; add '{key}: ...' "
                            "to the front matter.")
        elif record.msg == "Unknown status '%s' for file %s, skipping it. (Not in %s)" and record.args:
            status, path = str(record.args[0]), str(record.args[1])
            close = difflib.get_close_matches(status.lower(), STATUSES, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            problems.report(path, problems.metadata_line(path, "status"), "Status",
                            f"'{status}' is not a status, so Pelican would skip this file; use "
                            f"{', '.join(STATUSES)}.{hint}")
        elif isinstance(record.msg, str) and record.msg.startswith(DUPLICATE_SLUG) and len(record.args) > 3:
            report_shared_slug(record.args[1], [str(path) for path in record.args[2:]])


def report_shared_slug(with_str: str, paths: list[str]) -> None:
    """Two sources with one slug: Pelican would write one over the other, or list both as translations."""
    found = re.search(r'slug "(.*)"', str(with_str))
    slug = found.group(1) if found else str(with_str)
    for path in paths:
        others = ", ".join(problems.display_path(other) for other in paths if other != path)
        has_slug = any(re.match(r"\s*:?slug\s*:", line, re.IGNORECASE) for line in problems.read_lines(path))
        field = "Slug" if has_slug else "Title"
        problems.report(path, problems.metadata_line(path, field), field,
                        f"gives the slug '{slug}', which {others} also has; two articles or pages cannot share a slug "
                        "(and so an address). Change the Slug (or the Title) of one of them.")


def describe(path: str, error: BaseException | None) -> tuple[int, str, str]:
    """Line, field and message for an exception raised while reading a file."""
    if isinstance(error, UnicodeDecodeError):
        try:
            line = Path(path).read_bytes()[: error.start].count(b"\n") + 1
        except OSError:
            line = 1
        return line, "file", f"is not UTF-8 (byte {error.start}); save it as UTF-8."
    text = str(error) if error else "the file could not be read"
    value = text.split("'")[1] if text.count("'") >= 2 else ""
    line, field = problems.line_containing(path, value) if value else (1, "")
    field = field or "file"
    hint = FIX_HINTS.get(field.lower(), "check the front matter syntax (Key: value, one per line)")
    return line, field, f"{text}; {hint}"


def check_content(content) -> None:
    """content_object_init: a title that is only spaces would give a page with no heading."""
    if not content.settings.get("STRICT_SOURCES", True) or not getattr(content, "source_path", None):
        return
    title = getattr(content, "title", None)
    if isinstance(title, str) and not title.strip():
        path = content.source_path
        problems.report(path, problems.metadata_line(path, "title"), "Title",
                        "is empty; write the title (the page's heading, and its name in listings and feeds).")


_handler = SkippedFileHandler()


def start(content_path) -> None:
    _handler.content_path = Path(content_path)
    logger = logging.getLogger("pelican")
    if _handler not in logger.handlers:
        logger.addHandler(_handler)


def stop() -> None:
    logging.getLogger("pelican").removeHandler(_handler)
