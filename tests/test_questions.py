"""Reader-question roundups (plugins/reader_questions), built from fixture sites.

The fixture (tests/fixtures/questions/content) holds every field and state:
named, anonymous and withdrawn askers; answered, declined and open questions;
contact details to redact; HTML in the reader's words.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitekit.problems import display_path

from conftest import FIXTURES, ROOT, build_site, copy_content
from helpers import broken_links, run_pelican, soup

CONTENT = FIXTURES / "questions" / "content"
SITEURL = "http://127.0.0.1:8000"
QUESTIONS_FILE = "data/questions.yaml"


@pytest.fixture(scope="module")
def month_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("questions-month"), content=CONTENT)


@pytest.fixture(scope="module")
def quarter_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("questions-quarter")
    content = copy_content(tmp, CONTENT)
    (content / "roundups/2026-10.md").rename(content / "roundups/2026-q4.md")
    return build_site(tmp, content=content, overrides={"ROUNDUP_PERIOD": "quarter"})


def page(site, path):
    return soup(site.output / path)


def text_of(element) -> str:
    return " ".join(element.get_text("").split())


def question(document, qid):
    found = document.find(id=f"q-{qid}")
    assert found is not None, f"no #q-{qid}"
    return found


def bad_build(tmp_path, yaml_text, overrides=None, files=None):
    """Build the fixture with questions.yaml replaced; returns the failed result."""
    content = copy_content(tmp_path, CONTENT)
    (content / QUESTIONS_FILE).write_text(yaml_text, encoding="utf-8")
    for name, text in (files or {}).items():
        (content / name).write_text(text, encoding="utf-8")
    result = build_site(tmp_path, content=content, overrides=overrides, expect_ok=False)
    assert not result.ok, "the build should have stopped"
    assert not (tmp_path / "output").exists(), "nothing may be written"
    return result, content / QUESTIONS_FILE


# --- Roundups: periods, URLs, blog stream ---------------------------------

def test_one_roundup_per_month_holding_what_was_answered_in_it(month_site):
    expected = {
        "2026-09": {"anonymous-region"},
        "2026-10": {"full-answered", "named-no-region", "declined-one", "contact-details", "html-injection"},
        "2026-11": {"anonymous-named-hidden"},
    }
    for period, ids in expected.items():
        document = page(month_site, f"questions/{period}/index.html")
        shown = {div["id"][2:] for div in document.select(".question")}
        assert shown == ids, period
    assert sorted(p.name for p in (month_site.output / "questions").iterdir() if p.is_dir()) == list(expected)


def test_quarterly_roundups_use_quarter_urls(quarter_site):
    q3 = page(quarter_site, "questions/2026-q3/index.html")
    q4 = page(quarter_site, "questions/2026-q4/index.html")
    assert {d["id"] for d in q3.select(".question")} == {"q-anonymous-region"}
    assert {d["id"] for d in q4.select(".question")} == {
        "q-full-answered", "q-named-no-region", "q-declined-one", "q-contact-details",
        "q-html-injection", "q-anonymous-named-hidden"}
    assert q4.h1.get_text(strip=True) == "October's questions, answered"  # intro file 2026-q4.md
    assert "Q3 2026" in q3.select_one(".eyebrow").get_text()
    assert not (quarter_site.output / "questions/2026-10").exists()
    assert broken_links(quarter_site.output, SITEURL) == []


def test_roundup_post_metadata_date_slug_author_category(month_site):
    document = page(month_site, "questions/2026-10/index.html")
    assert document.select_one(".post-header time")["datetime"].startswith("2026-10-20")  # latest response
    meta = text_of(document.select_one(".post-header .meta"))
    assert "By Kestrel team" in meta and "In Reader questions" in meta
    canonical = document.find("link", rel="canonical")["href"]
    assert canonical == f"{SITEURL}/questions/2026-10/"
    # The slug is questions-2026-10: the archives list it under that URL and title.
    archives = page(month_site, "archives/index.html")
    assert archives.find("a", href=re.compile(r"questions/2026-10/$"))


def test_intro_file_sets_title_summary_tags_and_intro(month_site):
    october = page(month_site, "questions/2026-10/index.html")
    assert october.h1.get_text(strip=True) == "October's questions, answered"
    assert "An intro written by the team for October." in october.select_one(".roundup-intro").get_text()
    assert "fixture-tag" in [a.get_text() for a in october.select(".post-footer a")]
    assert (month_site.output / "tag/fixture-tag/index.html").is_file()
    september = page(month_site, "questions/2026-09/index.html")
    assert september.h1.get_text(strip=True) == "Reader questions: September 2026"
    assert september.select_one(".roundup-intro p").get_text().strip()


def test_roundups_appear_in_index_category_and_feeds(month_site):
    index_links = [a["href"] for a in page(month_site, "index.html").select(".card-title a")]
    assert any(h.endswith("questions/2026-10/") for h in index_links)
    category = page(month_site, "category/reader-questions/index.html")
    assert len(category.select(".card")) == 3
    assert "Fixture summary for October." in category.get_text()
    for feed in ("feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/category/reader-questions.atom.xml"):
        parsed = feedparser.parse((month_site.output / feed).read_bytes())
        entry = next(e for e in parsed.entries if e.link == f"{SITEURL}/questions/2026-10/")
        body = entry.content[0].value if "content" in entry else entry.description
        assert "Is a name alone enough?" in body and "Still open" in body, feed
        # Related links in the feed are absolute, resolved from {filename}.
        assert f'href="{SITEURL}/2026/trail-repairs/"' in body


def test_sample_site_builds_roundups(dev_site):
    for period in ("2026-09", "2026-10", "2026-11"):
        assert (dev_site.output / f"questions/{period}/index.html").is_file()
    nav = page(dev_site, "questions/index.html").find("nav", attrs={"aria-label": "Main"})
    assert nav.find("a", attrs={"aria-current": "page"}).get_text() == "Questions"


# --- One question: every field ------------------------------------------------

def test_answered_question_shows_every_field(month_site):
    document = page(month_site, "questions/2026-10/index.html")
    full = question(document, "full-answered")
    assert full.select_one(".question-text").get_text() == "Can every field be shown?"
    assert full.select_one(".question-asker").get_text() == "Dana, Ohio"
    assert full.find("time", datetime="2026-09-20").get_text() == "20 September 2026"
    answer = full.select_one(".answer")
    assert answer.find("strong").get_text() == "Yes" and len(answer.find_all("li")) == 2
    assert answer.find("script") is None and "alert" not in answer.get_text()  # nh3 removed it
    assert answer.find("a")["href"] == "../../2026/trail-repairs/"
    responded = text_of(full.select_one(".question-responded"))
    assert responded == "Answered by Sam Rivera on 5 October 2026, 15 days after it was asked."
    related = {a.get_text(): a["href"] for a in full.select(".question-related a")}
    assert related == {"Trail repairs": "../../2026/trail-repairs/", "Our partners": "../../2026/our-partners/"}
    # Grouped by topic: the question sits under its topic's heading.
    assert full.find_parent("section").h2.get_text() == "Products"
    assert broken_links(month_site.output, SITEURL) == []


def test_declined_question_shows_reason_and_who(month_site):
    declined = question(page(month_site, "questions/2026-10/index.html"), "declined-one")
    assert "Declined" in declined.select_one(".badge").get_text()
    assert "We do not trade products for reviews." in declined.select_one(".declined-reason").get_text()
    assert text_of(declined.select_one(".question-responded")).startswith("Declined by Jonah Ellis on 20 October 2026")


@pytest.mark.parametrize("qid, period, shown", [
    ("full-answered", "2026-10", "Dana, Ohio"),
    ("named-no-region", "2026-10", "Tom"),
    ("anonymous-region", "2026-09", "A reader, Vermont"),
    ("anonymous-named-hidden", "2026-11", "A reader"),
])
def test_attribution_follows_consent(month_site, qid, period, shown):
    document = page(month_site, f"questions/{period}/index.html")
    assert question(document, qid).select_one(".question-asker").get_text() == shown


def test_anonymous_askers_name_is_nowhere(month_site):
    assert files_containing(month_site.output, "Zebulon") == []


def test_still_open_section_lists_questions_open_at_period_end(month_site):
    september = page(month_site, "questions/2026-09/index.html").select_one(".still-open")
    waiting = {li["id"]: text_of(li) for li in september.select(".question-waiting")}
    assert set(waiting) == {"q-full-answered", "q-open-old"}
    assert "waiting 70 days" in waiting["q-open-old"]  # 1 Sep to the as-of date, 10 Nov
    assert "waited 15 days, then answered on 5 October 2026" in waiting["q-full-answered"]
    later = september.find(id="q-full-answered").find("a", string=re.compile("October"))
    assert later["href"] == "../../questions/2026-10/#q-full-answered"
    october = page(month_site, "questions/2026-10/index.html").select_one(".still-open")
    assert {li["id"] for li in october.select(".question-waiting")} == {"q-open-old", "q-anonymous-named-hidden"}
    november = page(month_site, "questions/2026-11/index.html").select_one(".still-open")
    assert {li["id"] for li in november.select(".question-waiting")} == {"q-open-old", "q-open-new"}
    assert "waiting 0 days" in text_of(november.find(id="q-open-new"))


def test_days_waited_count_to_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 20 November 2026, 00:00 UTC
    result = build_site(tmp_path, content=CONTENT)
    item = page(result, "questions/index.html").find(id="q-open-old")
    assert "waiting 80 days" in text_of(item)


# --- /questions/ ---------------------------------------------------------------

def test_questions_index_counts_median_open_and_call_to_ask(month_site):
    document = page(month_site, "questions/index.html")
    counts = {dt.get_text(): dd.get_text() for dt, dd in zip(document.select(".question-counts dt"),
                                                               document.select(".question-counts dd"))}
    assert counts == {"Asked": "9", "Answered": "6", "Still open": "2", "Declined": "1",
                      "Median time to an answer": "9 days"}
    roundups = [a["href"] for a in document.select("ul.compact a")]
    assert roundups == ["../questions/2026-11/", "../questions/2026-10/", "../questions/2026-09/"]
    open_items = document.select(".waiting-list .question-waiting")
    assert [li["id"] for li in open_items] == ["q-open-old", "q-open-new"]
    assert "waiting 70 days" in text_of(open_items[0])
    assert open_items[0].select_one(".question-related a")["href"] == "../2026/our-partners/"
    ask = document.find("a", string=re.compile("Ask us a question"))
    assert ask["href"] == "../ask/"
    assert document.h1.get_text() == "Reader questions"


def test_questions_index_without_a_data_file(tmp_path):
    content = copy_content(tmp_path, CONTENT)
    (content / QUESTIONS_FILE).unlink()
    shutil.rmtree(content / "roundups")
    result = build_site(tmp_path, content=content)
    document = page(result, "questions/index.html")
    assert "No roundups yet." in document.get_text()
    assert not (result.output / "category/reader-questions").exists()


def test_related_articles_show_readers_asked_about_this(month_site):
    aside = page(month_site, "2026/our-partners/index.html").find("aside", attrs={"aria-labelledby": "readers-asked"})
    assert aside.h2.get_text() == "Readers asked about this"
    links = {a.get_text(): a["href"] for a in aside.find_all("a")}
    assert links == {"Can every field be shown?": "../../questions/2026-10/#q-full-answered",
                     "Will you make recycled insulation?": "../../questions/#q-open-old"}
    assert broken_links(month_site.output, SITEURL) == []


# --- JSON-LD -------------------------------------------------------------------

def json_ld(document) -> dict:
    scripts = document.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("period", ["2026-09", "2026-10", "2026-11"])
def test_faq_page_json_ld_matches_the_visible_answers(month_site, period):
    document = page(month_site, f"questions/{period}/index.html")
    data = json_ld(document)
    assert data["@type"] == "FAQPage"
    answered = document.select(".question-answered")
    assert len(data["mainEntity"]) == len(answered) > 0
    for item, visible in zip(data["mainEntity"], answered):
        assert item["@type"] == "Question"
        assert item["name"] == visible.select_one(".question-text").get_text()
        assert item["acceptedAnswer"]["@type"] == "Answer"
        assert item["acceptedAnswer"]["text"] == text_of(visible.select_one(".answer"))
        assert item["acceptedAnswer"]["url"].endswith(f"/questions/{period}/#{visible['id']}")
    names = {item["name"] for item in data["mainEntity"]}
    assert "Will you send me a free jacket to review?" not in names  # declined: not an answer


# --- Privacy: withdrawal, contact details, untrusted text ------------------------

def files_containing(output: Path, needle: str) -> list[str]:
    found = []
    for path in output.rglob("*"):
        if path.is_file() and needle.lower() in path.read_bytes().decode("utf-8", "replace").lower():
            found.append(str(path.relative_to(output)))
    return found


@pytest.mark.parametrize("needle", ["Pemberton", "Waldorf", "Nowhereshire", "withdrawn-with-text",
                                    "withdrawn-minimal", "Secrets"])
def test_withdrawn_question_is_erased_from_every_output_file(month_site, needle):
    assert files_containing(month_site.output, needle) == []


def test_withdrawn_question_is_not_counted(month_site):
    trail = page(month_site, "2026/trail-repairs/index.html").find("aside", attrs={"aria-labelledby": "readers-asked"})
    assert [li.a["href"] for li in trail.find_all("li")] == [
        "../../questions/2026-10/#q-full-answered", "../../questions/2026-10/#q-html-injection"]


def test_contact_details_are_redacted_with_an_info_notice(tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="pelican.plugins.reader_questions"):
        result = build_site(tmp_path, content=CONTENT)
    text = question(page(result, "questions/2026-10/index.html"), "contact-details").select_one(".question-text")
    assert text.get_text() == "Ring me on [phone removed] or write to [email removed] please."
    for needle in ("jo.bennett", "example.com", "900123", "7700"):
        assert files_containing(result.output, needle) == [], needle
    notices = [r for r in caplog.records if r.name == "pelican.plugins.reader_questions"]
    redacted = [r for r in notices if "contact-details" in r.getMessage()]
    assert redacted and all(r.levelno == logging.INFO for r in notices)
    assert "jo.bennett" not in redacted[0].getMessage()
    leftover = [r for r in notices if "withdrawn-with-text" in r.getMessage()]
    assert leftover and "question" in leftover[0].getMessage()
    assert result.log_lines() == []  # no warning


def test_html_in_reader_text_is_inert_everywhere(month_site):
    document = page(month_site, "questions/2026-10/index.html")
    injected = question(document, "html-injection")
    text = injected.select_one(".question-text")
    assert text.find_all(True) == []  # no <script>, <img> or <b> elements: only text
    assert text.get_text() == "<script>alert('q')</script><img src=x onerror=alert(1)> Is <b>this</b> safe?"
    asker = injected.select_one(".question-asker")
    assert asker.find_all(True) == [] and asker.get_text() == "<i>Eve</i>, <script>r()</script>Kent"
    scripts = document.find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert not document.find_all("img")
    names = [q["name"] for q in json_ld(document)["mainEntity"]]
    assert text.get_text() in names
    # The related article's box and the feed carry it as text too.
    aside = page(month_site, "2026/trail-repairs/index.html").find("aside", attrs={"aria-labelledby": "readers-asked"})
    assert aside.find_all(["script", "img", "b"]) == [] and "<b>this</b>" in aside.get_text()
    parsed = feedparser.parse((month_site.output / "feeds/all.atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/questions/2026-10/"))
    body = BeautifulSoup(entry.content[0].value, "html.parser")
    assert body.find_all(["script", "img", "i"]) == []
    assert "<script>alert('q')</script>" in body.get_text()


# --- Mistakes in the sources ----------------------------------------------------

VALID_ENTRY = """\
  - id: {id}
    asked: 2026-10-01
    question: "A question?"
    asker:
      consent: anonymous
    topic: Repairs
    status: open
