"""Build the site in-process, atomically, with a readable report on failure.

Used by tasks.py (build, preview, live reload) and by the tests, so all of
them build exactly the same way. The site is written into a fresh folder
beside the output and swapped in only when the build succeeded: a failed
build leaves the previous site byte-for-byte as it was.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from . import precompress, search as search_index
from .problems import BuildFailed


@dataclass
class BuildResult:
    ok: bool
    output: Path
    report: str = ""
    log: list[logging.LogRecord] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step: pelican, search, compress

    def log_lines(self, level: int = logging.WARNING) -> list[str]:
        return [f"{r.levelname} {r.getMessage()}" for r in self.log if r.levelno >= level]


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


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

    recorder = _Recorder()
    logger = logging.getLogger("pelican")
    logger.addHandler(recorder)
    timings: dict[str, float] = {}
    try:
        started = time.perf_counter()
        Pelican(settings).run()
        timings["pelican"] = time.perf_counter() - started
    except BuildFailed as failure:
        return _failed(target, staging, atomic, failure.report(), recorder)
    except Exception as error:  # template and plugin errors: say what, not where in Pelican
        report = f"Build stopped: {type(error).__name__}: {error}"
        return _failed(target, staging, atomic, report, recorder)
    finally:
        logger.removeHandler(recorder)

    try:
        if search:
            started = time.perf_counter()
            search_index.index(staging)
            timings["search"] = time.perf_counter() - started
        if compress:
            started = time.perf_counter()
            precompress.compress_site(staging)
            timings["compress"] = time.perf_counter() - started
    except search_index.IndexFailed as failure:
        return _failed(target, staging, atomic, f"Build stopped: search index: {failure}", recorder)

    if atomic:
        swap_in(staging, target)
    return BuildResult(True, target, "", recorder.records, timings)


def _failed(target, staging, atomic, report, recorder) -> BuildResult:
    if atomic:
        shutil.rmtree(staging, ignore_errors=True)
    kept = "The previous site is unchanged." if target.exists() else "No site was written."
    return BuildResult(False, target, f"{report}\n{kept}", recorder.records)


def swap_in(staging: Path, target: Path) -> None:
    """Replace target with staging; the old tree is removed only afterwards."""
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
