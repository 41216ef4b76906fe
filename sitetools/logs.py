"""Keep what Pelican logs during a build, for the build report and the log gate."""

from __future__ import annotations

import logging


class LogRecorder(logging.Handler):
    """Keeps the records Pelican logs (at ``level`` and above) while used as a context manager."""

    def __init__(self, level: int = logging.DEBUG):
        super().__init__(level=level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> LogRecorder:
        logging.getLogger("pelican").addHandler(self)
        return self

    def __exit__(self, *exc) -> bool:
        logging.getLogger("pelican").removeHandler(self)
        return False