"""


def assert_reported(result, path, line, field, message):
    expected = f"{display_path(str(path))}:{line}: {field}: "
    rows = [row.strip() for row in result.report.splitlines()]
    assert any(row.startswith(expected) and message in row for row in rows), \
        f"expected {expected}...{message} in:\n{result.report}"


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    result, path = bad_build(tmp_path, "questions:\n  - id: a\n    asked: [2026-10-01\n    topic: x\n")
    assert re.search(rf"{re.escape(str(path))}:\d+: yaml: syntax error, column \d+", result.report)
    assert "Traceback" not in result.report


def test_every_field_mistake_is_reported_with_its_line(tmp_path):
    yaml_text = """\
questions:
  - id: missing-fields
    question: "No date, no asker"
    topic: Repairs
    status: open
  - id: unknown-field
    asked: 2026-10-01
    question: "Has a typo"
    asker:
      consent: anonymous
    topic: Repairs
    status: open
    relatd: [trail-repairs]
  - id: wrong-types
    asked: 2026-10-01
    question: ["not", "text"]
    asker:
      consent: anonymous
    topic: Repairs
    status: open
    related: trail-repairs
  - id: bad-dates
    asked: 2026-02-30
    question: "Impossible date"
    asker:
      consent: anonymous
    topic: Repairs
    status: declined
    reason: "No."
    responded_on: next tuesday
  - id: unknown-status
    asked: 2026-10-01
    question: "Bad status"
    asker:
      consent: anonymus
    topic: Repairs
    status: anwsered
  - id: answered-without-answer
    asked: 2026-10-01
    question: "Where is the answer?"
    asker:
      consent: anonymous
    topic: Repairs
    status: answered
  - id: declined-without-reason
    asked: 2026-10-01
    question: "Why not?"
    asker:
      consent: anonymous
    topic: Repairs
    status: declined
    responded_on: 2026-10-02
  - id: unknown-related
    asked: 2026-10-01
    question: "Related to nothing"
    asker:
      consent: anonymous
    topic: Repairs
    status: open
    related: [trail-repairs, trail-repair]
  - id: twice
    asked: 2026-10-01
    question: "Same id again"
    asker:
      consent: anonymous
    topic: Repairs
    status: open
  - id: Not A Slug
    asked: 2026-10-01
    question: "   "
    asker:
      consent: named
    topic: Repairs
    status: open
    answer: "An answer on an open question"
  - id: twice
    asked: 2026-10-01
    question: "A third time"
    asker:
      consent: anonymous
    topic: Repairs
    status: open
