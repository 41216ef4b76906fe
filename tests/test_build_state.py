"""Per-build state: each build keeps its own problems, sitemap and as-of date.

Several builds run in this one process (Pelican never disconnects signals),
so anything kept between builds would show up here.
"""

from __future__ import annotations

import logging
import re

from conftest import build_site, copy_content
from helpers import edit, soup

BROKEN_DATE = "Title: Leap\nDate: 2026-02-30\nCategory: Community\n\nBody.\n"


def test_a_failed_build_leaves_nothing_behind_for_the_next_one(tmp_path):
    content = copy_content(tmp_path)
    (content / "articles" / "leap.md").write_text(BROKEN_DATE, encoding="utf-8")
    failed = build_site(tmp_path / "first", content=content, expect_ok=False)
    assert "articles/leap.md:2: Date:" in failed.report

    (content / "articles" / "leap.md").unlink()
    second = build_site(tmp_path / "second", content=content)
    assert second.ok, second.report
    sitemap = (second.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/leap/" not in sitemap
    # The sitemap lists this build's pages once each: nothing carried over from the first build.
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and len(locations) == len(set(locations))


def test_skipped_files_are_found_by_checking_the_sources_not_the_log(tmp_path):
    """Pelican's log says nothing here (silenced), yet each file it would skip is reported."""
    content = copy_content(tmp_path)
    (content / "articles" / "leap.md").write_text(BROKEN_DATE, encoding="utf-8")
    (content / "articles" / "untitled.md").write_text("Date: 2026-10-01\nCategory: Community\n\nNo title.\n",
                                                      encoding="utf-8")
    (content / "articles" / "unknown-status.md").write_text(
        "Title: Odd\nDate: 2026-10-01\nCategory: Community\nStatus: publsihed\n\nBody.\n", encoding="utf-8")
    pelican_log = logging.getLogger("pelican")
    pelican_log.disabled = True
    try:
        result = build_site(tmp_path / "out", content=content, expect_ok=False)
    finally:
        pelican_log.disabled = False
    assert not result.ok
    assert re.search(r"articles/leap\.md:2: Date: .*2026-02-30", result.report), result.report
    assert "articles/untitled.md:1: Title: is missing" in result.report
    assert "articles/unknown-status.md:4: Status: 'publsihed' is not a status" in result.report
    assert "Did you mean 'published'?" in result.report


def test_one_as_of_date_for_every_plugin_from_posts_and_questions(tmp_path, monkeypatch):
    """The newest reader question moves "today" for the feedback check as much as for the
    roundups, whichever plugin reads the date first."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    content = copy_content(tmp_path)
    edit(content / "data" / "feedback.yaml", "updated: 2026-09-14", "updated: 2029-12-31")
    early = build_site(tmp_path / "early", content=content, expect_ok=False)
    assert "feedback.yaml:52: updated: 2029-12-31 is in the future" in early.report, early.report

    edit(content / "data" / "questions.yaml", "questions:\n", "questions:\n"
         "  - id: late-question\n    asked: 2030-01-01\n    question: Asked long after every post?\n"
         "    asker:\n      consent: anonymous\n    topic: Repairs\n    status: open\n\n")
    late = build_site(tmp_path / "late", content=content)
    text = soup(late.output / "questions" / "index.html").get_text(" ")
    assert re.search(r"Asked long after every post\?.{0,200}?waiting 0 days", text, re.S), text[:2000]
