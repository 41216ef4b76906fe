"""The Markdown reader Pelican uses while this plugin is on."""

from __future__ import annotations

from pelican import readers as pelican_readers

from . import pool


class MarkdownReader(pelican_readers.MarkdownReader):
    """Pelican's MarkdownReader, fed by the pool (pool.py) when it has the file.

    A worker ran ``MarkdownReader.read`` on the file with ``process_metadata``
    left out (convert.py); here each field goes through this reader's
    ``process_metadata`` with the value the worker's reader passed to it, as
    Pelican's own ``read`` does. Any other file is read by Pelican's own
    ``read``. (Same class name as Pelican's: Pelican records it in each
    post's ``reader`` metadata as "markdown".)
    """

    def read(self, source_path):
        done = pool.take(source_path)
        if done is None:
            return super().read(source_path)
        content, raw = done
        return content, {name: self.process_metadata(name, value) for name, value in raw.items()}


def install(readers) -> None:
    """readers_init: use this reader wherever Pelican's own Markdown reader would be used."""
    for extension in pelican_readers.MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is pelican_readers.MarkdownReader:
            readers.reader_classes[extension] = MarkdownReader
