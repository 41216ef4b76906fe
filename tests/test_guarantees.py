"""What the build guarantees (README, "What the build guarantees"):

- atomic: a failed build (template error, Ctrl+C, SIGTERM, even SIGKILL) leaves the previous
  site byte for byte, and says so;
- reproducible: two publish builds of the same sources, from different folders, at different
  times, in different time zones and hash seeds, write identical trees;
- consent erasure: a withdrawn question or feedback item is nowhere in the output, compressed
  copies and search index included; data files and survey exports are never published;
- the reader's privacy, in Chromium on every page type: no cookies, no storage, no request to
  another host, and a CSP that forbids inline script.

Malformed sources are in test_malformed.py, hostile text in test_hostile.py.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import brotli
import pytest

from sitetools.build import load_settings
from sitetools.checks.browser import SiteRouter, new_context

from conftest import FIXTURES, ROOT, SUBPATH_SITEURL, build_site, copy_content
from helpers import soup

INVOKE = str(ROOT / ".venv/bin/invoke")
PYTHON = str(ROOT / ".venv/bin/python")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A good build of the sample site: (output folder, its files' bytes)."""
    result = build_site(tmp_path_factory.mktemp("previous"))
    return result.output, tree(result.output)


def with_previous_site(tmp_path: Path, previous) -> dict[str, bytes]:
    output, before = previous
    shutil.copytree(output, tmp_path / "output")
    return before


# --- atomic output -------------------------------------------------------------------------

BROKEN_TEMPLATES = [
    # fails while pages are being written: some are already in the staging folder
    ("runtime", "article.html", "{{ article.content|safe }}", "{{ article.content|safe }}{{ article.nope.deeper }}",
     "UndefinedError: 'pelican.contents.Article object' has no attribute 'nope'"),
    # fails when the template is first loaded
    ("syntax", "base.html", "{% block content %}{% endblock content %}",
     "{% block content %}{% if %}{% endblock content %}", "Expected an expression"),
]


@pytest.mark.parametrize("kind, name, old, new, message", BROKEN_TEMPLATES, ids=[t[0] for t in BROKEN_TEMPLATES])
def test_a_template_error_names_file_and_line_and_keeps_the_previous_site(tmp_path, previous, kind, name, old,
                                                                          new, message):
    before = with_previous_site(tmp_path, previous)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / name
    text = template.read_text(encoding="utf-8")
    assert old in text
    template.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    result = build_site(tmp_path, overrides={"THEME": str(theme)}, expect_ok=False)
    assert not result.ok
    assert f"Build stopped: {template}:{line}: template: " in result.report, result.report
    assert message in result.report
    assert result.report.endswith("The previous site is unchanged.")
    assert "Traceback" not in result.report
    assert tree(tmp_path / "output") == before
    assert not (tmp_path / ".output.building").exists()


