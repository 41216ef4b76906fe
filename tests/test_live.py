"""The live-reload fast path of `make serve` (sitetools.live): what it rewrites equals a full build.

Each edit is checked for the path it took: one the fast path covers must
really take it (mode "fast", only the pages showing the post rewritten, every
other file left untouched on disk), anything else must be a full build. After
the fast path, every file of the served site is compared with a fresh full
build of the same sources.
Nothing here is timed; the edit loop's speed is `invoke bench`'s business.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.contents import Article, Content
from pelican.writers import Writer

from sitetools.live import LiveSite, Replacer, SelectiveWriter, forget_pelican_memos

from conftest import ROOT, copy_content
from helpers import assert_same_site, edit, full_build, site_files

LISTING = re.compile(r"^(index\.html|page/\d+/index\.html)$")


def start(tmp_path, content, overrides=None) -> LiveSite:
    site = LiveSite(ROOT / "pelicanconf.py", tmp_path / "live",
                    {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache-live"), **(overrides or {})},
                    search=False)
    first = site.refresh()
    assert first.ok and first.mode == "full", first.report
    return site


@pytest.fixture
def live(tmp_path):
    content = copy_content(tmp_path)
    # A post that /learned/ lists (by its title) and no reader question names.
    edit(content / "articles" / "open-questions-we-are-still-asking.md", "Authors: ",
         "Learned_from: wider-size-range\nAuthors: ")
    return start(tmp_path, content), content


def stamps(folder: Path) -> dict[str, int]:
    return {str(path.relative_to(folder)): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def refreshed_fast(site: LiveSite):
    """Refresh and check the fast path really ran: only the files it names were touched."""
    before = stamps(site.output)
    result = site.refresh()
    assert result.ok and result.mode == "fast", (result.report, result.reason)
    written = {str(Path(name).relative_to(site.output)) for name in result.written}
    after = stamps(site.output)
    assert written and len(written) < len(after) / 2
    assert {name for name in after if after[name] != before.get(name)} == written
    return result, written


def kept_objects(site: LiveSite) -> list:
    return [content for generator in site.generators for name in ("articles", "translations", "pages", "dates")
            for content in getattr(generator, name, None) or []]


def test_fast_path_writes_what_a_full_build_writes(live, tmp_path):
    site, content = live
    post = content / "articles" / "open-questions-we-are-still-asking.md"
    edit(post, "Title: ", "Title: Edited: ")
    edit(post, "\n\n", "\n\nA new first paragraph, added while previewing.\n\n")
    sponsored = content / "articles" / "a-season-with-northwind-fabrics.md"
    edit(sponsored, "Summary: ", "Summary: Edited summary. ")
    old = site.sources[str(post)][1]

    result, written = refreshed_fast(site)

    page = next(name for name in written if name.endswith("/open-questions-we-are-still-asking/index.html"))
    assert any(name.endswith("/a-season-with-northwind-fabrics/index.html") for name in written)
    assert {"index.html", "archives/index.html", "feeds/all.atom.xml", "learned/index.html",
            "transparency/index.html", "category/community/index.html"} <= written
    assert any(name.startswith("tag/") for name in written)
    assert not any(name.endswith("/spring-range-notes/index.html") for name in written)
    soup = BeautifulSoup((site.output / page).read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text(strip=True).startswith("Edited: ")
    assert "A new first paragraph" in soup.find("div", class_="prose").get_text()
    # A new object took the old one's place everywhere; the old one was not changed.
    new = site.sources[str(post)][1]
    assert new is not old and old.title.startswith("Open") and new.title.startswith("Edited: ")
    assert not any(content is old for content in kept_objects(site))
    assert new in site.generators[0].context["articles"]
    # Every file, not only the rewritten ones, equals a fresh full build's.
    assert_same_site(site.output, full_build(tmp_path, content, "reference"))


def test_an_edit_to_a_page_rewrites_only_that_page(live, tmp_path):
    site, content = live
    edit(content / "pages" / "about.md", "Kestrel Field Notes is where",
         "Kestrel Field Notes, edited while previewing, is where")

    _, written = refreshed_fast(site)

    assert written == {"about/index.html"}
    assert "edited while previewing" in (site.output / "about/index.html").read_text(encoding="utf-8")
    assert_same_site(site.output, full_build(tmp_path, content, "reference"))


def test_a_post_with_reader_questions_and_a_paginated_listing(tmp_path):
    # Two posts a page: the post is on one page of the blog's listing, of its
    # category's and of its tags'; only those pages are rewritten.
    content = copy_content(tmp_path)
    site = start(tmp_path, content, {"DEFAULT_PAGINATION": 2})
    post = content / "articles" / "repair-guide-basics.md"
    edit(post, "\n\n", "\n\nAn edited first paragraph.\n\n")

    _, written = refreshed_fast(site)

    listings = sorted(name for name in written if LISTING.match(name))
    assert len(listings) == 1 and listings[0] != "index.html"  # an older post: a later page
    assert "/repair-guide-basics/" in (site.output / listings[0]).read_text(encoding="utf-8")
    assert sum(1 for name in site_files(site.output) if LISTING.match(name)) > 2
    assert site.sources[str(post)][1].reader_questions  # carried over to the new object
    reference = full_build(tmp_path, content, "reference", {"DEFAULT_PAGINATION": 2})
    assert_same_site(site.output, reference)


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


@pytest.mark.parametrize(("path", "old", "new", "reason"), [
    ("articles/repair-guide-basics.md", "Title: ", "Title: New ", "reader questions link to it"),
    ("pages/about.md", "Title: ", "Title: New ", "the title of page"),
    ("articles/spring-range-notes.md", "Learned_from: wider-size-range, ", "Learned_from: ", "front matter"),
    ("articles/kit-we-actually-use.md", "Date: 2026-09-29", "Date: 2026-09-30", "date changed"),
    ("roundups/2026-10.md", "October brought", "October, edited, brought", "not an article or page"),
    ("data/questions.yaml", "related: [spring-range-notes]", "related: []", "not an article or page"),
])
def test_what_the_fast_path_leaves_to_a_full_build(tmp_path, path, old, new, reason):
    content = copy_content(tmp_path)
    site = start(tmp_path, content)
    edit(content / path, old, new)

    result = site.refresh()

    assert result.ok and result.mode == "full" and reason in result.reason, (result.reason, result.report)


def test_templates_outside_the_theme_are_watched(tmp_path):
    # Plugins ship templates in their own folders (tasks.py's livereload watches them too); an
    # edit to any folder the build's templates come from is a full build, not "unchanged".
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    learned = ROOT / "plugins" / "learned" / "templates" / "learned.html"
    (overrides / "learned.html").write_text(learned.read_text(encoding="utf-8"), encoding="utf-8")
    site = start(tmp_path, copy_content(tmp_path), {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]})
    assert learned.parent in site.template_folders and overrides in site.template_folders

    edit(overrides / "learned.html", "</", "<!-- edited --></")
    result = site.refresh()

    assert result.ok and result.mode == "full" and "learned.html" in result.reason
    assert "<!-- edited -->" in (site.output / "learned" / "index.html").read_text(encoding="utf-8")


def test_a_problem_on_the_fast_path_keeps_the_last_good_site(live, tmp_path):
    site, content = live
    post = content / "articles" / "spring-range-notes.md"
    before = site_files(site.output)
    edit(post, "\n\n", "\n\nBuy it [here](https://www.amazon.com/dp/B0TEST?tag=kestrel-20).\n\n")

    result = site.refresh()

    assert not result.ok and result.mode == "fast"
    assert re.search(r"spring-range-notes\.md:\d+: link: https://www\.amazon\.com/\S+ looks like an affiliate link",
                     result.report)
    assert site_files(site.output) == before

    # Front matter Pelican cannot read: reported with its line, nothing written.
    post.write_text(post.read_text(encoding="utf-8").replace("https://www.amazon.com/dp/B0TEST?tag=kestrel-20",
                                                             "https://example.org/")
                    .replace("Date: 2026-06-05 09:00", "Date: 2026-06-35 09:00"), encoding="utf-8")
    unreadable = site.refresh()
    assert not unreadable.ok and unreadable.mode == "fast"
    assert re.search(r"spring-range-notes\.md:2: Date: ", unreadable.report), unreadable.report
    assert site_files(site.output) == before

    # Fixed: the fast path runs again, and the site equals a full build's.
    edit(post, "Date: 2026-06-35", "Date: 2026-06-05")
    refreshed_fast(site)
    assert_same_site(site.output, full_build(tmp_path, content, "reference"))


def test_an_error_while_writing_falls_back_to_a_full_build(live, tmp_path, monkeypatch):
    site, content = live
    edit(content / "articles" / "spring-range-notes.md", "\n\n", "\n\nEdited.\n\n")

    def broken(writer):
        raise RuntimeError("a template failed")

    monkeypatch.setattr(site.generators[0], "generate_output", broken)
    result = site.refresh()

    assert result.ok and result.mode == "full" and "writing failed" in result.reason
    assert_same_site(site.output, full_build(tmp_path, content, "reference"))


# ------------------------------------------------ the parts, without a build
class ItemIds(list):
    """Keeps a fact about its items (as a listing that answers `in` by id would), so it must be built anew."""

    def __init__(self, items=()):
        super().__init__(items)
        self.ids = {id(item) for item in self}


@dataclasses.dataclass
class Record:
    posts: list
    pair: tuple


@dataclasses.dataclass(frozen=True)
class Frozen:
    post: object


def test_the_replacer_swaps_an_object_wherever_the_state_holds_it():
    old, new, other = (Content(text, metadata={"title": text}) for text in ("old", "new", "other"))
    shared = [other, old]
    listed = ItemIds([old, other])
    record = Record(posts=shared, pair=(old, listed))
    state = {"articles": shared, "tags": [("tag", listed)], "by_url": {"a/": (old, "x")}, "record": record,
             "seen": {old}, "nested": [[{"deep": [old]}]], old: "a key"}

    replacer = Replacer({id(old): (old, new)})
    replacer.replace_in(state)

    assert replacer.stuck == []
    assert state["articles"] is shared and shared == [other, new]  # a plain list: changed in place
    rebuilt = state["tags"][0][1]
    assert type(rebuilt) is ItemIds and rebuilt == [new, other] and rebuilt.ids == {id(new), id(other)}
    assert record.posts is shared and record.pair == (new, rebuilt)  # the same new list everywhere
    assert state["by_url"] == {"a/": (new, "x")} and state["seen"] == {new}
    assert state["nested"] == [[{"deep": [new]}]] and state[new] == "a key" and old not in state

    frozen = Replacer({id(old): (old, new)})
    frozen.replace_in([Frozen(old)])
    assert frozen.stuck == ["Frozen.post"]  # the caller builds in full instead


def test_the_writer_paginates_as_pelican_does(tmp_path):
    """Guards the one step that follows Pelican's write_file instead of calling it: a
    paginated listing judged page by page. With every item a target, each page is written
    exactly as Pelican's own Writer writes it; with one target, only its page."""
    from jinja2 import DictLoader, Environment

    settings = {**_settings(), "DEFAULT_PAGINATION": 2, "PAGINATED_TEMPLATES": {"index": None}}
    posts = [Article(f"Body {n}", metadata={"title": f"Post {n}", "slug": f"post-{n}"}, settings=settings)
             for n in range(5)]
    environment = Environment(loader=DictLoader({"index.html": (
        "{{ SITENAME }} {{ output_file }} {% for post in articles_page.object_list %}{{ post.title }} {% endfor %}"
        "{{ articles_previous_page.number if articles_previous_page }} "
        "{{ articles_next_page.url if articles_next_page }} {{ articles_paginator.num_pages }}")}))
    template = environment.get_template("index.html")
    context = {"SITENAME": "Site", "articles": posts, "dates": posts}

    def write(writer):
        writer.write_file("index.html", template, context, relative_urls=True, template_name="index",
                          url="", articles=posts, dates=posts, page_name="index")
        return {name: text for name, text in ((str(p.relative_to(writer.output_path)), p.read_text())
                                              for p in Path(writer.output_path).rglob("*.html"))}

    pelican = write(Writer(str(tmp_path / "pelican"), settings=settings))
    everything = SelectiveWriter(str(tmp_path / "all"), settings, posts)
    with everything.recording():
        assert write(everything) == pelican and len(pelican) == 3
    assert sorted(Path(name).relative_to(tmp_path / "all").as_posix() for name in everything.written) == sorted(pelican)
    one = SelectiveWriter(str(tmp_path / "one"), settings, [posts[2]])
    assert write(one) == {"page/2/index.html": pelican["page/2/index.html"]}


def _settings() -> dict:
    from pelican.settings import read_settings

    return read_settings(None, override={"PAGINATION_PATTERNS": (
        (1, "{url}", "{save_as}"), (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"))})


def test_guard_pelican_memos_can_be_forgotten():
    """The one Pelican internal sitetools.live uses (for memory, never for output): when a
    Pelican release changes how Content memoizes get_content/get_summary, this fails, so
    forget_pelican_memos is updated or dropped knowingly."""
    post = Article("<p>Body</p>", metadata={"title": "Post", "slug": "post"}, settings=_settings())
    assert post.get_content("") == "<p>Body</p>" and post.get_summary("")
    assert any(key[0] is post for key in Content.get_content.cache)
    assert any(key[0] is post for key in Content.get_summary.cache)

    assert forget_pelican_memos() is True

    assert not any(key[0] is post for key in Content.get_content.cache)
    assert not any(key[0] is post for key in Content.get_summary.cache)
