"""Page types: one representative output file per kind of page.

Each type is found by its URL pattern. A type whose plugin is not enabled is
skipped ("not in this site"); once the page exists it is checked, and a type
that should exist (core theme, or its plugin is enabled) but does not is a
failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Top-level folders that are not Pelican pages.
NOT_PAGES = ("archives", "authors", "categories", "tags", "category", "tag", "author", "feeds", "theme",
             "drafts", "page", "transparency", "questions", "learned")


@dataclass(frozen=True)
class PageType:
    name: str
    pattern: str
    plugin: str | None = None  # None: the theme itself makes it

    def matches(self, relative: str) -> bool:
        return re.fullmatch(self.pattern, relative) is not None


PAGE_TYPES = (
    PageType("index", r"index\.html"),
    PageType("article", r"\d{4}/[^/]+/index\.html"),
    PageType("page", rf"(?!(?:{'|'.join(NOT_PAGES)})/)(?!\d{{4}}/)[^/]+/index\.html"),
    PageType("category", r"category/[^/]+/index\.html"),
    PageType("tag", r"tag/[^/]+/index\.html"),
    PageType("author", r"author/[^/]+/index\.html"),
    PageType("archives", r"archives/index\.html"),
    PageType("categories", r"categories/index\.html"),
    PageType("tags", r"tags/index\.html"),
    PageType("authors", r"authors/index\.html"),
    PageType("transparency report", r"transparency/index\.html", "disclosure"),
    PageType("roundup", r"questions/\d{4}-\d{2}/index\.html", "reader_questions"),
    PageType("questions index", r"questions/index\.html", "reader_questions"),
    PageType("learned", r"learned/index\.html", "learned"),
    PageType("learned theme", r"learned/(?!page/)[^/]+/index\.html", "learned"),
    PageType("404", r"404\.html"),
)


@dataclass
class PageSet:
    found: dict[str, str]  # type name -> path relative to the output
    missing: list[str]  # types with no page, allowed (plugin not enabled)
    required_missing: list[str]  # types with no page although they should exist

    def skipped_note(self) -> list[str]:
        return [f"{name}: SKIPPED (not in this site)" for name in self.missing]

    def missing_failures(self) -> list[str]:
        return [f"{name}: no page of this type in the output, although the theme or an enabled plugin makes it"
                for name in self.required_missing]


def relative_files(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                  if not any(part.startswith(".") for part in p.relative_to(output).parts))


def discover(output: Path, plugins: list[str] | None = None, types=PAGE_TYPES) -> PageSet:
    """First file (sorted) matching each type. With `plugins` (the PLUGINS setting) the
    core types and the enabled plugins' types must exist; without it, nothing is required."""
    files = relative_files(output)
    found, missing, required = {}, [], []
    for page_type in types:
        match = next((f for f in files if page_type.matches(f)), None)
        if match:
            found[page_type.name] = match
        elif plugins is not None and (page_type.plugin is None or page_type.plugin in plugins):
            required.append(page_type.name)
        else:
            missing.append(page_type.name)
    return PageSet(found, missing, required)


def url_for(siteurl: str, relative: str) -> str:
    path = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    return f"{siteurl.rstrip('/')}/{path}"
