"""Turn a survey tool's CSV export into new ``heard`` entries in feedback.yaml.

Only the mapped columns are read (the free text, the theme, the consent
answer and the date); an email or name column never reaches the YAML.
New entries are appended as text, so the file's comments, order and layout
stay exactly as they were. Ids come from the theme and the text, so
importing the same export twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitekit.redact import redact
from sitekit.slugs import slugify
from sitekit.text import plain
from sitekit.yamldata import MAX_DATA_FILE_BYTES

from .model import SOURCES

CONSENT_YES = {"yes", "y", "true", "agree", "1"}
MAPPING_KEYS = {"said", "theme", "consent_column", "source", "date", "date_format", "consent_as"}
DATE_COLUMNS = ("Timestamp", "Submitted At", "Submit Date (UTC)", "Date")
YEAR_FIRST = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


class ImportFailed(Exception):
    """Every problem found, one per line; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Mapping:
    said: str
    theme: str
    consent_column: str
    source: str
    date: str = ""
    date_format: str = ""
    consent_as: str = "quote"


@dataclass
class Summary:
    imported: list[str] = field(default_factory=list)
    skipped_consent: int = 0
    skipped_empty: int = 0
    duplicates: int = 0

    def text(self, data_path: Path) -> str:
        lines = [f"Imported {len(self.imported)} new entr{'y' if len(self.imported) == 1 else 'ies'} "
                 f"into {data_path} (status: heard)."]
        lines.append(f"Skipped for consent: {self.skipped_consent} (no yes/y/true/agree/1 in the consent column).")
        lines.append(f"Duplicates: {self.duplicates} (already in the file or repeated in the export).")
        if self.skipped_empty:
            lines.append(f"Skipped as empty: {self.skipped_empty} (no text in the said column).")
        return "\n".join(lines)


def read_mapping(path: Path | None, **options: str) -> Mapping:
    """Options from a YAML mapping file, overridden by the ones given on the command line."""
    values: dict = {}
    problems = []
    if path:
        try:
            loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ImportFailed([f"{path}: cannot read the mapping file: {error}"]) from None
        if not isinstance(loaded, dict):
            raise ImportFailed([f"{path}: the mapping file must be key: value lines, e.g. said: \"Column\""])
        for key, value in loaded.items():
            name = str(key).replace("-", "_")
            if name not in MAPPING_KEYS:
                problems.append(f"{path}: {key}: unknown key; use {', '.join(sorted(MAPPING_KEYS))}.")
            else:
                values[name] = str(value)
    values.update({key: value for key, value in options.items() if value})
    for key in ("said", "theme", "consent_column", "source"):
        if not values.get(key):
            flag = "--" + key.replace("_", "-")
            problems.append(f"{flag} is required (or '{key}:' in the mapping file).")
    if values.get("source") and values["source"] not in SOURCES:
        problems.append(f"--source {values['source']!r} is not allowed; use one of {', '.join(SOURCES)}.")
    if values.get("consent_as", "quote") not in ("quote", "paraphrase"):
        problems.append(f"--consent-as {values['consent_as']!r} is not allowed; use quote or paraphrase.")
    if problems:
        raise ImportFailed(problems)
    return Mapping(**values)


def entry_id(theme: str, said: str) -> str:
    normal = " ".join(said.split()).casefold()
    digest = hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]
    # Only a-z, 0-9 and single hyphens: the id rule of feedback.yaml (model.SLUG).
    base = re.sub(r"[^a-z0-9]+", "-", slugify(theme))[:40].strip("-")
    return f"{base or 'feedback'}-{digest}"


