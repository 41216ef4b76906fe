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
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from sitekit.sitebuild import build as build_site  # noqa: E402
from sitekit.slugs import slugify  # noqa: E402

DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
OUTPUT = ROOT / "output"
HOST, PORT = "127.0.0.1", 8000


def _build(settings_file: Path, output: Path = OUTPUT) -> None:
    result = build_site(settings_file, output)
    if not result.ok:
        raise Exit(result.report, code=1)
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

    def rebuild_site():
        result = build_site(DEV_SETTINGS, OUTPUT, {"LIVERELOAD_PORT": int(port)})
        if not result.ok:
            print(result.report, flush=True)
        return result.ok

    if not rebuild_site() and not OUTPUT.exists():
        raise Exit("Fix the problems above, then run make serve again.", code=1)
    server = Server()
    for pattern in ("content/**/*", "theme/**/*", "pelicanconf.py", "publishconf.py"):
        server.watch(str(ROOT / pattern), rebuild_site)
    server.watch(str(ROOT / "plugins/**/*.py"), lambda: print(
        "Plugin code changed: restart the server (Ctrl+C, then make serve) to load it.", flush=True))
    print(f"Live preview at http://{HOST}:{port}/ ; edits to content, data, theme or settings "
          "rebuild and refresh the page. Plugin code changes need a restart.", flush=True)
    server.serve(host=HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)


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
