"""Read questions.yaml and the optional roundup intro files.

Every mistake goes to ``sitekit.problems`` (path:line: field: message), so the
build stops with one report; only valid, consenting questions come back, with
contact details already taken out of the reader's words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pelican.readers import MarkdownReader

from sitekit import problems
from sitekit.redact import redact
from sitekit.yamldata import load_entries

from .checks import entry_checks
from .defaults import setting
from .model import WITHDRAWAL, Question, Withdrawn, model_for
from .periods import example_key, parse_key

logger = logging.getLogger("pelican.plugins.reader_questions")

INTRO_FIELDS = {"title", "summary", "tags"}


@dataclass
class Loaded:
    questions: list[Question] = field(default_factory=list)
    withdrawn: list[Withdrawn] = field(default_factory=list)


def questions_path(settings: dict) -> Path:
    return Path(settings["PATH"]) / setting(settings, "QUESTIONS_FILE")


def load_questions(found: problems.Problems, path: Path, article_slugs: set[str] | None) -> Loaded:
    """Validate the file; report every problem; redact what is published."""
    loaded = Loaded()
    if not path.is_file():
        return loaded
    entries = load_entries(found, path, "questions", model_for, checks=entry_checks(article_slugs))
    for entry in entries:
        value = entry.value
        if isinstance(value, Withdrawn):
            WITHDRAWAL.note_leftovers(value, path, logger)
            loaded.withdrawn.append(value)
            continue
        text, removed = redact(value.question)
        if removed:
            kinds = " and ".join(sorted({"an email address" if kind == "email" else "a phone number"
                                         for kind in removed}))
            logger.info("Question %s: removed %s from the question text before publishing.", value.id, kinds)
            value = value.model_copy(update={"question": text})
        loaded.questions.append(value)
    return loaded


@dataclass
class Intro:
    path: Path
    title: str | None = None
    summary: str | None = None
    tags: list = field(default_factory=list)
    html: str = ""


def read_intros(folder: Path, kind: str, settings: dict) -> dict[str, Intro]:
    """``content/roundups/<period>.md`` files, by period key."""
    intros: dict[str, Intro] = {}
    if not folder.is_dir():
        return intros
    reader = MarkdownReader(settings)
    report = problems.of(settings).report
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix.lower() not in (".md", ".markdown"):
            report(path, 1, "file", "roundup intros are Markdown files named after their period, "
                   f"e.g. {example_key(kind)}.md")
            continue
        period = parse_key(path.stem, kind)
        if period is None:
            other = "month" if kind == "quarter" else "quarter"
            mismatch = parse_key(path.stem, other)
            why = (f"ROUNDUP_PERIOD is '{kind}', so this file should be named like {example_key(kind)}.md"
                   if mismatch else f"name it after its period, e.g. {example_key(kind)}.md")
            report(path, 1, "file", f"'{path.name}' is not a roundup period; {why}.")
            continue
        intro = read_intro(reader, path, report)
        if intro is not None:
            intros[period.key] = intro
    return intros


def read_intro(reader: MarkdownReader, path: Path, report) -> Intro | None:
    try:
        html, metadata = reader.read(str(path))
    except Exception as error:  # a broken front matter line: report it like any source mistake
        report(path, 1, "file", f"could not be read: {error}")
        return None
    ok = True
    for key in metadata:
        if key not in INTRO_FIELDS:
            report(path, problems.metadata_line(path, key), key,
                   "is not used in a roundup intro (the plugin sets date, slug, category and "
                   "author); use only Title, Summary and Tags.")
            ok = False
    if not ok:
        return None
    title = metadata.get("title")
    summary = metadata.get("summary")
    return Intro(path=path, title=str(title).strip() if title else None,
                 summary=str(summary).strip() if summary else None,
                 tags=list(metadata.get("tags") or []), html=html)
