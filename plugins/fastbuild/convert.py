"""The worker side of the Markdown pool: Pelican's own MarkdownReader, run in another process.

A worker is started by the pool (pool.py) with the "forkserver" (or "spawn")
start method, so it is a fresh process that imports this module by name and
gets the Markdown settings as arguments: nothing of the build's process
(threads, locks, signal handlers, open files) is copied into it.

Each file is read by ``pelican.readers.MarkdownReader.read`` itself, the
public reader method, so the HTML and the formatted fields (the summary) are
exactly what Pelican makes. The one difference: ``process_metadata`` (the
public hook every reader calls once per field) is left to the build's
process, which calls it with the same arguments (reader.py). That is where
dates, tags, categories and authors become Pelican objects tied to the
build's settings, so nothing but strings crosses between processes.

A file whose reading logs a warning or raises is handed back unconverted and
is read again in the build's process, so every message is logged there,
once, exactly as Pelican logs it.
"""

from __future__ import annotations

import logging
import os
import signal

from pelican.readers import MarkdownReader


class RawMetadataReader(MarkdownReader):
    """Pelican's MarkdownReader, leaving each field's value as the reader passes it on."""

    def process_metadata(self, name, value):
        return value


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_reader: RawMetadataReader | None = None
_recorder = _Recorder()


def worker_init(reader_settings: dict) -> None:
    """Pool initializer: ``reader_settings`` holds MARKDOWN and FORMATTED_FIELDS."""
    # Ctrl+C reaches every process of the terminal's group: the build's process
    # decides (it shuts the pool down). SIGTERM, which that shutdown sends, ends a
    # worker at once, whatever it is doing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    logging.getLogger().addHandler(_recorder)
    global _reader
    _reader = RawMetadataReader(reader_settings)


def convert_chunk(paths: list[str]) -> list[tuple[str, object]]:
    """[(path, (content, {field: raw value}) or None)], None meaning "read it in the build"."""
    return [(path, convert_one(path)) for path in paths]


def convert_one(path: str):
    before = _recorder.count
    try:
        content, metadata = _reader.read(path)
    except Exception:  # read again in the build's process, which reports it as Pelican does
        return None
    if _recorder.count != before:
        return None
    return content, metadata, os.getpid()
