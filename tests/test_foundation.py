"""Builds of unusual content, broken sources, atomic output, the CLI and tasks."""

from __future__ import annotations

import subprocess

from conftest import FIXTURES, ROOT, build_site, copy_content
from helpers import broken_links, run_pelican, soup


def test_any_valid_pelican_content_renders(tmp_path):
    result = build_site(tmp_path, content=FIXTURES / "odd-content")
    out = result.output
    assert soup(out / "2026/a-post-with-no-tags-and-no-summary/index.html").find("h1").get_text() == \
        "A post with no tags and no summary"
    assert soup(out / "2026/a-restructuredtext-article/index.html").select_one(".prose li")
    assert "Body written as HTML" in soup(out / "2026/an-html-article/index.html").select_one(".prose").get_text()
    assert (out / "2026/a-hidden-article/index.html").is_file()
    index_titles = [a.get_text() for a in soup(out / "index.html").select(".card-title a")]
    assert "A hidden article" not in index_titles
    assert (out / "hidden-page/index.html").is_file()
    assert soup(out / "drafts/a-draft-with-a-new-tag/index.html").find("h1")
    assert broken_links(out, "http://127.0.0.1:8000") == []
    assert result.log_lines() == []


def _break_date(content):
    article = content / "articles/repair-guide-basics.md"
    article.write_text(article.read_text().replace("Date: 2026-", "Date: 2026-13-", 1))
    return article


def test_unreadable_front_matter_fails_the_build_with_path_line_and_field(tmp_path):
    content = copy_content(tmp_path)
    article = _break_date(content)
    result = build_site(tmp_path, content=content, expect_ok=False)
    assert not result.ok
    lines = [line.strip() for line in result.report.splitlines()]
    assert any(line.startswith(f"{article}:2: Date: '2026-13-") for line in lines), result.report
    assert any("write dates as 2026-10-03" in line for line in lines)


def test_failed_build_leaves_the_previous_output_untouched(tmp_path):
    content = copy_content(tmp_path)
    build_site(tmp_path, content=content)
    before = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    _break_date(content)
    (content / "articles/new.md").write_text("Title: New\nDate: 2026-11-01\nCategory: X\n\nNew post.\n")
    result = build_site(tmp_path, content=content, expect_ok=False)
    assert "previous site is unchanged" in result.report
    after = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / ".output.building").exists()


def test_pelican_cli_exits_non_zero_with_the_report_and_no_traceback(tmp_path):
    content = copy_content(tmp_path)
    _break_date(content)
    for settings in ("pelicanconf.py", "publishconf.py"):
        status, text = run_pelican(content, tmp_path / "out", settings, cwd=tmp_path)
        assert status == 1, text
        assert "repair-guide-basics.md:2: Date:" in text
        assert "Traceback" not in text
        assert not (tmp_path / "out" / "index.html").exists()


def test_invoke_build_fails_cleanly_and_new_post_writes_a_draft(tmp_path):
    run = subprocess.run([str(ROOT / ".venv/bin/invoke"), "new-post", "Listening, week 12!",
                          "--content-dir", str(tmp_path), "--category", "Listening"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    path = tmp_path / "listening-week-12.md"
    assert run.stdout.strip() == str(path)
    text = path.read_text()
    for field in ("Title: Listening, week 12!", "Category: Listening", "Slug: listening-week-12",
                  "Status: draft", "Date: 20"):
        assert field in text
    again = subprocess.run([str(ROOT / ".venv/bin/invoke"), "new-post", "Listening, week 12!",
                            "--content-dir", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_new_post_builds_as_a_listed_draft(tmp_path):
    content = copy_content(tmp_path)
    subprocess.run([str(ROOT / ".venv/bin/invoke"), "new-post", "Fresh idea",
                    "--content-dir", str(content / "articles")], check=True, capture_output=True, cwd=ROOT)
    result = build_site(tmp_path, content=content)
    assert "Fresh idea" in soup(result.output / "index.html").select_one(".drafts").get_text()


def test_a_post_without_title_is_not_silently_skipped(tmp_path):
    content = copy_content(tmp_path)
    article = content / "articles/untitled.md"
    article.write_text("Date: 2026-10-01\nCategory: Community\n\nNo title here.\n")
    result = build_site(tmp_path, content=content, expect_ok=False)
    assert f"{article}:1: Title: is missing" in result.report
