"""Malformed sources: every mistake is reported as `path:line: field: message`, all at once,
the build exits non-zero without a traceback and the previous output stays byte for byte.

One good build is made per module; each case copies its tree, breaks a copy of the sample
content, builds over the copied tree and compares. The loaders are also fuzzed (Hypothesis):
any input gives valid entries or reported problems, never an unhandled exception.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learned.importer import ImportFailed, Mapping, import_csv
from learned.loading import load as load_feedback
from learned.model import model_for as feedback_model_for
from reader_questions.loading import load_questions
from sitekit import problems
from sitekit.yamldata import MAX_DATA_FILE_BYTES, load_entries

from conftest import ROOT, build_site, copy_content
from helpers import run_pelican

INVOKE = str(ROOT / ".venv/bin/invoke")
ARTICLE = "articles/repair-guide-basics.md"
SPONSORED = "articles/a-season-with-northwind-fabrics.md"
QUESTIONS = "data/questions.yaml"
FEEDBACK = "data/feedback.yaml"
PROBLEM_LINE = re.compile(r"^  (?P<path>[^:]+):(?P<line>\d+): (?P<field>'[^\n]*'|\"[^\n]*\"|[^:]+): (?P<message>\S.*)$")
TOO_BIG = "#" + "x" * (MAX_DATA_FILE_BYTES + 10) + "\n"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """The sample site, built once: (output folder, its files' bytes)."""
    result = build_site(tmp_path_factory.mktemp("good"))
    return result.output, tree(result.output)


@dataclass
class Case:
    id: str
    breaks: Callable[[Path], None]  # edits a copy of content/
    expected: list[tuple[str, str | int, str, str]]  # (file, line or text on it, field, part of the message)


def replace(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {relative}: update the case"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(relative: str, data: bytes | str) -> Callable[[Path], None]:
    def breaks(content: Path) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return breaks


def edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda content: replace(content, relative, old, new)


def append(relative: str, text: str) -> Callable[[Path], None]:
    return lambda content: (content / relative).open("a", encoding="utf-8").write(text)


def latin1(path: Path, old: str, new: str) -> None:
    """Re-save one word in Latin-1, as an editor set to another encoding would."""
    data = path.read_bytes()
    assert old.encode() in data
    path.write_bytes(data.replace(old.encode(), new.encode("latin-1"), 1))


def several(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def breaks(content: Path) -> None:
        for one in edits:
            one(content)
    return breaks


POST = "Title: {title}\nDate: {date}\nCategory: Community\n{extra}\nBody.\n"

CASES = [
    # --- article front matter -------------------------------------------------------------
    Case("article-month-13", edit(ARTICLE, "Date: 2026-08-04", "Date: 2026-13-04"),
         [(ARTICLE, "Date: 2026-13-04", "Date", "write dates as 2026-10-03")]),
    Case("article-impossible-date", write("articles/leap.md", POST.format(title="Leap", date="2026-02-30", extra="")),
         [("articles/leap.md", "Date: 2026-02-30", "Date", "is not a valid date")]),
    Case("article-bad-modified", edit(ARTICLE, "Date: 2026-08-04 08:00", "Date: 2026-08-04 08:00\nModified: soon"),
         [(ARTICLE, "Modified: soon", "Modified", "'soon' is not a valid date")]),
    Case("article-missing-title", write("articles/untitled.md", "Date: 2026-10-01\nCategory: Community\n\nNo title.\n"),
         [("articles/untitled.md", 1, "Title", "is missing")]),
    Case("article-blank-title", write("articles/blank.md", POST.format(title="  ", date="2026-10-01", extra="")),
         [("articles/blank.md", 1, "Title", "is empty")]),
    Case("article-missing-date", write("articles/undated.md", "Title: Undated\nCategory: Community\n\nBody.\n"),
         [("articles/undated.md", 1, "Date", "is missing")]),
    Case("article-empty-file", write("articles/empty.md", ""),
         [("articles/empty.md", 1, "Title", "is missing")]),
    Case("article-not-utf8", write("articles/latin1.md", POST.format(title="Caf\xe9", date="2026-10-01", extra="")
                                   .encode("latin-1")),
         [("articles/latin1.md", 1, "file", "is not UTF-8 (byte 10); save it as UTF-8")]),
    Case("article-unknown-status", edit(ARTICLE, "Category:", "Status: publishd\nCategory:"),
         [(ARTICLE, "Status: publishd", "Status", "Did you mean 'published'?")]),
    Case("article-duplicate-slug", write("articles/copy.md", POST.format(title="Copy", date="2026-10-01",
                                                                         extra="Slug: kit-we-actually-use\n")),
         [("articles/copy.md", "Slug: kit-we-actually-use", "Slug", "articles/kit-we-actually-use.md"),
          ("articles/kit-we-actually-use.md", "Slug: kit-we-actually-use", "Slug", "articles/copy.md")]),
    Case("disclosure-unknown-type", edit(SPONSORED, "Disclosure: sponsored", "Disclosure: sponsered"),
         [(SPONSORED, "Disclosure: sponsered", "Disclosure", "Did you mean 'sponsored'?")]),
    Case("disclosure-empty", edit(SPONSORED, "Disclosure: sponsored", "Disclosure: ,"),
         [(SPONSORED, "Disclosure: ,", "Disclosure", "is empty")]),
    Case("disclosure-without-sponsor", edit(SPONSORED, "Sponsor: Northwind Fabric Mills\n", ""),
         [(SPONSORED, "Disclosure: sponsored", "Disclosure", "needs a sponsor"),
          (SPONSORED, "Sponsor_url:", "Sponsor_url", "Sponsor is missing")]),
    Case("disclosure-bad-sponsor-url", edit(SPONSORED, "https://northwind.example\n", "northwind dot example\n"),
         [(SPONSORED, "Sponsor_url:", "Sponsor_url", "is not a web address")]),
    Case("disclosure-misspelt-key", edit(SPONSORED, "Disclosure_note:", "Disclosure_nte:"),
         [(SPONSORED, "Disclosure_nte:", "Disclosure_nte", "Did you mean 'Disclosure_note'?")]),
    Case("disclosure-sponsor-without-type", write("articles/half.md", POST.format(
        title="Half", date="2026-10-01", extra="Sponsor: Acme\n")),
         [("articles/half.md", "Sponsor: Acme", "Sponsor", "Disclosure is missing")]),
    Case("learned-from-dangling", edit("articles/kit-we-actually-use.md", "Category:", "Learned_from: no-such-item\n"
                                       "Category:"),
         [("articles/kit-we-actually-use.md", "Learned_from:", "Learned_from", "'no-such-item' is not an id")]),
    # --- questions.yaml ---------------------------------------------------------------------
    Case("questions-yaml-syntax", edit(QUESTIONS, "    topic: Repairs\n", "    topic: *repairs\n"),
         [(QUESTIONS, "topic: *repairs", "yaml", "found undefined alias 'repairs'")]),
    Case("questions-tab", edit(QUESTIONS, "    topic: Repairs\n", "\ttopic: Repairs\n"),
         [(QUESTIONS, "\ttopic: Repairs", "yaml", "never tabs")]),
    Case("questions-wrong-type", edit(QUESTIONS, "asked: 2026-08-28", "asked: [2026, 8, 28]"),
         [(QUESTIONS, "asked: [2026, 8, 28]", "asked", "is not a valid date")]),
    Case("questions-text-not-text", edit(QUESTIONS, "    topic: Repairs\n", "    topic: {name: Repairs}\n"),
         [(QUESTIONS, "topic: {name: Repairs}", "topic", "must be text")]),
    Case("questions-unknown-field", edit(QUESTIONS, "    topic: Repairs\n", "    topic: Repairs\n    anwser: yes\n"),
         [(QUESTIONS, "anwser: yes", "anwser", "Did you mean 'answer'?")]),
    Case("questions-missing-field", edit(QUESTIONS, "    topic: Repairs\n", ""),
         [(QUESTIONS, "id: seam-tape-lifting", "topic", "is required but missing")]),
    Case("questions-impossible-date", edit(QUESTIONS, "asked: 2026-08-28", "asked: 2026-02-30"),
         [(QUESTIONS, "asked: 2026-02-30", "asked", "'2026-02-30' is not a valid date")]),
    Case("questions-day-first-date", edit(QUESTIONS, "asked: 2026-08-28", "asked: 28/08/2026"),
         [(QUESTIONS, "asked: 28/08/2026", "asked", "write it as YYYY-MM-DD")]),
    Case("questions-answer-before-question", edit(QUESTIONS, "responded_on: 2026-09-09", "responded_on: 2026-08-01"),
         [(QUESTIONS, "responded_on: 2026-08-01", "responded_on", "is before the question was asked")]),
    Case("questions-duplicate-id", edit(QUESTIONS, "id: round-or-square-patches", "id: seam-tape-lifting"),
         [(QUESTIONS, "- id: seam-tape-lifting\n    asked: 2026-09-02", "id", "is already used on line")]),
    Case("questions-duplicate-key", edit(QUESTIONS, "    topic: Repairs\n", "    topic: Repairs\n    topic: Fabric\n"),
         [(QUESTIONS, "topic: Fabric", "topic", "appears twice")]),
    Case("questions-unknown-status", edit(QUESTIONS, "status: answered", "status: answerd"),
         [(QUESTIONS, "status: answerd", "status", "Did you mean 'answered'?")]),
    Case("questions-consent-yes", edit(QUESTIONS, "consent: named", "consent: yes"),
         [(QUESTIONS, "consent: yes", "asker.consent", "YAML reads yes")]),
    Case("questions-named-without-name", edit(QUESTIONS, "      name: Marta\n", ""),
         [(QUESTIONS, "consent: named", "asker.consent", "asker.name is missing")]),
    Case("questions-dangling-related", edit(QUESTIONS, "related: [repair-guide-basics]",
                                            "related: [repair-guide-basic]"),
         [(QUESTIONS, "related: [repair-guide-basic]", "related.0", "did you mean 'repair-guide-basics'?")]),
    Case("questions-not-a-list", write(QUESTIONS, "questions:\n  id: x\n"),
         [(QUESTIONS, 1, "questions", "must be a list of entries")]),
    Case("questions-empty-file", write(QUESTIONS, ""),
         [(QUESTIONS, 1, "questions", "the file is empty")]),
    Case("questions-not-utf8", lambda content: latin1(content / QUESTIONS, "Marta", "M\xe4rta"),
         [(QUESTIONS, "M\xe4rta", "file", "is not UTF-8")]),
    Case("questions-over-10-mb", append(QUESTIONS, TOO_BIG),
         [(QUESTIONS, 1, "file", f"the limit is {MAX_DATA_FILE_BYTES:,} bytes")]),
    # --- feedback.yaml ----------------------------------------------------------------------
    Case("feedback-yaml-syntax", edit(FEEDBACK, "theme: Sizing", "theme: Sizing: big"),
         [(FEEDBACK, "theme: Sizing: big", "yaml", "mapping values are not allowed here")]),
    Case("feedback-tab", edit(FEEDBACK, "    source: survey\n", "\tsource: survey\n"),
         [(FEEDBACK, "\tsource: survey", "yaml", "never tabs")]),
    Case("feedback-unknown-status", edit(FEEDBACK, "status: shipped", "status: done"),
         [(FEEDBACK, "status: done", "status", "use one of 'heard', 'planned'")]),
    Case("feedback-unknown-history-status", edit(FEEDBACK, "status: planned, note: \"Pattern", "status: plannd, note: "
                                                 "\"Pattern"),
         [(FEEDBACK, "status: plannd", "history.0.status", "Did you mean 'planned'?")]),
    Case("feedback-unknown-source", edit(FEEDBACK, "source: survey", "source: twitter"),
         [(FEEDBACK, "source: twitter", "source", "is not allowed")]),
    Case("feedback-count-not-a-number", edit(FEEDBACK, "count: 14", "count: many"),
         [(FEEDBACK, "count: many", "count", "must be a whole number")]),
    Case("feedback-count-zero", edit(FEEDBACK, "count: 14", "count: 0"),
         [(FEEDBACK, "count: 0", "count", "at least 1")]),
    Case("feedback-misspelt-field", edit(FEEDBACK, "    said: \"Your trousers", "    sad: \"Your trousers"),
         [(FEEDBACK, "sad: \"Your trousers", "sad", "Did you mean 'said'?"),
          (FEEDBACK, "id: wider-size-range", "said", "is required but missing")]),
    Case("feedback-impossible-date", edit(FEEDBACK, "received: 2025-09-12", "received: 2026-02-30"),
         [(FEEDBACK, "received: 2026-02-30", "received", "is not a valid date")]),
    Case("feedback-future-date", edit(FEEDBACK, "updated: 2026-09-14", "updated: 2030-01-01"),
         [(FEEDBACK, "updated: 2030-01-01", "updated", "is in the future")]),
    Case("feedback-duplicate-id", edit(FEEDBACK, "id: longer-inseams", "id: wider-size-range"),
         [(FEEDBACK, "- id: wider-size-range\n    received: 2025-11-03", "id", "is already used on line")]),
    Case("feedback-dangling-link", edit(FEEDBACK, "links: [spring-range-notes]", "links: [spring-range-note]"),
         [(FEEDBACK, "links: [spring-range-note]", "links.0", "Did you mean 'spring-range-notes'?")]),
    Case("feedback-empty-file", write(FEEDBACK, "# nothing here yet\n"),
         [(FEEDBACK, 1, "feedback", "the file is empty")]),
    Case("feedback-not-utf8", write(FEEDBACK, b"feedback:\n  - id: a\n    said: \"caf\xe9\"\n"),
         [(FEEDBACK, 3, "file", "is not UTF-8 (byte 34)")]),
    Case("feedback-over-10-mb", append(FEEDBACK, TOO_BIG),
         [(FEEDBACK, 1, "file", "(10 MB)")]),
    # --- several files at once: every problem in one report ------------------------------------
    Case("all-at-once", several(edit(SPONSORED, "Disclosure: sponsored", "Disclosure: sponsered"),
                                edit(QUESTIONS, "status: answered", "status: answerd"),
                                edit(FEEDBACK, "links: [spring-range-notes]", "links: [spring-range-note]")),
         [(SPONSORED, "Disclosure: sponsered", "Disclosure", "is not a disclosure type"),
          (QUESTIONS, "status: answerd", "status", "is not allowed"),
          (FEEDBACK, "links: [spring-range-note]", "links.0", "no article or page has the slug")]),
]


def line_number(path: Path, where: str | int) -> int:
    if isinstance(where, int):
        return where
    text = path.read_bytes().decode("latin-1")
    assert where in text, f"{where!r} not found in {path}"
    return text[: text.index(where)].count("\n") + 1


def report_lines(report: str) -> list[str]:
    return [line for line in report.splitlines() if line.startswith("  ")]


def check_report(report: str, content: Path, expected, shown: str | Path | None = None) -> None:
    """Every expected problem is there, each line is `path:line: field: message`. Paths are
    shown relative to the working directory when inside it (`shown`), else absolute."""
    lines = report_lines(report)
    assert lines, report
    for line in lines:
        assert PROBLEM_LINE.match(line), f"not 'path:line: field: message': {line!r}"
    for relative, where, field, message in expected:
        prefix = f"  {Path(shown or content) / relative}:{line_number(content / relative, where)}: {field}: "
        found = [line for line in lines if line.startswith(prefix)]
        assert found, f"no line starts with {prefix!r}:\n{report}"
        assert any(message in line for line in found), f"{message!r} not in {found}"
    assert "Traceback" not in report


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_mistake_is_reported_and_the_previous_output_is_kept(tmp_path, good, case):
    output, before = good
    content = copy_content(tmp_path)
    shutil.copytree(output, tmp_path / "output")
    case.breaks(content)
    result = build_site(tmp_path, content=content, expect_ok=False)
    assert not result.ok
    check_report(result.report, content, case.expected)
    assert "previous site is unchanged" in result.report
    assert not any("Traceback" in line for line in result.log_lines())
    assert tree(tmp_path / "output") == before
    assert not (tmp_path / ".output.building").exists()


def test_there_are_at_least_thirty_cases_across_every_source():
    files = {relative.split("/")[0] if relative.startswith("articles") else relative
             for case in CASES for relative, *_ in case.expected}
    assert len(CASES) + len(CSV_CASES) >= 30
    assert {"articles", QUESTIONS, FEEDBACK} <= files


CLI_CASES = [
    ("pelicanconf.py", "questions-yaml-syntax"),
    ("publishconf.py", "feedback-unknown-status"),
    ("publishconf.py", "article-impossible-date"),
    ("pelicanconf.py", "questions-over-10-mb"),
]


@pytest.mark.parametrize("settings_file, case_id", CLI_CASES)
def test_pelican_command_line_exits_1_with_the_report_and_keeps_the_output(tmp_path, good, settings_file, case_id):
    output, before = good
    case = next(c for c in CASES if c.id == case_id)
    content = copy_content(tmp_path)
    case.breaks(content)
    shutil.copytree(output, tmp_path / "out")
    status, text = run_pelican(content, tmp_path / "out", settings_file, cwd=tmp_path)
    assert status == 1, text
    check_report(text, content, case.expected, shown="content")  # run from tmp_path
    assert "Traceback" not in text
    assert tree(tmp_path / "out") == before


# --- the survey import (invoke import-feedback) ------------------------------------------------

HEADER = "Timestamp,Said,Theme,OK\n"
MAPPING = Mapping(said="Said", theme="Theme", consent_column="OK", source="survey")

CSV_CASES = [
    ("csv-empty", b"", 1, "header", "the file is empty"),
    ("csv-not-utf8", (HEADER + "2026-10-01,Caf\xe9 please,Food,yes\n").encode("latin-1"), 2, "file",
     "is not UTF-8 (byte 38)"),
    ("csv-missing-column", b"Timestamp,Said,Topic,OK\n2026-10-01,x,y,yes\n", 1, "header",
     "no column named 'Theme' (for theme)"),
    ("csv-day-first-date", (HEADER + "01/10/2026,Warmer gloves,Gloves,yes\n").encode(), 2, "row 2",
     "'01/10/2026' is not a date"),
    ("csv-impossible-date", (HEADER + "2026-02-30 10:00,Warmer gloves,Gloves,yes\n").encode(), 2, "row 2",
     "no day 30"),
    ("csv-ragged-row", (HEADER + "2026-10-01,Warmer gloves,Gloves\n").encode(), 2, "row 2",
     "has 3 cells but the header has 4"),
    ("csv-unclosed-quote", (HEADER + '2026-10-01,"Warmer gloves,Gloves,yes\n').encode(), 2, "row 2",
     "cannot be read"),
    ("csv-empty-theme", (HEADER + "2026-10-01,Warmer gloves,,yes\n").encode(), 2, "row 2",
     "the 'Theme' cell is empty"),
    ("csv-over-10-mb", HEADER.encode() + b"2026-10-01," + b"x" * (MAX_DATA_FILE_BYTES + 10) + b",Gloves,yes\n", 1,
     "file", f"the limit is {MAX_DATA_FILE_BYTES:,} bytes"),
]


@pytest.mark.parametrize("case_id, data, line, field, message", CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_csv_import_mistakes_name_file_line_and_field_and_write_nothing(tmp_path, case_id, data, line, field,
                                                                        message):
    export = tmp_path / "export.csv"
    export.write_bytes(data)
    feedback = tmp_path / "feedback.yaml"
    shutil.copy(ROOT / "content" / FEEDBACK, feedback)
    before = feedback.read_bytes()
    with pytest.raises(ImportFailed) as failure:
        import_csv(export, feedback, MAPPING)
    prefix = f"{export}:{line}: {field}: "
    assert any(str(p).startswith(prefix) and message in str(p) for p in failure.value.problems), \
        failure.value.problems
    assert feedback.read_bytes() == before


@pytest.mark.parametrize("data", [b"feedback: 5\n", b"feedback:\n  - id: caf\xe9\n", b"feedback:\n\t- id: a\n"],
                         ids=["not-a-list", "not-utf8", "tab"])
def test_csv_import_into_a_broken_feedback_file_reports_it(tmp_path, data):
    export = tmp_path / "export.csv"
    export.write_text(HEADER + "2026-10-01,Warmer gloves,Gloves,yes\n", encoding="utf-8")
    feedback = tmp_path / "feedback.yaml"
    feedback.write_bytes(data)
    with pytest.raises(ImportFailed) as failure:
        import_csv(export, feedback, MAPPING)
    assert all(re.match(rf"{re.escape(str(feedback))}:\d+: \w+: \S", str(p)) for p in failure.value.problems), \
        failure.value.problems
    assert feedback.read_bytes() == data


def test_import_command_exits_1_without_traceback_and_leaves_the_data_file(tmp_path):
    export = tmp_path / "export.csv"
    export.write_bytes((HEADER + "2026-10-01,Caf\xe9 please,Food,yes\n").encode("latin-1"))
    feedback = tmp_path / "feedback.yaml"
    feedback.write_bytes(b"feedback: 5\n")
    run = subprocess.run([INVOKE, "import-feedback", str(export), "--said", "Said", "--theme", "Theme",
                          "--consent-column", "OK", "--source", "survey", "--data", str(feedback)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert f"{export}:2: file: is not UTF-8" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert feedback.read_bytes() == b"feedback: 5\n"


# --- property tests: the loaders never crash -------------------------------------------------

QUESTION_FIELDS = ["id", "asked", "question", "asker", "topic", "status", "answer", "reason", "responded_on",
                   "responded_by", "related", "name", "region", "consent"]
FEEDBACK_FIELDS = ["id", "received", "source", "theme", "said", "consent", "count", "status", "did", "reason",
                   "note", "updated", "links", "history", "date"]
ENUMS = ["answered", "open", "declined", "named", "anonymous", "withdrawn", "heard", "planned", "in_progress",
         "shipped", "quote", "paraphrase", "survey", "email", "repair-guide-basics", "spring-range-notes"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10**12), st.floats(allow_nan=True),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(ENUMS),
    st.text(max_size=40), st.text(alphabet="abc-_ 09:#'\"\\\t\n<>&\u202e\x00", max_size=20),
)


def entries(fields: list[str]):
    values = st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(fields), inner, max_size=4)), max_leaves=8)
    return st.dictionaries(st.one_of(st.sampled_from(fields), st.text(max_size=8)), values, max_size=len(fields))


def documents(key: str, fields: list[str]):
    structured = st.builds(lambda items: {key: items}, st.lists(entries(fields), max_size=4))
    return st.one_of(structured.map(lambda doc: yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")),
                     st.text(max_size=200).map(str.encode),
                     st.binary(max_size=80))


def mutated(relative: str):
    """The sample file with lines dropped, duplicated or spliced with odd characters."""
    lines = (ROOT / "content" / relative).read_text(encoding="utf-8").splitlines(keepends=True)
    edits = st.lists(st.tuples(st.integers(0, len(lines) - 1), st.sampled_from(["drop", "dup", "splice"]),
                               st.text(alphabet=" \t:-[]{}'\"#&*!|>%@`\u202e0a\n", max_size=6)), max_size=5)

    def apply(changes):
        result = list(lines)
        for index, action, text in changes:
            index %= len(result) or 1
            if not result:
                break
            if action == "drop":
                del result[index]
            elif action == "dup":
                result.insert(index, result[index])
            else:
                cut = len(result[index]) // 2
                result[index] = result[index][:cut] + text + result[index][cut:]
        return "".join(result).encode("utf-8")
    return edits.map(apply)


def assert_problems_are_well_formed(collector: problems.Problems, path: Path) -> None:
    found = collector.found
    report = problems.format_report(sorted(set(found)))  # what the build prints; must not fail
    assert report
    for problem in found:
        assert Path(problem.path) == path
        assert problem.line >= 1 and problem.message
        assert PROBLEM_LINE.match("  " + str(problem)), str(problem)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
SLUGS = {"repair-guide-basics", "kit-we-actually-use", "spring-range-notes"}


class _Article:
    def __init__(self, slug):
        self.slug, self.title, self.url = slug, slug, f"2026/{slug}/"
        self.date = dt.datetime(2026, 11, 1)


LEARNED_CONTEXT = {"articles": [_Article(slug) for slug in sorted(SLUGS)]}
LEARNED_SETTINGS = {"DEFAULT_DATE_FORMAT": "%-d %B %Y", "MARKDOWN": {}}


@FUZZ
@given(text=st.one_of(documents("questions", QUESTION_FIELDS), mutated(QUESTIONS)))
def test_questions_loader_gives_entries_or_problems_never_an_exception(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "questions.yaml"
    path.write_bytes(text)
    found = problems.Problems()
    loaded = load_questions(found, path, SLUGS)
    assert_problems_are_well_formed(found, path)
    for question in loaded.questions:
        assert question.id and question.question.strip()


@FUZZ
@given(text=st.one_of(documents("feedback", FEEDBACK_FIELDS), mutated(FEEDBACK)))
def test_feedback_loader_gives_entries_or_problems_never_an_exception(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "feedback.yaml"
    path.write_bytes(text)
    settings = dict(LEARNED_SETTINGS)
    learned = load_feedback(path, settings, {**LEARNED_CONTEXT, problems.KEY: problems.of(settings)})
    assert_problems_are_well_formed(problems.of(settings), path)
    for item in learned.items:
        assert item.id and item.said


cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)
rows = st.lists(st.tuples(st.one_of(st.dates().map(str), cells), cells, cells,
                          st.sampled_from(["yes", "no", "Y", "agree", "", "1"])), max_size=5)


def csv_text(header: list[str], body: list[tuple]) -> str:
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(body)
    return buffer.getvalue()


@FUZZ
@given(header=st.lists(st.sampled_from(["Timestamp", "Said", "Theme", "OK", "Email", "said "]), min_size=0,
                       max_size=5),
       body=rows, raw=st.one_of(st.none(), st.text(max_size=120)))
def test_csv_import_gives_valid_entries_or_problems_never_an_exception(tmp_path_factory, header, body, raw):
    folder = tmp_path_factory.mktemp("csv")
    export = folder / "export.csv"
    export.write_text(raw if raw is not None else csv_text(header, body), encoding="utf-8")
    feedback = folder / "feedback.yaml"
    try:
        summary = import_csv(export, feedback, MAPPING)
    except ImportFailed as failure:
        assert failure.problems
        for problem in failure.problems:
            assert str(problem).startswith(f"{export}:"), problem
        assert not feedback.exists()
        return
    if not summary.imported:
        return
    # What was written must validate: an import never plants an entry that stops the build.
    found = problems.Problems()
    written = load_entries(found, feedback, "feedback", feedback_model_for)
    assert found.found == []
    assert {entry.value.id for entry in written} == set(summary.imported)
