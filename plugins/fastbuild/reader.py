"""The Markdown reader Pelican uses while this plugin is on."""

from __future__ import annotations

import logging

from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader

from . import pool
from .convert import Converters

logger = logging.getLogger("pelican.readers")


class PrerenderedMarkdownReader(MarkdownReader):
    """Pelican's MarkdownReader, fed by the pool or by converters kept between files."""

    def read(self, source_path):
        self._source_path = source_path
        done = pool.take(source_path)
        if done is None:
            done = self.converters().convert(source_path)
        content, meta, formatted = done
        return content, self.metadata_from(meta, formatted)

    def converters(self) -> Converters:
        if getattr(self, "_converters", None) is None:
            self._converters = Converters(self.settings["MARKDOWN"], self.settings["FORMATTED_FIELDS"])
        return self._converters

    def metadata_from(self, meta: dict, formatted: dict) -> dict:
        """MarkdownReader._parse_metadata, with the formatted fields already converted."""
        output = {}
        for name, value in meta.items():
            name = name.lower()
            if name in formatted:
                output[name] = self.process_metadata(name, formatted[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning("Duplicate definition of `%s` for %s. Using first one.",
                                   name, self._source_path)
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output


def install(readers) -> None:
    """readers_init: use this reader wherever Pelican's own Markdown reader would be used."""
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = PrerenderedMarkdownReader
