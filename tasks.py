"""Project tasks (run through `make`, or `invoke TASK` inside .venv).

Modelled on the tasks.py that `pelican-quickstart` writes, with builds that
are atomic and report source mistakes instead of tracebacks.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import time
from pathlib import Path

from invoke import Exit, task

from sitekit.slugs import slugify
from sitetools.build import build as build_site
from sitetools.live import LiveSite

ROOT = Path(__file__).resolve().parent

DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
OUTPUT = ROOT / "output"
HOST, PORT = "127.0.0.1", 8000


def _build(settings_file: Path, output: Path = OUTPUT) -> None:
    result = build_site(settings_file, output)
    if not result.ok:
        raise Exit(result.report, code=130 if result.interrupted else 1)
    print(f"Site written to {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")


@task
def clean(c):
    """Remove the generated site and caches."""
    for path in (OUTPUT, ROOT / ".cache"):
        shutil.rmtree(path, ignore_errors=True)


@task
def build(c):
    """Build the local site (pelicanconf.py) into output/."""
    _build(DEV_SETTINGS)


@task(clean, build)
def rebuild(c):
    """Clean, then build."""


@task
def regenerate(c):
    """Rebuild whenever a source file changes (no server)."""
    c.run(f"pelican -r -s {DEV_SETTINGS} -o {OUTPUT}", pty=False)


@task
def serve(c, port=PORT):
    """Serve output/ at http://127.0.0.1:8000 (no rebuilds)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(OUTPUT))
    server = http.server.ThreadingHTTPServer((HOST, int(port)), handler)
    print(f"Serving {OUTPUT} at http://{HOST}:{port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(build, serve)
def reserve(c):
    """Build, then serve."""


@task
def preview(c):
    """Build the production site (publishconf.py) into output/."""
    _build(PUBLISH_SETTINGS)


@task
def publish(c):
    """Production build for deployment; SITEURL must name the public address."""
    if not os.environ.get("SITEURL"):
        raise Exit("Set SITEURL to the public address, e.g. SITEURL=https://org.github.io/blog", code=1)
    _build(PUBLISH_SETTINGS)
    print("Upload output/ to the host (GitHub Pages: the deploy workflow does this).")


@task(help={"keep": "Also copy the checked site into this folder (default: removed afterwards)"})
def check(c, keep=""):
    """Publishing gates: build with publishconf.py into a fresh folder and check every page."""
    from sitetools.checks.runner import check_site

    ok, report = check_site(PUBLISH_SETTINGS, report_dir=ROOT / ".cache" / "check",
                            keep=Path(keep).resolve() if keep else None)
    print(report, flush=True)
    if not ok:
        raise Exit("invoke check failed: fix the problems listed above before publishing.", code=1)


@task
def lighthouse(c):
    """Lighthouse scores per page type (run `make lighthouse`, which installs it)."""
    from sitetools.checks.lighthouse import run

    binary = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise Exit("Lighthouse is not installed: run `make lighthouse`.", code=1)
    if not run(PUBLISH_SETTINGS, binary):
        raise Exit(code=1)


@task
def livereload(c, port=PORT):
    """Build, serve at http://127.0.0.1:8000 and rebuild + refresh on every change."""
    import livereload.server
    from livereload import Server

    # livereload injects an inline <script>, which the theme's CSP refuses;
    # the theme links livereload.js as a same-origin file instead.
    class NoInlineScript(livereload.server.LiveScriptInjector):
        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            return status_code, headers, chunk

    livereload.server.LiveScriptInjector = NoInlineScript

    # One warm process: after the first full build, an edit to an article's or
    # page's text rewrites only the pages that show it (README: Performance);
    # anything else rebuilds in full. Compression is left to build/preview.
    site = LiveSite(DEV_SETTINGS, OUTPUT, {"LIVERELOAD_PORT": int(port)}, search=True)

    def rebuild_site():
        started = time.perf_counter()
        result = site.refresh()
        if not result.ok:
            print(result.report, flush=True)
        elif result.mode == "fast":
            print(f"Rewrote {len(result.written)} files in {time.perf_counter() - started:.2f} s.", flush=True)
        elif result.mode == "full":
            print(f"Full rebuild ({result.reason}) in {time.perf_counter() - started:.2f} s.", flush=True)
        return result.ok

    if not rebuild_site() and not OUTPUT.exists():
        raise Exit("Fix the problems above, then run make serve again.", code=1)
    server = Server()
    for pattern in ("content/**/*", "theme/**/*", "plugins/*/templates/**/*", "pelicanconf.py", "publishconf.py"):
        server.watch(str(ROOT / pattern), rebuild_site)
    server.watch(str(ROOT / "plugins/**/*.py"), lambda: print(
        "Plugin code changed: restart the server (Ctrl+C, then make serve) to load it.", flush=True))
    print(f"Live preview at http://{HOST}:{port}/ ; edits to content, data, theme or settings "
          "rebuild and refresh the page. Plugin code changes need a restart.", flush=True)
    server.serve(host=HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)


@task(help={
    "articles": "Articles in the synthetic corpus (default 1000)",
    "questions": "Reader questions in it (default 500)",
    "feedback": "Feedback items in it (default 1000)",
    "runs": "Timed builds of each kind, after one warm-up (default 3)",
    "scale": "Also build 1,000, 5,000 and 10,000 articles and print time per article",
})
def bench(c, articles=1000, questions=500, feedback=1000, runs=3, scale=False):
    """Build-speed benchmark: plain Pelican vs this project, and the edit-to-refresh loop."""
    from sitetools.bench.bench import main

    arguments = ["--articles", str(articles), "--questions", str(questions), "--feedback", str(feedback),
                 "--runs", str(runs)] + (["--scale"] if scale else [])
    if main(arguments) != 0:
        raise Exit(code=1)


@task(help={
    "title": "The post's title",
    "category": "Its category (default: Community)",
    "author": "Author name (default: AUTHOR from pelicanconf.py)",
    "content_dir": "Where articles live (default: content/articles)",
})
def new_post(c, title, category="Community", author="", content_dir=""):
    """Write a draft Markdown post with complete front matter and print its path."""
    settings = {}
    exec((DEV_SETTINGS).read_text(encoding="utf-8"), {"__file__": str(DEV_SETTINGS)}, settings)
    slug = slugify(title)
    if not slug:
        raise Exit("The title needs at least one letter or digit.", code=1)
    folder = Path(content_dir) if content_dir else ROOT / "content" / "articles"
    path = folder / f"{slug}.md"
    if path.exists():
        raise Exit(f"{path} already exists; choose another title.", code=1)
    now = dt.datetime.now().replace(second=0, microsecond=0)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Title: {title}\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        f"Category: {category}\n"
        f"Tags: \n"
        f"Slug: {slug}\n"
        f"Authors: {author or settings.get('AUTHOR', '')}\n"
        f"Summary: One or two sentences for listings and feeds.\n"
        f"Status: draft\n"
        f"\n"
        f"Write here. Sponsored, affiliate, gifted, partnership or employee posts need\n"
        f"Disclosure front matter: see README, \"Disclosure\".\n",
        encoding="utf-8",
    )
    print(path)


