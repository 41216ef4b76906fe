"""Build the site in-process, atomically, with a readable report on failure.

Used by tasks.py (build, preview, live reload) and by the tests, so all of
them build exactly the same way. The site is written into a fresh folder
beside the output and swapped in only when the build succeeded: a failed
build leaves the previous site byte-for-byte as it was.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from .problems import BuildFailed


@dataclass
class BuildResult:
    ok: bool
    output: Path
    report: str = ""
    log: list[logging.LogRecord] = field(default_factory=list)

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


def build(settings_file, output=None, overrides: dict | None = None, atomic: bool = True) -> BuildResult:
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
    try:
        Pelican(settings).run()
    except BuildFailed as failure:
        return _failed(target, staging, atomic, failure.report(), recorder)
    except Exception as error:  # template and plugin errors: say what, not where in Pelican
        report = f"Build stopped: {type(error).__name__}: {error}"
        return _failed(target, staging, atomic, report, recorder)
    finally:
        logger.removeHandler(recorder)

    if atomic:
        swap_in(staging, target)
    return BuildResult(True, target, "", recorder.records)


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
