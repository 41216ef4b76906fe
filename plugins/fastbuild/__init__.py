"""Pre-render: Markdown converted on every core, and once per file.

Python-Markdown is most of a build's time, and Pelican converts one file
after another, building a new converter for each. This plugin swaps in a
Markdown reader that keeps its converters between files (reset before each
use) and, when a build has many files to read, converts them ahead in a
pool of worker processes while Pelican reads the results in its own order.
The HTML and metadata are exactly what Pelican's own reader gives
(tests/test_perf.py compares whole sites built both ways). It also works
each post's URL out once, when every generator has finished reading (urls),
renders the articles generator's pages in two processes (writer), and
makes Pelican's tag, category and author pages take linear time (listings)
and keeps the garbage collector from rescanning the finished context (memory).

Settings: FASTBUILD_WORKERS (processes; 0 or 1 converts in-process) and
FASTBUILD_MIN_FILES (fewer files than this are converted in-process).
"""

from pelican import signals

from . import listings, memory, pool, reader, urls, writer


def register():
    signals.initialized.connect(memory.start)
    signals.article_generator_pretaxonomy.connect(memory.freeze)
    signals.article_generator_finalized.connect(memory.freeze)
    signals.all_generators_finalized.connect(memory.freeze)
    signals.readers_init.connect(reader.install)
    signals.article_generator_preread.connect(pool.start)
    signals.page_generator_preread.connect(pool.start)
    signals.all_generators_finalized.connect(pool.stop)
    signals.all_generators_finalized.connect(urls.freeze)
    signals.article_generator_finalized.connect(listings.index)
    signals.get_writer.connect(writer.get_writer)
    signals.article_writer_finalized.connect(writer.flush)
    signals.finalized.connect(memory.finish)
