"""The disclosure plugin alone (no other plugin; sitekit is a library it imports) on
Pelican's `simple` theme. The builds run in a fresh process: see alone() in conftest.py."""

import feedparser

POLICY = "Title: Editorial policy\nSlug: policy\n\nHow we label paid posts.\n"
SPONSORED = """Title: A season with Northwind
Date: 2026-09-08 09:00
Disclosure: sponsored
Sponsor: Northwind Mills

We wore their waxed cotton for a season.
"""
PLAIN = "Title: Just a post\nDate: 2026-08-01 09:00\n\nNothing to disclose.\n"
SETTINGS = {"DISCLOSURE_POLICY_URL": "pages/policy.html", "FEED_DOMAIN": "https://example.org"}


def test_the_transparency_report_comes_from_the_plugins_template(alone):
    site = alone(["disclosure"], {"pages/policy.md": POLICY, "season.md": SPONSORED, "plain.md": PLAIN}, SETTINGS)
    assert site.ok, site.log

    report = site.page("transparency/index.html")
    assert report.select_one("main article h1").get_text(strip=True) == "Transparency report"
    assert report.title.get_text(strip=True) == "Transparency report · Tiny site"
    assert report.select_one("article.post.transparency"), "the plugin's markup, inside the simple theme"
    assert report.find("footer").find(string=lambda s: "Proudly powered by" in s)  # simple's base.html
    sponsor = report.find("h3", string="Northwind Mills")
    assert sponsor is not None
    entry = sponsor.find_parent("section").select_one(".report-list li")
    assert entry.a.get_text(strip=True) == "A season with Northwind"
    assert [badge.get_text() for badge in entry.select(".badge")] == ["Sponsored"]
    assert report.find("a", href="https://example.org/pages/policy.html")
    assert "Just a post" not in report.get_text()

    assert (site.output / "a-season-with-northwind.html").is_file()  # the simple theme's article page
    feed = feedparser.parse(site.output / "feeds" / "all.atom.xml")
    sponsored = next(entry for entry in feed.entries if entry.title == "A season with Northwind")
    assert "Paid for by Northwind Mills." in sponsored.content[0].value


def test_a_sponsored_post_without_a_sponsor_stops_the_build_with_path_and_line(alone):
    missing = SPONSORED.replace("Sponsor: Northwind Mills\n", "")
    site = alone(["disclosure"], {"pages/policy.md": POLICY, "season.md": missing}, SETTINGS)
    assert not site.ok
    assert "content/season.md:3: Disclosure: 'sponsored' needs a sponsor" in site.log, site.log
    assert not (site.output / "transparency" / "index.html").exists()
