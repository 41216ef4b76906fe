"""Reading built sites: pages, links and landmarks, parsed rather than grepped.

The link logic is the publishing gates' own (checks/links.py), so the tests
and `invoke check` agree on what a broken link is.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from checks.links import (LINK_ATTRIBUTES, broken_links, html_files, is_external, links, page_url,  # noqa: F401
                          resolve, soup)


ROOT = Path(__file__).resolve().parent.parent


def run_pelican(content: Path, output: Path, settings: str = "pelicanconf.py", cwd: Path = ROOT) -> tuple[int, str]:
    """The real `pelican` command on a content folder, caches off: (exit status, everything it printed)."""
    run = subprocess.run(
        [str(ROOT / ".venv/bin/pelican"), str(content), "-s", str(ROOT / settings), "-o", str(output),
         "-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", f'CACHE_PATH="{output.parent / "cli-cache"}"'],
        capture_output=True, text=True, cwd=cwd, timeout=120)
    return run.returncode, run.stdout + run.stderr