def parse_date(value: str, date_format: str) -> dt.date | None:
    if date_format:
        try:
            return dt.datetime.strptime(value.strip(), date_format).date()
        except ValueError:
            return None
    match = YEAR_FIRST.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def read_rows(csv_path: Path, mapping: Mapping) -> list[dict]:
    """Rows as {column: value} for the mapped columns, with their line; problems name the row."""
    try:
        size = Path(csv_path).stat().st_size
        if size > MAX_DATA_FILE_BYTES:
            raise ImportFailed([f"{csv_path}:1: file: is {size:,} bytes; the limit is {MAX_DATA_FILE_BYTES:,} "
                                "bytes (10 MB). Export fewer rows, e.g. one date range at a time."])
        raw = Path(csv_path).read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFailed([f"{csv_path}:{line}: file: is not UTF-8 (byte {error.start}); "
                            "export it as UTF-8 CSV."]) from None
    except OSError as error:
        raise ImportFailed([f"{csv_path}:1: file: cannot be read: {error.strerror}."]) from None
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise ImportFailed([f"{csv_path}:1: header: {error}."]) from None
    if not header:
        raise ImportFailed([f"{csv_path}:1: header: the file is empty; it needs a header row."])
    header = [name.strip() for name in header]
    wanted = {"said": mapping.said, "theme": mapping.theme, "consent": mapping.consent_column}
    date_column = mapping.date or next((name for name in DATE_COLUMNS if name in header), "")
    if date_column:
        wanted["date"] = date_column
    problems = []
    for role, column in wanted.items():
        if column not in header:
            close = difflib.get_close_matches(column, header, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            problems.append(f"{csv_path}:1: header: no column named {column!r} (for {role}).{hint} "
                            f"Columns: {', '.join(repr(name) for name in header)}.")
    if not date_column:
        problems.append(f"{csv_path}:1: header: no date column found ({', '.join(DATE_COLUMNS)}); "
                        "name it with --date.")
    if problems:
        raise ImportFailed(problems)
    index = {role: header.index(column) for role, column in wanted.items()}
    rows = []
    row_number = 1
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(f"{csv_path}:{line}: row {row_number + 1}: cannot be read: {error}.")
            break
        row_number += 1
        if not any(value.strip() for value in values):
            line = reader.line_num + 1
            continue
        if len(values) != len(header):
            problems.append(f"{csv_path}:{line}: row {row_number}: has {len(values)} cells but the header "
                            f"has {len(header)}; check for a missing or extra comma or an unclosed quote.")
        else:
            rows.append({"line": line, "row": row_number,
                         **{role: values[position].strip() for role, position in index.items()}})
        line = reader.line_num + 1
    if problems:
        raise ImportFailed(problems)
    return rows


def existing_ids(data_path: Path) -> set[str]:
    """The ids already in the feedback file; ImportFailed (with the line) when it cannot be read."""
    if not data_path.exists():
        return set()
    raw = data_path.read_bytes()
    try:
        document = yaml.safe_load(raw.decode("utf-8")) or {}
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFailed([f"{data_path}:{line}: file: is not UTF-8 (byte {error.start}); save it as UTF-8, "
                            "then import again."]) from None
    except (yaml.YAMLError, TypeError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ImportFailed([f"{data_path}:{mark.line + 1 if mark else 1}: yaml: cannot be read ({reason}), so "
                            "nothing was imported; `invoke build` lists every problem in it."]) from None
    entries = document.get("feedback") if isinstance(document, dict) else None
    if entries is not None and not isinstance(entries, list):
        raise ImportFailed([f"{data_path}:1: feedback: must be a list of entries ('  - id: ...' lines); "
                            "nothing was imported."])
    return {str(entry.get("id")) for entry in entries or [] if isinstance(entry, dict)}


def new_entries(rows: list[dict], mapping: Mapping, known: set[str], csv_path: Path) -> tuple[list[dict], Summary]:
    summary = Summary()
    entries, problems, seen = [], [], set(known)
    for row in rows:
        where = f"{csv_path}:{row['line']}: row {row['row']}"
        if row["consent"].strip().casefold() not in CONSENT_YES:
            summary.skipped_consent += 1
            continue
        if not row["said"]:
            summary.skipped_empty += 1
            continue
        theme = " ".join(plain(row["theme"]).split())
        if not theme:
            problems.append(f"{where}: the {mapping.theme!r} cell is empty; every entry needs a theme.")
            continue
        if not slugify(theme):
            problems.append(f"{where}: the theme {theme!r} has no letters or digits to make its page address "
                            "from; name the theme in words.")
            continue
        received = parse_date(row["date"], mapping.date_format)
        if received is None:
            if mapping.date_format:
                how = f"it does not match --date-format {mapping.date_format!r}"
            elif YEAR_FIRST.match(row["date"]):
                how = "that day does not exist (e.g. 2026-02 has no day 30); check the export"
            else:
                how = "write it year first (2026-09-12) or pass --date-format, e.g. '%d/%m/%Y %H:%M:%S'"
            problems.append(f"{where}: {row['date']!r} is not a date; {how}.")
            continue
        said, _ = redact(" ".join(plain(row["said"]).split()))
        if not said:
            summary.skipped_empty += 1
            continue
        new_id = entry_id(theme, said)
        if new_id in seen:
            summary.duplicates += 1
            continue
        seen.add(new_id)
        entries.append({"id": new_id, "received": received, "source": mapping.source,
                        "theme": theme, "said": said,
                        "consent": mapping.consent_as, "status": "heard"})
        summary.imported.append(new_id)
    if problems:
        raise ImportFailed(problems)
    return entries, summary


def appended(text: str, entries: list[dict], csv_name: str) -> str:
    """``text`` with entries added at the end of the feedback list, the rest left as it was."""
    indent = list_indent(text)
    if not re.search(r"^feedback:", text, re.MULTILINE):
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + "feedback:\n"
    else:
        # "feedback: []" or "feedback:" with nothing under it become a block list.
        text = re.sub(r"^feedback:[ \t]*(?:\[\s*\])?[ \t]*(#.*)?$",
                      lambda m: "feedback:" + (f"  {m.group(1)}" if m.group(1) else ""),
                      text, count=1, flags=re.MULTILINE)
    dumped = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    block = [f"{indent}# Imported from {csv_name}"]
    for line in dumped.splitlines():
        if line.startswith("- ") and block[-1] != block[0]:
            block.append("")
        block.append(f"{indent}{line}" if line else line)
    addition = "\n".join(block) + "\n"
    separator = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    return text + separator + addition


def list_indent(text: str) -> str:
    match = re.search(r"^feedback:[ \t]*\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", text, re.MULTILINE)
    return match.group(1) if match else "  "


def import_csv(csv_path: Path, data_path: Path, mapping: Mapping) -> Summary:
    csv_path, data_path = Path(csv_path), Path(data_path)
    rows = read_rows(csv_path, mapping)
    known = existing_ids(data_path)
    entries, summary = new_entries(rows, mapping, known, csv_path)
    if entries:
        before = data_path.read_text(encoding="utf-8") if data_path.exists() else ""
        after = appended(before, entries, csv_path.name)
        try:
            written = {str(e.get("id")) for e in yaml.safe_load(after)["feedback"]}
        except (yaml.YAMLError, TypeError, KeyError, AttributeError):
            written = set()
        if not {entry["id"] for entry in entries} <= written:
            raise ImportFailed([f"{data_path}:1: feedback: the feedback list is not a block list "
                                "('  - id: ...' lines), "
                                "so entries cannot be appended safely; nothing was written."])
        data_path.parent.mkdir(parents=True, exist_ok=True)
        data_path.write_text(after, encoding="utf-8")
    return summary