@task(auto_shortflags=False, help={
    "question": "The reader's words (prompted if missing)",
    "topic": "Topic the roundup groups it under, e.g. Repairs (prompted if missing)",
    "consent": "named | anonymous (prompted if missing)",
    "name": "The reader's first name (needed when consent is named)",
    "region": "Where they are, e.g. Ohio (optional)",
    "id": "Unique id for the anchor #q-<id> (default: from the question)",
    "asked": "Date the question arrived, YYYY-MM-DD (default: today)",
    "status": "open | answered | declined (default: open)",
    "answer": "The team's answer in Markdown (status answered; prompted if missing)",
    "reason": "Why we declined (status declined; prompted if missing)",
    "responded_on": "Date answered or declined, YYYY-MM-DD (default: today)",
    "responded_by": "Who answered (optional)",
    "related": "Comma-separated slugs of related articles (optional)",
    "content_path": "The content folder (default: content/)",
})
def add_question(c, question="", topic="", consent="", name="", region="", id="", asked="", status="open",
                 answer="", reason="", responded_on="", responded_by="", related="", content_path=""):
    """Append a reader question to content/data/questions.yaml and check the file."""
    from reader_questions import adding
    from reader_questions.checking import check_questions_file
    from reader_questions.loading import questions_path
    from sitekit.yamlappend import AppendFailed
    from sitetools.build import load_settings

    overrides = {"PATH": str(Path(content_path).resolve())} if content_path else {}
    settings = load_settings(DEV_SETTINGS, {**overrides, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False})
    path = questions_path(settings)
    text = path.read_text(encoding="utf-8") if path.exists() else ""

    question = question or _prompt("Question (the reader's words)", "question")
    topic = topic or _prompt("Topic", "topic")
    consent = consent or _prompt("Consent (named or anonymous)", "consent")
    if consent == "withdrawn":
        raise Exit("A withdrawn question is never added. To withdraw one already in the file, delete its "
                   "text and keep only its id and 'consent: withdrawn' (README, \"Reader questions\").", code=1)
    if consent == "named" and not name:
        name = _prompt("Name the reader agreed to", "name")
    if status == "answered" and not answer:
        answer = _prompt("Answer (Markdown)", "answer")
    if status == "declined" and not reason:
        reason = _prompt("Why we declined", "reason")
    question_id = id or adding.suggested_id(question, text, slugify)
    if not adding.valid_id(question_id):
        raise Exit(f"--id {question_id!r}: use lower-case letters, digits and hyphens.", code=1)
    today = dt.date.today()
    entry = adding.entry_for(
        id=question_id, asked=_date(asked, "asked") or today, question=question.strip(), consent=consent,
        topic=topic.strip(), status=status, name=name.strip(), region=region.strip(), answer=answer,
        reason=reason, responded_on=(_date(responded_on, "responded-on") or today) if status != "open" else None,
        responded_by=responded_by.strip(), related=[s.strip() for s in related.split(",") if s.strip()],
    )
    try:
        previous, line = adding.append_entry(path, entry)
    except AppendFailed as why:
        raise Exit(f"{path}: {why}. The question was not added; the file is unchanged.", code=1) from None
    found = check_questions_file(settings)
    if found:
        if previous:
            path.write_text(previous, encoding="utf-8")
        else:
            path.unlink()
        listed = "\n".join(f"  {problem}" for problem in found)
        raise Exit(f"{path.name} would have problems:\n{listed}\nThe question was not added; "
                   f"{path} is unchanged.", code=1)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"Added question '{question_id}' to {shown} (line {line}).")


def _prompt(label: str, option: str) -> str:
    try:
        value = input(f"{label}: ").strip()
    except EOFError:
        value = ""
    if not value:
        raise Exit(f"Missing --{option.replace('_', '-')}; nothing was added.", code=1)
    return value


def _date(value: str, option: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Exit(f"--{option} {value!r} is not a date; write it as YYYY-MM-DD.", code=1) from None


@task(auto_shortflags=False, help={
    "csv_file": "The survey tool's CSV export (header row first)",
    "said": "Column holding what the reader said",
    "theme": "Column holding the theme",
    "consent_column": "Column holding the publishing consent (yes/y/true/agree/1 counts)",
    "source": "Value to record as source, e.g. survey",
    "mapping": "YAML file with the same keys (said, theme, consent_column, source, date, ...)",
    "date": "Column holding the date (default: Timestamp, Submitted At, ...)",
    "date_format": "strptime format when dates are not year first, e.g. '%d/%m/%Y %H:%M:%S'",
    "consent_as": "quote (default) or paraphrase: how consenting readers' words are shown",
    "data": "Feedback file to write (default: content/data/feedback.yaml)",
})
def import_feedback(c, csv_file, said="", theme="", consent_column="", source="", mapping="", date="",
                    date_format="", consent_as="", data=""):
    """Append survey answers (CSV export) to feedback.yaml as new 'heard' entries."""
    from learned.importer import ImportFailed, import_csv, read_mapping

    data_path = Path(data) if data else ROOT / "content" / "data" / "feedback.yaml"
    try:
        options = read_mapping(Path(mapping) if mapping else None, said=said, theme=theme,
                               consent_column=consent_column, source=source, date=date,
                               date_format=date_format, consent_as=consent_as)
        summary = import_csv(Path(csv_file), data_path, options)
    except ImportFailed as failure:
        raise Exit(failure.report(data_path), code=1) from None
    print(summary.text(data_path))
