"""What the tests beside each plugin (plugins/<name>/tests/) share: a tiny site built with
one plugin alone, on Pelican's built-in `simple` theme.

Pelican never disconnects a signal, so a plugin registered once stays active in that process.
Each site is therefore built by the real `pelican` command in a process of its own (the one
installed next to this Python), from a settings file written into the test's tmp_path.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class AloneSite:
    root: Path        # tmp_path: settings.py, content/ and output/
    output: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def log(self) -> str:
        return self.stdout + self.stderr

    def page(self, path: str):
        """A written page, parsed (BeautifulSoup); `path` is relative to the output folder."""
        from bs4 import BeautifulSoup

        return BeautifulSoup((self.output / path).read_text(encoding="utf-8"), "html.parser")


def build_alone(tmp_path: Path, plugins: list[str], files: dict[str, str], settings: dict | None = None,
                timeout: float = 120) -> AloneSite:
    """Write `files` (paths relative to content/) and a settings.py enabling only `plugins`,
    then run `pelican` on them. Extra `settings` are written with repr(), so keep them literal."""
    content = tmp_path / "content"
    for name, text in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    content.mkdir(exist_ok=True)
    values = {
        "PLUGINS": list(plugins),
        "THEME": "simple",
        "PATH": str(content),
        "SITENAME": "Tiny site",
        "SITEURL": "https://example.org",
        "AUTHOR": "Tester",
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_PATH": str(tmp_path / "cache"),
        **(settings or {}),
    }
    settings_file = tmp_path / "settings.py"
    settings_file.write_text("".join(f"{key} = {value!r}\n" for key, value in values.items()), encoding="utf-8")
    output = tmp_path / "output"
    pelican = Path(sys.executable).with_name("pelican")
    done = subprocess.run([str(pelican), str(content), "-s", str(settings_file), "-o", str(output)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=timeout)
    return AloneSite(tmp_path, output, done.returncode, done.stdout, done.stderr)


@pytest.fixture
def alone(tmp_path):
    """``alone(plugins, files, settings=None)``: build a tiny site with only these plugins."""

    def build(plugins: list[str], files: dict[str, str], settings: dict | None = None) -> AloneSite:
        return build_alone(tmp_path, plugins, files, settings)

    return build
