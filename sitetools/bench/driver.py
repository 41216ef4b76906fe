"""One timed build in a fresh process (bench.py starts one per build).

    python -m sitetools.bench.driver plain   CONTENT OUTPUT
    python -m sitetools.bench.driver project CONTENT OUTPUT [--no-extras] [--set '{"KEY": value}']
    python -m sitetools.bench.driver live    CONTENT OUTPUT EDITS

Prints one JSON line on stdout. ``plain`` is Pelican 4.12 with its default
settings and theme and no plugins; ``project`` is ``sitetools.build.build``
with publishconf.py (caches off), the way `invoke preview` builds (with
``--no-extras``, without the search index and compression that follow);
``--set`` overrides settings (e.g. PLUGINS without "fastbuild", or
FASTBUILD_POOL false); ``live`` keeps one warm process, as `make serve`
does, and times EDITS one-article edits through the live-reload path
(``sitetools.live.LiveSite(...).refresh()``, its public API).
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project: settings, theme, content

NO_CACHE = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}


def plain(content: Path, output: Path) -> dict:
    from pelican import Pelican
    from pelican.settings import read_settings

    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "settings.py"
        empty.write_text("", encoding="utf-8")
        settings = read_settings(str(empty), override={"PATH": str(content), "OUTPUT_PATH": str(output),
                                                       **NO_CACHE})
    Pelican(settings).run()
    return {"ok": True}


def project(content: Path, output: Path, extras: bool = True, changes: dict | None = None) -> dict:
    from sitetools.build import build

    overrides = {"PATH": str(content), "CACHE_PATH": str(output.parent / "cache-project"), **NO_CACHE,
                 **(changes or {})}
    result = build(ROOT / "publishconf.py", output, overrides, search=extras, compress=extras)
    return {"ok": result.ok, "report": result.report, "timings": dict(getattr(result, "timings", {}) or {}),
            "cpu": time.process_time()}  # this process's CPU seconds (not the pool's workers)


def live(content: Path, output: Path, edits: int) -> dict:
    from sitetools.bench.corpus import touch_article
    from sitetools.build import build
    from sitetools.live import LiveSite

    overrides = {"PATH": str(content), "CACHE_PATH": str(output.parent / "cache-live")}
    site = LiveSite(ROOT / "pelicanconf.py", output, overrides, search=False)
    first = site.refresh()
    if not first.ok:
        return {"ok": False, "report": first.report}
    articles = sorted((content / "articles").glob("*.md"))
    times, modes, written = [], [], []
    for edit in range(edits):
        number = (len(articles) // 2 + 7 * edit) % len(articles)
        path = touch_article(content, number, edit)
        start = time.perf_counter()
        result = site.refresh()
        times.append(time.perf_counter() - start)
        if not result.ok:
            return {"ok": False, "report": result.report}
        modes.append(result.mode)
        written.append(len(result.written))
        marker = f"Edit marker {edit}:"
        if not any(marker in Path(name).read_text(encoding="utf-8") for name in result.written
                   if name.endswith(".html")):
            return {"ok": False, "report": f"the edit to {path.name} did not reach any page"}

    # For comparison: a full rebuild in the same warm process with Pelican's
    # own content cache (what `make serve` did before the fast path).
    touch_article(content, len(articles) // 3, edits)
    start = time.perf_counter()
    cached = build(ROOT / "pelicanconf.py", output, overrides, search=False, compress=False)
    cache_time = time.perf_counter() - start
    return {"ok": cached.ok, "times": times, "modes": modes, "written": written, "content_cache": cache_time}


def main(argv: list[str]) -> int:
    logging.getLogger("pelican").setLevel(logging.ERROR)
    mode, content, output = argv[0], Path(argv[1]), Path(argv[2])
    if mode == "plain":
        data = plain(content, output)
    elif mode == "project":
        changes = json.loads(argv[argv.index("--set") + 1]) if "--set" in argv else {}
        data = project(content, output, extras="--no-extras" not in argv, changes=changes)
    else:
        data = live(content, output, int(argv[3]))
    print(json.dumps(data), flush=True)
    return 0 if data.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
