"""The reader_questions plugin alone (no other plugin; sitekit is a library it imports) on
Pelican's `simple` theme. The builds run in a fresh process: see alone() in conftest.py."""

import feedparser

POST = "Title: Fixing a seam\nDate: 2026-09-01 09:00\n\nPress the tape back down.\n"
QUESTIONS = """questions:
  - id: seam-tape
    asked: 2026-09-02
    question: "Is my <jacket> done for?"
    asker: {name: Marta, consent: named}
    topic: Repairs
    status: answered
    answer: Not at all; re-tape the seam.
    responded_on: 2026-09-05
    related: [fixing-a-seam]
  - id: longer-legs
    asked: 2026-09-10
    question: "Will you make longer trousers?"
    asker: {consent: anonymous}
    topic: Sizing
    status: open
"""
FILES = {"fixing-a-seam.md": POST, "data/questions.yaml": QUESTIONS}


def test_questions_page_and_roundup_come_from_the_plugins_templates(alone):
    site = alone(["reader_questions"], FILES, {"FEED_DOMAIN": "https://example.org"})
    assert site.ok, site.log

    questions = site.page("questions/index.html")
    assert questions.select_one("main h1").get_text(strip=True) == "Reader questions"
    assert questions.title.get_text(strip=True) == "Reader questions · Tiny site"
    assert questions.find("footer").find(string=lambda s: "Proudly powered by" in s)  # simple's base.html
    counts = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in questions.select(".question-counts div")}
    assert counts["Asked"] == "2" and counts["Answered"] == "1" and counts["Still open"] == "1"
    waiting = questions.select_one(".waiting-list .question-waiting")
    assert waiting.select_one(".question-text").get_text() == "Will you make longer trousers?"
    assert questions.select_one("section[aria-labelledby=questions-roundups] a")["href"].endswith("/questions/2026-09/")

    roundup = site.page("questions/2026-09/index.html")
    assert roundup.select_one("article.post.roundup .eyebrow").get_text(strip=True).startswith("Reader questions · ")
    asked = roundup.select_one("#q-seam-tape .question-text")
    assert asked.get_text() == "Is my <jacket> done for?"  # reader text is escaped on a site without autoescape
    assert "<jacket>" not in str(roundup).replace("&lt;jacket&gt;", "")
    assert "Not at all; re-tape the seam." in roundup.select_one("#q-seam-tape .answer").get_text()
    assert "3 days after it was asked" in roundup.select_one("#q-seam-tape .question-responded").get_text()
    assert roundup.select_one("footer a")["href"].endswith("/questions/")

    feed = feedparser.parse(site.output / "feeds" / "all.atom.xml")
    entry = next(entry for entry in feed.entries if entry.link.endswith("/questions/2026-09/"))
    assert "Is my &lt;jacket&gt; done for?" in entry.content[0].value
