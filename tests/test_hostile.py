"""Hostile text: every payload in fixtures/hostile/payloads.txt is put in every reader-supplied
field (question, name, region, said; topic, theme, reason and note too), in the team's Markdown
fields (answer, reason, did: rendered, then cleaned with nh3) and in the article front matter
the templates print (Title, Summary, Tags, Category, Authors, Sponsor, Disclosure_note).

One publish build, then (a) every output file is parsed: no payload survives as an element or
an attribute in HTML, feeds, JSON-LD or the search index; (b) the pages run in Chromium: no
dialog, no script of a payload, no CSP violation, no request to another host.

Direction overrides (U+202A-U+202E, U+2066-U+2069) are removed from data-file text
(sitekit.text.plain); front matter is the team's and is printed as written, escaped.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from sitekit.text import plain

from conftest import FIXTURES, build_site, copy_content, serve

PAYLOADS = [line.rstrip("\n") for line in (FIXTURES / "hostile" / "payloads.txt").read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("# ")]
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "style", "template",
                      "math", "plaintext", "xmp", "isindex", "noscript", "video", "audio", "source", "details",
                      "marquee", "img", "body"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background",
                  "cite", "ping", "longdesc", "dynsrc", "lowsrc"}
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|data|livescript):", re.IGNORECASE)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def test_the_corpus_has_at_least_fifty_payloads_of_every_kind():
    assert len(PAYLOADS) >= 50 and len(set(PAYLOADS)) == len(PAYLOADS)
    for kind in ("<script", "onerror=", "javascript:", "data:", "<svg", "<math", "</script>", "&#", "{{7*7}}",
                 "{%", "\u202e", "\u2066"):
        assert any(kind in payload for payload in PAYLOADS), kind


# --- the hostile site --------------------------------------------------------------------------

def hostile_questions(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for i, p in enumerate(PAYLOADS):
        data["questions"] += [
            {"id": f"hostile-{i}-a", "asked": dt.date(2026, 10, 1), "question": p,
             "asker": {"name": p, "region": p, "consent": "named"}, "topic": p, "status": "answered",
             "answer": p, "responded_on": dt.date(2026, 10, 20), "responded_by": p},
            {"id": f"hostile-{i}-d", "asked": dt.date(2026, 10, 2), "question": p,
             "asker": {"region": p, "consent": "anonymous"}, "topic": p, "status": "declined", "reason": p,
             "responded_on": dt.date(2026, 10, 21)},
            {"id": f"hostile-{i}-o", "asked": dt.date(2026, 10, 3), "question": p,
             "asker": {"name": p, "consent": "named"}, "topic": p, "status": "open"},
        ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_feedback(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for i, p in enumerate(PAYLOADS):
        status = ("heard", "planned", "declined")[i % 3]  # heard items are titled by what the reader said
        entry = {"id": f"hostile-{i}", "received": dt.date(2026, 10, 1), "source": "survey",
                 "theme": f"Hostile {i:02d} {p}", "said": p, "consent": "quote" if i % 2 else "paraphrase",
                 "count": 1 + i % 3, "status": status, "note": p, "updated": dt.date(2026, 10, 5)}
        if status != "heard":
            entry.update(did=p, history=[{"date": dt.date(2026, 10, 2), "status": "heard", "note": p}])
        if status == "declined":
            entry["reason"] = p
        data["feedback"].append(entry)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_articles(folder: Path) -> None:
    for i, p in enumerate(PAYLOADS):
        one_name = p.replace(",", " ")  # Tags and Authors split on commas
        (folder / f"hostile-{i:02d}.md").write_text(
            f"Title: {p}\nDate: 2026-11-{1 + i // 60:02d} 10:{i % 60:02d}\nCategory: Hostile {i} {p}\n"
            f"Tags: hostile, {one_name}\nAuthors: Hostile author {i} {one_name}\nSlug: hostile-{i:02d}\n"
            f"Summary: {p}\nDisclosure: sponsored\nSponsor: {p}\nDisclosure_note: {p}\n\n"
            f"The body of hostile post {i}.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(output folder, base URL): the sample site plus every payload everywhere, published at
    the address it is served from."""
    root = tmp_path_factory.mktemp("hostile")
    content = copy_content(root)
    hostile_questions(content / "data" / "questions.yaml")
    hostile_feedback(content / "data" / "feedback.yaml")
    hostile_articles(content / "articles")
    base, server = serve(root / "output")
    result = build_site(root, "publishconf.py", content=content, search=True,
                        overrides={"SITEURL": base, "FEED_DOMAIN": base, "CANONICAL_ROOT": base})
    yield result.output, base
    server.shutdown()


