"""Append a new question to questions.yaml as text (comments and layout survive)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from sitekit.redact import EMAIL_MARK, PHONE_MARK, redact

from .model import ID_PATTERN


class _BlockDumper(yaml.SafeDumper):
    """Multi-line text as a `|` block, as a person would write it."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_BlockDumper.add_representer(str, _represent_str)
_BlockDumper.add_representer(list, _represent_list)
_BlockDumper.ignore_aliases = lambda self, data: True


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


def entry_text(entry: dict, indent: str) -> str:
    dumped = yaml.dump(entry, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True,
                       default_flow_style=False, width=100, indent=2)
    lines = dumped.splitlines(keepends=True)
    item = ["- " + lines[0]] + ["  " + line if line.strip() else line for line in lines[1:]]
    return "".join(indent + line if line.strip() else line for line in item)


def list_indent(text: str) -> str:
    """The indentation of the file's existing list items (two spaces if none)."""
    match = re.search(r"^( *)- ", text, re.MULTILINE)
    return match.group(1) if match else "  "


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
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    text = previous if previous.strip() else "questions:\n"
    if not text.endswith("\n"):
        text += "\n"
    addition = entry_text(entry, list_indent(text))
    line = text.count("\n") + 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n" + addition, encoding="utf-8")
    return previous, line
