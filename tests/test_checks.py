"""Publishing gates (`invoke check`): each gate fails on a deliberately broken
site, and the sample site passes them all.

Broken sites are tiny output trees written into tmp_path; the gates run on
them exactly as `invoke check` runs them on a real build.
"""

from __future__ import annotations

import os
import random
import re
import subprocess

import pytest

from sitetools.build import load_settings
from sitetools.checks.pages import PAGE_TYPES, discover
from sitetools.checks.report import render
from sitetools.checks.runner import GATES, run_gates

from conftest import ROOT, SUBPATH_SITEURL, build_site, copy_content

SITE = "https://fixture.example/blog"
CSS = "body { color: #1d2321; background: #fbfaf7; font-family: system-ui, sans-serif; }\n"
TEXT = "Enough words in the main landmark to count as the page's content without any script."


def page(title: str, body: str = "", head: str = "", main: str | None = None, css: str = "site.css") -> str:
    """A small valid, accessible page; `body`/`head` add to it, `main` replaces main's content."""
    content = main if main is not None else f"<h1>{title}</h1><p>{TEXT}</p>{body}"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{title}</title><link rel=\"stylesheet\" href=\"/blog/{css}\">{head}</head>"
            "<body><header><p><a href=\"/blog/\">Home</a></p></header>"
            f"<main id=\"main\">{content}</main><footer><p>Footer</p></footer></body></html>\n")


