"""Find the links in a post's HTML and merge rel values into outbound ones.

Python's own HTML parser finds each ``<a>`` start tag and where it sits in
the text; only the tags that change are rewritten, so the rest of the HTML
stays byte for byte as the Markdown reader produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit


@dataclass
class Link:
    start: int          # offset of "<a" in the text
    raw: str            # the start tag exactly as written
    attrs: list         # [(name, value-or-None)], names lowercased, values unescaped

    @property
    def href(self) -> str:
        return next((value or "" for name, value in self.attrs if name == "href"), "")

    def get(self, key: str) -> str | None:
        return next((value for name, value in self.attrs if name == key), None)


_NEWLINE = re.compile("\n")


class _LinkFinder(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        self.line_starts.extend(match.end() for match in _NEWLINE.finditer(text))
        self.found: list[Link] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            line, column = self.getpos()
            self.found.append(Link(self.line_starts[line - 1] + column, self.get_starttag_text(), attrs))

    handle_startendtag = handle_starttag


def find_links(html: str) -> list[Link]:
    if not html or "<a" not in html.lower():
        return []
    finder = _LinkFinder(html)
    finder.feed(html)
    finder.close()
    return [link for link in finder.found if html[link.start:link.start + len(link.raw)] == link.raw]


def site_hosts(settings: dict) -> set[str]:
    hosts = set()
    for key in ("SITEURL", "CANONICAL_ROOT", "FEED_DOMAIN"):
        host = urlsplit(str(settings.get(key) or "")).hostname
        if host:
            hosts.add(host.lower())
    return hosts


def is_outbound(href: str, hosts: set[str]) -> bool:
    """A link to another host (http, https or protocol-relative)."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") and not href.startswith("//"):
        return False
    return bool(parts.hostname) and parts.hostname.lower() not in hosts


def merge_rel(html: str, hosts: set[str], sponsored: bool) -> str:
    """Add rel="sponsored" (when ``sponsored``) to outbound links, and
    "noopener" to outbound links that open a new window; existing values stay."""
    pieces, position = [], 0
    for link in find_links(html):
        if not is_outbound(link.href, hosts):
            continue
        wanted = []
        if sponsored:
            wanted.append("sponsored")
        if (link.get("target") or "").strip().lower() == "_blank":
            wanted.append("noopener")
        rel = (link.get("rel") or "").split()
        present = {value.lower() for value in rel}
        added = [value for value in wanted if value not in present]
        if not added:
            continue
        attrs = [(name, value) for name, value in link.attrs if name != "rel"]
        attrs.append(("rel", " ".join(rel + added)))
        pieces.append(html[position:link.start])
        pieces.append(start_tag("a", attrs, self_closing=link.raw.rstrip().endswith("/>")))
        position = link.start + len(link.raw)
    pieces.append(html[position:])
    return "".join(pieces)


def start_tag(tag: str, attrs: list, self_closing: bool = False) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
    return f"<{' '.join(parts)}{' /' if self_closing else ''}>"
