"""The live-reload fast path: a warm process that rewrites only what an edit touches.

``make serve`` keeps one ``LiveSite``. Its first ``refresh()`` is a full,
atomic build (``sitetools.build.build``) that also keeps Pelican's generators,
the settings and the shared context in memory (they are handed out by the
public ``all_generators_finalized`` signal). Each later ``refresh()`` looks at
what changed on disk since the last build:

- nothing: nothing is done;
- only the text of articles or pages the last build read (body, title or
  summary): the fast path below rewrites the pages that show them;
- anything else falls back to a full build: settings, theme, data files,
  roundup intros, static files, files added or deleted, and any edit that
  could move a post between listings or change other pages (its date,
  modified date, status, slug, URL, language, category, tags, authors, any
  other front matter such as Disclosure or Learned_from, its static links,
  the title of a post that reader questions name, or a page's title).

The fast path uses only what Pelican documents or exposes publicly, so a
Pelican release that renames an internal cannot break it or make it serve
stale pages (tests/test_live.py compares it with full builds, file for file):

1. Each changed file is read again alone with the generator's public
   ``Readers.read_file`` and the same signals a build sends, so every
   plugin's ``content_object_init`` check runs. The result is a *new*
   content object; the kept one is never changed. (Pelican memoizes
   ``get_content``/``get_summary`` per object, so a mutated object could keep
   its old HTML; a new object has no memo to go stale.)
2. What plugins computed after reading (translations, reader questions,
   learned items) is carried over from the old object, and the new object
   replaces the old one *by identity* wherever the kept state holds it: in
   the lists, tuples, dicts, sets and dataclasses reachable from the context
   and from each generator's public attributes (``articles``, ``dates``,
   ``tags``, ``categories``, a plugin generator's own records...). Plain lists
   and dicts are changed in place, so anyone else holding them sees the
   swap; tuples and list subclasses (a subclass may keep facts about its
   items, such as a set of their ids) are built anew and put where the old
   ones were. A
   place that cannot be changed (a frozen dataclass holding a post) means a
   full build instead. (A plugin that kept posts inside some other kind of
   object would still show the old text there until the next full build; the
   project's plugins keep theirs in dataclasses, and the tests would see it.)
3. A fresh ``SelectiveWriter`` (a ``pelican.writers.Writer`` that overrides
   only the public ``write_file`` and ``write_feed``) is given to each
   generator's public ``generate_output``. It decides *before rendering*
   from the variables each template (with everything it extends, includes
   and imports) can read: a page or feed is written only when one of them
   holds a changed object (its own page, the listings, feeds, archives and
   plugin pages that list it); everything else is skipped without rendering.
   A paginated listing is judged page by page (``pelican.paginator.Paginator``,
   as Pelican's own ``write_file`` paginates), and each page that shows a
   changed object goes to Pelican's ``write_file`` on its own: rewriting
   every page of the blog's, a category's and a tag's listings would cost
   more than everything else together (test_the_writer_paginates_as_pelican_does
   checks the pages equal what Pelican writes).

One Pelican internal is left, and not for output: before each full build
``forget_pelican_memos`` empties the class-wide memos of ``get_content`` and
``get_summary``, which otherwise keep every past build alive (see there; it
fails safe, and a guard test says when Pelican changes it).

A source problem found on the fast path is reported like any other
(``sitekit.problems``) and nothing is written, so the last good site stays.
The fast path never runs the search index or compression; `invoke
build`/`preview` stay complete and atomic.

Two seams name what this module needs from the project's plugins, so their
changes stay local: ``collecting_problems`` (the kept build's problem
collector) and ``explain_unreadable`` (why a file would be skipped).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, meta
from pelican import signals
from pelican.contents import Article, Content, Page
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.paginator import Page as PaginatorPage
from pelican.paginator import Paginator
from pelican.readers import SkipStub
from pelican.writers import Writer

from sitekit import problems
from sitewide import sources

from .build import build, load_settings

# Front matter that may change without leaving the fast path (anything else
# can move a post between listings or change other pages).
FREE_KEYS = {"title", "summary"}
# Attributes compared between the old and the new version of a post.
PLACE_ATTRIBUTES = ("status", "slug", "url", "save_as", "lang", "date", "category", "tags", "authors",
                    "template", "in_default_lang")
# Attributes computed after reading (by Pelican's generators or plugins, from
# things the fast path never changes): the new object takes the old one's.
KEPT_ATTRIBUTES = ("translations", "reader_questions", "learned_items")
# Context lists the theme only reads unchanging fields from (menu links
# look pages up by slug); a page's title change falls back instead.
NAV_ONLY = {"pages", "hidden_pages"}
# A listing's neighbours are linked by URL only, and URLs never change here.
NAV_SUFFIXES = ("_previous_page", "_next_page", "_paginator")
# What each generator reads: (generator class, paths setting, excludes setting).
READ_BY = ((ArticlesGenerator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES"), (PagesGenerator, "PAGE_PATHS", "PAGE_EXCLUDES"))
# Values that never hold a content object (and content objects themselves,
# which are replaced whole, never walked into).
LEAVES = (str, bytes, int, float, bool, type(None), Content)
SCALARS = {str, bytes, int, float, bool, type(None)}


@dataclass
class LiveResult:
    ok: bool
    mode: str                  # "full", "fast" or "unchanged"
    report: str = ""
    written: list[str] = field(default_factory=list)
    reason: str = ""           # why a full build was needed


# ------------------------------------------------------------------ seams
@contextlib.contextmanager
def collecting_problems(settings: dict):
    """Yields a list that holds, after the block, the problems reported during it.

    Seam over sitekit.problems: the kept build's collector
    (``problems.of(settings)``, which plugins report to). What the block
    added is taken back out, so the collector stays as the build left it.
    """
    collector = problems.of(settings)
    start = len(collector.found)
    found: list = []
    try:
        yield found
    finally:
        found.extend(collector.found[start:])
        del collector.found[start:]


def explain_unreadable(generator, content: Content) -> None:
    """Report why a file Pelican could not use would be skipped (seam over sitewide.sources).

    Reports nothing when the author asked for it to be skipped or the site
    does not use strict sources; the caller then builds in full.
    """
    settings = generator.settings
    if not sources.strict(settings):
        return
    relative = os.path.relpath(content.source_path, generator.path)
    sources.explain_skipped(generator, relative, os.path.normpath(content.source_path), type(content),
                            problems.of(settings).report)


# ------------------------------------------------- the one Pelican internal
def forget_pelican_memos() -> bool:
    """Empty the memos behind ``Content.get_content``/``get_summary`` before a full build.

    The only use of a Pelican internal here, and for memory, not output:
    Pelican memoizes both methods in one dict per class (``pelican.utils.memoized``),
    keyed by the content object, so every object of every build stays alive
    (each holds its build's whole context): about 19 MB more per full rebuild
    at 1,000 articles, without end, in a long `make serve`. Clearing a memo
    can never make a page stale. If a Pelican release changes this, nothing
    breaks (this returns False and memory grows again) and
    tests/test_live.py::test_guard_pelican_memos_can_be_forgotten fails, to say so.
    """
    cleared = False
    for name in ("get_content", "get_summary"):
        memo = getattr(getattr(Content, name, None), "cache", None)
        if isinstance(memo, dict):
            memo.clear()
            cleared = True
    return cleared


# --------------------------------------------------------------- the site
class LiveSite:
    def __init__(self, settings_file, output, overrides: dict | None = None, search: bool = True):
        self.search = search  # full builds index for search; the fast path leaves the index as it was
        self.settings_file = Path(settings_file).resolve()
        self.output = Path(output).resolve()
        self.overrides = dict(overrides or {})
        self.generators: list | None = None   # the last good build's, None after a failed one
        self.built = False
        self.snapshot: dict[str, tuple] = {}
        # Absolute source path -> (its generator, the object the kept state holds).
        self.sources: dict[str, tuple[object, Content]] = {}
        self.settings: dict = {}
        self.template_reads = TemplateReads()
        self.template_folders: list[Path] = []  # outside the theme: plugins' templates, Pelican's simple theme

    # ---------------------------------------------------------------- public
    def refresh(self) -> LiveResult:
        if self.generators is None:
            return self.full_build("the last build failed" if self.built else "first build")
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
        self.built = True
        kept: list = []

        def keep(generators) -> None:
            kept[:] = list(generators)

        # Drop the last build's state first: the new build need not share memory with it.
        self.generators, self.sources, self.template_reads = None, {}, TemplateReads()
        forget_pelican_memos()
        signals.all_generators_finalized.connect(keep)
        try:
            result = build(self.settings_file, self.output, self.overrides, search=self.search, compress=False)
        finally:
            signals.all_generators_finalized.disconnect(keep)
        if not result.ok or not kept:
            # The site on disk is the last good one; the next refresh must
            # rebuild in full to see the fix.
            self.snapshot = {}
            return LiveResult(False, "full", result.report, reason=reason)
        self.generators = kept
        self.settings = kept[0].settings
        known = [Path(self.settings["PATH"]).resolve(), Path(self.settings["THEME"]).resolve()]
        folders = template_folders(kept, known)
        # Folders this build's plugins added: stamped now (before, nobody knew of them).
        snapshot.update(stamp_folders([folder for folder in folders if folder not in self.template_folders],
                                      self.settings))
        self.template_folders = folders
        self.snapshot = snapshot
        for generator in kept:
            for kind, paths, excludes in READ_BY:
                if not isinstance(generator, kind):
                    continue
                # Only what the generator reads from its own folders: not, e.g.,
                # the roundup posts that reader_questions makes from other files.
                read = {os.path.normpath(os.path.join(generator.path, relative)) for relative in
                        generator.get_files(generator.settings[paths], exclude=generator.settings[excludes])}
                for content in all_contents(generator):
                    path = os.path.abspath(content.source_path)
                    if os.path.normpath(content.source_path) in read:
                        self.sources[path] = (generator, content)
        return LiveResult(True, "full", reason=reason)

    # ------------------------------------------------------------- snapshot
    def take_snapshot(self) -> dict[str, tuple]:
        """(mtime, size) of every file under the content, the theme, every other folder the
        last build's templates came from (plugins ship their own) and the settings files."""
        settings = self.settings or load_settings(self.settings_file, self.overrides)
        stamps = stamp_folders([Path(settings["PATH"]), Path(settings["THEME"]), *self.template_folders], settings)
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
        fresh: dict[str, Content | None] = {}
        with collecting_problems(self.settings) as found:
            for path in changed:
                generator, old = self.sources[path]
                fresh[path] = reread(generator, old)
                if fresh[path] is None:
                    explain_unreadable(generator, old)
        if found:
            report = problems.format_report(sorted(set(found)))
            return LiveResult(False, "fast", f"{report}\nThe previous site is unchanged.")
        for path, new in fresh.items():
            reason = moved(self.sources[path][1], new)
            if reason:
                return self.full_build(reason)

        swaps = {}
        for path, new in fresh.items():
            generator, old = self.sources[path]
            carry_over(old, new)
            swaps[id(old)] = (old, new)
        replacer = Replacer(swaps)
        for generator in self.generators:
            replacer.replace_in(vars(generator))
        for old, _new in swaps.values():
            # What the old object's plugin records point back at (learned items list
            # their posts), and its translations' lists of their translations.
            for name in KEPT_ATTRIBUTES:
                replacer.replace_in(getattr(old, name, None))
            for translation in getattr(old, "translations", None) or []:
                replacer.replace_in(getattr(translation, "translations", None))
        if replacer.stuck:
            return self.full_build(f"{replacer.stuck[0]} holds an edited post and cannot be changed")
        for path, new in fresh.items():
            self.sources[path] = (self.sources[path][0], new)
            new.refresh_metadata_intersite_links()  # as Pelican does after reading

        context = self.generators[0].context
        context["localsiteurl"] = self.settings["SITEURL"]  # as before a full build's writing phase
        writer = SelectiveWriter(str(self.output), self.settings, [new for new in fresh.values()],
                                 self.template_reads)
        try:
            with writer.recording():
                for generator in self.generators:
                    if isinstance(generator, StaticGenerator) or not hasattr(generator, "generate_output"):
                        continue
                    generator.generate_output(writer)
        except Exception as error:  # e.g. a template error: a full build reports it the usual way
            return self.full_build(f"writing failed on the fast path ({type(error).__name__})")
        self.snapshot = current
        return LiveResult(True, "fast", written=writer.written)


def stamp_folders(roots: list[Path], settings: dict) -> dict[str, tuple]:
    ignored = list(settings.get("IGNORE_FILES", [])) + [".*", "*~", "#*#"]
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
    return stamps


def template_folders(generators: list, known: list[Path]) -> list[Path]:
    """Folders the generators' Jinja loaders search, outside the known ones (public Jinja API)."""
    found: list[Path] = []

    def visit(loader) -> None:
        if isinstance(loader, ChoiceLoader):
            for inner in loader.loaders:
                visit(inner)
        elif isinstance(loader, PrefixLoader):
            for inner in loader.mapping.values():
                visit(inner)
        elif isinstance(loader, FileSystemLoader):
            for folder in loader.searchpath:
                path = Path(folder).resolve()
                if path not in found and not any(path.is_relative_to(root) for root in known):
                    found.append(path)

    for generator in generators:
        env = getattr(generator, "env", None)
        if env is not None:
            visit(env.loader)
    return found


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


def reread(generator, old: Content) -> Content | None:
    """A new object read from old's file the way its generator reads (None: Pelican would skip it)."""
    is_article = isinstance(old, Article)
    try:
        new = generator.readers.read_file(
            base_path=generator.path, path=os.path.relpath(old.source_path, generator.path),
            content_class=type(old), context=generator.context,
            preread_signal=signals.article_generator_preread if is_article else signals.page_generator_preread,
            preread_sender=generator,
            context_signal=signals.article_generator_context if is_article else signals.page_generator_context,
            context_sender=generator,
        )
    except Exception:  # the author's mistake: explain_unreadable says which
        return None
    if isinstance(new, SkipStub) or not new.is_valid():
        return None
    return new


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


def carry_over(old: Content, new: Content) -> None:
    """What generators and plugins attached to old after reading (nothing the edit can change)."""
    for name in KEPT_ATTRIBUTES:
        if hasattr(old, name):
            setattr(new, name, getattr(old, name))


# ---------------------------------------------------- replacing by identity
class Replacer:
    """Puts new content objects where the kept state holds the old ones.

    Walks lists, tuples, dicts, sets and dataclass instances (never into
    content objects or other classes). Plain lists, dicts, sets and mutable
    dataclasses are changed in place; tuples and list subclasses are built
    anew (a subclass may keep facts about its items, such as a set of their
    ids) and put where the old ones were. ``stuck``
    names each place that holds an old object and cannot be changed.
    """

    def __init__(self, swaps: dict[int, tuple[Content, Content]]):
        self.new_for = {key: new for key, (_old, new) in swaps.items()}
        self._done: dict[int, tuple[object, object]] = {}  # id -> (value kept alive, its replacement)
        self.stuck: list[str] = []

    def replace_in(self, value) -> None:
        self.replaced(value)

    def replaced(self, value):
        """value itself (changed in place where needed) or, when it had to be rebuilt, its replacement."""
        key = id(value)
        if key in self.new_for:
            return self.new_for[key]
        if type(value) in SCALARS or isinstance(value, Content):
            return value
        done = self._done.get(key)
        if done is not None:
            return done[1]
        self._done[key] = (value, value)  # a cycle leads back here: leave it as it is
        result = self._walk(value)
        self._done[key] = (value, result)
        return result

    def _items(self, items) -> list | None:
        """The items with old objects replaced, or None when none had to change."""
        new_for, replaced = self.new_for, self.replaced
        changed = None
        for index, item in enumerate(items):
            if type(item) in SCALARS:
                continue
            new = new_for.get(id(item))
            if new is None:
                if isinstance(item, Content):
                    continue
                new = replaced(item)
                if new is item:
                    continue
            if changed is None:
                changed = list(items)
            changed[index] = new
        return changed

    def _walk(self, value):
        if isinstance(value, dict):
            keys = self._items(value.keys())
            items = self._items(value.values())
            if keys is not None:
                pairs = list(zip(keys, items if items is not None else value.values()))
                value.clear()
                value.update(pairs)
            elif items is not None:
                value.update(zip(value.keys(), items))
            return value
        if isinstance(value, (list, tuple, set, frozenset)):
            items = self._items(value)
            if items is None:
                return value
            if type(value) is list:
                value[:] = items
                return value
            if type(value) is set:
                value.clear()
                value.update(items)
                return value
            if type(value) is tuple:
                return tuple(items)
            return self._rebuilt(value, items)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = _field_names(type(value))
            items = self._items([getattr(value, name, None) for name in names])
            for name, new in zip(names, items or ()):
                if new is not getattr(value, name, None):
                    try:
                        setattr(value, name, new)
                    except (AttributeError, TypeError):  # frozen (FrozenInstanceError is an AttributeError)
                        self.stuck.append(f"{type(value).__name__}.{name}")
            return value
        return value

    def _rebuilt(self, value, items):
        try:
            return type(value)._make(items) if hasattr(type(value), "_make") else type(value)(items)
        except Exception:  # a container type that cannot be built from its items
            self.stuck.append(type(value).__name__)
            return value


@functools.cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


# --------------------------------------------------------------- the writer
class SelectiveWriter(Writer):
    """A Pelican writer that writes only the pages and feeds that show a target object.

    Overrides only Writer's public ``write_file`` and ``write_feed``: a call
    whose page (or feed) does not show a target returns before anything is
    rendered; the others go to Pelican's own methods. A page shows a target
    when one of the variables its template can read holds it, directly or
    inside lists, dicts, dataclasses and paginator pages (never inside other
    content objects); a paginated listing is judged by its own page of items.
    Use a fresh writer per refresh (it remembers which lists hold a target).
    """

    def __init__(self, output_path, settings, targets, reads: TemplateReads | None = None):
        super().__init__(output_path, settings=settings)
        self.targets = {id(target) for target in targets}
        self._targets = list(targets)  # kept alive, so their ids stay theirs
        self.written: list[str] = []
        self.reads = reads if reads is not None else TemplateReads()
        self._seen: dict[int, tuple[object, bool]] = {}  # id -> (object kept alive, holds a target)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not name:
            return None
        pages = paginated if paginated is not None else {
            key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if not (pages and template_name in self.settings["PAGINATED_TEMPLATES"]):
            if self.shows_target(template, context, kwargs):
                return super().write_file(name, template, context, relative_urls=relative_urls, paginated=paginated,
                                          template_name=template_name, override_output=override_output, url=url,
                                          **kwargs)
            return None
        # Pelican's write_file paginates the same way and writes every page;
        # here each page is judged alone, and one that shows a target is
        # written by Pelican's write_file as a page of its own.
        for page_name, values in paginate(self.settings, name, url, template_name, pages, kwargs):
            if self.shows_target(template, context, values):
                super().write_file(page_name, template, context, relative_urls=relative_urls, paginated={},
                                   template_name=template_name, override_output=override_output, url=url, **values)
        return None

    def write_feed(self, elements, context, *args, **kwargs):
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        if not any(id(element) in self.targets for element in shown):
            return None
        return super().write_feed(elements, context, *args, **kwargs)

    @contextlib.contextmanager
    def recording(self):
        """Collects ``written`` from Pelican's public content_written and feed_written signals."""
        signals.content_written.connect(self._wrote)
        signals.feed_written.connect(self._wrote)
        try:
            yield self
        finally:
            signals.content_written.disconnect(self._wrote)
            signals.feed_written.disconnect(self._wrote)

    def _wrote(self, path, **_kwargs) -> None:
        self.written.append(str(path))

    # ---------------------------------------------------------- decisions
    def shows_target(self, template, context: dict, values: dict) -> bool:
        """Whether the page this template renders from context + values shows a target."""
        for name, page_name in self.names_of(template, context, values):
            value = values.get(page_name)
            if value is None:
                value = context.get(page_name)
            if value is None:  # not a paginated listing (else it shows only its own page)
                if name in values:
                    value = values[name]
                elif name in context:
                    value = context[name]
                else:
                    continue
            if type(value) in SCALARS:
                continue
            known = self._seen.get(id(value))
            if known is not None and known[0] is value:
                if known[1]:
                    return True
            elif self.holds(value, 6):
                return True
        return False

    def names_of(self, template, context: dict, values: dict):
        names = self.reads.watched(template)
        if names is None:  # unknown: every variable the page has
            return [(name, f"{name}_page") for name in {*context, *values} if watched(name)]
        return names

    def holds(self, value, depth: int) -> bool:
        if id(value) in self.targets:
            return True
        if depth == 0 or isinstance(value, LEAVES):
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


def watched(name: str) -> bool:
    return name not in NAV_ONLY and not name.endswith(NAV_SUFFIXES)


def paginate(settings: dict, name: str, url, template_name: str, paginated: dict, kwargs: dict):
    """(output name, template variables) for each page of a paginated listing, as Pelican's
    ``Writer.write_file`` makes them (with the public ``Paginator``)."""
    per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    paginators = {key: Paginator(name, url, value, settings, per_page) for key, value in paginated.items()}
    for number in range(next(iter(paginators.values())).num_pages):
        values = dict(kwargs)
        for key, paginator in paginators.items():
            page = paginator.page(number + 1)
            values.update({
                f"{key}_paginator": paginator,
                f"{key}_page": page,
                f"{key}_previous_page": paginator.page(number) if number > 0 else None,
                f"{key}_next_page": paginator.page(number + 2) if number + 1 < paginator.num_pages else None,
            })
        yield page.save_as, values


class TemplateReads:
    """The variables each template reads, with every template it extends, includes and imports.

    From Jinja's public ``meta`` API. A LiveSite keeps one until its next full
    build: the theme cannot change on the fast path.
    """

    def __init__(self):
        self._parsed: dict[str, tuple[frozenset, tuple]] = {}
        self._watched: dict[str, tuple | None] = {}

    def watched(self, template) -> tuple | None:
        """(name, name + "_page") for each variable that may show a target (None: unknown)."""
        if template.name not in self._watched:
            variables = self._collect(template.environment, template.name, set())
            self._watched[template.name] = None if variables is None else tuple(
                (name, f"{name}_page") for name in sorted(variables) if watched(name))
        return self._watched[template.name]

    def _collect(self, environment, name: str, seen: set[str]) -> set[str] | None:
        if name in seen:
            return set()
        seen.add(name)
        if name not in self._parsed:
            tree = environment.parse(environment.loader.get_source(environment, name)[0])
            self._parsed[name] = (frozenset(meta.find_undeclared_variables(tree)),
                                  tuple(meta.find_referenced_templates(tree)))
        own, referenced = self._parsed[name]
        names = set(own)
        for other in referenced:
            if other is None:  # a name computed at render time
                return None
            more = self._collect(environment, other, seen)
            if more is None:
                return None
            names |= more
        return names
