"""Page types: one representative output file per kind of page.

Each type is found by the pattern of the setting that names its files
(ARTICLE_SAVE_AS, ROUNDUP_SAVE_AS, ...), read from the site's settings, so a
site with other URLs (quarterly roundups, articles under /posts/) is checked
the same way. A type whose plugin is not enabled is skipped ("not in this
site"); once the page exists it is checked, and a type that should exist
(core theme, or its plugin is enabled) but does not is a failure.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from disclosure.config import setting as disclosure_setting
from learned.defaults import setting as learned_setting
from reader_questions.defaults import setting as questions_setting

# What discover() assumes when it is given no settings (hand-made trees in tests):
# the clean URLs of this project's pelicanconf.py.
CLEAN_URLS = {
    "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
    "PAGE_SAVE_AS": "{slug}/index.html",
    "DRAFT_SAVE_AS": "drafts/{slug}/index.html",
    "DRAFT_PAGE_SAVE_AS": "drafts/pages/{slug}/index.html",
    "CATEGORY_SAVE_AS": "category/{slug}/index.html",
    "TAG_SAVE_AS": "tag/{slug}/index.html",
    "AUTHOR_SAVE_AS": "author/{slug}/index.html",
    "ARCHIVES_SAVE_AS": "archives/index.html",
    "CATEGORIES_SAVE_AS": "categories/index.html",
    "TAGS_SAVE_AS": "tags/index.html",
    "AUTHORS_SAVE_AS": "authors/index.html",
    "SEARCH_SAVE_AS": "search/index.html",
    "DIRECT_TEMPLATES": ["index", "tags", "categories", "authors", "archives", "404", "search"],
    "PAGINATION_PATTERNS": [(1, "{url}", "{save_as}"), (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html")],
}
# Files that are no page type but could match a type's pattern (``{slug}/index.html``
# matches search/index.html): they are claimed first, so a type never picks them.
OTHER_FILES = ("DRAFT_SAVE_AS", "DRAFT_PAGE_SAVE_AS")
PERIOD = r"\d{4}-(?:\d{2}|q[1-4])"  # a roundup's month (2026-10) or quarter (2026-q4)
STRFTIME = {"Y": r"\d{4}", "G": r"\d{4}", "j": r"\d{3}", **dict.fromkeys("ymdHMSUW", r"\d{2}"),
            **dict.fromkeys(("-m", "-d", "-H", "-M", "-S", "-j"), r"\d{1,3}")}  # others: [^/]+


@dataclass(frozen=True)
class PageType:
    name: str
    setting: str  # the *_SAVE_AS setting that names its files
    plugin: str | None = None  # None: the theme itself makes it
    direct: bool = False  # a direct template: Pelican's default is "<name>.html"


PAGE_TYPES = (
    PageType("index", "INDEX_SAVE_AS", direct=True),
    PageType("article", "ARTICLE_SAVE_AS"),
    PageType("page", "PAGE_SAVE_AS"),
    PageType("category", "CATEGORY_SAVE_AS"),
    PageType("tag", "TAG_SAVE_AS"),
    PageType("author", "AUTHOR_SAVE_AS"),
    PageType("archives", "ARCHIVES_SAVE_AS", direct=True),
    PageType("categories", "CATEGORIES_SAVE_AS", direct=True),
    PageType("tags", "TAGS_SAVE_AS", direct=True),
    PageType("authors", "AUTHORS_SAVE_AS", direct=True),
    PageType("transparency report", "DISCLOSURE_REPORT_SAVE_AS", "disclosure"),
    PageType("roundup", "ROUNDUP_SAVE_AS", "reader_questions"),
    PageType("questions index", "QUESTIONS_SAVE_AS", "reader_questions"),
    PageType("learned", "LEARNED_SAVE_AS", "learned"),
    PageType("learned theme", "LEARNED_THEME_SAVE_AS", "learned"),
    PageType("404", "404_SAVE_AS", direct=True),
)


def site_settings(settings: dict | None) -> dict:
    """The settings with the plugins' defaults under them (a settings file names only what it changes)."""
    merged = {**CLEAN_URLS} if settings is None else {}
    for declared in (disclosure_setting, questions_setting, learned_setting):
        merged = declared.merged(merged)
    return {**merged, **(settings or {})}


