"""Chromium for the browser gates, serving the built site from disk.

Every request is answered from the output folder through Playwright routing,
so pages load at their real public address (absolute URLs, sub-paths) with no
server; a request to any other host is recorded and refused.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The one set of flags for Debian's Chromium under Playwright (tests/conftest.py uses it too).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@contextlib.contextmanager
def launched(browser=None):
    """Yield `browser` if given, else a Chromium launched for the duration."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if not Path(executable).exists():
        raise FileNotFoundError(f"Chromium not found at {executable}: install it (apt-get install -y chromium) "
                                "or set CHROMIUM_PATH")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class SiteRouter:
    """Answers the site's own URLs from `output`; refuses and records the rest."""

    output: Path
    siteurl: str
    foreign: list[str] = field(default_factory=list)
    served: dict[str, Path] = field(default_factory=dict)  # url -> file

    def file_for(self, url: str) -> Path | None:
        parts, site = urlsplit(url), urlsplit(self.siteurl.rstrip("/") + "/")
        path = unquote(parts.path)
        if parts.netloc != site.netloc or not path.startswith(site.path):
            return None
        target = self.output / path[len(site.path):]
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() and target.resolve().is_relative_to(self.output.resolve()) else None

    def is_site(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.siteurl).netloc

    def handle(self, route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")):
            route.continue_()
            return
        if not self.is_site(url):
            self.foreign.append(url)
            route.abort()
            return
        target = self.file_for(url)
        if target is None:
            route.fulfill(status=404, body="Not found", content_type="text/plain")
            return
        self.served[url] = target
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith(("+xml", "javascript", "json")):
            content_type += "; charset=utf-8"
        route.fulfill(status=200, body=target.read_bytes(), content_type=content_type)


def new_context(browser, router: SiteRouter, **options):
    context = browser.new_context(**options)
    context.route("**/*", router.handle)
    return context
