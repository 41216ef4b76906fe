"""The live-reload fast path: a warm process that rewrites only what an edit touches.

``make serve`` keeps one ``LiveSite``. Its first ``refresh()`` is a full,
atomic build (``sitebuild.build``) that also keeps Pelican's generators, the
settings and the shared context in memory. Each later ``refresh()`` looks at
what changed on disk since the last build:

- nothing: nothing is done;
- only the text of articles or pages the last build read (body, title or
  summary): each is re-read alone (through Pelican's readers, so every
  plugin's ``content_object_init`` check runs), the new version is copied
  into the object the context already holds, and the pages are rendered
  again with a writer that skips, *before rendering*, every page and feed
  whose template context does not show a changed object (its own page, the
  listings, feeds, archives and plugin pages that list it). Those pages are
  rewritten in place; nothing else is touched;
- anything else falls back to a full build: settings, theme, data files,
  roundup intros, static files, files added or deleted, and any edit that
  could move a post between listings or change other pages (its date,
  modified date, status, slug, URL, language, category, tags, authors, any
  other front matter such as Disclosure or Learned_from, its static links,
  the title of a post that reader questions name, or a page's title).

The fast path skips nothing a full build would change in the pages it
covers: tests/test_perf.py compares its output with a full build's,
file for file. It never runs the search index or compression; `invoke
build`/`preview` stay complete and atomic. A source problem found on the
fast path is reported like any other (``problems``) and nothing is written,
so the last good site stays.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import meta
from pelican import signals
from pelican.contents import Article, Content, Page
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.paginator import Page as PaginatorPage
from pelican.writers import Writer

from sitekit import problems
from sitewide import sources

from .build import build, load_settings

logger = logging.getLogger(__name__)

# Front matter that may change without leaving the fast path (anything else
# can move a post between listings or change other pages).
FREE_KEYS = {"title", "summary"}
# Attributes compared between the old and the new version of a post.
PLACE_ATTRIBUTES = ("status", "slug", "url", "save_as", "lang", "date", "category", "tags", "authors",
                    "template", "in_default_lang")
# Attributes computed after reading (by Pelican's generators or plugins):
# the object the context holds keeps its own.
KEPT_ATTRIBUTES = {"translations", "reader_questions", "learned_items"}
# Context lists the theme only reads unchanging fields from (menu links
# look pages up by slug); a page's title change falls back instead.
NAV_ONLY = {"pages", "hidden_pages"}
# A listing's neighbours are linked by URL only, and URLs never change here.
NAV_SUFFIXES = ("_previous_page", "_next_page", "_paginator")


@dataclass
class LiveResult:
    ok: bool
    mode: str                  # "full", "fast" or "unchanged"
    report: str = ""
    written: list[str] = field(default_factory=list)
    reason: str = ""           # why a full build was needed


class _Captured:
    generators: list | None = None


_captured = _Captured()


def _keep_generators(generators) -> None:
    _captured.generators = list(generators)


def clear_memoized() -> None:
    """Forget Pelican's memoized content and summaries (they hold every past Content)."""
    for name in ("get_content", "get_summary"):
        getattr(Content, name).cache.clear()


