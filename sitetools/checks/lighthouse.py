"""`make lighthouse`: Lighthouse's four category scores for every page type.

Optional, not in CI. Builds with publishconf.py for a local server's address,
serves it with gzip on 127.0.0.1 and runs npm's lighthouse (installed by
`make lighthouse` into .cache/lighthouse) in headless Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import serving
from .browser import chromium_path
from .pages import discover, url_for

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def scores(lighthouse: Path, url: str) -> dict[str, int | None]:
    run = subprocess.run(
        [str(lighthouse), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium_path()}, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {run.stderr.strip()[-800:]}")
    categories = json.loads(run.stdout)["categories"]
    return {name: None if categories[name]["score"] is None else round(categories[name]["score"] * 100)
            for name in CATEGORIES}


def run(settings_file: Path, lighthouse: Path) -> bool:
    """Print a table of scores, one page type a line, as each run finishes."""
    from sitetools.build import build, load_settings

    workdir = Path(tempfile.mkdtemp(prefix="kestrel-lighthouse-"))
    server = serving.start(workdir / "output")
    siteurl = f"http://127.0.0.1:{server.server_address[1]}"
    previous = os.environ.get("SITEURL")
    os.environ["SITEURL"] = siteurl
    try:
        built = build(settings_file, workdir / "output",
                      {"SITEURL": siteurl, "FEED_DOMAIN": siteurl, "CANONICAL_ROOT": siteurl})
        if not built.ok:
            print(built.report)
            return False
        site = load_settings(settings_file)
        pages = discover(built.output, list(site.get("PLUGINS", [])), settings=site)
        print(f"Lighthouse 12 (mobile, simulated throttling) on {siteurl}/, served with gzip", flush=True)
        print(f"{'page type':<20} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  file", flush=True)
        for kind, relative in pages.found.items():
            found = scores(lighthouse, url_for(siteurl, relative))
            cells = " ".join(f"{'-' if v is None else v:>5}" for v in found.values())
            print(f"{kind:<20} {cells}  {relative}", flush=True)
        return True
    finally:
        server.shutdown()
        if previous is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = previous
        shutil.rmtree(workdir, ignore_errors=True)
