"""Turn a survey tool's CSV export into new ``heard`` entries in feedback.yaml.

Only the mapped columns are read (the free text, the theme, the consent
answer and the date); an email or name column never reaches the YAML.
New entries are appended as text (sitekit.yamlappend), so the file's
comments, order and layout stay exactly as they were. Ids come from the theme
and the text, so importing the same export twice adds nothing. Every mistake
found is a ``sitekit.problems.Problem`` (path:line: field: message), reported
together by ``ImportFailed.report`` the way the build reports its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.problems import Problem, Problems, format_report
from sitekit.redact import redact
from sitekit.slugs import slugify
from sitekit.text import plain
from sitekit.yamlappend import AppendFailed, append_to_file
from sitekit.yamldata import MAX_DATA_FILE_BYTES, read_yaml

from .model import SOURCES

CONSENT_YES = {"yes", "y", "true", "agree", "1"}
MAPPING_KEYS = {"said", "theme", "consent_column", "source", "date", "date_format", "consent_as"}
DATE_COLUMNS = ("Timestamp", "Submitted At", "Submit Date (UTC)", "Date")
YEAR_FIRST = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
LIST_KEY = "feedback"
OPTIONS = "command line"  # where a missing or wrong option is reported


class ImportFailed(Exception):
    """Every problem found; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def report(self, data_path: Path) -> str:
        return format_report(self.problems, "Import stopped",
                             f"Fix them and import again; {Path(data_path).name} is unchanged.")


def failed(path, line: int, field: str, message: str) -> ImportFailed:
    """One problem that stops the import at once."""
    found = Problems()
    found.report(path, line, field, message)
    return ImportFailed(found.found)


