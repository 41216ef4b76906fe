"""The sitewide plugin alone (no other plugin; sitekit is a library it imports) on Pelican's
`simple` theme. The builds run in a fresh process: see alone() in conftest.py."""

import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}

FILES = {
    "first-post.md": "Title: First post\nDate: 2026-05-01 09:00\n\nHello.\n",
    "pages/about.md": "Title: About\nSlug: about\n\nWho we are.\n",
}


def test_sitemap_and_robots_are_written(alone):
    site = alone(["sitewide"], FILES)
    assert site.ok, site.log

    sitemap = ET.parse(site.output / "sitemap.xml").getroot()
    urls = {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
            for url in sitemap.findall("s:url", NS)}
    assert urls["https://example.org/first-post.html"] == "2026-05-01"
    assert "https://example.org/pages/about.html" in urls
    assert not any(loc.endswith(".xml") for loc in urls), "feeds are not pages"

    robots = (site.output / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/sitemap.xml" in robots.splitlines()
