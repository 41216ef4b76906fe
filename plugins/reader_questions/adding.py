"""Append a new question to questions.yaml as text (comments and layout survive)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sitekit.redact import EMAIL_MARK, PHONE_MARK, redact
from sitekit.yamlappend import append_to_file

from .model import ID_PATTERN


def entry_for(*, id: str, asked: dt.date, question: str, consent: str, topic: str, status: str,
              name: str = "", region: str = "", answer: str = "", reason: str = "",
              responded_on: dt.date | None = None, responded_by: str = "", related: list[str] = ()) -> dict:
    """The entry, fields in the documented order, empty ones left out."""
    asker = {key: value for key, value in (("name", name), ("region", region)) if value}
    asker["consent"] = consent
    entry = {"id": id, "asked": asked, "question": question, "asker": asker, "topic": topic, "status": status}
    optional = (("answer", answer.rstrip() + "\n" if "\n" in answer.strip() else answer.strip()),
                ("reason", reason.strip()), ("responded_on", responded_on),
                ("responded_by", responded_by), ("related", list(related)))
    entry.update((key, value) for key, value in optional if value)
    return entry


def existing_ids(text: str) -> set[str]:
    return set(re.findall(r"^\s*-?\s*id:\s*['\"]?([\w-]+)", text, re.MULTILINE))


def suggested_id(question: str, text: str, slugify) -> str:
    """A slug from the question's first words; contact details never reach it."""
    clean = redact(question)[0].replace(EMAIL_MARK, " ").replace(PHONE_MARK, " ")
    words = re.findall(r"[^\W\d_][\w']*", clean)[:6]
    base = slugify(" ".join(words)) or "question"
    taken = existing_ids(text)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def append_entry(path: Path, entry: dict) -> tuple[str, int]:
    """Append to the file; returns the previous text (to restore) and the new entry's line."""
    return append_to_file(path, "questions", [entry])
