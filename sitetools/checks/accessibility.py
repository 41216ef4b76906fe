"""Gate 5, accessibility: axe-core in Chromium finds no violation at WCAG 2.2
A/AA on any page type, in the light and the dark colour scheme."""

from __future__ import annotations

from pathlib import Path

from .browser import SiteRouter, new_context
from .pages import PageSet, url_for
from .report import GateResult

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = ("light", "dark")


def audit(page) -> dict:
    """axe's results: `violations` fail the gate; `incomplete` (axe could not decide) is noted."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response


def describe(violation: dict) -> str:
    nodes = violation.get("nodes", [])
    first = nodes[0] if nodes else {}
    target = " ".join(map(str, first.get("target", [])))
    summary = " ".join((first.get("failureSummary") or "").split())
    return (f"{violation['id']} ({violation.get('impact')}): {violation.get('help')}; {len(nodes)} element(s), "
            f"e.g. {target}: {summary}")


def check(output: Path, siteurl: str, pages: PageSet, browser) -> GateResult:
    result = GateResult("accessibility", unit="page views (page types x light/dark)")
    router = SiteRouter(output, siteurl)
    for scheme in SCHEMES:
        context = new_context(browser, router, color_scheme=scheme)
        page = context.new_page()
        for kind, relative in pages.found.items():
            response = page.goto(url_for(siteurl, relative))
            if response is None or not response.ok:
                result.fail(f"{kind} ({relative}) [{scheme}]: could not be loaded")
                continue
            result.checked += 1
            found = audit(page)
            for violation in found["violations"]:
                result.fail(f"{kind} ({relative}) [{scheme}]: {describe(violation)}")
            undecided = ", ".join(rule["id"] for rule in found.get("incomplete", []))
            if undecided:
                result.notes.append(f"{kind} ({relative}) [{scheme}]: axe could not decide {undecided} "
                                    "(needs a human look)")
        context.close()
    result.failures.extend(pages.missing_failures())
    result.notes.extend(pages.skipped_note())
    return result