# --- (a) parsed output -------------------------------------------------------------------------

def findings_in_html(markup: str, base: str, where: str) -> list[str]:
    """Every element or attribute a payload could have planted."""
    found = []
    document = BeautifulSoup(markup, "html.parser")
    host = urlsplit(base).netloc
    for element in document.find_all(True):
        name = element.name.lower()
        if name in FORBIDDEN_ELEMENTS and not (name == "body" and where.endswith(".html")
                                              and len(document.find_all("body")) == 1):
            found.append(f"{where}: <{name}>")
        if name == "script":
            structured = element.get("type") == "application/ld+json" and not element.get("src")
            same_origin = element.get("src") and urlsplit(element["src"]).netloc in ("", host) \
                and not element.get_text().strip()
            if not (structured or same_origin):
                found.append(f"{where}: <script {element.attrs}>{element.get_text()[:40]}")
        if name == "svg" and "learned-chart" not in element.get("class", []):
            found.append(f"{where}: <svg> outside the chart")
        if name == "meta" and element.get("http-equiv", "").lower() not in ("", "content-security-policy"):
            found.append(f"{where}: <meta http-equiv={element['http-equiv']}>")
        if name == "link" and urlsplit(element.get("href", "")).netloc not in ("", host):
            found.append(f"{where}: <link href={element['href']}>")
        for attribute, value in element.attrs.items():
            attribute = attribute.lower()
            if attribute.startswith("on") or attribute in ("style", "srcdoc", "formaction"):
                found.append(f"{where}: <{name} {attribute}=...>")
            if attribute in URL_ATTRIBUTES:
                url = re.sub(r"[\s\x00-\x1f]", "", " ".join(value) if isinstance(value, list) else value)
                if BAD_SCHEMES.match(url):
                    found.append(f"{where}: <{name} {attribute}={url[:40]}>")
    return found


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


@pytest.mark.slow
def test_no_payload_survives_as_markup_in_any_page(hostile):
    output, base = hostile
    found, scripts = [], 0
    for path in html_files(output):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(output).as_posix()
        found += findings_in_html(text, base, where)
        # the parser and a raw count agree on how many scripts there are: nothing hides in comments
        parsed = len(BeautifulSoup(text, "html.parser").find_all("script"))
        raw = len(re.findall(r"<script\b", text, re.IGNORECASE))
        if parsed != raw:
            found.append(f"{where}: {raw} '<script' in the source, {parsed} script elements")
        scripts += parsed
    assert found == []
    assert scripts >= len(html_files(output))  # one JSON-LD block per page at least


def test_json_ld_escapes_closing_tags_and_round_trips_every_payload(hostile):
    output, _ = hostile
    names = set()
    for path in html_files(output):
        blocks = JSON_LD.findall(path.read_text(encoding="utf-8"))
        assert len(blocks) == 1, path
        raw = blocks[0]
        assert "</" not in raw and "<!--" not in raw and "<script" not in raw.lower(), path
        data = json.loads(raw)
        for entity in data.get("mainEntity", []):
            names.add(entity["name"])
    # the FAQPage of the roundup carries each answered question exactly as the reader wrote it
    missing = [p for p in PAYLOADS if plain(p).strip() not in names]
    assert missing == []


def test_feeds_parse_as_xml_and_carry_no_markup_from_a_payload(hostile):
    output, base = hostile
    found = []
    feeds = sorted((output / "feeds").rglob("*.xml")) + [output / "sitemap.xml"]
    assert len(feeds) > 3
    for path in feeds:
        tree = ET.parse(path)  # raises if a payload broke the XML
        where = path.relative_to(output).as_posix()
        for element in tree.iter():
            tag = element.tag.split("}")[-1]
            html = tag in ("content", "summary", "description") or element.get("type") == "html"
            if html and element.text:
                found += findings_in_html(element.text, base, f"{where} <{tag}>")
            if tag == "title" and element.text:  # text: some readers render it as HTML all the same
                found += [f"{where} <title>: {element.text[:50]}"
                          for _ in BeautifulSoup(element.text, "html.parser").find_all(True)]
    assert found == [], "\n".join(found)