class LiveSite:
    def __init__(self, settings_file, output, overrides: dict | None = None, search: bool = True):
        self.search = search  # full builds index for search; the fast path leaves the index as it was
        self.settings_file = Path(settings_file).resolve()
        self.output = Path(output).resolve()
        self.overrides = dict(overrides or {})
        self.generators: list | None = None
        self.snapshot: dict[str, tuple] = {}
        self.sources: dict[str, Content] = {}   # absolute source path -> object in the context
        self.settings: dict = {}
        self.template_variables: dict = {}

    # ---------------------------------------------------------------- public
    def refresh(self) -> LiveResult:
        if self.generators is None:
            return self.full_build("first build")
        current = self.take_snapshot()
        changed = sorted(path for path in set(current) | set(self.snapshot)
                         if current.get(path) != self.snapshot.get(path))
        if not changed:
            return LiveResult(True, "unchanged")
        reason = self.why_not_fast(changed, current)
        if reason:
            return self.full_build(reason)
        return self.fast_build(changed, current)

    # ------------------------------------------------------------ full build
    def full_build(self, reason: str) -> LiveResult:
        snapshot = self.take_snapshot()
        clear_memoized()
        _captured.generators = None
        signals.all_generators_finalized.connect(_keep_generators)
        try:
            result = build(self.settings_file, self.output, self.overrides, search=self.search, compress=False)
        finally:
            signals.all_generators_finalized.disconnect(_keep_generators)
        if not result.ok:
            # The site on disk is the last good one; so is the state kept here,
            # but the next refresh must rebuild in full to see the fix.
            self.snapshot = {}
            return LiveResult(False, "full", result.report, reason=reason)
        self.generators = _captured.generators
        _captured.generators = None
        self.settings = self.generators[0].settings
        self.snapshot = snapshot
        self.sources = {}
        self.template_variables = {}
        for generator in self.generators:
            if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
                for content in all_contents(generator):
                    self.sources[os.path.abspath(content.source_path)] = content
        return LiveResult(True, "full", reason=reason)

    # ------------------------------------------------------------- snapshot
    def take_snapshot(self) -> dict[str, tuple]:
        settings = load_settings(self.settings_file, self.overrides) if not self.settings else self.settings
        ignored = list(settings.get("IGNORE_FILES", [])) + [".*", "*~", "#*#"]
        roots = [Path(settings["PATH"]), Path(settings["THEME"])]
        stamps = {}
        for root in roots:
            for folder, subfolders, files in os.walk(root):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in files:
                    if any(fnmatch.fnmatch(name, pattern) for pattern in ignored):
                        continue
                    path = os.path.join(folder, name)
                    try:
                        stat = os.stat(path)
                    except OSError:
                        continue
                    stamps[os.path.abspath(path)] = (stat.st_mtime_ns, stat.st_size)
        for path in self.settings_file.parent.glob("*.py"):
            stat = path.stat()
            stamps[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def why_not_fast(self, changed: list[str], current: dict) -> str:
        for path in changed:
            if path not in current:
                return f"{path} was deleted"
            if path not in self.snapshot:
                return f"{path} was added"
            if path not in self.sources:
                return f"{path} is not an article or page"
        return ""

    # ------------------------------------------------------------- fast path
    def fast_build(self, changed: list[str], current: dict) -> LiveResult:
        problems.reset()
        sources.start(self.settings["PATH"])
        fresh = {}
        try:
            for path in changed:
                old = self.sources[path]
                generator = generator_for(self.generators, old)
                fresh[path] = reread(generator, old)
        finally:
            sources.stop()
        found = problems.collected()
        if found:
            report = problems.format_report(found)
            return LiveResult(False, "fast", f"{report}\nThe previous site is unchanged.")
        for path, new in fresh.items():
            reason = moved(self.sources[path], new)
            if reason:
                return self.full_build(reason)

        targets = set()
        context = self.generators[0].context
        context["localsiteurl"] = self.settings["SITEURL"]  # as before a full build's writing phase
        for path, new in fresh.items():
            old = self.sources[path]
            update_in_place(old, new)
            targets.add(id(old))
        for path in fresh:
            self.sources[path].refresh_metadata_intersite_links()

        writer = SelectiveWriter(str(self.output), self.settings, targets, self.template_variables)
        for generator in self.generators:
            if isinstance(generator, StaticGenerator) or not hasattr(generator, "generate_output"):
                continue
            generator.generate_output(writer)
        self.snapshot = current
        return LiveResult(True, "fast", written=writer.written)


def all_contents(generator) -> list[Content]:
    names = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles",
             "hidden_translations", "pages", "hidden_pages", "draft_pages", "draft_translations")
    seen, found = set(), []
    for name in names:
        for content in getattr(generator, name, []) or []:
            if id(content) not in seen:
                seen.add(id(content))
                found.append(content)
    return found


def generator_for(generators: list, content: Content):
    kind = ArticlesGenerator if isinstance(content, Article) else PagesGenerator
    return next(g for g in generators if isinstance(g, kind))


def reread(generator, old: Content) -> Content | None:
    is_article = isinstance(old, Article)
    relative = os.path.relpath(old.source_path, generator.path)
    try:
        new = generator.readers.read_file(
            base_path=generator.path, path=relative, content_class=type(old), context=generator.context,
            preread_signal=signals.article_generator_preread if is_article else signals.page_generator_preread,
            preread_sender=generator,
            context_signal=signals.article_generator_context if is_article else signals.page_generator_context,
            context_sender=generator,
        )
    except Exception:
        logging.getLogger("pelican").exception("Could not process %s", relative)
        return None
    return new if new.is_valid() else None  # is_valid logs what is missing: a problem


def moved(old: Content, new: Content | None) -> str:
    """Why this edit needs a full build, or "" when the fast path covers it."""
    if new is None:
        return f"{old.source_path} could not be read"
    for name in PLACE_ATTRIBUTES:
        if getattr(old, name, None) != getattr(new, name, None):
            return f"{name} changed in {old.source_path}"
    if getattr(old, "modified", None) != getattr(new, "modified", None):
        return f"modified changed in {old.source_path}"
    old_keys = {key: value for key, value in old.metadata.items() if key not in FREE_KEYS}
    new_keys = {key: value for key, value in new.metadata.items() if key not in FREE_KEYS}
    if old_keys != new_keys:
        return f"front matter changed in {old.source_path}"
    if old.get_static_links() != new.get_static_links():
        return f"static links changed in {old.source_path}"
    if old.title != new.title:
        if isinstance(old, Page):
            return f"the title of page {old.source_path} changed (menus may show it)"
        if getattr(old, "reader_questions", None):
            return f"the title of {old.source_path} changed and reader questions link to it"
    return ""


