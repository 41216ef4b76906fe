"""The sample site, built with both settings files, as readers and feed readers get it."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import SUBPATH_SITEURL
from helpers import broken_links, html_files, is_external, links, page_url, soup

DEV_SITEURL = "http://127.0.0.1:8000"

PAGE_TYPES = {
    "index": "index.html",
    "article": "2026/a-season-with-northwind-fabrics/index.html",
    "page": "about/index.html",
    "category": "category/transparency/index.html",
    "tag": "tag/disclosure/index.html",
    "author": "author/sam-rivera/index.html",
    "archives": "archives/index.html",
    "categories": "categories/index.html",
    "tags": "tags/index.html",
    "authors": "authors/index.html",
    "404": "404.html",
    "roundup": "questions/2026-10/index.html",
    "questions": "questions/index.html",
    "transparency": "transparency/index.html",
    "learned": "learned/index.html",
    "learned-theme": "learned/sizing/index.html",
}


@pytest.fixture(params=["dev", "publish"])
def site(request, dev_site, publish_site):
    if request.param == "dev":
        return dev_site, DEV_SITEURL
    return publish_site, SUBPATH_SITEURL


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_has_landmarks_skip_link_and_csp(site, kind):
    result, _ = site
    document = soup(result.output / PAGE_TYPES[kind])
    for landmark in ("header", "nav", "main", "footer"):
        assert document.find(landmark), f"{kind}: no <{landmark}>"
    assert len(document.find_all("h1")) == 1, f"{kind}: needs exactly one h1"
    first_link = document.body.find("a")
    assert first_link["href"] == "#main" and document.find(id="main")
    csp = document.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert document.find("link", rel="canonical")
    assert document.find("meta", attrs={"name": "description"})["content"].strip()
    assert document.find("meta", property="og:title")
    assert document.find("link", attrs={"type": "application/atom+xml"})
    assert document.find("link", attrs={"type": "application/rss+xml"})
    scripts = document.find_all("script", type="application/ld+json")
    assert len(scripts) == 1 and json.loads(scripts[0].string)["@context"] == "https://schema.org"


def test_footer_links_policy_and_ask_pages(dev_site):
    footer = soup(dev_site.output / "index.html").find("footer")
    hrefs = [a["href"].removeprefix("./") for a in footer.find_all("a")]
    assert "editorial-policy/" in hrefs and "ask/" in hrefs and "privacy/" in hrefs


def test_nav_marks_the_current_page(dev_site):
    nav = soup(dev_site.output / "archives/index.html").find("nav", attrs={"aria-label": "Main"})
    current = nav.find_all(attrs={"aria-current": "page"})
    assert [a.get_text() for a in current] == ["Articles"]


def test_every_internal_link_resolves(site):
    result, siteurl = site
    assert broken_links(result.output, siteurl) == []


def test_no_asset_or_link_to_another_host_outside_article_bodies(site):
    result, siteurl = site
    offenders = []
    for page in html_files(result.output):
        document = soup(page)
        # Article bodies, and the sponsor links authors give in front matter (Sponsor_url).
        bodies = document.select(".prose, .disclosure-sponsors")
        base = page_url(result.output, page, siteurl)
        for element, attribute, url in links(document):
            if not is_external(siteurl, base, url):
                continue
            inside_body = any(body in element.parents for body in bodies)
            if element.name != "a" or not inside_body:
                offenders.append(f"{page.relative_to(result.output)}: <{element.name} {attribute}={url}>")
    assert offenders == []


def test_pelican_log_has_no_warning_or_error(site):
    result, _ = site
    assert result.log_lines() == []


def test_modified_date_is_shown(dev_site):
    meta = soup(dev_site.output / "2026/why-we-publish-what-were-paid-for/index.html").select_one(".post-header .meta")
    assert "Updated" in meta.get_text()


def test_drafts_are_listed_locally_but_never_published(dev_site, publish_site):
    assert "Winter repair" in soup(dev_site.output / "index.html").select_one(".drafts").get_text()
    assert (dev_site.output / "drafts/winter-repair-cafe-draft/index.html").is_file()
    assert not (publish_site.output / "drafts").exists()
    assert soup(publish_site.output / "index.html").select_one(".drafts") is None


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/all.rss.xml",
                                  "feeds/category/transparency.atom.xml",
                                  "feeds/category/transparency.rss.xml"])
def test_feeds_parse_with_absolute_links_under_the_sub_path(publish_site, feed):
    parsed = feedparser.parse((publish_site.output / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith(SUBPATH_SITEURL + "/"), entry.link
        assert entry.get("title") and entry.get("id")


def test_publish_urls_live_under_the_sub_path(publish_site):
    document = soup(publish_site.output / "index.html")
    canonical = document.find("link", rel="canonical")["href"]
    assert canonical == SUBPATH_SITEURL + "/"
    stylesheet = document.find("link", rel="stylesheet")["href"]
    assert urlsplit(stylesheet).path.startswith("/blog/")
    assert broken_links(publish_site.output, SUBPATH_SITEURL) == []


def test_data_files_never_reach_the_output(publish_site):
    leaked = [p for p in publish_site.output.rglob("*") if p.suffix in {".yaml", ".yml", ".csv", ".md"}]
    assert leaked == []
