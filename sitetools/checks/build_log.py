"""Gate 1, strict build: the publish build logged no WARNING or ERROR.

Counting records (rather than Pelican's `--fatal warnings`) lists them all
instead of stopping at the first one with a traceback.
"""

from __future__ import annotations

import logging

from .report import GateResult


def check(records: list[logging.LogRecord] | None) -> GateResult:
    result = GateResult("strict build", unit="build log")
    if records is None:
        result.skipped = True
        result.notes.append("no build log given (checking an existing output folder)")
        return result
    result.checked = 1
    for record in records:
        if record.levelno >= logging.WARNING:
            result.fail(f"build log {record.levelname}: {record.getMessage()}")
    return result
