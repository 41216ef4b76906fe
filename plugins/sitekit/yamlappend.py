"""Append entries to a YAML data file as text, so its comments, order and layout survive.

Used by `invoke add-question` (questions.yaml) and `invoke import-feedback`
(feedback.yaml). The entries go at the end of the file's list (``questions:``,
``feedback:``), indented like the entries already there, a blank line before
each; multi-line text is written as a ``|`` block and lists as ``[a, b]``, as a
person would write them. ``key: []`` becomes a block list; a file without the
key gets it. The result is read back: when the new entries are not in the list
(the file's list is not at its end, or the file is not YAML), nothing is
written and ``AppendFailed`` says why.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml


class AppendFailed(ValueError):
    """The entries could not be appended safely; the file was not changed."""


class _PersonDumper(yaml.SafeDumper):
    """Multi-line text as a `|` block, lists in brackets, no anchors."""

    def ignore_aliases(self, data) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _represent_list(dumper: yaml.SafeDumper, value: list):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_PersonDumper.add_representer(str, _represent_str)
_PersonDumper.add_representer(list, _represent_list)


def entry_lines(entry: dict, indent: str) -> list[str]:
    """One list item, ``- id: ...`` and its fields, each line indented by ``indent``."""
    dumped = yaml.dump(entry, Dumper=_PersonDumper, sort_keys=False, allow_unicode=True,
                       default_flow_style=False, width=100, indent=2).splitlines()
    item = ["- " + dumped[0]] + ["  " + line if line.strip() else line for line in dumped[1:]]
    return [indent + line if line.strip() else line for line in item]


def list_indent(text: str, list_key: str) -> str:
    """The indentation of the list's existing items (two spaces if it has none)."""
    match = re.search(rf"^{re.escape(list_key)}:[ \t]*\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", text, re.MULTILINE)
    return match.group(1) if match else "  "


def append_entries(text: str, list_key: str, entries: list[dict], comment: str = "",
                   id_field: str = "id") -> tuple[str, int]:
    """``text`` with ``entries`` at the end of its ``list_key`` list, and the line of the first one."""
    indent = list_indent(text, list_key)
    if not re.search(rf"^{re.escape(list_key)}:", text, re.MULTILINE):
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + f"{list_key}:\n"
    else:  # "key: []" or "key:" with nothing under it become a block list
        text = re.sub(rf"^{re.escape(list_key)}:[ \t]*(?:\[\s*\])?[ \t]*(#.*)?$",
                      lambda m: f"{list_key}:" + (f"  {m.group(1)}" if m.group(1) else ""),
                      text, count=1, flags=re.MULTILINE)
    text += "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    lines = [f"{indent}# {comment}"] if comment else []
    first = text.count("\n") + len(lines) + 1
    for number, entry in enumerate(entries):
        lines += ([""] if number else []) + entry_lines(entry, indent)
    result = text + "\n".join(lines) + "\n"
    try:
        written = {str(item.get(id_field)) for item in yaml.safe_load(result)[list_key]}
    except (yaml.YAMLError, TypeError, KeyError, AttributeError):
        written = set()
    if not {str(entry[id_field]) for entry in entries} <= written:
        raise AppendFailed(f"the {list_key} list is not a block list ('  - {id_field}: ...' lines) at the end "
                           "of the file, so entries cannot be appended safely")
    return result, first


def append_to_file(path: Path, list_key: str, entries: list[dict], comment: str = "") -> tuple[str, int]:
    """Append to the file (made if missing): the previous text (to restore) and the first new entry's line."""
    path = Path(path)
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    text, line = append_entries(previous, list_key, entries, comment)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return previous, line