def update_in_place(old: Content, new: Content) -> None:
    """Give the object every list in the context holds the new text."""
    for name in ("get_content", "get_summary"):
        cache = getattr(Content, name).cache
        for key in [key for key in cache if key and key[0] is old]:
            del cache[key]
    kept = {name: value for name, value in old.__dict__.items()
            if name in KEPT_ATTRIBUTES or name not in new.__dict__}
    old.__dict__.clear()
    old.__dict__.update(new.__dict__)
    old.__dict__.update(kept)


# --------------------------------------------------------------- the writer
class _NullFile:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, text):
        return len(text)


class _Gate:
    """Stands in for a template: renders only when the page shows a target."""

    def __init__(self, template, writer: SelectiveWriter):
        self.template = template
        self.writer = writer

    def __getattr__(self, name):
        return getattr(self.template, name)

    def render(self, localcontext):
        if self.writer.shows_target(self.template, localcontext):
            return self.template.render(localcontext)
        self.writer.skip_next = True
        return ""


class SelectiveWriter(Writer):
    """A Pelican writer that writes only pages and feeds showing a target object.

    The decision is made before rendering, from the variables each template
    (with everything it extends, includes and imports) can read: a page is
    written when one of them holds a target, directly or inside lists,
    dicts, dataclasses and paginator pages (never inside other content
    objects). A paginated listing is judged by its own page of items.
    """

    def __init__(self, output_path, settings, targets: set[int], variables: dict | None = None):
        super().__init__(output_path, settings=settings)
        self.targets = targets
        self.skip_next = False
        self.written: list[str] = []
        # Template name -> variables; the theme never changes on the fast path,
        # so LiveSite keeps this between refreshes.
        self._variables: dict[str, set[str] | None] = {} if variables is None else variables
        self._seen: dict[int, tuple[object, bool]] = {}  # id -> (object kept alive, holds a target)

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Gate(template, self), context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        if not any(id(element) in self.targets for element in shown):
            return None
        return super().write_feed(elements, context, path, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        if self.skip_next:
            self.skip_next = False
            return _NullFile()
        self.written.append(filename)
        return super()._open_w(filename, encoding, override)

    # ---------------------------------------------------------- decisions
    def shows_target(self, template, localcontext) -> bool:
        variables = self.variables_of(template)
        names = localcontext.keys() if variables is None else variables
        for name in names:
            if name in NAV_ONLY or name.endswith(NAV_SUFFIXES) or name not in localcontext:
                continue
            if localcontext.get(f"{name}_page") is not None:
                name = f"{name}_page"  # a paginated listing shows only its own page
            if self.holds(localcontext[name], 6):
                return True
        return False

    def holds(self, value, depth: int) -> bool:
        if id(value) in self.targets:
            return True
        if depth == 0 or value is None or isinstance(value, (str, bytes, int, float, bool, Content)):
            return False
        known = self._seen.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if isinstance(value, PaginatorPage):
            items = value.object_list
        elif isinstance(value, dict):
            items = value.values()
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = value
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            items = [getattr(value, name, None) for name in _field_names(type(value))]
        else:
            return False
        found = any(self.holds(item, depth - 1) for item in items)
        # The same lists and records appear on many pages: judge each once.
        # (Kept alive here, so its id cannot be reused during this refresh.)
        self._seen[id(value)] = (value, found)
        return found

    def variables_of(self, template) -> set[str] | None:
        """Names a template and its extends/includes/imports read from the context (None: unknown)."""
        if template.name not in self._variables:
            self._variables[template.name] = self._collect(template.environment, template.name, set())
        return self._variables[template.name]

    def _collect(self, environment, name: str, seen: set[str]) -> set[str] | None:
        if name in seen:
            return set()
        seen.add(name)
        own, referenced = _parsed(environment, name)
        names = set(own)
        for other in referenced:
            if other is None:
                return None
            more = self._collect(environment, other, seen)
            if more is None:
                return None
            names |= more
        return names


@functools.cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _parsed(environment, name: str) -> tuple[frozenset, tuple]:
    """A template's own undeclared variables and the templates it names (None: computed)."""
    cache = environment.__dict__.setdefault("_livebuild_parsed", {})
    if name not in cache:
        tree = environment.parse(environment.loader.get_source(environment, name)[0])
        cache[name] = (frozenset(meta.find_undeclared_variables(tree)),
                       tuple(meta.find_referenced_templates(tree)))
    return cache[name]
