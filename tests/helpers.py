"""Reading built sites: pages, links and landmarks, parsed rather than grepped.

The link logic is the publishing gates' own (checks/links.py), so the tests
and `invoke check` agree on what a broken link is.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitetools.checks.links import (  # noqa: F401
    LINK_ATTRIBUTES,
    broken_links,
    html_files,
    is_external,
    links,
    page_url,
    resolve,
    soup,
)

ROOT = Path(__file__).resolve().parent.parent


def run_pelican(content: Path, output: Path, settings: str = "pelicanconf.py", cwd: Path = ROOT) -> tuple[int, str]:
    """The real `pelican` command on a content folder, caches off: (exit status, everything it printed)."""
    run = subprocess.run(
        [str(ROOT / ".venv/bin/pelican"), str(content), "-s", str(ROOT / settings), "-o", str(output),
         "-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", f'CACHE_PATH="{output.parent / "cli-cache"}"'],
        capture_output=True, text=True, cwd=cwd, timeout=120)
    return run.returncode, run.stdout + run.stderr


NO_CACHE = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, except the search index (not deterministic) and compressed copies."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and "pagefind" not in path.parts and path.suffix not in (".gz", ".br")}


def assert_same_site(built: Path, reference: Path) -> None:
    mine, theirs = site_files(built), site_files(reference)
    assert sorted(mine) == sorted(theirs)
    different = [name for name in theirs if mine[name] != theirs[name]]
    assert different == []


def full_build(tmp_path: Path, content: Path, name: str, overrides: dict | None = None) -> Path:
    from sitetools.build import build

    from conftest import ROOT

    result = build(ROOT / "pelicanconf.py", tmp_path / name,
                   {"PATH": str(content), "CACHE_PATH": str(tmp_path / f"cache-{name}"), **NO_CACHE,
                    **(overrides or {})}, search=False, compress=False)
    assert result.ok, result.report
    return result.output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