def test_search_index_holds_text_that_stays_text_in_results(hostile):
    """Pagefind stores each page's text as text; its pagefind.js escapes < and > before marking
    the words found, and the theme's search.js inserts titles and excerpts as text only."""
    output, base = hostile
    fragments = sorted((output / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) > len(PAYLOADS)
    found, titles = [], set()
    for path in fragments:
        record = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        excerpt = record["content"].replace("<", "&lt;").replace(">", "&gt;")  # as pagefind.js does
        found += findings_in_html(excerpt, base, path.name)
        titles.add(record["meta"].get("title", ""))
    assert found == [], "\n".join(found)
    assert "<script>alert(1)</script>" in titles  # the title, kept as the text it is
    pagefind_js = next((output / "pagefind").glob("pagefind.js")).read_text(encoding="utf-8")
    assert 'content.replace(/</g,"&lt;").replace(/>/g,"&gt;")' in pagefind_js  # pinned version's escaping
    ours = "".join(p.read_text(encoding="utf-8") for p in (output / "theme" / "js").glob("*.js"))
    assert ours and not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", ours)


def test_reader_text_reaches_the_page_as_text_without_direction_controls(hostile):
    output, _ = hostile
    roundup = BeautifulSoup((output / "questions" / "2026-10" / "index.html").read_text(encoding="utf-8"),
                            "html.parser")
    shown = roundup.get_text()
    for p in ("{{7*7}} {{ config }} {{ ''.__class__.__mro__ }}", "<script>alert(1)</script>",
              "&lt;script&gt;alert(44)&lt;/script&gt;", "</script><script>alert(47)</script>{\"@context\":\"x\"}"):
        assert p in shown  # shown as the reader typed it: not evaluated, not unescaped
    pages = [p for p in output.rglob("*") if p.is_file() and p.suffix in (".html", ".xml")
             and p.relative_to(output).parts[0] in ("questions", "learned")] + [output / "feeds" / "learned.atom.xml"]
    assert len(pages) > len(PAYLOADS)
    controls = [p.relative_to(output).as_posix() for p in pages
                if DIRECTION_CONTROLS.search(p.read_text(encoding="utf-8"))]
    assert controls == []
    assert "Normal text with a right-to-left override txt.exe here" in shown


# --- (b) in the browser ---------------------------------------------------------------------------

WATCH = """
window.__events = [];
document.addEventListener("securitypolicyviolation",
  e => window.__events.push("csp " + e.violatedDirective + " " + e.blockedURI));
"""


def browser_pages(output: Path) -> list[str]:
    """Every listing and every page of a small section; of the big sections (one page per hostile
    post, tag, category, author or theme) every seventh page. The parsed checks read them all."""
    sections: dict[str, list[str]] = {}
    for path in html_files(output):
        relative = path.relative_to(output).as_posix()
        sections.setdefault(relative.split("/")[0], []).append(relative)
    pages = []
    for name, members in sorted(sections.items()):
        if len(members) <= 12 or name in ("questions", "page"):
            pages += members
        else:
            pages += sorted(set(members[::7]) | {m for m in members if m.count("/") == 1})
    return pages


RESULTS = "#search-results"
INJECTED = "script, img, iframe, object, embed, svg, math, style, base, form, input, details, video, audio, [onerror]"


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_no_payload_runs_in_chromium(browser, hostile, bypass_csp):
    """With the CSP as published, and without it (so a payload that got through would run)."""
    output, base = hostile
    pages = browser_pages(output)
    if bypass_csp:  # where reader text and front matter are densest
        pages = [p for p in pages if p.startswith(("questions/", "learned/", "index", "page/", "archives",
                                                   "transparency", "2026/hostile-0", "tags", "categories"))]
    context = browser.new_context(bypass_csp=bypass_csp)
    context.add_init_script(WATCH)
    dialogs, foreign, errors, pwned, events = [], [], [], [], []
    context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc
                  == urlsplit(base).netloc or route.request.url.startswith(("data:", "blob:"))
                  else (foreign.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))

    def check(relative):
        state = page.evaluate("[window.__pwned, window.__events]")
        if state[0] is not None:
            pwned.append((relative, state[0]))
        events.extend((relative, event) for event in state[1])

    try:
        for relative in pages:
            page.goto(f"{base}/{relative}", wait_until="domcontentloaded")
            check(relative)
        # search results are drawn by script from the index: titles and excerpts full of payloads
        page.goto(f"{base}/search/?q=alert", wait_until="domcontentloaded")
        page.wait_for_selector(f"{RESULTS} li", timeout=10_000)
        page.wait_for_timeout(300)
        check("search/?q=alert")
        results = page.evaluate(f"[document.querySelectorAll('{RESULTS} li').length, "
                                f"document.querySelectorAll('{RESULTS} :is({INJECTED})').length]")
    finally:
        context.close()
    assert len(pages) > (15 if bypass_csp else 60)
    assert results[0] >= 10 and results[1] == 0
    assert dialogs == []
    assert pwned == []
    assert events == []
    assert foreign == []
    assert errors == []
