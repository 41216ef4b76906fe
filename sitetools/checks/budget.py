"""Gate 6, page budget, measured in Chromium on each page type.

Before first paint: at most 14 KB transferred for HTML + CSS (each response's
body gzip-compressed, as a server sends it) and at most 2 requests. At any
time: no web fonts and no request to another host. With JavaScript off the
page's main content is still there.

The favicon (`<link rel="icon">`, else /favicon.ico) is not counted: the
browser fetches it for its own tab strip, whenever it likes, and it never
delays the first paint.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from .browser import SiteRouter, new_context
from .pages import PageSet, url_for
from .report import GateResult

MAX_BYTES = 14 * 1024
MAX_REQUESTS = 2
MIN_MAIN_TEXT = 40  # characters of text in <main> with JavaScript off

# Resolve with the first paint's time and what was requested before it.
BEFORE_FIRST_PAINT = """() => new Promise(resolve => {
  const report = paint => {
    const icons = [...document.querySelectorAll('link[rel~="icon"]')].map(link => link.href)
      .concat([new URL('/favicon.ico', location.href).href]);
    const resources = performance.getEntriesByType('resource')
      .filter(e => (paint === null || e.startTime < paint) && !icons.includes(e.name)).map(e => e.name);
    resolve({paint, urls: [location.href.split('#')[0], ...resources]});
  };
  new PerformanceObserver(list => {
    const first = list.getEntries().find(e => e.name === 'first-paint') || list.getEntries()[0];
    report(first.paintTime || first.startTime);
  }).observe({type: 'paint', buffered: true});
  setTimeout(() => report(null), 5000);
})"""
FONTS_DECLARED = "() => document.fonts.size"


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def measure(page, router: SiteRouter, url: str) -> dict:
    fonts: list[str] = []
    listener = lambda request: request.resource_type == "font" and fonts.append(request.url)  # noqa: E731
    page.on("request", listener)
    router.foreign.clear()
    page.goto(url)
    painted = page.evaluate(BEFORE_FIRST_PAINT)
    page.wait_for_load_state("load")
    declared = page.evaluate(FONTS_DECLARED)
    page.remove_listener("request", listener)
    files = [router.served.get(u) or router.file_for(u) for u in painted["urls"]]
    return {"paint": painted["paint"], "urls": painted["urls"], "bytes": sum(gzip_size(f) for f in files if f),
            "fonts": fonts, "declared_fonts": declared, "foreign": list(router.foreign)}


def check(output: Path, siteurl: str, pages: PageSet, browser) -> GateResult:
    result = GateResult("page budget", unit="page types")
    router = SiteRouter(output, siteurl)
    context = new_context(browser, router)
    no_js = new_context(browser, router, java_script_enabled=False)
    page, plain = context.new_page(), no_js.new_page()
    figures = []
    for kind, relative in pages.found.items():
        url = url_for(siteurl, relative)
        label = f"{kind} ({relative})"
        result.checked += 1
        found = measure(page, router, url)
        figures.append(f"{kind} {found['bytes'] / 1024:.1f} KB/{len(found['urls'])} req")
        if found["paint"] is None:
            result.fail(f"{label}: never painted")
        if found["bytes"] > MAX_BYTES:
            result.fail(f"{label}: {found['bytes'] / 1024:.1f} KB (gzip) before first paint, over "
                        f"{MAX_BYTES // 1024} KB: {', '.join(found['urls'])}")
        if len(found["urls"]) > MAX_REQUESTS:
            result.fail(f"{label}: {len(found['urls'])} requests before first paint, over {MAX_REQUESTS}: "
                        f"{', '.join(found['urls'])}")
        for font in found["fonts"]:
            result.fail(f"{label}: loads a web font: {font}")
        if found["declared_fonts"] and not found["fonts"]:
            result.fail(f"{label}: declares {found['declared_fonts']} web font(s) (@font-face)")
        for foreign in sorted(set(found["foreign"])):
            result.fail(f"{label}: requests another host: {foreign}")
        plain.goto(url)
        main = plain.locator("main")
        text = " ".join(main.first.inner_text().split()) if main.count() else ""
        if len(text) < MIN_MAIN_TEXT:
            result.fail(f"{label}: with JavaScript off, <main> holds {len(text)} characters of text "
                        f"(needs {MIN_MAIN_TEXT}+): the content must not depend on JavaScript")
    context.close()
    no_js.close()
    if figures:
        result.notes.append("before first paint: " + "; ".join(figures))
    result.failures.extend(pages.missing_failures())
    result.notes.extend(pages.skipped_note())
    return result
