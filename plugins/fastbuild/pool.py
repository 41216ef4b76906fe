"""Convert a build's Markdown files ahead, in worker processes.

At the first "preread" signal of a build, every Markdown file the articles
and pages generators will read (and that Pelican's reader cache cannot
serve) is handed, a few files per task, to a ``ProcessPoolExecutor`` whose
workers are started by the "forkserver" method ("spawn" where there is
none): fresh processes, never a copy of the build's own, so the pool is as
safe under the ``pelican`` command (whose spinner is a second thread), in a
test process or in `make serve` as in a one-shot build. The reader
(reader.py) takes each file's result as Pelican asks for that file.

When the build needs a file whose task no worker has started yet (the
workers are still starting, or another process holds the CPU), that task
is cancelled and its files are read in the build's process: the build
never sits idle waiting for work nobody is doing.

The pool is shut down when the pages generator has read its files, when a
new build starts, at exit, and at once when anything (an error, Ctrl+C,
SIGTERM) interrupts the build while it waits for a result. A worker that
dies breaks the pool; the files it had not returned are then read in the
build's process, as is any file whose reading failed or logged a warning.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from pelican.readers import MarkdownReader

from . import convert

logger = logging.getLogger("pelican.plugins.fastbuild")

DEFAULT_WORKERS = 2
DEFAULT_MIN_FILES = 64
DEFAULT_START_METHOD = "forkserver"
CHUNK = 2  # files per task: few round trips, and little to wait for when the build needs a file
STARTED = "_FASTBUILD_STARTED"  # marks a build's shared context once the pool is set up


class _Run:
    def __init__(self):
        self.executor: ProcessPoolExecutor | None = None
        self.task_of: dict[str, Future] = {}   # path -> the task converting it
        self.ready: dict[str, tuple] = {}      # results taken from finished tasks, not yet asked for
        self.files = 0
        self.converted = 0
        self.cancelled = 0
        self.workers: set[int] = set()


_run = _Run()


def enabled(settings) -> bool:
    return bool(settings.get("FASTBUILD_POOL", True))


def workers(settings) -> int:
    wanted = settings.get("FASTBUILD_WORKERS", DEFAULT_WORKERS)
    return min(int(wanted or 0), os.cpu_count() or 1)


def start_method(settings) -> str:
    """FASTBUILD_START_METHOD: "spawn" or "forkserver" (never "fork": the build may have threads)."""
    wanted = settings.get("FASTBUILD_START_METHOD", DEFAULT_START_METHOD)
    if wanted not in ("spawn", "forkserver") or wanted not in multiprocessing.get_all_start_methods():
        wanted = "spawn"
    return wanted


def markdown_files(generator) -> list[str]:
    """The Markdown files the articles and pages generators will read, in their order."""
    settings = generator.settings
    extensions = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)
    found: dict[str, None] = {}
    for paths, excludes in ((settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"]),
                            (settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"])):
        for relative in generator.get_files(paths, exclude=excludes):
            path = os.path.abspath(os.path.join(generator.path, relative))
            if path.endswith(extensions):
                found.setdefault(path)
    return list(found)


def start(generator) -> None:
    """article/page_generator_preread (sent before every file): once per build, set the pool up."""
    if generator.context.get(STARTED):
        return
    stop()
    generator.context[STARTED] = True
    settings = generator.settings
    count = workers(settings)
    readers = getattr(generator, "readers", None)
    if not enabled(settings) or count < 2 or readers is None:
        return
    from .reader import MarkdownReader as PoolReader

    if not any(isinstance(reader, PoolReader) for reader in readers.readers.values()):
        return
    files = [path for path in markdown_files(generator) if readers.get_cached_data(path, None) is None]
    if len(files) < int(settings.get("FASTBUILD_MIN_FILES", DEFAULT_MIN_FILES)):
        return
    reader_settings = {"MARKDOWN": settings["MARKDOWN"], "FORMATTED_FIELDS": list(settings["FORMATTED_FIELDS"])}
    context = multiprocessing.get_context(start_method(settings))
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["fastbuild.convert"])
    _run.executor = ProcessPoolExecutor(count, mp_context=context, initializer=convert.worker_init,
                                        initargs=(reader_settings,))
    for first in range(0, len(files), CHUNK):
        chunk = files[first:first + CHUNK]
        task = _run.executor.submit(convert.convert_chunk, chunk)
        for path in chunk:
            _run.task_of[path] = task
    _run.files = len(files)


def take(path: str):
    """(content, raw metadata) for this file from the pool, or None: read it in this process."""
    path = os.path.abspath(path)
    if path in _run.ready:
        return _done(_run.ready.pop(path))
    task = _run.task_of.pop(path, None)
    if task is None:
        return None
    if task.cancel():  # no worker has started on it (they are still starting, or all busy): read it here
        _run.cancelled += 1
        for other in [other for other, its in _run.task_of.items() if its is task]:
            del _run.task_of[other]
        return None
    try:
        results = task.result()
    except Exception as error:  # a worker died (BrokenProcessPool) or could not start: read the rest here
        logger.warning("fastbuild: the Markdown pool stopped (%s); reading the remaining files in this process",
                       error or type(error).__name__)
        stop()
        return None
    except BaseException:  # Ctrl+C, SIGTERM (sitetools.build raises BuildInterrupted): no worker outlives it
        stop()
        raise
    for done, result in results:
        if done != path:
            _run.task_of.pop(done, None)
            _run.ready[done] = result
    return _done(dict(results)[path])


def _done(result):
    if result is None:
        return None
    content, metadata, worker = result
    _run.converted += 1
    _run.workers.add(worker)
    return content, metadata


def stop(*_args) -> None:
    """Shut the pool down: reading is over, a new build starts, or the build stopped."""
    executor = _run.executor
    if executor is not None:
        logger.info("fastbuild: %d of %d Markdown files converted in %d worker processes",
                    _run.converted, _run.files, len(_run.workers))
        _run.executor = None
        pending = any(not task.done() for task in _run.task_of.values())
        executor.shutdown(wait=not pending, cancel_futures=True)
    _run.task_of = {}
    _run.ready = {}
    _run.files = _run.converted = _run.cancelled = 0
    _run.workers = set()


atexit.register(stop)