# The build as `invoke build` runs it (tasks._build, which exits with the report), with a plugin
# that pauses once the first page is written.
BUILD_SCRIPT = """
import importlib.util, sys
from functools import partial
spec = importlib.util.spec_from_file_location("tasks", {tasks!r})  # tasks.py is a file, not a package
tasks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tasks)
from invoke import Exit
tasks.build_site = partial(tasks.build_site, overrides={overrides!r}, search=False, compress=False)
try:
    tasks._build(tasks.DEV_SETTINGS, tasks.Path({output!r}))
except Exit as stop:
    print(stop.message, file=sys.stderr)
    sys.exit(stop.code)
"""


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_an_interrupted_build_keeps_the_previous_site_and_says_so(tmp_path, previous, stop):
    before = with_previous_site(tmp_path, previous)
    plugins = FIXTURES / "guarantees" / "plugins"
    overrides = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "CACHE_PATH": str(tmp_path / "cache"),
                 "PLUGIN_PATHS": [str(plugins)],
                 "PLUGINS": [*load_settings(ROOT / "pelicanconf.py")["PLUGINS"], "pause_when_writing"]}
    script = BUILD_SCRIPT.format(tasks=str(ROOT / "tasks.py"), overrides=overrides,
                                 output=str(tmp_path / "output"))
    run = subprocess.Popen([PYTHON, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           cwd=tmp_path)
    try:
        seen = ""
        while "WRITING" not in seen:  # the plugin prints it once a page is in the staging folder
            line = run.stdout.readline()
            assert line, f"the build ended before writing: {run.stderr.read()}"
            seen += line
        assert (tmp_path / ".output.building").is_dir()
        run.send_signal(stop)
        _, errors = run.communicate(timeout=60)
    finally:
        run.kill()
    assert tree(tmp_path / "output") == before
    if stop == signal.SIGKILL:  # nothing can run: the half-written folder stays, the next build clears it
        assert run.returncode == -signal.SIGKILL
        build_site(tmp_path)
        assert not (tmp_path / ".output.building").exists()
        return
    assert run.returncode == 130, errors
    assert f"Build interrupted ({stop.name}) before it finished.\nThe previous site is unchanged." in errors
    assert "Traceback" not in errors
    assert not (tmp_path / ".output.building").exists()


# --- reproducible output ----------------------------------------------------------------------

SAME_MINUTE = "Title: Same minute {name}\nDate: 2026-11-02 09:00\nCategory: Community\nTags: {name}, same\n" \
              "Summary: Posted in the same minute as another post.\n\nBody of {name}.\n"


def project_copy(folder: Path) -> Path:
    """The project's sources in another folder, plus posts that tie on date (ordering)."""
    for name in ("content", "plugins", "theme"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("zeta", "alpha", "mu"):
        (folder / "content" / "articles" / f"same-minute-{name}.md").write_text(SAME_MINUTE.format(name=name),
                                                                                encoding="utf-8")
    for number in range(60):  # enough posts for the build to convert Markdown in worker processes
        (folder / "content" / "articles" / f"note-{number:02d}.md").write_text(
            f"Title: Field note {number}\nDate: 2026-0{1 + number % 9}-{1 + number % 28:02d} 08:00\n"
            f"Category: Notes\nTags: note, n{number % 5}\n\nA *short* note, number {number}.\n", encoding="utf-8")
    return folder


def preview(folder: Path, timezone: str, seed: str) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if key not in ("SOURCE_DATE_EPOCH", "SITEURL")}
    env.update(TZ=timezone, PYTHONHASHSEED=seed)
    return subprocess.Popen([INVOKE, "preview"], cwd=folder, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def readable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz" or path.suffix.startswith(".pf_"):
        return gzip.decompress(data)
    if path.suffix == ".br":
        return brotli.decompress(data)
    return data


@pytest.mark.slow
def test_two_publish_builds_in_other_folders_times_and_zones_are_byte_identical(tmp_path):
    one = project_copy(tmp_path / "one" / "blog")
    two = project_copy(tmp_path / "elsewhere" / "deeper" / "site")
    first = preview(one, "UTC", "1")
    time.sleep(2)  # a different wall-clock second for anything that would read the clock
    second = preview(two, "America/Los_Angeles", "2")
    for run in (first, second):
        out, _ = run.communicate(timeout=300)
        assert run.returncode == 0, out
    a, b = tree(one / "output"), tree(two / "output")
    assert sorted(a) == sorted(b)
    assert any(name.endswith(".br") for name in a) and any(name.startswith("pagefind/") for name in a)
    for expected in ("sitemap.xml", "feeds/all.atom.xml", "feeds/learned.atom.xml", "robots.txt", "_headers"):
        assert expected in a
    different = [name for name in a if a[name] != b[name]]
    assert different == []
    # nothing names the folder it was built in
    for folder in (one, two):
        leaked = [name for name in a if str(folder).encode() in readable(folder / "output" / name)]
        assert leaked == []
    # posts of the same minute are listed in one stable order (newest first, then by slug)
    titles = [a.get_text() for a in soup(one / "output" / "index.html").select(".card-title a")]
    assert [title for title in titles if title.startswith("Same minute")] == \
        ["Same minute alpha", "Same minute mu", "Same minute zeta"]


PAGE_ONLY = "Title: About\n\nNo posts yet.\n"


def test_feeds_of_a_site_with_no_posts_are_dated_by_the_as_of_date(tmp_path, monkeypatch):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "about.md").write_text(PAGE_ONLY, encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_site(tmp_path / "one", "publishconf.py", content=content)
    time.sleep(1.1)
    second = build_site(tmp_path / "two", "publishconf.py", content=content)
    feeds = sorted(p.relative_to(first.output).as_posix() for p in (first.output / "feeds").rglob("*.xml"))
    assert "feeds/all.atom.xml" in feeds and "feeds/all.rss.xml" in feeds
    for name in feeds:
        assert (first.output / name).read_bytes() == (second.output / name).read_bytes(), name
    assert "<updated>1970-01-01T12:00:00+00:00</updated>" in (first.output / "feeds/all.atom.xml").read_text()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 20 November 2026
    dated = build_site(tmp_path / "three", "publishconf.py", content=content)
    assert "<updated>2026-11-20T12:00:00+00:00</updated>" in (dated.output / "feeds/all.atom.xml").read_text()
    assert "Fri, 20 Nov 2026 12:00:00 +0000" in (dated.output / "feeds/all.rss.xml").read_text()


def test_days_waiting_count_to_the_as_of_date_not_the_clock(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 20 November 2026
    early = build_site(tmp_path / "early")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795132800 + 10 * 86400))
    later = build_site(tmp_path / "later")

    def waits(result):
        text = soup(result.output / "questions" / "index.html").get_text(" ")
        return [int(days) for days in re.findall(r"waiting (\d+) days?", text)]
    assert waits(early) and [days + 10 for days in waits(early)] == waits(later)


# --- consent withdrawal ------------------------------------------------------------------------

QUESTION = ("seam-tape-lifting", ["seam tape inside my shoulder", "Lifting tape is one of the most common",
                                  "Marta"])
FEEDBACK = ("wider-size-range", ["Your trousers stop at a 36 waist", "every style goes to a 44 waist"])


def needles() -> list[bytes]:
    return [text.encode() for ident, texts in (QUESTION, FEEDBACK) for text in [ident, *texts]]


def test_withdrawn_consent_erases_words_names_and_ids_from_every_output_file(tmp_path, publish_site):
    everything = b"\n".join(readable(p) for p in sorted(publish_site.output.rglob("*")) if p.is_file())
    assert all(needle in everything for needle in needles())  # present while consent stands
    content = copy_content(tmp_path)
    questions = content / "data" / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    start = text.index(f"- id: {QUESTION[0]}")
    entry_end = text.index("\n  - id:", start)
    questions.write_text(text[:start] + text[start:entry_end].replace("consent: named", "consent: withdrawn")
                         + text[entry_end:], encoding="utf-8")
    feedback = content / "data" / "feedback.yaml"
    text = feedback.read_text(encoding="utf-8")
    start = text.index(f"- id: {FEEDBACK[0]}")
    feedback.write_text(text[:start] + text[start:].replace("consent: quote", "consent: withdrawn", 1),
                        encoding="utf-8")
    # survey exports and data files dropped where Pelican copies files verbatim
    (content / "images").mkdir(exist_ok=True)  # an empty folder is not in a git clone
    (content / "images" / "survey-export.csv").write_text("Timestamp,Said\n2026-10-01,Marta says hi\n")
    (content / "images" / "questions-backup.yaml").write_bytes(questions.read_bytes())

    result = build_site(tmp_path, "publishconf.py", content=content, search=True, compress=True)
    files = [p for p in sorted(result.output.rglob("*")) if p.is_file()]
    assert any(p.suffix == ".br" for p in files) and any(p.suffix == ".pf_fragment" for p in files)
    found = [(p.relative_to(result.output).as_posix(), needle.decode()) for p in files
             for needle in needles() if needle in readable(p) or needle.lower() in readable(p).lower()]
    assert found == []
    data_files = {p.read_bytes() for p in (content / "data").iterdir()}
    assert [p.name for p in files if p.suffix in {".yaml", ".yml", ".csv", ".tsv"}] == []
    assert not any(p.read_bytes() in data_files for p in files)


# --- privacy of the reader, in the browser --------------------------------------------------------

PAGE_TYPES = {
    "home": "", "article": "2026/a-season-with-northwind-fabrics/", "page": "about/",
    "category": "category/community/", "tag": "tag/repair/", "author": "author/jonah-ellis/",
    "archives": "archives/", "categories": "categories/", "tags": "tags/", "authors": "authors/",
    "questions": "questions/", "roundup": "questions/2026-10/", "learned": "learned/",
    "learned-theme": "learned/sizing/", "transparency": "transparency/", "search": "search/?q=repair",
    "404": "404.html", "page-2": "page/2/",
}
WATCH_STORAGE = """
window.__writes = [];
for (const name of ["setItem", "removeItem", "clear"]) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (...args) { window.__writes.push(name); return original.apply(this, args); };
}
const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
Object.defineProperty(document, "cookie", {
  get() { return cookie.get.call(document); },
  set(value) { window.__writes.push("cookie"); cookie.set.call(document, value); },
});
document.addEventListener("securitypolicyviolation", e => window.__writes.push("csp " + e.violatedDirective));
"""


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_cookie_no_storage_no_other_host_and_no_inline_script_allowed(browser, publish_site, kind):
    path = PAGE_TYPES[kind]
    assert (publish_site.output / path.split("?")[0]).exists() or (publish_site.output / path).is_file()
    router = SiteRouter(publish_site.output, SUBPATH_SITEURL)
    context = new_context(browser, router)
    context.add_init_script(WATCH_STORAGE)
    page = context.new_page()
    try:
        page.goto(f"{SUBPATH_SITEURL}/{path}", wait_until="load")  # the theme's scripts are deferred modules
        if kind == "search":
            page.wait_for_selector("#search-results li", timeout=10_000)  # the search script did run
        state = page.evaluate("""async () => ({
            writes: window.__writes, cookie: document.cookie,
            local: localStorage.length, session: sessionStorage.length,
            databases: (await indexedDB.databases()).length,
            csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(m => m.content),
        })""")
        cookies = context.cookies()
    finally:
        context.close()
    assert router.foreign == []
    assert cookies == [] and state["cookie"] == ""
    assert state["writes"] == [] and state["local"] == state["session"] == state["databases"] == 0
    assert len(state["csp"]) == 1
    directives = {part.split()[0]: part.split()[1:] for part in state["csp"][0].split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    script = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert not any(source.startswith(("http:", "https:", "*", "data:")) for source in script)


def test_one_as_of_date_serves_days_waiting_and_the_future_date_check(tmp_path, monkeypatch):
    """The newest date is a question's; /questions/ counts to it and feedback may be dated on it."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    content = copy_content(tmp_path)
    questions = content / "data" / "questions.yaml"
    questions.write_text(questions.read_text(encoding="utf-8") + (
        "  - id: late-question\n    asked: 2026-11-24\n    question: \"Do you sell spare toggles?\"\n"
        "    asker: {consent: anonymous}\n    topic: Products\n    status: open\n"), encoding="utf-8")
    feedback = content / "data" / "feedback.yaml"
    text = feedback.read_text(encoding="utf-8")
    feedback.write_text(text.replace("updated: 2026-09-14", "updated: 2026-11-24", 1), encoding="utf-8")
    result = build_site(tmp_path, content=content)
    note = soup(result.output / "questions/index.html").find(string=re.compile("Counted to"))
    assert "24 November 2026" in note.parent.get_text()
