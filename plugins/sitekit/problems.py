"""Build problems: collected while reading, reported together before writing.

Every plugin reports mistakes in the sources here instead of raising, so an
author sees all of them at once as ``path:line: field: message``. The build
then stops before anything is written, which leaves the previous output as it
was.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pelican import signals


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # A field named after a key the author mistyped ("received:") is quoted, so the
        # line still reads path:line: field: message.
        field = repr(self.field) if not self.field or any(c in self.field for c in ":\n\r") else self.field
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")  # one problem, one line
        return f"{display_path(self.path)}:{self.line}: {field}: {message}"


class BuildFailed(SystemExit):
    """Stops the build with exit status 1.

    A SystemExit, not an Exception: Pelican's command line logs ordinary
    exceptions with a traceback, and the report is all the author needs.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(1)

    def report(self) -> str:
        return format_report(self.problems)


KEY = "SITEKIT_PROBLEMS"  # where a build's settings (and so its context) keep its collector


class Problems:
    """The source mistakes one build found, kept on that build (``problems.of(settings)``)."""

    def __init__(self):
        self.found: list[Problem] = []

    def report(self, path, line: int, field: str, message: str) -> None:
        self.found.append(Problem(str(path), int(line or 1), str(field), str(message)))

    def about(self, path) -> list[Problem]:
        return [problem for problem in self.found if Path(problem.path) == Path(path)]

    def __bool__(self) -> bool:
        return bool(self.found)


def start(pelican) -> None:
    """initialized: a new, empty collector for this build. Every plugin that reports connects
    it (the same function, so it runs once) and the build's context shares it with settings."""
    pelican.settings[KEY] = Problems()


def of(settings: dict) -> Problems:
    """The collector of the build these settings (or this context) belong to. Code running
    outside a build (unit tests, the survey import) gets one of its own."""
    collector = settings.get(KEY)
    if collector is None:
        collector = settings[KEY] = Problems()
    return collector


def stop_before_writing(pelican) -> None:
    """get_writer: runs after reading, before anything is written. Stops the build when any
    plugin reported a problem."""
    found = of(pelican.settings).found
    if found:
        failure = BuildFailed(found)
        # The `pelican` command line shows nothing of a SystemExit, so the
        # report is printed here; sitetools.build callers print it themselves.
        if pelican.settings.get("PRINT_BUILD_REPORT", True):
            print(failure.report(), flush=True)
        raise failure


def connect() -> None:
    """What every plugin that reports problems calls in its register() (a receiver is
    connected once however many plugins ask, so each plugin also works alone)."""
    signals.initialized.connect(start)
    signals.get_writer.connect(stop_before_writing)


def format_report(problems: list[Problem], stopped: str = "Build stopped",
                  then: str = "Fix them and build again; the previous output is unchanged.") -> str:
    """The report a person reads: a count, one ``path:line: field: message`` line each, what to do.
    Tools other than the build (the survey import) say what stopped and what to do next."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"{stopped}: {count} {noun} in the sources. Nothing was written."]
    lines += [f"  {problem}" for problem in problems]
    lines.append(then)
    return "\n".join(lines)


def display_path(path: str) -> str:
    """A path relative to the working directory when it lies inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def metadata_line(path, key: str) -> int:
    """The line of ``Key:`` in a file's front matter (1 when not found)."""
    pattern = re.compile(rf"^\s*:?{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(read_lines(path), start=1):
        if pattern.match(line):
            return number
    return 1


def line_containing(path, text: str) -> tuple[int, str]:
    """The first line holding ``text`` and the metadata key on that line."""
    for number, line in enumerate(read_lines(path), start=1):
        if text and text in line:
            key = line.split(":", 1)[0].strip(" :") if ":" in line else ""
            return number, key
    return 1, ""


def read_lines(path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []

