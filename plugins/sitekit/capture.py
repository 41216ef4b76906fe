"""Turn Pelican's "skipped this file" log errors into build problems.

Pelican skips a file whose front matter it cannot read, or that lacks a
title, and logs an error; for authors that skip is a lost post, so it
becomes a problem with the file, line and field. Set STRICT_SOURCES = False
to keep Pelican's own behaviour (e.g. to build a foreign corpus).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from . import problems

FIX_HINTS = {
    "date": "write dates as 2026-10-03 or 2026-10-03 14:30",
    "modified": "write dates as 2026-10-03 or 2026-10-03 14:30",
}


class SkippedFileHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
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


def describe(path: str, error: BaseException | None) -> tuple[int, str, str]:
    """Line, field and message for an exception raised while reading a file."""
    text = str(error) if error else "the file could not be read"
    value = text.split("'")[1] if text.count("'") >= 2 else ""
    line, field = problems.line_containing(path, value) if value else (1, "")
    field = field or "file"
    hint = FIX_HINTS.get(field.lower(), "check the front matter syntax (Key: value, one per line)")
    return line, field, f"{text}; {hint}"


_handler = SkippedFileHandler()


def start(content_path) -> None:
    _handler.content_path = Path(content_path)
    logger = logging.getLogger("pelican")
    if _handler not in logger.handlers:
        logger.addHandler(_handler)


def stop() -> None:
    logging.getLogger("pelican").removeHandler(_handler)
