"""Build speed without changing a byte: the live-reload fast path, the fastbuild plugin, the benchmark.

Nothing here is timed; the figures come from `invoke bench` (README: Performance).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_content
from helpers import NO_CACHE, assert_same_site, edit, full_build
from pelican.log import LimitFilter

from sitetools.build import build

PLAIN_PLUGINS = ["sitewide", "disclosure", "reader_questions", "learned"]  # without fastbuild


FRESH_PROCESS_BUILD = """
import json, sys
from sitetools.build import build
result = build(sys.argv[1] + "/pelicanconf.py", sys.argv[2], json.loads(sys.argv[3]), search=False, compress=False)
print(json.dumps({"ok": result.ok, "report": result.report, "log": result.log_lines()}))
"""


def build_in_fresh_process(output: Path, overrides: dict) -> dict:
    """fastbuild forks only in a single-threaded process, and this test process runs
    web servers and a browser, so builds that must take the parallel path run apart."""
    run = subprocess.run([sys.executable, "-c", FRESH_PROCESS_BUILD, str(ROOT), str(output), json.dumps(overrides)],
                         capture_output=True, text=True, check=True)
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["ok"], outcome["report"]
    return outcome


def test_fastbuild_output_equals_plain_pelican_output(tmp_path):
    # FASTBUILD_MIN_FILES 2: the Markdown pool and the second rendering process run even on the sample site.
    build_in_fresh_process(tmp_path / "fast", {"PATH": str(ROOT / "content"), "CACHE_PATH": str(tmp_path / "c"),
                                               **NO_CACHE, "FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 2})
    fast = tmp_path / "fast"
    plain = full_build(tmp_path, ROOT / "content", "plain", {"PLUGINS": PLAIN_PLUGINS})
    assert_same_site(fast, plain)


def test_fastbuild_keeps_pelican_warnings_from_the_second_process(tmp_path):
    content = copy_content(tmp_path)
    edit(content / "articles" / "spring-range-notes.md", "\n\n", "\n\nSee [this]({filename}missing.md).\n\n")
    fast = build_in_fresh_process(tmp_path / "fast", {"PATH": str(content), **NO_CACHE,
                                                      "FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 2})
    LimitFilter._raised_messages.clear()  # Pelican logs a message once per process; this build
    LimitFilter._ignore.clear()           # stands for a fresh `pelican` run
    plain = build(ROOT / "pelicanconf.py", tmp_path / "plain",
                  {"PATH": str(content), **NO_CACHE, "PLUGINS": PLAIN_PLUGINS}, search=False, compress=False)
    assert plain.ok, plain.report
    logs = [sorted(line for line in lines if "missing.md" in line) for lines in (fast["log"], plain.log_lines())]
    assert logs[0] and logs[0] == logs[1]


def test_open_questions_sweep_matches_the_definition():
    import datetime as dt
    import random

    from reader_questions.roundups import PublishedQuestion, open_at_each

    rng = random.Random(3)
    questions = []
    for number in range(60):
        asked = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        answered = asked + dt.timedelta(days=rng.randint(0, 40)) if rng.random() < 0.8 else None
        questions.append(PublishedQuestion(str(number), asked, "?", "A reader", "Topic", "open", None, "", None,
                                           answered, None, []))
    days = sorted(dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 360)) for _ in range(25))
    for day, found in zip(days, open_at_each(questions, days)):
        assert {q.id for q in found} == {q.id for q in questions if q.open_at(day)}


def test_benchmark_runs_at_a_tiny_size():
    finished = subprocess.run(
        [sys.executable, "-m", "sitetools.bench.bench", "--articles", "20", "--questions", "10", "--feedback", "20",
         "--runs", "1", "--edits", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    last = finished.stdout.strip().splitlines()[-5:]
    assert [line.split()[0] for line in last] == ["full_build_ratio", "edit_refresh_ratio", "peak_rss_mb",
                                                  "per_article_ms_1k", "per_article_ms_10k"]
    for line in last[:3]:
        assert float(line.split()[1]) > 0
    assert "| (a) plain Pelican 4.12 |" in finished.stdout


WORKER_SIGNALS = """
import multiprocessing, signal, sys
from fastbuild.convert import worker_init
signal.signal(signal.SIGTERM, lambda *_: None)  # as sitebuild does while building
signal.signal(signal.SIGINT, lambda *_: None)
pool = multiprocessing.get_context("fork").Pool(
    1, initializer=worker_init, initargs=({"extensions": ["markdown.extensions.meta"]}, ()))
pool.apply(abs, (1,))
worker = pool._pool[0].pid
caught = next(line for line in open(f"/proc/{worker}/status") if line.startswith("SigCgt:"))
mask = int(caught.split()[1], 16)
print(bool(mask & (1 << (signal.SIGTERM - 1))), bool(mask & (1 << (signal.SIGINT - 1))))
pool.terminate()
pool.join()
"""


def test_markdown_workers_leave_sigterm_and_sigint_to_the_kernel():
    """A Python-level handler in a worker can miss SIGTERM and hang Pool.terminate() for ever."""
    run = subprocess.run([sys.executable, "-c", WORKER_SIGNALS, str(ROOT)], capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.split() == ["False", "False"]