def save_as_pattern(save_as: str) -> str:
    """A regular expression for the files a *_SAVE_AS value makes: ``{slug}`` is one path part,
    ``{date:%Y}`` four digits, ``{period}`` a month or a quarter, ``{number}`` digits."""
    pattern, after_base = "", False
    for literal, field, spec, _ in string.Formatter().parse(save_as):
        pattern += re.escape(literal[1:] if after_base and literal.startswith("/") else literal)
        after_base = field == "base_name"
        if field is None:
            continue
        if field == "period":
            pattern += PERIOD
        elif field == "number":
            pattern += r"\d+"
        elif field == "base_name":  # "" for the home page: page/2/index.html
            pattern += "(?:.*/)?"
        elif spec and "%" in spec:
            pattern += re.sub(r"%(-?.)|([^%]+)", lambda m: STRFTIME.get(m.group(1), "[^/]+") if m.group(1)
                              else re.escape(m.group(2)), spec)
        else:
            pattern += "[^/]+"
    return pattern


def type_files(settings: dict, types=PAGE_TYPES) -> dict[str, str]:
    """Type name -> the *_SAVE_AS value of its files ("" when the setting turns the page off)."""
    files = {}
    for page_type in types:
        default = f"{page_type.name}.html" if page_type.direct else ""
        files[page_type.name] = settings.get(page_type.setting, default) or default
    return files


def other_files(settings: dict, types=PAGE_TYPES) -> list[str]:
    """Files of no page type: drafts, the other direct templates (search), list pages 2 and on."""
    typed = {page_type.setting for page_type in types}
    keys = [*OTHER_FILES, *(f"{name.upper()}_SAVE_AS" for name in settings.get("DIRECT_TEMPLATES", []))]
    values = [settings.get(key) for key in keys if key not in typed]
    values += [save_as for minimum, _, save_as in settings.get("PAGINATION_PATTERNS", []) if minimum > 1]
    return [value for value in values if value]


def specificity(save_as: str) -> tuple[bool, int]:
    """Fixed names first, then the ones with more fixed text: archives/index.html is the
    archives page although {slug}/index.html matches it too."""
    parts = list(string.Formatter().parse(save_as))
    return all(field is None for _, field, _, _ in parts), sum(len(literal) for literal, *_ in parts)


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


def discover(output: Path, plugins: list[str] | None = None, types=PAGE_TYPES,
             settings: dict | None = None) -> PageSet:
    """First file (sorted) of each type, by the patterns of ``settings`` (without them, this
    project's clean URLs). With `plugins` (the PLUGINS setting) the core types and the enabled
    plugins' types must exist; without it, nothing is required."""
    settings = site_settings(settings)
    files = type_files(settings, types)
    claims = [(name, save_as) for name, save_as in files.items() if save_as]
    claims += [(None, save_as) for save_as in other_files(settings, types)]
    claims.sort(key=lambda claim: specificity(claim[1]), reverse=True)  # stable: ties in PAGE_TYPES order
    patterns = [(name, re.compile(save_as_pattern(save_as))) for name, save_as in claims]
    owner = {relative: next((name for name, pattern in patterns if pattern.fullmatch(relative)), None)
             for relative in relative_files(output)}
    found, missing, required = {}, [], []
    for page_type in types:
        match = next((f for f, name in owner.items() if name == page_type.name), None)
        if match:
            found[page_type.name] = match
        elif plugins is not None and files[page_type.name] and (page_type.plugin is None
                                                                 or page_type.plugin in plugins):
            required.append(page_type.name)
        else:
            missing.append(page_type.name)
    return PageSet(found, missing, required)


def url_for(siteurl: str, relative: str) -> str:
    path = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    return f"{siteurl.rstrip('/')}/{path}"
