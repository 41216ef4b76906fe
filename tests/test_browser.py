"""The sample site in Chromium: no errors, nothing from other hosts, keyboard first."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGES = ["/", "/2026/a-season-with-northwind-fabrics/", "/about/", "/archives/"]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_foreign_requests(page, dev_server, path):
    errors, foreign = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: urlsplit(request.url).netloc != urlsplit(dev_server).netloc
            and not request.url.startswith("data:") and foreign.append(request.url))
    response = page.goto(dev_server + path)
    page.wait_for_load_state("networkidle")
    assert response.ok
    assert errors == []
    assert foreign == []
    assert page.evaluate("document.cookie") == ""


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(page, dev_server):
    page.goto(dev_server + "/2026/a-season-with-northwind-fabrics/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused == ["Skip to content", "#main"]
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_background_follow_the_colour_scheme(browser, dev_server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(dev_server + "/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    channels = [int(c) for c in background[background.index("(") + 1:-1].split(",")[:3]]
    assert (sum(channels) / 3 > 128) == (scheme == "light")


def test_layout_fits_a_320px_screen(browser, dev_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(dev_server + "/2026/kit-we-actually-use/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0
