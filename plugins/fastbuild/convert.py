"""One Markdown file to (HTML, raw front matter, formatted fields), as Pelican's reader does.

Pelican's MarkdownReader builds a converter per file, converts the file, then
drops the "meta" preprocessor from that converter and converts each
formatted field (FORMATTED_FIELDS, e.g. the summary) after a reset. Here two
converters are kept instead, one with "meta" and one without, and reset
before every use: Markdown.reset() clears every extension's state, so the
output is byte for byte the same.
"""

from __future__ import annotations

import signal

from markdown import Markdown
from pelican.utils import pelican_open


class Converters:
    def __init__(self, markdown_settings: dict, formatted_fields):
        self.document = Markdown(**markdown_settings)
        self.fields = Markdown(**markdown_settings)
        self.fields.preprocessors.deregister("meta")
        self.formatted_fields = set(formatted_fields)

    def convert(self, path: str) -> tuple[str, dict, dict]:
        """(content HTML, front matter as {key: [values]}, {formatted key: HTML})."""
        with pelican_open(path) as text:
            self.document.reset()
            content = self.document.convert(text)
        meta = dict(getattr(self.document, "Meta", {}) or {})
        formatted = {}
        for name, values in meta.items():
            if name.lower() in self.formatted_fields:
                self.fields.reset()
                formatted[name.lower()] = self.fields.convert("\n".join(values))
        return content, meta, formatted


_worker: Converters | None = None


def worker_init(markdown_settings: dict, formatted_fields) -> None:
    # A forked worker inherits the build's Python-level SIGINT/SIGTERM handlers. Those run only
    # between bytecodes, so a signal landing just before a blocking queue read is lost and
    # Pool.terminate() waits for the worker for ever. The default actions end it at once.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    global _worker
    _worker = Converters(markdown_settings, formatted_fields)


def worker_convert(path: str):
    try:
        return path, _worker.convert(path), None
    except Exception as error:  # read again in the main process, which reports it as Pelican would
        return path, None, repr(error)
