"""Fixtures that build real sites into tmp_path with the project's settings."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from sitetools.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SUBPATH_SITEURL = "https://example.org/blog"


def build_site(tmp_path: Path, settings: str = "pelicanconf.py", content: Path | None = None,
               overrides: dict | None = None, expect_ok: bool = True, search: bool = False,
               compress: bool = False):
    """Build with the project's settings; `content` replaces content/ when given. The search
    index and the .gz/.br copies are left out unless asked for (they cost time)."""
    settings_overrides = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
                          "CACHE_PATH": str(tmp_path / "cache")}
    if content is not None:
        settings_overrides["PATH"] = str(content)
    settings_overrides.update(overrides or {})
    result = build(ROOT / settings, tmp_path / "output", settings_overrides, search=search, compress=compress)
    if expect_ok:
        assert result.ok, result.report
    return result


def copy_content(tmp_path: Path, source: Path = ROOT / "content") -> Path:
    """A writable copy of a content folder, for tests that change sources."""
    target = tmp_path / "content"
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("dev"), search=True)


@pytest.fixture(scope="session")
def publish_site(tmp_path_factory):
    os.environ["SITEURL"] = SUBPATH_SITEURL
    try:
        return build_site(tmp_path_factory.mktemp("publish"), "publishconf.py",
                          overrides={"SITEURL": SUBPATH_SITEURL, "FEED_DOMAIN": SUBPATH_SITEURL,
                                     "CANONICAL_ROOT": SUBPATH_SITEURL}, search=True, compress=True)
    finally:
        os.environ.pop("SITEURL", None)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a built site on 127.0.0.1 (a free port); returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def dev_server(dev_site):
    base, server = serve(dev_site.output)
    yield base
    server.shutdown()


from sitetools.checks.browser import CHROMIUM_ARGS  # noqa: E402  (one set of flags for tests and `invoke check`)


def pytest_collection_modifyitems(items):
    """Every test that needs Chromium (directly or through another fixture) is a browser test,
    so `make test-fast` can leave them out without a list to keep in step."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}: install it (apt-get install -y chromium) "
                    "or set CHROMIUM_PATH")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
