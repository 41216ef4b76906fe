"""Build the site in-process, atomically, with a readable report on failure.

Used by tasks.py (build, preview, live reload) and by the tests, so all of
them build exactly the same way. The site is written into a fresh folder
beside the output and swapped in only when the build succeeded: a failed
build leaves the previous site byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateSyntaxError
from pelican import Pelican
from pelican.settings import read_settings

from sitekit.problems import BuildFailed, display_path

from . import precompress
from . import search as search_index
from .logs import LogRecorder

TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".j2", ".jinja", ".jinja2")
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@dataclass
class BuildResult:
    ok: bool
    output: Path
    report: str = ""
    log: list[logging.LogRecord] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step: pelican, search, compress
    interrupted: bool = False  # stopped by Ctrl+C or SIGTERM (tasks exit with 130, not 1)

    def log_lines(self, level: int = logging.WARNING) -> list[str]:
        return [f"{r.levelname} {r.getMessage()}" for r in self.log if r.levelno >= level]


class BuildInterrupted(BaseException):
    """Ctrl+C or SIGTERM during a build: raised where the build is, then cleaned up."""


@contextlib.contextmanager
def _stoppable():
    """While building, SIGINT and SIGTERM raise BuildInterrupted (SIGTERM would otherwise end
    the process at once, leaving the half-written staging folder behind)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    owner = os.getpid()

    def stop(number, frame):
        if os.getpid() != owner:  # a worker forked during the build: end quietly, the build cleans up
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
            return
        raise BuildInterrupted(signal.Signals(number).name)

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def _signals_held():
    """No Ctrl+C between the two renames of the swap; a held signal arrives right after."""
    held = threading.current_thread() is threading.main_thread()
    if held:
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        if held:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def describe_error(error: BaseException, staging: Path | None = None) -> str:
    """An unexpected build error in one line, naming the template file and line when a
    template caused it (``theme/templates/article.html:24: template: ...``)."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return f"{display_path(error.filename)}:{error.lineno}: template: {error.message}"
    text = str(error)
    if staging is not None:
        text = text.replace(f"{staging}/", "")  # name output files as the site will have them
    where = None
    traceback = error.__traceback__
    while traceback is not None:  # Jinja maps its frames to the template file and line
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIXES):
            where = f"{display_path(filename)}:{traceback.tb_lineno}: template: "
        traceback = traceback.tb_next
    if type(error).__name__ == "FileOverwriteFailedError":
        text += ": two sources were given the same address (Slug, URL or SAVE_AS settings)"
    return f"{where or ''}{type(error).__name__}: {text}"


def load_settings(settings_file, overrides: dict | None = None) -> dict:
    return read_settings(str(settings_file), override=dict(overrides or {}))


def build(settings_file, output=None, overrides: dict | None = None, atomic: bool = True,
          search: bool = True, compress: bool = True) -> BuildResult:
    """Build into `output`. After Pelican, in the staging folder (so a failure leaves the old
    site): `search` indexes the pages with Pagefind, `compress` writes .gz/.br beside every
    text file. Both are on for build/preview/publish; fast previews and tests may turn them off."""
    settings = load_settings(settings_file, overrides)
    target = Path(output or settings["OUTPUT_PATH"]).resolve()
    staging = target.with_name(f".{target.name}.building") if atomic else target
    if atomic:
        shutil.rmtree(staging, ignore_errors=True)
    settings["OUTPUT_PATH"] = str(staging)
    settings["PRINT_BUILD_REPORT"] = False

    recorder = LogRecorder()
    timings: dict[str, float] = {}
    try:
        with _stoppable():
            with recorder:
                started = time.perf_counter()
                Pelican(settings).run()
                timings["pelican"] = time.perf_counter() - started
            if search:
                started = time.perf_counter()
                search_index.index(staging)
                timings["search"] = time.perf_counter() - started
            if compress:
                started = time.perf_counter()
                precompress.compress_site(staging)
                timings["compress"] = time.perf_counter() - started
    except BuildFailed as failure:
        return _failed(target, staging, atomic, failure.report(), recorder)
    except search_index.IndexFailed as failure:
        return _failed(target, staging, atomic, f"Build stopped: search index: {failure}", recorder)
    except (BuildInterrupted, KeyboardInterrupt) as stop:
        why = f" ({stop.args[0]})" if stop.args else ""
        return _failed(target, staging, atomic, f"Build interrupted{why} before it finished.", recorder,
                       interrupted=True)
    except Exception as error:  # template and plugin errors: say what and where, not Pelican's stack
        return _failed(target, staging, atomic, f"Build stopped: {describe_error(error, staging)}", recorder)

    if atomic:
        with _signals_held():
            swap_in(staging, target)
    return BuildResult(True, target, "", recorder.records, timings)


def _failed(target, staging, atomic, report, recorder, interrupted=False) -> BuildResult:
    if atomic:
        shutil.rmtree(staging, ignore_errors=True)
    kept = "The previous site is unchanged." if target.exists() else "No site was written."
    return BuildResult(False, target, f"{report}\n{kept}", recorder.records, interrupted=interrupted)


def swap_in(staging: Path, target: Path) -> None:
    """Replace target with staging; the old tree is removed only afterwards."""
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
