"""Site search: the Pagefind index (what is in it, what never is, same bytes every build)
and the /search/ page in Chromium, with and without JavaScript, at / and under a sub-path."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitetools.checks.browser import SiteRouter, new_context

from conftest import SUBPATH_SITEURL, build_site, serve
from helpers import html_files, soup

SPONSORED = "2026/a-season-with-northwind-fabrics/"
ONLY_IN_SPONSORED = "rucksack"  # a word no other source file uses
WITHDRAWN = ["sleeve-length-question", "trail-shoe-fit"]  # consent: withdrawn in content/data
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", event => {
  (window.__violations = window.__violations || []).push(event.violatedDirective + " " + event.blockedURI);
});"""


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page, by URL: Pagefind's fragments are gzip'd 'pagefind_dcd' + JSON."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd"):])
        found[record["url"]] = record
    return found


def site_path(url: str) -> str:
    """/blog/2026/x/ or /2026/x/ -> 2026/x/"""
    return urlsplit(url).path.removeprefix(urlsplit(SUBPATH_SITEURL).path).lstrip("/")


def test_index_holds_posts_roundups_pages_and_learned_themes_only(publish_site):
    output = publish_site.output
    indexed = {site_path(url) for url in fragments(output)}
    wanted = set()
    for page in html_files(output):
        document = soup(page)
        if document.select_one("article.post") and document.find("meta", property="og:type")["content"] == "article":
            wanted.add(page.relative_to(output).parent.as_posix() + "/")
    assert {f"{SPONSORED}", "questions/2026-10/", "learned/sizing/", "about/"} <= indexed
    assert wanted <= indexed  # every article and roundup
    for listing in ("", "archives/", "categories/", "category/community/", "tag/sponsored/", "questions/",
                    "learned/", "transparency/", "search/", "404.html"):
        assert listing not in indexed, listing
    assert all(not url.startswith("drafts/") for url in indexed)


def test_results_carry_type_date_and_disclosure(publish_site):
    records = {site_path(url): record for url, record in fragments(publish_site.output).items()}
    sponsored = records[SPONSORED]
    assert sponsored["filters"] == {"type": ["article"], "disclosure": ["sponsored"]}
    assert sponsored["meta"]["badges"] == "Sponsored"
    assert sponsored["meta"]["title"] == "A season with Northwind Fabrics"
    assert sponsored["meta"]["date"] == "8 September 2026"
    assert sponsored["meta"]["datetime"].startswith("2026-09-08T09:00")
    assert ONLY_IN_SPONSORED in sponsored["content"]
    # the asides and the post footer are not part of the text
    assert "Questions or corrections?" not in sponsored["content"]
    roundup = records["questions/2026-10/"]
    assert roundup["filters"]["type"] == ["roundup"] and "disclosure" not in roundup["filters"]
    learned = records["learned/sizing/"]
    assert learned["filters"]["type"] == ["learned"]
    assert learned["meta"]["title"] == "What we learned: Sizing"
    assert records["about/"]["filters"]["type"] == ["page"]


def test_roundup_questions_and_learned_items_are_findable(publish_site):
    records = {site_path(url): record for url, record in fragments(publish_site.output).items()}
    roundup_page = soup(publish_site.output / "questions/2026-10/index.html")
    question = roundup_page.select_one(".question-text").get_text(" ", strip=True)
    assert " ".join(question.split()) in records["questions/2026-10/"]["content"]
    learned_page = soup(publish_site.output / "learned/sizing/index.html")
    headline = learned_page.select_one(".learned-item-title")
    assert headline.get_text(strip=True) in records["learned/sizing/"]["content"]
    anchors = {anchor["id"] for anchor in records["learned/sizing/"]["anchors"]}
    assert headline["id"] in anchors  # results can link straight to the item


def test_withdrawn_content_is_never_indexed(publish_site, dev_site):
    for site in (publish_site, dev_site):
        text = json.dumps(fragments(site.output))
        for withdrawn in WITHDRAWN:
            assert withdrawn not in text
    # drafts are rendered in the local preview, but never indexed
    assert (dev_site.output / "drafts").is_dir()
    assert not any(url.startswith("/drafts/") for url in fragments(dev_site.output))


