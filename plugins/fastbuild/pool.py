"""Convert a build's Markdown files ahead, in worker processes.

At the first "preread" of a build, every Markdown file the articles and
pages generators will read (and that Pelican's reader cache cannot serve)
is handed to a pool of worker processes; the reader then takes each result
as Pelican asks for that file, in Pelican's own order. Files the pool could
not convert are converted again in the main process, so errors are reported
exactly as without the pool.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

from pelican.readers import MarkdownReader

from .convert import worker_convert, worker_init

DEFAULT_WORKERS = 2
DEFAULT_MIN_FILES = 64
STARTED = "_FASTBUILD_STARTED"  # marks a build's shared context once the pool is set up


class _Run:
    def __init__(self):
        self.pool = None
        self.results = None      # iterator over (path, result, error)
        self.waiting: set[str] = set()
        self.ready: dict[str, tuple] = {}


_run = _Run()


def markdown_files(generator) -> list[str]:
    settings = generator.settings
    extensions = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)
    found = []
    for paths, excludes in ((settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"]),
                            (settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"])):
        for relative in generator.get_files(paths, exclude=excludes):
            path = os.path.abspath(os.path.join(generator.path, relative))
            if path.endswith(extensions) and path not in found:
                found.append(path)
    return found


def workers(settings: dict) -> int:
    wanted = settings.get("FASTBUILD_WORKERS", DEFAULT_WORKERS)
    return min(int(wanted or 0), os.cpu_count() or 1)


def fork_is_safe() -> bool:
    """Forking copies only the calling thread: a lock another thread holds at that
    moment (logging, a test's web server, Playwright) stays locked in the child
    for ever. So both cores are used only when this is the process's one thread."""
    return threading.active_count() == 1


def start(generator) -> None:
    """article/page_generator_preread: once per build, before the first file is read."""
    if generator.context.get(STARTED):
        return
    stop()
    generator.context[STARTED] = True
    settings = generator.settings
    count = workers(settings)
    if count < 2 or not hasattr(generator, "readers") or not fork_is_safe():
        return
    readers = generator.readers
    reader = readers.readers.get("md")
    if reader is None or not hasattr(reader, "converters"):
        return
    files = [path for path in markdown_files(generator) if readers.get_cached_data(path, None) is None]
    if len(files) < settings.get("FASTBUILD_MIN_FILES", DEFAULT_MIN_FILES):
        return
    context = multiprocessing.get_context("fork")
    _run.pool = context.Pool(count, initializer=worker_init,
                             initargs=(settings["MARKDOWN"], tuple(settings["FORMATTED_FIELDS"])))
    _run.results = _run.pool.imap(worker_convert, files, chunksize=4)
    _run.waiting = set(files)


def take(path: str):
    """The converted file, or None (convert it here) when the pool does not have it."""
    path = os.path.abspath(path)
    if path in _run.ready:
        return _run.ready.pop(path)
    if path not in _run.waiting:
        return None
    while _run.results is not None:
        try:
            done, result, error = next(_run.results)
        except StopIteration:
            break
        _run.waiting.discard(done)
        if result is None:
            continue
        if done == path:
            return result
        _run.ready[done] = result
    return None


def stop(*_args) -> None:
    """Shut the pool down (all_generators_finalized, or a new build starting)."""
    if _run.pool is not None:
        _run.pool.terminate()
        _run.pool.join()
    _run.pool = None
    _run.results = None
    _run.waiting = set()
    _run.ready = {}