"""
    result, path = bad_build(tmp_path, yaml_text)
    expected = [
        (2, "asked", "is required but missing"),
        (2, "asker", "is required but missing"),
        (13, "relatd", "unknown field. Did you mean 'related'?"),
        (16, "question", "must be text"),
        (21, "related", "must be a list"),
        (23, "asked", "'2026-02-30' is not a valid date"),
        (30, "responded_on", "'next tuesday' is not a valid date"),
        (35, "asker.consent", "'anonymus' is not allowed"),
        (37, "status", "'anwsered' is not allowed; use one of 'answered', 'open' or 'declined'. "
                                   "Did you mean 'answered'?"),
        (38, "answer", "is required when status is 'answered'"),
        (38, "responded_on", "is required when status is 'answered'"),
        (45, "reason", "is required when status is 'declined'"),
        (60, "related.1", "'trail-repair' is not the slug of a published article "
                          "(did you mean 'trail-repairs'?)."),
        (76, "id", "'twice' is already used on line 61; ids must be unique."),
        (68, "id", "'Not A Slug' is not a valid id"),
        (70, "question", "is empty"),
        (72, "asker.consent", "is 'named' but asker.name is missing"),
        (75, "answer", "is given but status is 'open'"),
    ]
    for line, field, message in expected:
        assert_reported(result, path, line, field, message)
    assert "Traceback" not in result.report


def test_roundup_intro_mistakes_and_period_setting(tmp_path):
    files = {"roundups/october.md": "Title: x\n\nText.\n",
             "roundups/2026-11.md": "Title: November\nDate: 2026-11-01\nSlug: mine\n\nText.\n"}
    result, _ = bad_build(tmp_path, (CONTENT / QUESTIONS_FILE).read_text(), files=files)
    roundups = tmp_path / "content/roundups"
    assert_reported(result, roundups / "october.md", 1, "file", "is not a roundup period")
    assert_reported(result, roundups / "2026-11.md", 2, "date", "is not used in a roundup intro")
    assert_reported(result, roundups / "2026-11.md", 3, "slug", "is not used in a roundup intro")

    quarter, _ = bad_build(tmp_path / "q", (CONTENT / QUESTIONS_FILE).read_text(),
                           overrides={"ROUNDUP_PERIOD": "quarter"})
    assert_reported(quarter, tmp_path / "q/content/roundups/2026-10.md", 1, "file",
                    "ROUNDUP_PERIOD is 'quarter', so this file should be named like 2026-q4.md")

    weekly, _ = bad_build(tmp_path / "w", (CONTENT / QUESTIONS_FILE).read_text(),
                          overrides={"ROUNDUP_PERIOD": "week"})
    assert "ROUNDUP_PERIOD: 'week' is not a roundup period; use 'month' or 'quarter'." in weekly.report


def test_cli_build_with_mistakes_exits_1_with_the_report_and_no_traceback(tmp_path):
    content = copy_content(tmp_path, CONTENT)
    path = content / QUESTIONS_FILE
    path.write_text(path.read_text() + VALID_ENTRY.format(id="full-answered")
                    + VALID_ENTRY.format(id="other").replace("status: open", "status: opn"))
    output = tmp_path / "output"
    status, both = run_pelican(content, output)
    assert status == 1, both
    assert "Traceback" not in both
    assert re.search(r"questions\.yaml:\d+: id: 'full-answered' is already used on line 3", both), both
    assert re.search(r"questions\.yaml:\d+: status: 'opn' is not allowed", both), both


# --- invoke add-question ------------------------------------------------------

def invoke(*args, stdin=""):
    return subprocess.run([str(ROOT / ".venv/bin/invoke"), "add-question", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_add_question_appends_a_valid_entry_and_keeps_comments(tmp_path):
    content = copy_content(tmp_path, CONTENT)
    path = content / QUESTIONS_FILE
    before = path.read_text()
    done = invoke("--content-path", str(content), "--question", "Do you mend <gloves>? Mail a@b.org",
                  "--topic", "Repairs", "--consent", "named", "--name", "Ana", "--region", "Leeds",
                  "--status", "answered", "--answer", "Yes.\n\n- palms\n- fingers", "--asked", "2026-11-01",
                  "--responded-on", "2026-11-05", "--responded-by", "Priya", "--related", "trail-repairs,our-partners")
    assert done.returncode == 0, done.stdout + done.stderr
    after = path.read_text()
    assert after.startswith(before) and "# Fixture: every field and every state." in after
    assert "Added question 'do-you-mend-gloves-mail'" in done.stdout
    result = build_site(tmp_path, content=content)
    added = question(page(result, "questions/2026-11/index.html"), "do-you-mend-gloves-mail")
    assert added.select_one(".question-text").get_text() == "Do you mend <gloves>? Mail [email removed]"
    assert added.select_one(".question-asker").get_text() == "Ana, Leeds"
    assert [li.get_text() for li in added.select(".answer li")] == ["palms", "fingers"]


def test_add_question_prompts_for_what_is_missing(tmp_path):
    content = copy_content(tmp_path, CONTENT)
    done = invoke("--content-path", str(content), "--id", "prompted", "--asked", "2026-11-02",
                  stdin="Was I prompted?\nHow we work\nanonymous\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Question" in done.stdout and "Topic" in done.stdout and "Consent" in done.stdout
    result = build_site(tmp_path, content=content)
    item = page(result, "questions/index.html").find(id="q-prompted")
    assert item.select_one(".question-text").get_text() == "Was I prompted?"


def test_add_question_refuses_an_entry_that_fails_the_check(tmp_path):
    content = copy_content(tmp_path, CONTENT)
    path = content / QUESTIONS_FILE
    before = path.read_text()
    done = invoke("--content-path", str(content), "--question", "Related to nothing?", "--topic", "Repairs",
                  "--consent", "anonymous", "--related", "no-such-post")
    assert done.returncode == 1
    assert re.search(r"questions\.yaml:\d+: related\.0: 'no-such-post' is not the slug of a published article",
                     done.stderr + done.stdout)
    assert path.read_text() == before
    missing = invoke("--content-path", str(content), "--topic", "Repairs", "--consent", "anonymous", stdin="")
    assert missing.returncode == 1 and "Missing --question" in missing.stderr + missing.stdout
    assert path.read_text() == before
