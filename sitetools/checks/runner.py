"""Run the publishing gates and report.

`run_gates(output, siteurl)` checks a built site (tests call it on small
hand-made trees); `check_site(settings_file, siteurl)` builds with the
given settings into a fresh temporary folder first, as `invoke check` does.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from . import accessibility, budget, build_log, feeds, html_validity, links, structured_data
from .browser import launched
from .pages import PageSet, discover
from .report import GateResult, passed, render

GATES = ("build_log", "links", "html_validity", "feeds", "accessibility", "budget", "structured_data")
BROWSER_GATES = ("accessibility", "budget")
DEFAULT_SITEURL = "https://blog.kestrel.example"


def run_gates(output: Path, siteurl: str, log=None, plugins: list[str] | None = None,
              gates=GATES, browser=None, report_dir: Path | None = None,
              pages: dict[str, str] | None = None, settings: dict | None = None) -> list[GateResult]:
    """Results of the chosen gates, in the order of GATES. `log` is the build's log
    records (None: the strict-build gate is skipped); `plugins` (the PLUGINS setting)
    makes the page types of enabled plugins required; `pages` ({name: file relative to
    the output}) replaces the page types the browser gates visit; `settings` (the site's)
    give each page type's URL pattern."""
    output, siteurl = Path(output), siteurl.rstrip("/")
    pages = PageSet(dict(pages), [], []) if pages is not None else discover(output, plugins, settings=settings)
    results: dict[str, GateResult] = {}
    if "build_log" in gates:
        results["build_log"] = build_log.check(log)
    if "links" in gates:
        results["links"] = links.check(output, siteurl, report_dir)
    if "html_validity" in gates:
        results["html_validity"] = html_validity.check(output)
    if "feeds" in gates:
        results["feeds"] = feeds.check(output)
    wanted = [gate for gate in BROWSER_GATES if gate in gates]
    if wanted:
        try:
            with launched(browser) as chromium:
                if "accessibility" in wanted:
                    results["accessibility"] = accessibility.check(output, siteurl, pages, chromium)
                if "budget" in wanted:
                    results["budget"] = budget.check(output, siteurl, pages, chromium)
        except FileNotFoundError as missing:
            for gate, name in (("accessibility", "accessibility"), ("budget", "page budget")):
                if gate in wanted:
                    results[gate] = GateResult(name, failures=[str(missing)])
    if "structured_data" in gates:
        results["structured_data"] = structured_data.check(output)
    return [results[gate] for gate in GATES if gate in results]


def check_site(settings_file: Path, siteurl: str | None = None, report_dir: Path | None = None,
               keep: Path | None = None, gates=GATES) -> tuple[bool, str]:
    """Build with `settings_file` into a fresh folder, run every gate: (passed, report)."""
    from sitetools.build import build, load_settings

    started = time.monotonic()
    siteurl = (siteurl or os.environ.get("SITEURL") or DEFAULT_SITEURL).rstrip("/")
    workdir = Path(tempfile.mkdtemp(prefix="kestrel-check-"))
    previous = os.environ.get("SITEURL")
    os.environ["SITEURL"] = siteurl  # publishconf.py reads it
    try:
        built = build(settings_file, workdir / "output",
                      {"SITEURL": siteurl, "FEED_DOMAIN": siteurl, "CANONICAL_ROOT": siteurl})
        if not built.ok:
            failed = GateResult("strict build", unit="builds", failures=built.report.splitlines(),
                                notes=["the build failed, so no other gate ran"])
            return False, render([failed], time.monotonic() - started)
        site = load_settings(settings_file)
        plugins = list(site.get("PLUGINS", []))
        results = run_gates(built.output, siteurl, built.log, plugins, gates, report_dir=report_dir, settings=site)
        found = discover(built.output, plugins, settings=site).found
        header = (f"Checked a {Path(settings_file).name} build of {siteurl}/ "
                  f"({len(list(built.output.rglob('*.html')))} pages)\n"
                  "Page types: " + ", ".join(f"{kind} = {relative}" for kind, relative in found.items()))
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(built.output, keep)
            header += f"\nThe checked site was copied to {keep}"
        return passed(results), header + "\n" + render(results, time.monotonic() - started)
    finally:
        if previous is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = previous
        shutil.rmtree(workdir, ignore_errors=True)
