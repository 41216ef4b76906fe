"""Render the blog's pages on two cores.

The articles generator writes most of a site: every post, the paginated
index, the tag, category and author listings and the archives. This writer
(Pelican's Writer, returned from the ``get_writer`` signal) lets Pelican
run that generator exactly as usual, but only *collects* each page: its
template, its context and the ``localsiteurl`` Pelican had set when it got
there. When the generator is done (``article_writer_finalized``) the
collected pages are split between this process and one forked child, each
rendering and writing its half, with ``localsiteurl`` set as it was for that
page. Only after both halves are on disk is ``content_written`` sent for
every page, in Pelican's own order, so receivers (the sitemap) see what a
sequential build shows them. Feeds and every other generator's pages are
written at once, as Pelican always does.

Rendering a page has no side effect that another page depends on, except
``{attach}`` links (they move a static file the first time a page is
rendered): a site using ``{attach}`` is rendered in one process.
"""

from __future__ import annotations

import logging
import os
import pickle
import traceback

from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from sitetools.logs import LogRecorder

from .pool import fork_is_safe

logger = logging.getLogger("pelican.writers")


class _Page:
    __slots__ = ("template", "localcontext", "path", "override", "siteurl")

    def __init__(self, template, localcontext, path, override, siteurl):
        self.template = template
        self.localcontext = localcontext
        self.path = path
        self.override = override
        self.siteurl = siteurl


class ParallelWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.collecting = True
        self.collected: list[_Page] = []
        self.context = None

    # --------------------------------------------------------- collecting
    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not self.collecting:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        if name is False or name == "" or not name:
            return None
        self.context = context
        for page_name, localcontext in self._pages(name, context, relative_urls, paginated, template_name,
                                                   url, kwargs):
            # What Pelican's _write_file does before rendering.
            if localcontext["localsiteurl"]:
                context["localsiteurl"] = localcontext["localsiteurl"]
            path = sanitised_join(self.output_path, page_name)
            self.collected.append(_Page(template, localcontext, path, override_output, context["localsiteurl"]))
        return None

    def _pages(self, name, context, relative_urls, paginated, template_name, url, kwargs):
        """(output name, local context) per page, as Pelican's Writer.write_file makes them."""

        def localcontext_for(page_name, values):
            localcontext = context.copy()
            localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
            if relative_urls:
                relative_url = path_to_url(get_relative_path(page_name))
                localcontext["SITEURL"] = relative_url
                localcontext["localsiteurl"] = relative_url
            localcontext["output_file"] = page_name
            localcontext.update(values)
            return localcontext

        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            yield name, localcontext_for(name, kwargs)
            return
        per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {key: Paginator(name, url, value, self.settings, per_page) for key, value in paginated.items()}
        for number in range(next(iter(paginators.values())).num_pages):
            values = kwargs.copy()
            for key, paginator in paginators.items():
                previous_page = paginator.page(number) if number > 0 else None
                page = paginator.page(number + 1)
                next_page = paginator.page(number + 2) if number + 1 < paginator.num_pages else None
                values.update({f"{key}_paginator": paginator, f"{key}_page": page,
                               f"{key}_previous_page": previous_page, f"{key}_next_page": next_page})
            yield page.save_as, localcontext_for(page.save_as, values)

    # ----------------------------------------------------------- flushing
    def flush(self) -> None:
        """Render and write what was collected, on two processes when it pays."""
        self.collecting = False
        pages, self.collected = self.collected, []
        if not pages:
            return
        final_siteurl = self.context["localsiteurl"]
        targets = [self._claim(page) for page in pages]
        parallel = (len(pages) >= 2 * int(self.settings.get("FASTBUILD_MIN_FILES", 64) or 1)
                    and not uses_attach(self.context) and fork_is_safe())
        if parallel:
            self._render_in_two(pages, targets)
        else:
            self._render(pages, targets, None)
        self.context["localsiteurl"] = final_siteurl
        for page, target in zip(pages, targets):
            logger.info('Writing "%s"', target)
            signals.content_written.send(target, context=page.localcontext)

    def _render_in_two(self, pages, targets) -> None:
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # render every odd page; report failure and warnings through the pipe
            os.close(reader)
            status, failure = 0, ""
            with _Warnings() as warnings:
                try:
                    self._render(pages, targets, 1)
                except BaseException:  # noqa: BLE001 - anything, so the parent can report it
                    status, failure = 1, traceback.format_exc()
            try:
                with os.fdopen(writer, "wb") as pipe:
                    pickle.dump((status, failure, warnings.portable()), pipe)
            finally:
                os._exit(status)
        os.close(writer)
        try:
            with _Warnings() as mine:
                self._render(pages, targets, 0)
        finally:
            with os.fdopen(reader, "rb") as pipe:
                data = pipe.read()
            os.waitpid(child, 0)
        status, failure, records = pickle.loads(data) if data else (1, "the second process died", [])
        # Warnings the child logged (e.g. a broken {filename} link), once each, as a
        # sequential build would log them.
        seen = {(record.levelno, record.getMessage()) for record in mine.records}
        for record in records:
            if (record.levelno, record.msg) not in seen:
                seen.add((record.levelno, record.msg))
                logging.getLogger(record.name).handle(record)
        if status != 0:
            raise RuntimeError(f"rendering pages in the second process failed:\n{failure}")

    def _claim(self, page: _Page) -> str:
        """Pelican's rule against writing one file twice (see Writer._open_w); the path to write."""
        filename = page.path
        if filename in self._overridden_files:
            if page.override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time '
                                               "(was previously overwritten)")
            logger.info('Skipping "%s", not overwriting', filename)
            return os.devnull
        if filename in self._written_files:
            if page.override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already '
                                               "written to it previously (set `override=True` if intended)")
        if page.override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    def _render(self, pages, targets, share: int | None) -> None:
        for index, (page, target) in enumerate(zip(pages, targets)):
            if share is not None and index % 2 != share:
                continue
            self.context["localsiteurl"] = page.siteurl
            output = page.template.render(page.localcontext)
            if target == os.devnull:
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(output)


class _Warnings(LogRecorder):
    """Collects Pelican's warnings and errors while a share of the pages renders."""

    def __init__(self):
        super().__init__(level=logging.WARNING)

    def portable(self) -> list[logging.LogRecord]:
        """The records with their message made text, so they can be pickled."""
        for record in self.records:
            record.msg, record.args, record.exc_info = record.getMessage(), None, None
        return self.records


def uses_attach(context) -> bool:
    """True when any content links with {attach} (rendering it moves a static file)."""
    for content in (context.get("generated_content") or {}).values():
        text = getattr(content, "_content", None)
        if isinstance(text, str) and ("{attach}" in text or "|attach|" in text):
            return True
    return False


def get_writer(pelican):
    """get_writer: this writer, when there is a second core to use."""
    from .pool import workers

    return ParallelWriter if workers(pelican.settings) >= 2 else None


def flush(generator, writer=None) -> None:
    """article_writer_finalized: render the collected pages."""
    if isinstance(writer, ParallelWriter):
        writer.flush()
