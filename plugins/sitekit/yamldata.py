"""Load a YAML data file, validate each entry with pydantic, report by line.

The questions and feedback plugins both call ``load_entries``: it reads the
file safely (PyYAML's safe loader, with line numbers kept), validates every
entry with its model, runs the plugin's checks (pure functions returning
``Finding``s, for rules that relate fields to each other or to the site),
checks ids are unique, reports each mistake as ``path:line: field: message``
through ``problems`` and returns only the valid entries, each with its line.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import problems
from .withdrawn import WithdrawnEntry

MAX_DATA_FILE_BYTES = 10 * 1024 * 1024


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 1
    key_lines: dict


class LineList(list):
    line: int = 1
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    duplicate_keys: list


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping.key_lines:
            loader.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    # An impossible date such as 2026-02-30 stays text, so validation can
    # report it against its field instead of the parser failing outright.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


# libyaml's parser, when PyYAML has it, reads the same documents about ten
# times faster; a file it cannot read is read again by the pure-Python
# loader, so the report of a mistake is word for word the same.
_CLoader = getattr(yaml, "CSafeLoader", None)


class _FastLineLoader(_CLoader or yaml.SafeLoader):
    duplicate_keys: list


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _fast_parse(text: str):
    """(document, duplicate keys), or None when the fast loader cannot read it."""
    if _CLoader is None:
        return None
    loader = _FastLineLoader(text)
    loader.duplicate_keys = []
    try:
        return loader.get_single_data(), loader.duplicate_keys
    except (yaml.YAMLError, TypeError, ValueError):
        return None
    finally:
        loader.dispose()


@dataclass
class Entry:
    """A validated entry and the line it starts on.

    ``raw`` is the mapping as read (a LineDict), so code that runs after
    loading can still name a line: ``line_of(entry.raw, ["theme"])``.
    """

    value: Any
    line: int
    raw: Any = None


def read_yaml(found: problems.Problems, path: Path) -> Any:
    """The parsed document, or None after reporting why it cannot be read."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_DATA_FILE_BYTES:
        found.report(path, 1, "file", f"is {size:,} bytes; the limit is {MAX_DATA_FILE_BYTES:,} bytes "
                     "(10 MB). Split it or archive old entries.")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        found.report(path, line, "file", f"is not UTF-8 (byte {error.start}); save it as UTF-8.")
        return None
    control = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if control:  # PyYAML refuses these before parsing, with no line to report
        line = text.count("\n", 0, control.start()) + 1
        found.report(path, line, "file", f"contains the control character U+{ord(control.group()):04X}, "
                     "which YAML does not allow; delete it (most editors do not show it).")
        return None
    fast = _fast_parse(text)
    if fast is not None:
        document, duplicates = fast
        for line, key in duplicates:
            found.report(path, line, key, "appears twice in the same entry; keep one.")
        return document
    loader = _LineLoader(text)
    loader.duplicate_keys = []
    try:
        document = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        column = f", column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        hint = " YAML indents with spaces, never tabs." if "\\t" in reason or "tab" in reason else ""
        found.report(path, line, "yaml", f"syntax error{column}: {reason}.{hint}")
        return None
    except (TypeError, ValueError) as error:  # e.g. a list used as a mapping key
        found.report(path, 1, "yaml", f"cannot be read: {error}.")
        return None
    finally:
        loader.dispose()
    for line, key in loader.duplicate_keys:
        found.report(path, line, key, "appears twice in the same entry; keep one.")
    return document


def load_entries(found: problems.Problems, path: Path, list_key: str, model_for: Callable[[dict], type[BaseModel]],
                 context: dict | None = None, checks: Sequence[Check] = (), unique: str = "id") -> list[Entry]:
    """Validate every mapping under ``list_key``, then run ``checks`` (the rules that relate
    an entry's fields to each other) on it and check that ``unique`` is; report problems,
    return the entries with none."""
    path = Path(path)
    document = read_yaml(found, path)
    if document is None:
        if path.stat().st_size <= MAX_DATA_FILE_BYTES and not found.about(path):
            found.report(path, 1, list_key, f"the file is empty; start it with '{list_key}:' "
                         "followed by a list of entries, or delete the file.")
        return []
    if not isinstance(document, dict) or list_key not in document:
        found.report(path, getattr(document, "line", 1), list_key,
                     f"the file must be a mapping with a '{list_key}:' list at the top.")
        return []
    extra = [key for key in document if key != list_key]
    for key in extra:
        found.report(path, document.key_lines[key], str(key),
                     f"unknown top-level key; only '{list_key}:' is allowed.")
    items = document[list_key]
    if items is None:
        return []
    if not isinstance(items, list):
        found.report(path, document.key_lines[list_key], list_key, "must be a list of entries (each starting with '- ').")
        return []

    entries: list[Entry] = []
    checked: set[int] = set()  # id() of the valid entries in which a check found something
    for index, item in enumerate(items):
        line = items.item_lines[index]
        if not isinstance(item, dict):
            found.report(path, line, f"{list_key}[{index}]", "each entry must be a mapping of fields (key: value).")
            continue
        model = model_for(item)
        try:
            value = model.model_validate(dict(item), context=context or {})
        except ValidationError as error:
            for detail in error.errors():
                report_validation_error(found, path, item, model, detail)
            failed = {detail["loc"][0] for detail in error.errors() if detail["loc"]}
            report_findings(found, path, item, run_checks(checks, partial(model, item, failed, context), True))
            continue
        entry = Entry(value, line, item)
        entries.append(entry)
        if report_findings(found, path, item, run_checks(checks, value)):
            checked.add(id(entry))
    return [entry for entry in report_duplicate_ids(found, path, entries, unique) if id(entry) not in checked]


