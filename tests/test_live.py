"""The live-reload fast path of `make serve` (sitetools.live): what it rewrites equals a full build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_content
from helpers import assert_same_site, edit, full_build, site_files

from sitetools.live import LiveSite


@pytest.fixture
def live(tmp_path):
    content = copy_content(tmp_path)
    # A post that /learned/ lists (by its title) and no reader question names.
    edit(content / "articles" / "open-questions-we-are-still-asking.md", "Authors: ",
         "Learned_from: wider-size-range\nAuthors: ")
    site = LiveSite(ROOT / "pelicanconf.py", tmp_path / "live",
                    {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache-live")}, search=False)
    first = site.refresh()
    assert first.ok and first.mode == "full", first.report
    return site, content


def test_fast_path_writes_what_a_full_build_writes(live, tmp_path):
    site, content = live
    post = content / "articles" / "open-questions-we-are-still-asking.md"
    edit(post, "Title: ", "Title: Edited: ")
    edit(post, "\n\n", "\n\nA new first paragraph, added while previewing.\n\n")
    sponsored = content / "articles" / "a-season-with-northwind-fabrics.md"
    edit(sponsored, "Summary: ", "Summary: Edited summary. ")

    result = site.refresh()

    assert result.ok and result.mode == "fast", (result.report, result.reason)
    written = {str(Path(name).relative_to(site.output)) for name in result.written}
    page = next(name for name in written if name.endswith("/open-questions-we-are-still-asking/index.html"))
    assert any(name.endswith("/a-season-with-northwind-fabrics/index.html") for name in written)
    assert {"index.html", "archives/index.html", "feeds/all.atom.xml", "learned/index.html",
            "transparency/index.html", "category/community/index.html"} <= written
    assert any(name.startswith("tag/") for name in written)
    assert not any(name.endswith("/spring-range-notes/index.html") for name in written)
    soup = BeautifulSoup((site.output / page).read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text(strip=True).startswith("Edited: ")
    assert "A new first paragraph" in soup.find("div", class_="prose").get_text()
    # Every file, not only the rewritten ones, equals a fresh full build's.
    assert_same_site(site.output, full_build(tmp_path, content, "reference"))


def test_edits_that_move_a_post_rebuild_in_full(live, tmp_path):
    site, content = live
    edit(content / "articles" / "spring-range-notes.md", "Category: ", "Category: Moved ")

    result = site.refresh()

    assert result.ok and result.mode == "full" and "category" in result.reason
    assert_same_site(site.output, full_build(tmp_path, content, "reference"))

    (content / "articles" / "a-new-post.md").write_text(
        "Title: A new post\nDate: 2026-10-30\nCategory: Community\nSlug: a-new-post\n"
        "Summary: New.\n\nBody.\n", encoding="utf-8")
    added = site.refresh()
    assert added.ok and added.mode == "full" and "added" in added.reason
    assert site.refresh().mode == "unchanged"


def test_a_problem_on_the_fast_path_keeps_the_last_good_site(live):
    site, content = live
    before = site_files(site.output)
    edit(content / "articles" / "spring-range-notes.md", "\n\n",
         "\n\nBuy it [here](https://www.amazon.com/dp/B0TEST?tag=kestrel-20).\n\n")

    result = site.refresh()

    assert not result.ok and result.mode == "fast"
    assert re.search(r"spring-range-notes\.md:\d+: link: https://www\.amazon\.com/\S+ looks like an affiliate link",
                     result.report)
    assert site_files(site.output) == before