def stop_if(found: Problems) -> None:
    if found:
        raise ImportFailed(found.found)


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
    found = Problems()
    if path:
        path = Path(path)
        try:
            loaded = read_yaml(found, path)
        except OSError as error:
            raise failed(path, 1, "file", f"cannot read the mapping file: {error.strerror}.") from None
        stop_if(found)
        if not isinstance(loaded, dict):
            raise failed(path, getattr(loaded, "line", 1), "file",
                         'the mapping file must be key: value lines, e.g. said: "Column"')
        for key, value in loaded.items():
            name = str(key).replace("-", "_")
            if name not in MAPPING_KEYS:
                found.report(path, loaded.key_lines[key], str(key),
                             f"unknown key; use {', '.join(sorted(MAPPING_KEYS))}.")
            else:
                values[name] = str(value)
    values.update({key: value for key, value in options.items() if value})
    for key in ("said", "theme", "consent_column", "source"):
        if not values.get(key):
            found.report(OPTIONS, 1, "--" + key.replace("_", "-"), f"is required (or '{key}:' in the mapping file).")
    if values.get("source") and values["source"] not in SOURCES:
        found.report(OPTIONS, 1, "--source", f"{values['source']!r} is not allowed; use one of {', '.join(SOURCES)}.")
    if values.get("consent_as", "quote") not in ("quote", "paraphrase"):
        found.report(OPTIONS, 1, "--consent-as", f"{values['consent_as']!r} is not allowed; use quote or paraphrase.")
    stop_if(found)
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
            raise failed(csv_path, 1, "file", f"is {size:,} bytes; the limit is {MAX_DATA_FILE_BYTES:,} "
                         "bytes (10 MB). Export fewer rows, e.g. one date range at a time.")
        raw = Path(csv_path).read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise failed(csv_path, line, "file", f"is not UTF-8 (byte {error.start}); export it as UTF-8 CSV.") from None
    except OSError as error:
        raise failed(csv_path, 1, "file", f"cannot be read: {error.strerror}.") from None
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise failed(csv_path, 1, "header", f"{error}.") from None
    if not header:
        raise failed(csv_path, 1, "header", "the file is empty; it needs a header row.")
    header = [name.strip() for name in header]
    wanted = {"said": mapping.said, "theme": mapping.theme, "consent": mapping.consent_column}
    date_column = mapping.date or next((name for name in DATE_COLUMNS if name in header), "")
    if date_column:
        wanted["date"] = date_column
    found = Problems()
    for role, column in wanted.items():
        if column not in header:
            close = difflib.get_close_matches(column, header, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            found.report(csv_path, 1, "header", f"no column named {column!r} (for {role}).{hint} "
                         f"Columns: {', '.join(repr(name) for name in header)}.")
    if not date_column:
        found.report(csv_path, 1, "header", f"no date column found ({', '.join(DATE_COLUMNS)}); name it with --date.")
    stop_if(found)
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
            found.report(csv_path, line, f"row {row_number + 1}", f"cannot be read: {error}.")
            break
        row_number += 1
        if not any(value.strip() for value in values):
            line = reader.line_num + 1
            continue
        if len(values) != len(header):
            found.report(csv_path, line, f"row {row_number}", f"has {len(values)} cells but the header has "
                         f"{len(header)}; check for a missing or extra comma or an unclosed quote.")
        else:
            rows.append({"line": line, "row": row_number,
                         **{role: values[position].strip() for role, position in index.items()}})
        line = reader.line_num + 1
    stop_if(found)
    return rows


def existing_ids(data_path: Path) -> set[str]:
    """The ids already in the feedback file; ImportFailed (with the line) when it cannot be read."""
    if not data_path.exists():
        return set()
    found = Problems()
    document = read_yaml(found, data_path)  # the build's own reading, and its words for each mistake
    stop_if(found)
    entries = document.get(LIST_KEY) if isinstance(document, dict) else None
    if entries is not None and not isinstance(entries, list):
        raise failed(data_path, document.key_lines[LIST_KEY], LIST_KEY, "must be a list of entries "
                     "('  - id: ...' lines); nothing was imported.")
    return {str(entry.get("id")) for entry in entries or [] if isinstance(entry, dict)}


def new_entries(rows: list[dict], mapping: Mapping, known: set[str], csv_path: Path) -> tuple[list[dict], Summary]:
    summary = Summary()
    entries, found, seen = [], Problems(), set(known)
    for row in rows:
        line, where = row["line"], f"row {row['row']}"
        if row["consent"].strip().casefold() not in CONSENT_YES:
            summary.skipped_consent += 1
            continue
        if not row["said"]:
            summary.skipped_empty += 1
            continue
        theme = " ".join(plain(row["theme"]).split())
        if not theme:
            found.report(csv_path, line, where, f"the {mapping.theme!r} cell is empty; every entry needs a theme.")
            continue
        if not slugify(theme):
            found.report(csv_path, line, where, f"the theme {theme!r} has no letters or digits to make its page "
                         "address from; name the theme in words.")
            continue
        received = parse_date(row["date"], mapping.date_format)
        if received is None:
            if mapping.date_format:
                how = f"it does not match --date-format {mapping.date_format!r}"
            elif YEAR_FIRST.match(row["date"]):
                how = "that day does not exist (e.g. 2026-02 has no day 30); check the export"
            else:
                how = "write it year first (2026-09-12) or pass --date-format, e.g. '%d/%m/%Y %H:%M:%S'"
            found.report(csv_path, line, where, f"{row['date']!r} is not a date; {how}.")
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
    stop_if(found)
    return entries, summary


def import_csv(csv_path: Path, data_path: Path, mapping: Mapping) -> Summary:
    csv_path, data_path = Path(csv_path), Path(data_path)
    rows = read_rows(csv_path, mapping)
    known = existing_ids(data_path)
    entries, summary = new_entries(rows, mapping, known, csv_path)
    if entries:
        try:
            append_to_file(data_path, LIST_KEY, entries, comment=f"Imported from {csv_path.name}")
        except AppendFailed as why:
            raise failed(data_path, 1, LIST_KEY, f"{why}; nothing was written.") from None
    return summary