def write(root, files: dict[str, str | bytes]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return root


def failures(results, gate_name: str) -> list[str]:
    return next(r for r in results if r.name == gate_name).failures


def about(failed: list[str], page_name: str) -> list[str]:
    return [f for f in failed if page_name in f]


ATOM_OK = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture</title><id>tag:fixture,2026:feed</id>
<updated>2026-01-02T00:00:00Z</updated><link href="https://fixture.example/blog/"/>
<entry><title>Dated</title><id>tag:fixture,2026:1</id><link href="https://fixture.example/blog/ok/"/>
<updated>2026-01-02T00:00:00Z</updated></entry>
{extra}</feed>
"""


@pytest.fixture(scope="module")
def static_results(tmp_path_factory):
    """One tree with a defect per static gate; the links, vnu, feed and JSON-LD gates run once."""
    root = write(tmp_path_factory.mktemp("static") / "output", {
        "site.css": CSS,
        "index.html": page("Home", '<p><a href="/blog/ok/#kept">ok</a> <a href="ok/">ok</a> '
                                   '<a href="https://elsewhere.example/x">out</a></p>'),
        "ok/index.html": page("Fine", '<p id="kept"><img src="/blog/pic.svg" srcset="/blog/pic.svg 1x" '
                                      'alt="A pic"></p>'),
        "pic.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
        "broken-link/index.html": page("Broken", '<p><a href="/blog/nowhere/">gone</a>'
                                                 '<img src="../missing.png" alt="x"></p>'),
        "srcset/index.html": page("Srcset", '<p><img src="/blog/pic.svg" srcset="/blog/pic.svg 1x, /blog/big.svg 2x" '
                                            'alt="Two sizes"></p>'),
        "bad-fragment/index.html": page("Fragment", '<p><a href="/blog/ok/#not-there">where?</a></p>'),
        "invalid/index.html": page("Invalid", '<p>Inline <div>block in a paragraph</div></p><span id="x"></span>'
                                              '<span id="x"></span>'),
        "ld-untyped/index.html": page("Untyped", head='<script type="application/ld+json">'
                                                      '{"@context": "https://schema.org", "name": "x"}</script>'),
        "ld-no-context/index.html": page("No context", head='<script type="application/ld+json">'
                                                           '{"@type": "WebPage"}</script>'),
        "ld-broken/index.html": page("Unparsable", head='<script type="application/ld+json">{"@context": }</script>'),
        "ld-ok/index.html": page("Typed", head='<script type="application/ld+json">'
                                               '{"@context": "https://schema.org", "@type": "WebPage"}</script>'),
        "feeds/ok.atom.xml": ATOM_OK.format(extra=""),
        "feeds/bozo.atom.xml": ATOM_OK.format(extra="<entry><title>Unclosed</title>"),
        "feeds/undated.atom.xml": ATOM_OK.format(extra="<entry><title>No date</title><id>tag:fixture,2026:2</id>"
                                                       '<link href="https://fixture.example/blog/2/"/></entry>'),
        "sitemap.xml": '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
    })
    report_dir = root.parent / "report"
    gates = ("links", "html_validity", "feeds", "structured_data")
    return run_gates(root, SITE, gates=gates, report_dir=report_dir), report_dir


def test_links_gate_names_each_missing_target_and_fragment(static_results):
    results, _ = static_results
    failed = failures(results, "links")
    assert about(failed, "broken-link/index.html") == [
        "broken-link/index.html: href=/blog/nowhere/ -> missing nowhere/index.html",
        "broken-link/index.html: src=../missing.png -> missing missing.png"]
    assert about(failed, "srcset/index.html") == ["srcset/index.html: srcset=/blog/big.svg -> missing big.svg"]
    assert about(failed, "bad-fragment/index.html") == [
        "bad-fragment/index.html: href=/blog/ok/#not-there -> no element with id 'not-there'"]
    assert len(failed) == 4, failed


def test_links_gate_lists_external_links_without_fetching_them(static_results):
    results, report_dir = static_results
    listing = (report_dir / "external-links.txt").read_text().splitlines()
    assert listing[1:] == ["index.html\t<a href>\thttps://elsewhere.example/x"]
    assert any("1 external links to 1 hosts" in note for note in results[0].notes)


def test_html_validity_gate_reports_nu_checker_errors_with_page_and_line(static_results):
    results, _ = static_results
    failed = failures(results, "html validity")
    invalid = about(failed, "invalid/index.html:")
    assert any("No “p” element in scope" in f or "“div” not allowed" in f for f in invalid), failed
    assert any("Duplicate ID “x”" in f for f in invalid), failed
    assert all(f.startswith("invalid/index.html:") for f in failed), failed


def test_feeds_gate_refuses_a_bozo_feed_and_an_entry_without_date(static_results):
    results, _ = static_results
    failed = failures(results, "feeds")
    assert [f for f in failed if f.startswith("feeds/bozo.atom.xml: does not parse")], failed
    assert "feeds/undated.atom.xml: entry 2 ('No date') has no date" in failed
    assert not about(failed, "ok.atom.xml") and not about(failed, "sitemap")
    assert next(r for r in results if r.name == "feeds").checked == 3  # the sitemap is not a feed


def test_structured_data_gate_needs_parsable_json_with_context_and_type(static_results):
    results, _ = static_results
    failed = failures(results, "structured data")
    assert failed[0].startswith("ld-broken/index.html: JSON-LD block 1 does not parse")
    assert failed[1:] == ["ld-no-context/index.html: JSON-LD block 1 has no @context",
                          "ld-untyped/index.html: JSON-LD block 1 has no @type"]


def test_report_ends_with_one_line_per_gate_and_a_total(static_results):
    results, _ = static_results
    lines = render(results).splitlines()
    assert [line.split()[:2] for line in lines[-5:-1]] == [
        ["links", "FAIL"], ["html", "validity"], ["feeds", "FAIL"], ["structured", "data"]]
    assert lines[-1].startswith("TOTAL FAIL: 0/4 gates passed, ")
    assert lines[0] == "== links" and lines[1].startswith("  FAIL bad-fragment/index.html: href=/blog/ok/#not-there")


def test_strict_build_gate_counts_warnings_in_a_real_build_log(tmp_path):
    content = write(tmp_path / "content", {
        "articles/lone.md": "Title: Lone post\nDate: 2026-01-02\nCategory: Repair\nSummary: One post.\n\n"
                            "See [nothing]({filename}/articles/missing.md).\n"})
    built = build_site(tmp_path, content=content)
    results = run_gates(built.output, "http://127.0.0.1:8000", built.log, gates=("build_log",))
    assert results[0].failures == [
        "build log WARNING: Unable to find '/articles/missing.md', skipping url replacement."]
    assert results[0].status == "FAIL"


def incompressible(size: int) -> str:
    generator = random.Random(6)
    return "".join(generator.choice("abcdefghijklmnopqrstuvwxyz0123456789 ") for _ in range(size))


@pytest.fixture(scope="module")
def browser_results(tmp_path_factory, browser):
    """One tree with a defect per browser check; axe and the budget visit each page once."""
    root = write(tmp_path_factory.mktemp("browser") / "output", {
        "site.css": CSS,
        "low.css": CSS + ".faint { color: #b8b8b8; }\n",
        "dark.css": CSS + "@media (prefers-color-scheme: dark) { body { background: #101010; } "
                          ".faint { color: #333; } }\n",
        "font.css": CSS + "@font-face { font-family: Fancy; src: url(/blog/fancy.woff2) format('woff2'); }\n"
                          "h1 { font-family: Fancy, serif; }\n",
        "fancy.woff2": b"wOF2 not really a font",
        "app.js": "document.querySelector('main').innerHTML = '<h1>Late</h1><p>Written by a script.</p>';\n",
        "ok/index.html": page("Fine"),
        "pic.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
        "low-contrast/index.html": page("Low", '<p class="faint">Hard to read in any scheme.</p>', css="low.css"),
        "dark-contrast/index.html": page("Dark", '<p class="faint">Hard to read in the dark only.</p>',
                                         css="dark.css"),
        "unlabelled/index.html": page("Unlabelled", '<p><img src="/blog/pic.svg"> <a href="/blog/ok/"></a></p>'),
        "heavy/index.html": page("Heavy", f"<p>{incompressible(30_000)}</p>"),
        "many-requests/index.html": page("Many", head='<link rel="stylesheet" href="/blog/low.css">'
                                                      '<link rel="stylesheet" href="/blog/dark.css">'),
        "web-font/index.html": page("Font", head='<link rel="stylesheet" href="/blog/font.css">'),
        "other-host/index.html": page("Other", '<p><img src="https://cdn.elsewhere.example/pic.png" alt="A pic"></p>'),
        "needs-js/index.html": page("Script", head='<script src="/blog/app.js" defer></script>', main=""),
    })
    names = ["ok", "low-contrast", "dark-contrast", "unlabelled", "heavy", "many-requests", "web-font",
             "other-host", "needs-js"]
    pages = {name: f"{name}/index.html" for name in names}
    return run_gates(root, SITE, gates=("accessibility", "budget"), browser=browser, pages=pages)


def test_accessibility_gate_finds_low_contrast_in_light_and_dark(browser_results):
    failed = failures(browser_results, "accessibility")
    low = about(failed, "low-contrast (low-contrast/index.html)")
    assert [f.split(": ")[0] for f in low] == ["low-contrast (low-contrast/index.html) [light]",
                                               "low-contrast (low-contrast/index.html) [dark]"]
    assert all("color-contrast (serious)" in f for f in low)
    dark = about(failed, "dark-contrast (")
    assert len(dark) == 1 and "[dark]: color-contrast" in dark[0], dark


def test_accessibility_gate_finds_an_image_without_alt_and_an_empty_link(browser_results):
    failed = about(failures(browser_results, "accessibility"), "unlabelled (")
    rules = sorted(f.split("]: ")[1].split(" ")[0] for f in failed)
    assert rules == ["image-alt", "image-alt", "link-name", "link-name"], failed


def test_accessibility_gate_passes_a_clean_page(browser_results):
    assert about(failures(browser_results, "accessibility"), "ok (") == []
    assert next(r for r in browser_results if r.name == "accessibility").checked == 18


def test_budget_gate_measures_bytes_and_requests_before_first_paint(browser_results):
    failed = failures(browser_results, "page budget")
    heavy = about(failed, "heavy (")
    assert len(heavy) == 1 and "KB (gzip) before first paint, over 14 KB" in heavy[0], heavy
    many = about(failed, "many-requests (")
    assert len(many) == 1 and "4 requests before first paint, over 2" in many[0], many


def test_budget_gate_refuses_web_fonts_and_other_hosts(browser_results):
    failed = failures(browser_results, "page budget")
    assert "web-font (web-font/index.html): loads a web font: https://fixture.example/blog/fancy.woff2" in failed
    assert ("other-host (other-host/index.html): requests another host: https://cdn.elsewhere.example/pic.png"
            in failed)


def test_budget_gate_needs_main_content_without_javascript(browser_results):
    failed = about(failures(browser_results, "page budget"), "needs-js (")
    assert [f for f in failed if "with JavaScript off, <main> holds 0 characters" in f], failed


def test_budget_gate_passes_a_small_page(browser_results):
    failed = failures(browser_results, "page budget")
    assert about(failed, "ok (") == [] and about(failed, "low-contrast (") == []


def test_page_types_are_skipped_only_while_their_plugin_is_off(tmp_path):
    write(tmp_path, {"index.html": page("Home"), "learned/index.html": page("Learned")})
    lenient = discover(tmp_path)
    assert lenient.found == {"index": "index.html", "learned": "learned/index.html"}
    assert "roundup" in lenient.missing and lenient.required_missing == []
    strict = discover(tmp_path, plugins=["sitekit", "reader_questions"])
    assert "roundup" in strict.required_missing and "article" in strict.required_missing
    assert "learned theme" in strict.missing  # learned is not enabled: skipped, not failed
    assert "learned theme: SKIPPED (not in this site)" in strict.skipped_note()


@pytest.mark.parametrize("overrides, kind, expected", [
    ({"ROUNDUP_PERIOD": "quarter"}, "roundup", r"questions/2026-q\d/index\.html"),
    ({"ARTICLE_URL": "posts/{date:%Y}/{date:%m}/{slug}/",
      "ARTICLE_SAVE_AS": "posts/{date:%Y}/{date:%m}/{slug}/index.html"}, "article", r"posts/2026/\d\d/[^/]+/index\.html"),
], ids=["quarterly-roundups", "articles-under-posts"])
def test_page_types_follow_the_sites_url_settings(tmp_path, overrides, kind, expected):
    content = copy_content(tmp_path)
    if overrides.get("ROUNDUP_PERIOD") == "quarter":
        (content / "roundups" / "2026-10.md").rename(content / "roundups" / "2026-q4.md")
    built = build_site(tmp_path, content=content, overrides=overrides)
    settings = load_settings(ROOT / "pelicanconf.py", overrides)
    pages = discover(built.output, settings["PLUGINS"], settings=settings)
    assert (pages.required_missing, pages.missing) == ([], [])
    assert list(pages.found) == [page_type.name for page_type in PAGE_TYPES]
    assert re.fullmatch(expected, pages.found[kind]), pages.found
    assert pages.found["page"] in {"about/index.html", "ask/index.html", "editorial-policy/index.html",
                                   "privacy/index.html"}


def test_sample_site_passes_every_gate(publish_site, browser):
    from sitetools.build import load_settings

    plugins = load_settings(ROOT / "publishconf.py")["PLUGINS"]
    results = run_gates(publish_site.output, SUBPATH_SITEURL, publish_site.log, plugins, browser=browser)
    assert [r.name for r in results] == ["strict build", "links", "html validity", "feeds", "accessibility",
                                         "page budget", "structured data"]
    assert len(results) == len(GATES)
    assert all(r.status == "PASS" for r in results), render(results)
    budget = next(r for r in results if r.name == "page budget")
    assert budget.checked >= 12


def test_check_run_as_a_program_fails_with_a_report_and_no_traceback(tmp_path):
    broken = tmp_path / "brokenconf.py"
    broken.write_text(f"import runpy\nglobals().update(runpy.run_path({str(ROOT / 'publishconf.py')!r}))\n"
                      "MENUITEMS_MAIN = MENUITEMS_MAIN + [('Nowhere', 'no-such-page/')]\n")
    run = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c",
         "import sys; from pathlib import Path;"
         "from sitetools.checks.runner import check_site;"
         "ok, report = check_site(Path(sys.argv[1]), gates=('build_log', 'links', 'feeds'));"
         "print(report); sys.exit(0 if ok else 1)", str(broken), str(ROOT)],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "SITEURL": "https://x.example"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "href=https://x.example/no-such-page/ -> missing no-such-page/index.html" in run.stdout
    assert run.stdout.rstrip().splitlines()[-1].startswith("TOTAL FAIL: 2/3 gates passed")
