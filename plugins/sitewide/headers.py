"""`_headers`: cache and security headers for hosts that read the file
(Netlify, Cloudflare Pages; GitHub Pages ignores it).

- every response: X-Content-Type-Options, Referrer-Policy (the page's
  ``<meta name="referrer">``), Permissions-Policy, X-Frame-Options;
- pages: short caching and a Content-Security-Policy equal to the one in the
  pages' ``<meta>`` (so /search/ gets its ``'wasm-unsafe-eval'``);
- content-hashed files (the theme's, Pagefind's fragments and indexes):
  cached for a year, immutable.

No two rules set the same header on one path: Cloudflare Pages joins the
values of overlapping rules with commas, which would make two CSPs (both
enforced) or a garbled Cache-Control. So pages are grouped by their first
folder (``/2026/*``, ``/search/*``), and a folder whose pages differ gets
one rule per page.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from sitekit.settings import Defaults

from .sitemap import site_root, url_of

DEFAULTS = {
    "HEADERS_SAVE_AS": "_headers",
    "HEADERS_HTML_CACHE": "public, max-age=300, must-revalidate",
    "HEADERS_HASHED_CACHE": "public, max-age=31536000, immutable",
    "HEADERS_PERMISSIONS_POLICY": ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
                                   "magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"),
    "HEADERS_HASHED_PATHS": ["pagefind/fragment/*", "pagefind/index/*", "pagefind/filter/*"],
}
CSP = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"', re.I)
REFERRER = re.compile(r'<meta\s+name="referrer"\s+content="([^"]*)"', re.I)


setting = Defaults(DEFAULTS)


def meta(pattern: re.Pattern, path: Path) -> str | None:
    found = pattern.search(path.read_text(encoding="utf-8"))
    return html.unescape(found.group(1)) if found else None


def html_pages(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                  if not any(part.startswith(".") for part in p.relative_to(output).parts))


def page_rules(output: Path) -> list[tuple[str, str | None]]:
    """(path pattern relative to the site, CSP) for every page, no two matching one URL."""
    groups: dict[str, list[str]] = defaultdict(list)
    for relative in html_pages(output):
        groups[relative.split("/")[0] if "/" in relative else ""].append(relative)
    rules = []
    for folder, pages in sorted(groups.items()):
        policies = {relative: meta(CSP, output / relative) for relative in pages}
        if folder and len(set(policies.values())) == 1:
            rules.append((f"{folder}/*", policies[pages[0]]))
        else:
            rules.extend((url_of(relative), policy) for relative, policy in policies.items())
    return rules


def headers_file(output: Path, settings: dict) -> str:
    prefix = urlsplit(site_root(settings)).path.rstrip("/")
    home = output / "index.html"
    referrer = (meta(REFERRER, home) if home.exists() else None) or "strict-origin-when-cross-origin"
    theme = settings.get("THEME_STATIC_DIR", "theme")
    lines = [
        "# Written by the build (plugins/sitewide/headers.py): do not edit. Read by Netlify and",
        "# Cloudflare Pages; GitHub Pages ignores it. No two rules set one header on the same path.",
        "",
        f"{prefix}/*",
        "  X-Content-Type-Options: nosniff",
        f"  Referrer-Policy: {referrer}",
        f"  Permissions-Policy: {setting(settings, 'HEADERS_PERMISSIONS_POLICY')}",
        "  X-Frame-Options: DENY",
        "",
        "# Pages: revalidated after a few minutes; the same CSP as each page's <meta>.",
    ]
    for pattern, policy in page_rules(output):
        lines.append(f"{prefix}/{pattern}")
        lines.append(f"  Cache-Control: {setting(settings, 'HEADERS_HTML_CACHE')}")
        if policy:
            lines.append(f"  Content-Security-Policy: {policy}")
    lines += ["", "# Content-hashed files: a new version gets a new name, so they never change."]
    for pattern in [f"{theme}/*", *setting(settings, "HEADERS_HASHED_PATHS")]:
        lines += [f"{prefix}/{pattern}", f"  Cache-Control: {setting(settings, 'HEADERS_HASHED_CACHE')}"]
    return "\n".join(lines) + "\n"


def write(pelican) -> None:
    """finalized receiver (after the theme's files got their hashed names)."""
    settings = pelican.settings
    save_as = setting(settings, "HEADERS_SAVE_AS")
    if save_as:
        output = Path(settings["OUTPUT_PATH"])
        (output / save_as).write_text(headers_file(output, settings), encoding="utf-8")