def test_two_builds_write_the_same_index(publish_site, tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", SUBPATH_SITEURL)
    again = build_site(tmp_path, "publishconf.py", search=True, compress=True,
                       overrides={"SITEURL": SUBPATH_SITEURL, "FEED_DOMAIN": SUBPATH_SITEURL,
                                  "CANONICAL_ROOT": SUBPATH_SITEURL})
    first, second = publish_site.output / "pagefind", again.output / "pagefind"
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert any(name.endswith(".pf_fragment") for name in names)
    different = [name for name in names if (first / name).read_bytes() != (second / name).read_bytes()]
    assert different == []


def test_search_can_be_left_out_of_a_build(tmp_path):
    result = build_site(tmp_path)
    assert not (result.output / "pagefind").exists()
    assert (result.output / "search/index.html").is_file()  # the page itself is always written


@pytest.fixture(params=["root", "sub-path"])
def search_page(request, browser, dev_site, publish_site):
    """A page context at /search/: the dev site served over HTTP, or the publish site
    answered at https://example.org/blog/ by routing."""
    if request.param == "root":
        base, server = serve(dev_site.output)
        context = browser.new_context()
        url = f"{base}/search/"
    else:
        server = None
        context = new_context(browser, SiteRouter(publish_site.output, SUBPATH_SITEURL))
        url = f"{SUBPATH_SITEURL}/search/"
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, url, errors
    context.close()
    if server:
        server.shutdown()


def test_search_finds_the_sponsored_post_with_its_badge(search_page):
    page, url, errors = search_page
    page.goto(url)
    box = page.get_by_label("Search posts, reader questions and what we learned")
    box.wait_for(state="visible")
    assert page.locator("#search-fallback").is_hidden()
    box.fill(ONLY_IN_SPONSORED)
    first = page.locator("#search-results > li").first
    first.wait_for(timeout=10_000)
    assert page.locator("#search-results > li").count() == 1
    link = first.locator(".card-title a")
    assert link.inner_text() == "A season with Northwind Fabrics"
    assert urlsplit(link.evaluate("a => a.href")).path == urlsplit(url).path.removesuffix("search/") + SPONSORED
    assert first.locator(".badges .badge").all_inner_texts() == ["Sponsored"]
    assert first.locator("time").get_attribute("datetime").startswith("2026-09-08")
    assert first.locator("mark").first.inner_text().lower() == ONLY_IN_SPONSORED
    assert "1 result" in page.locator("#search-status").inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "A season with Northwind Fabrics"
    assert page.evaluate("window.__violations || []") == []
    assert errors == []


def test_search_reads_the_query_from_the_address_and_finds_roundups(search_page):
    page, url, errors = search_page
    page.goto(url + "?q=trousers")
    page.locator("#search-results > li").first.wait_for(timeout=10_000)
    assert page.get_by_label("Search posts, reader questions and what we learned").input_value() == "trousers"
    metas = page.locator("#search-results .meta").all_inner_texts()
    assert any("Reader questions" in meta for meta in metas)
    assert page.evaluate("window.__violations || []") == []
    assert errors == []


def test_search_page_without_javascript_says_so_and_links_to_the_lists(browser, dev_site):
    base, server = serve(dev_site.output)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}/search/")
        fallback = page.locator("#search-fallback")
        assert fallback.is_visible()
        assert "needs JavaScript" in fallback.inner_text()
        hrefs = [urlsplit(h).path for h in fallback.locator("a").evaluate_all("links => links.map(a => a.href)")]
        assert "/archives/" in hrefs and "/categories/" in hrefs
        assert page.locator("form[role=search]").is_hidden()
    finally:
        context.close()
        server.shutdown()


def test_only_the_search_page_allows_webassembly(publish_site):
    for page in html_files(publish_site.output):
        csp = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        is_search = page.relative_to(publish_site.output).as_posix() == "search/index.html"
        assert ("'wasm-unsafe-eval'" in csp) == is_search, page
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_search_page_uses_no_inline_script(publish_site):
    document = soup(publish_site.output / "search/index.html")
    scripts = [s for s in document.find_all("script") if s.get("type") != "application/ld+json"]
    assert len(scripts) == 1 and scripts[0].get("src") and not scripts[0].string
    assert urlsplit(scripts[0]["src"]).path.startswith("/blog/theme/js/search.")
    menu = [a.get_text() for a in document.find("nav", attrs={"aria-label": "Main"}).find_all("a")]
    assert "Search" in menu


def test_filter_files_load_in_the_browser(search_page):
    """The filter files are rewritten for reproducibility; Pagefind must still read them."""
    page, url, errors = search_page
    page.goto(url)
    page.get_by_label("Search posts, reader questions and what we learned").wait_for(state="visible")
    counts = page.evaluate("""async () => {
      const bundle = new URL(document.querySelector("form[data-pagefind-bundle]").dataset.pagefindBundle, document.baseURI);
      const pagefind = await import(new URL("pagefind.js", bundle).href);
      const found = await pagefind.search(null, {filters: {disclosure: "sponsored"}});
      return {filters: await pagefind.filters(), sponsored: found.results.length};
    }""")
    assert set(counts["filters"]["type"]) == {"article", "roundup", "page", "learned"}
    assert all(number > 0 for number in counts["filters"]["type"].values())
    assert counts["filters"]["disclosure"]["sponsored"] == 1
    assert counts["sponsored"] == 1
    assert errors == []
