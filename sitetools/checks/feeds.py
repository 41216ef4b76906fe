"""Gate 4, feeds: every Atom/RSS file parses without errors (feedparser, no
bozo) and every entry has an id, a title, a link and a date."""

from __future__ import annotations

from pathlib import Path

import feedparser

from .report import GateResult

REQUIRED = {"id": ("id",), "title": ("title",), "link": ("link",), "date": ("published", "updated")}


def feed_files(output: Path) -> list[Path]:
    """XML files whose root is an Atom <feed> or an RSS <rss> (a sitemap is not a feed)."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.suffix not in (".xml", ".atom", ".rss") or not path.is_file():
            continue
        head = path.read_bytes()[:2048]
        if b"<feed" in head or b"<rss" in head:
            found.append(path)
    return found


def check(output: Path) -> GateResult:
    files = feed_files(output)
    result = GateResult("feeds", checked=len(files), unit="feeds")
    entries = 0
    for path in files:
        name = path.relative_to(output).as_posix()
        parsed = feedparser.parse(path.read_bytes())
        if parsed.bozo:
            result.fail(f"{name}: does not parse: {parsed.get('bozo_exception')}")
        for number, entry in enumerate(parsed.entries, 1):
            entries += 1
            label = entry.get("title") or entry.get("id") or "untitled"
            absent = [field for field, keys in REQUIRED.items() if not any(entry.get(key) for key in keys)]
            if absent:
                result.fail(f"{name}: entry {number} ({label!r}) has no {', no '.join(absent)}")
    result.unit = f"feeds ({entries} entries)"
    return result
