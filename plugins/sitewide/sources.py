"""Every source file becomes a page, or the build says why not.

Pelican skips a file it cannot read (bad front matter, a date it cannot
parse, not UTF-8), one without a title, or one with an unknown status, and
only logs it; two posts with the same slug overwrite each other. For an
author each of those is a lost post. So, once a generator has read its
content, the files it should have read are compared with the ones it did
(Pelican's public ``get_files`` and content lists, not its log wording);
each missing file is read again alone to learn why, and reported as
``path:line: field: message``. Set STRICT_SOURCES = False to keep Pelican's
own behaviour (e.g. to build a foreign corpus).
"""

from __future__ import annotations

import difflib
import os
import re
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from pelican.contents import Article, Page
from pelican.readers import SkipStub

from sitekit import problems

FIX_HINTS = {
    "date": "write dates as 2026-10-03 or 2026-10-03 14:30",
    "modified": "write dates as 2026-10-03 or 2026-10-03 14:30",
}
STATUSES = ("published", "hidden", "draft")
SLUG_LINE = re.compile(r"\s*:?slug\s*:", re.IGNORECASE)

# What each generator reads and the lists it keeps what it read in; a list's
# items share one address space, so two of one language with one slug collide.
ARTICLES = ("ARTICLE", Article, (("articles", "translations"), ("hidden_articles", "hidden_translations"),
                                 ("drafts", "drafts_translations")))
PAGES = ("PAGE", Page, (("pages", "translations"), ("hidden_pages", "hidden_translations"),
                        ("draft_pages", "draft_translations")))


def strict(settings) -> bool:
    return settings.get("STRICT_SOURCES", True)


def check_articles(generator) -> None:
    """article_generator_finalized."""
    if strict(generator.settings):
        check_generator(generator, *ARTICLES)


def check_pages(generator) -> None:
    """page_generator_finalized."""
    if strict(generator.settings):
        check_generator(generator, *PAGES)


def check_generator(generator, kind: str, content_class, lists) -> None:
    report = problems.of(generator.settings).report
    groups = [[*getattr(generator, first, []), *getattr(generator, second, [])] for first, second in lists]
    read = {os.path.normpath(item.source_path) for group in groups for item in group}
    settings = generator.settings
    for relative in sorted(generator.get_files(settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"])):
        path = os.path.normpath(os.path.join(generator.path, relative))
        if path not in read:
            explain_skipped(generator, relative, path, content_class, report)
    for group in groups:
        shared_addresses(group, settings.get(f"{kind}_TRANSLATION_ID", "slug"), report)


def explain_skipped(generator, relative: str, path: str, content_class, report) -> None:
    """Read a file Pelican left out again, alone, to learn what is wrong with it."""
    try:
        content = generator.readers.read_file(base_path=generator.path, path=relative,
                                              content_class=content_class, context=generator.context)
    except Exception as error:  # whatever the reader raised is the author's mistake to report
        report(path, *describe(path, error))
        return
    if isinstance(content, SkipStub) or getattr(content, "status", "") == "skip":
        return  # the author asked for it to be skipped
    status = getattr(content, "status", "")
    if status not in getattr(content, "allowed_statuses", (status,)):
        close = difflib.get_close_matches(str(status).lower(), STATUSES, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        report(path, problems.metadata_line(path, "status"), "Status",
               f"'{status}' is not a status, so Pelican would skip this file; use {', '.join(STATUSES)}.{hint}")
        return
    for name in getattr(content, "mandatory_properties", ()):
        if not getattr(content, name, None):
            key = name.capitalize()
            report(path, 1, key, f"is missing, so Pelican would skip this file; add '{key}: ...' to the front matter.")
            return
    report(path, 1, "file", f"Pelican would not publish this file (its address, {content.save_as!r}, is not "
           "inside the output folder); check its Slug and Save_as.")


def shared_addresses(items: list, translation_id, report) -> None:
    """Two sources with one slug and language: Pelican would write one over the other."""
    if not translation_id:
        return  # translations switched off: Pelican does not group by slug either
    key = attrgetter(*translation_id) if isinstance(translation_id, (list, tuple)) else attrgetter(translation_id)
    ordered = sorted(items, key=lambda item: (str(key(item)), str(item.lang), item.source_path))
    for (slug, _lang), same in groupby(ordered, key=lambda item: (str(key(item)), str(item.lang))):
        same = list(same)
        if len(same) < 2:
            continue
        paths = [item.source_path for item in same]
        for path in paths:
            others = ", ".join(problems.display_path(other) for other in paths if other != path)
            has_slug = any(SLUG_LINE.match(line) for line in problems.read_lines(path))
            field = "Slug" if has_slug else "Title"
            report(path, problems.metadata_line(path, field), field,
                   f"gives the slug '{slug}', which {others} also has; two articles or pages cannot share a slug "
                   "(and so an address). Change the Slug (or the Title) of one of them.")


def describe(path: str, error: BaseException) -> tuple[int, str, str]:
    """Line, field and message for an exception raised while reading a file."""
    if isinstance(error, UnicodeDecodeError):
        try:
            line = Path(path).read_bytes()[: error.start].count(b"\n") + 1
        except OSError:
            line = 1
        return line, "file", f"is not UTF-8 (byte {error.start}); save it as UTF-8."
    text = str(error) or type(error).__name__
    value = text.split("'")[1] if text.count("'") >= 2 else ""
    line, field = problems.line_containing(path, value) if value else (1, "")
    field = field or "file"
    hint = FIX_HINTS.get(field.lower(), "check the front matter syntax (Key: value, one per line)")
    return line, field, f"{text}; {hint}"


def check_content(content) -> None:
    """content_object_init: a title that is only spaces would give a page with no heading."""
    if not strict(content.settings) or not getattr(content, "source_path", None):
        return
    title = getattr(content, "title", None)
    if isinstance(title, str) and not title.strip():
        path = content.source_path
        problems.of(content.settings).report(
            path, problems.metadata_line(path, "title"), "Title",
            "is empty; write the title (the page's heading, and its name in listings and feeds).")