Finding = tuple[list, str, str]
"""What a check found: the location of the value in the entry (for its line), the field
named in the report and the message, e.g. ``(["history", 2, "date"], "history.2.date", "...")``."""

Check = Callable[[BaseModel], list[Finding]]


def run_checks(checks: Sequence[Check], value: BaseModel, is_partial: bool = False) -> list[Finding]:
    """Every finding of the checks, which are pure functions of a validated entry.

    A withdrawn entry is never checked. On the part of an entry that validated
    (``partial``), a check that reads a field that did not is skipped: that
    field's own problem is already reported, and the other checks still run.
    """
    if isinstance(value, WithdrawnEntry):
        return []
    findings: list[Finding] = []
    for check in checks:
        try:
            findings += check(value)
        except AttributeError:
            if not is_partial:
                raise
    return findings


def partial(model: type[BaseModel], item: dict, failed: set, context: dict | None) -> BaseModel:
    """The entry with only the fields that validated (the others are not set at all)."""
    value = model.model_construct()
    for name in model.model_fields:
        if name not in failed and name in item:
            try:
                model.__pydantic_validator__.validate_assignment(value, name, item[name], context=context or {})
                continue
            except ValidationError:
                pass
        if name in failed or name in item:
            value.__dict__.pop(name, None)  # not even its default: checks that read it are skipped
    return value


def report_findings(found: problems.Problems, path: Path, item: LineDict, findings: list[Finding]) -> bool:
    """Report each finding at its line; True when there were any."""
    for location, field, message in findings:
        found.report(path, line_of(item, location), field, message)
    return bool(findings)


def report_validation_error(found: problems.Problems, path: Path, item: LineDict, model: type[BaseModel], detail: dict) -> None:
    location = [part for part in detail["loc"] if not isinstance(part, str) or not part.startswith("function-")]
    field = ".".join(str(part) for part in location) or "entry"
    line = line_of(item, location)
    found.report(path, line, field, explain(detail, model, location))


def line_of(item: LineDict, location: list) -> int:
    """The line of the deepest part of ``location`` that exists in the file."""
    node, line = item, getattr(item, "line", 1)
    for part in location:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def explain(detail: dict, model: type[BaseModel], location: list) -> str:
    kind = detail["type"]
    name = str(location[-1]) if location else ""
    if kind == "missing":
        return f"is required but missing; add '{name}: ...' to this entry."
    if kind == "extra_forbidden":
        fields = sorted(fields_at(model, location[:-1]))
        close = difflib.get_close_matches(name, fields, n=1)
        suggestion = f" Did you mean '{close[0]}'?" if close else ""
        return f"unknown field.{suggestion} Valid fields: {', '.join(fields)}."
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        return f"{detail['input']!r} is not a valid date; write it as YYYY-MM-DD, e.g. 2026-10-03."
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        options = [option.strip(" '") for option in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(detail["input"]), options, n=1)
        suggestion = f" Did you mean '{close[0]}'?" if close else ""
        shown = repr(detail["input"])
        if isinstance(detail["input"], bool):
            shown += " (YAML reads yes, no, on and off as true or false)"
        return f"{shown} is not allowed; use one of {expected}.{suggestion}"
    if kind in {"greater_than_equal", "greater_than"}:
        limit = detail.get("ctx", {}).get("ge", detail.get("ctx", {}).get("gt"))
        least = "at least" if kind == "greater_than_equal" else "more than"
        return f"{detail['input']!r} is too small; it must be {least} {limit}."
    if kind == "string_type":
        return "must be text; put the value in quotes."
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"{detail['input']!r} must be a whole number."
    if kind in {"list_type"}:
        return "must be a list, e.g. [first, second]."
    if kind in {"dict_type", "model_type"}:
        return "must be a mapping of fields (key: value)."
    message = detail["msg"].removeprefix("Value error, ")
    return message if message.endswith(".") else message + "."


def fields_at(model: type[BaseModel], location: list) -> list[str]:
    """Field names of the (nested) model at ``location``."""
    current = model
    for part in location:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        annotation = getattr(field, "annotation", None)
        nested = _model_in(annotation)
        if nested is None:
            break
        current = nested
    return list(current.model_fields)


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _model_in(argument)
        if found:
            return found
    return None


def report_duplicate_ids(found: problems.Problems, path: Path, entries: list[Entry], field: str = "id") -> list[Entry]:
    """Report every repeated id (naming the first line); return entries with unique ids."""
    first_seen: dict[str, int] = {}
    unique = []
    for entry in entries:
        key = getattr(entry.value, field)
        if key in first_seen:
            found.report(path, entry.line, field, f"'{key}' is already used on line {first_seen[key]}; ids must be unique.")
            continue
        first_seen[key] = entry.line
        unique.append(entry)
    return unique
