"""The learned plugin alone (no other plugin; sitekit is a library it imports) on Pelican's
`simple` theme. The builds run in a fresh process: see alone() in conftest.py."""

import feedparser

POST = "Title: Spring range notes\nDate: 2026-03-02 09:00\n\nEvery style now goes to a 44 waist.\n"
FEEDBACK = """feedback:
  - id: wider-size-range
    received: 2025-09-12
    source: survey
    theme: Sizing
    said: "Your trousers stop at a 36 waist. I'd buy a <pair> tomorrow in a 40."
    consent: quote
    count: 14
    status: shipped
    did: |
      From the spring range every style goes to a 44 waist.
    updated: 2026-03-02
    links: [spring-range-notes]
  - id: return-labels
    received: 2026-02-03
    source: support
    theme: Packaging
    said: "A printed returns label in every parcel is wasted."
    consent: paraphrase
    status: heard
"""
FILES = {"spring-range-notes.md": POST, "data/feedback.yaml": FEEDBACK}


def test_learned_pages_come_from_the_plugins_templates(alone):
    site = alone(["learned"], FILES, {"FEED_DOMAIN": "https://example.org"})
    assert site.ok, site.log

    learned = site.page("learned/index.html")
    assert learned.select_one("main article.learned h1").get_text(strip=True) == "What we learned from you"
    assert learned.title.get_text(strip=True) == "What we learned from you · Tiny site"
    assert learned.find("footer").find(string=lambda s: "Proudly powered by" in s)  # simple's base.html
    caption = learned.select_one(".learned-figure figcaption").get_text(" ", strip=True)
    assert caption.startswith("2 pieces of feedback from 15 people")
    sizing = learned.select_one("section.learned-theme[aria-labelledby=theme-sizing] .meta").get_text(" ", strip=True)
    assert sizing.startswith("1 item from 14 people")
    packaging = learned.select_one("section.learned-theme[aria-labelledby=theme-packaging] .meta").get_text(" ", strip=True)
    assert packaging.startswith("1 item from 1 person")

    theme = site.page("learned/sizing/index.html")
    assert theme.select_one("main h1").get_text(strip=True) == "Sizing"
    item = theme.select_one("article.learned-item")
    said_did = {dt.get_text(strip=True): dd for dt, dd in zip(item.select("dl.said-did dt"), item.select("dl.said-did dd"))}
    assert list(said_did) == ["You said", "We did"]
    assert "I'd buy a <pair> tomorrow" in said_did["You said"].blockquote.get_text()  # escaped: no autoescape here
    assert "every style goes to a 44 waist" in said_did["We did"].get_text()

    feed = feedparser.parse(site.output / "feeds" / "learned.atom.xml")
    assert feed.entries, "one entry per status change"
