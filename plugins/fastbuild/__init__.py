"""fastbuild: a faster full build, through Pelican's signals and public classes only.

(Docstring finished once the pieces are measured.)
"""

from pelican import signals

from . import memory, pool, reader


def register():
    signals.initialized.connect(pool.stop)
    signals.initialized.connect(memory.start)
    signals.article_generator_pretaxonomy.connect(memory.freeze)
    signals.article_generator_finalized.connect(memory.freeze)
    signals.all_generators_finalized.connect(memory.freeze)
    signals.readers_init.connect(reader.install)
    signals.article_generator_preread.connect(pool.start)
    signals.page_generator_preread.connect(pool.start)
    signals.page_generator_finalized.connect(pool.stop)
    signals.all_generators_finalized.connect(pool.stop)
    signals.finalized.connect(memory.finish)
