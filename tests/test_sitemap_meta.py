"""Being found and served well: sitemap.xml, robots.txt, JSON-LD and OpenGraph, content-hashed
theme files, pre-compressed copies and the _headers file, under a sub-path too."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from conftest import ROOT, SUBPATH_SITEURL, build_site, copy_content
from helpers import html_files, soup

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
DEV_SITEURL = "http://127.0.0.1:8000"
PUBLISH = {"SITEURL": SUBPATH_SITEURL, "FEED_DOMAIN": SUBPATH_SITEURL, "CANONICAL_ROOT": SUBPATH_SITEURL}
TEXT = {".html", ".css", ".js", ".xml", ".json", ".txt", ".svg"}


def sitemap(output: Path) -> list[tuple[str, str | None]]:
    root = ET.parse(output / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return [(url.findtext("sm:loc", namespaces=NS), url.findtext("sm:lastmod", namespaces=NS))
            for url in root.findall("sm:url", NS)]


def public_pages(output: Path, siteurl: str) -> set[str]:
    """Every page written, as a URL, less the 404 page, drafts and pages 2+ of listings."""
    urls = set()
    for page in html_files(output):
        relative = page.relative_to(output).as_posix()
        if relative == "404.html" or relative.startswith("drafts/") or re.search(r"(^|/)page/\d+/", relative):
            continue
        urls.add(f"{siteurl}/{relative.removesuffix('index.html')}")
    return urls


@pytest.mark.parametrize("which", ["dev", "publish"])
def test_sitemap_lists_every_public_page_once(which, dev_site, publish_site):
    result, siteurl = (dev_site, DEV_SITEURL) if which == "dev" else (publish_site, SUBPATH_SITEURL)
    entries = sitemap(result.output)
    locs = [loc for loc, _ in entries]
    assert len(locs) == len(set(locs))
    assert locs == sorted(locs)
    assert set(locs) == public_pages(result.output, siteurl)
    for path in ("", "questions/", "questions/2026-10/", "learned/", "learned/sizing/", "transparency/",
                 "search/", "2026/a-season-with-northwind-fabrics/", "about/", "archives/", "category/community/"):
        assert f"{siteurl}/{path}" in locs, path
    assert not any("drafts/" in loc or loc.endswith("404.html") or "/feeds/" in loc for loc in locs)


def test_lastmod_comes_from_the_content(publish_site):
    entries = dict(sitemap(publish_site.output))
    article = soup(publish_site.output / "2026/why-we-publish-what-were-paid-for/index.html")
    modified = article.find("meta", property="article:modified_time")["content"][:10]
    assert entries[f"{SUBPATH_SITEURL}/2026/why-we-publish-what-were-paid-for/"] == modified
    sponsored = soup(publish_site.output / "2026/a-season-with-northwind-fabrics/index.html")
    assert entries[f"{SUBPATH_SITEURL}/2026/a-season-with-northwind-fabrics/"] == \
        sponsored.find("meta", property="article:published_time")["content"][:10]
    newest = max(t["datetime"][:10] for t in soup(publish_site.output / "index.html").find_all("time"))
    assert entries[f"{SUBPATH_SITEURL}/"] == newest
    dates = [lastmod for lastmod in entries.values() if lastmod]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)
    assert max(dates) == newest  # nothing newer than the newest content: no build time


def test_drafts_and_hidden_pages_stay_out_of_the_sitemap(tmp_path):
    content = copy_content(tmp_path)
    (content / "pages" / "press-kit.md").write_text(
        "Title: Press kit\nSlug: press-kit\nStatus: hidden\n\nLogos for journalists.\n", encoding="utf-8")
    result = build_site(tmp_path, content=content)
    locs = [loc for loc, _ in sitemap(result.output)]
    assert (result.output / "press-kit/index.html").is_file()
    assert (result.output / "drafts/winter-repair-cafe-draft/index.html").is_file()
    assert f"{DEV_SITEURL}/press-kit/" not in locs
    assert not any("drafts/" in loc for loc in locs)
    assert f"{DEV_SITEURL}/about/" in locs


def test_withdrawn_questions_are_in_no_sitemap_or_page(publish_site):
    for page in [publish_site.output / "sitemap.xml", *html_files(publish_site.output)]:
        text = page.read_text(encoding="utf-8")
        assert "sleeve-length-question" not in text and "trail-shoe-fit" not in text


def test_robots_names_the_sitemap_at_its_absolute_address(publish_site, dev_site):
    robots = (publish_site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SUBPATH_SITEURL}/sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots and "Disallow: /" not in robots
    assert f"Sitemap: {DEV_SITEURL}/sitemap.xml" in (dev_site.output / "robots.txt").read_text(encoding="utf-8")


def test_two_builds_write_the_same_sitemap_robots_and_headers(publish_site, tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", SUBPATH_SITEURL)
    again = build_site(tmp_path, "publishconf.py", overrides=PUBLISH)
    for name in ("sitemap.xml", "robots.txt", "_headers"):
        assert (again.output / name).read_bytes() == (publish_site.output / name).read_bytes(), name


def test_home_page_names_the_website_and_the_organisation(publish_site):
    scripts = soup(publish_site.output / "index.html").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    nodes = {node["@type"]: node for node in data["@graph"]}
    website, organisation = nodes["WebSite"], nodes["Organization"]
    assert website["url"] == f"{SUBPATH_SITEURL}/"
    assert website["publisher"] == {"@id": organisation["@id"]}
    assert organisation["name"] == "Kestrel Outdoor Co."
    assert organisation["publishingPrinciples"] == f"{SUBPATH_SITEURL}/editorial-policy/"
    assert organisation["actionableFeedbackPolicy"] == f"{SUBPATH_SITEURL}/learned/"
    for url in (organisation["publishingPrinciples"], organisation["actionableFeedbackPolicy"]):
        assert (publish_site.output / urlsplit(url).path.removeprefix("/blog/") / "index.html").is_file()
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == f"{SUBPATH_SITEURL}/search/?q={{query}}"


def test_articles_keep_blogposting_and_the_disclosure_type(publish_site):
    def ld(path):
        return json.loads(soup(publish_site.output / path).find("script", type="application/ld+json").string)
    assert ld("2026/repair-guide-basics/index.html")["@type"] == "BlogPosting"
    assert ld("2026/a-season-with-northwind-fabrics/index.html")["@type"] == "AdvertiserContentArticle"


def test_every_page_has_opengraph_and_twitter_tags(publish_site):
    for page in html_files(publish_site.output):
        document = soup(page)
        name = page.relative_to(publish_site.output).as_posix()

        def og(prop, document=document, name=name):
            tag = document.find("meta", property=prop)
            assert tag and tag["content"].strip(), f"{name}: no {prop}"
            return tag["content"]
        for prop in ("og:type", "og:title", "og:description", "og:site_name"):
            og(prop)
        assert og("og:url") == document.find("link", rel="canonical")["href"]
        assert og("og:url").startswith(SUBPATH_SITEURL + "/")
        assert og("og:locale") == "en_GB"
        for twitter in ("twitter:card", "twitter:title", "twitter:description"):
            assert document.find("meta", attrs={"name": twitter})["content"].strip(), f"{name}: no {twitter}"
        if og("og:type") == "article":
            assert document.find("meta", property="article:published_time")["content"]


# --- content-hashed theme files ---------------------------------------------------------

def theme_files(output: Path) -> list[str]:
    folder = output / "theme"
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and p.suffix not in {".gz", ".br"})


def test_theme_files_have_hashed_names_that_pages_use(publish_site):
    names = theme_files(publish_site.output)
    assert all(re.fullmatch(r"[\w/-]+\.[0-9a-f]{10}\.\w+", name) for name in names), names
    assert {re.sub(r"\.[0-9a-f]{10}\.", ".", name) for name in names} >= {
        "css/site.css", "js/search.js", "images/favicon.svg"}
    document = soup(publish_site.output / "index.html")
    for href in (document.find("link", rel="stylesheet")["href"], document.find("link", rel="icon")["href"]):
        assert urlsplit(href).path.removeprefix("/blog/theme/") in names


def test_hashed_names_change_with_the_file_and_only_then(publish_site, tmp_path, monkeypatch):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    monkeypatch.setenv("SITEURL", SUBPATH_SITEURL)
    same = build_site(tmp_path / "same", "publishconf.py", overrides={**PUBLISH, "THEME": str(theme)})
    assert theme_files(same.output) == theme_files(publish_site.output)
    with (theme / "static/css/site.css").open("a", encoding="utf-8") as css:
        css.write("\n.changed { color: inherit; }\n")
    changed = build_site(tmp_path / "changed", "publishconf.py", overrides={**PUBLISH, "THEME": str(theme)})
    before, after = set(theme_files(same.output)), set(theme_files(changed.output))
    assert [name for name in before - after] == [n for n in before if n.startswith("css/site.")]
    new_css = next(n for n in after - before)
    assert new_css.startswith("css/site.")
    assert "/theme/" + new_css in soup(changed.output / "about/index.html").find("link", rel="stylesheet")["href"]
    assert b".changed" in (changed.output / "theme" / new_css).read_bytes()


# --- pre-compressed copies ---------------------------------------------------------------

def test_every_text_file_has_gzip_and_brotli_copies_that_decompress_to_it(publish_site):
    output = publish_site.output
    texts = [p for p in output.rglob("*") if p.is_file() and p.suffix in TEXT]
    assert len(texts) > 50
    for path in texts:
        original = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == original, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == original, path
    assert not (output / "_headers.gz").exists()
    assert not list(output.rglob("*.pf_fragment.gz")) and not list(output.rglob("*.gz.gz"))


def test_gzip_copies_carry_no_time_or_name(publish_site):
    header = (publish_site.output / "index.html.gz").read_bytes()[:10]
    assert header[3] == 0  # no FNAME flag
    assert header[4:8] == b"\0\0\0\0"  # mtime 0


# --- _headers ----------------------------------------------------------------------------

def header_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            rules.append((line.strip(), {}))
            continue
        name, value = line.strip().split(": ", 1)
        assert name not in rules[-1][1], f"{rules[-1][0]} sets {name} twice"
        rules[-1][1][name] = value
    return rules


def matches(pattern: str, path: str) -> bool:
    """Netlify / Cloudflare Pages matching for the patterns the build writes: exact, or a trailing *."""
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def headers_for(rules, path: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for pattern, headers in rules:
        if matches(pattern, path):
            for name, value in headers.items():
                found.setdefault(name, []).append(value)
    return found


def test_headers_give_each_page_its_own_csp_once(publish_site):
    output = publish_site.output
    rules = header_rules((output / "_headers").read_text(encoding="utf-8"))
    assert all(pattern.startswith("/blog/") for pattern, _ in rules)
    for page in html_files(output):
        relative = page.relative_to(output).as_posix()
        path = "/blog/" + relative.removesuffix("index.html")
        found = headers_for(rules, path)
        for name, values in found.items():
            assert len(values) == 1, f"{path}: {name} set by {len(values)} rules"
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert found["Content-Security-Policy"] == [meta], path
        assert found["Cache-Control"][0].startswith("public, max-age=300")
        assert found["X-Content-Type-Options"] == ["nosniff"]
        assert found["Referrer-Policy"] == [soup(page).find("meta", attrs={"name": "referrer"})["content"]]
        assert "camera=()" in found["Permissions-Policy"][0]
    search = headers_for(rules, "/blog/search/")["Content-Security-Policy"][0]
    assert "script-src 'self' 'wasm-unsafe-eval'" in search
    assert "wasm" not in headers_for(rules, "/blog/2026/kit-we-actually-use/")["Content-Security-Policy"][0]


def test_headers_cache_hashed_files_for_a_year(publish_site):
    output = publish_site.output
    rules = header_rules((output / "_headers").read_text(encoding="utf-8"))
    hashed = ["/blog/theme/" + name for name in theme_files(output)]
    hashed += ["/blog/" + p.relative_to(output).as_posix() for p in (output / "pagefind").rglob("*.pf_fragment")]
    for path in hashed:
        found = headers_for(rules, path)
        assert found["Cache-Control"] == ["public, max-age=31536000, immutable"], path
        assert "Content-Security-Policy" not in found
    assert "Cache-Control" not in headers_for(rules, "/blog/pagefind/pagefind.js")
