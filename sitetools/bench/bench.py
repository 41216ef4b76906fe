"""Build-speed benchmark: plain Pelican against this project, and the edit loop.

    invoke bench [--articles 1000] [--questions 500] [--feedback 1000] [--runs 3] [--scale]
    python -m sitetools.bench.bench ...   (the same)

Writes a synthetic corpus (sitetools/bench/corpus.py) into a temporary folder and
builds it (a) with plain Pelican 4.12 (default settings and theme, no
plugins) and (b) with this project's publishconf.py, theme and plugins. Each
build runs in a fresh process, caches off; after one warm-up of each the
runs are interleaved a b a b ... Search indexing and compression, when the
project's build has them, are timed on their own lines and left out of (b).
The edit-to-refresh loop is timed through the live-reload path
(sitetools.live, as `make serve` uses it). Peak memory is the largest
resident set of each build's process tree. ``--scale`` repeats the builds
at 1,000, 5,000 and 10,000 articles. The last lines are machine-readable.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitetools.bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]  # the project: settings, theme, content

SCALE_SIZES = (1000, 5000, 10000)
EXTRA_STEPS = (("search", "search indexing"), ("compress", "compression"))


@dataclass
class Runs:
    label: str
    times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    extras: dict = field(default_factory=dict)   # step -> [seconds]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def span(self) -> str:
        return f"{min(self.times):.2f}–{max(self.times):.2f} s"


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc.

    Each process counts its proportional share (Pss) of pages it shares with
    the others (the build's forked workers share most of theirs), so the sum
    is what the tree really holds; VmRSS when smaps_rollup is missing.
    """
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _resident_kb(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    todo.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def _resident_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii") as lines:
                for line in lines:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def run_build(mode: str, content: Path, output: Path, *extra: str) -> tuple[float, float, dict]:
    """Wall time, peak RSS (MB) and the driver's JSON for one build in a fresh process."""
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "sitetools.bench.driver", mode, str(content), str(output), *extra]
    out_log, err_log = output.with_name(output.name + ".stdout"), output.with_name(output.name + ".stderr")
    start = time.perf_counter()
    with open(out_log, "w") as out, open(err_log, "w") as err:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = 0  # already reaped by wait4
    stdout, stderr = out_log.read_text(), err_log.read_text()
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    data = json.loads(lines[-1]) if lines else {"ok": False}
    if not data.get("ok"):
        raise SystemExit(f"{mode} build failed:\n{data.get('report', '')}\n{stderr[-3000:]}")
    peak_mb = (peak[0] or usage.ru_maxrss) / 1024
    return elapsed, peak_mb, data


def measure(content: Path, work: Path, runs: int, say, extras: bool = True) -> tuple[Runs, Runs]:
    """Interleaved builds; ``extras`` False leaves out search indexing and compression (scale runs)."""
    plain, project = Runs("(a) plain Pelican 4.12"), Runs("(b) this project")
    flags = () if extras else ("--no-extras",)
    say("  warm-up: a b")
    run_build("plain", content, work / "out-a")
    run_build("project", content, work / "out-b", *flags)
    for number in range(runs):
        elapsed, rss, _ = run_build("plain", content, work / "out-a")
        plain.times.append(elapsed)
        plain.rss_mb.append(rss)
        elapsed, rss, data = run_build("project", content, work / "out-b", *flags)
        timings = data.get("timings", {})
        extras = sum(timings.get(step, 0.0) for step, _ in EXTRA_STEPS)
        project.times.append(elapsed - extras)
        project.rss_mb.append(rss)
        for step, _ in EXTRA_STEPS:
            if step in timings:
                project.extras.setdefault(step, []).append(timings[step])
        say(f"  run {number + 1}: a {plain.times[-1]:.2f} s, b {project.times[-1]:.2f} s")
    return plain, project


def measure_edits(content: Path, work: Path, edits: int) -> dict:
    _, rss, data = run_build("live", content, work / "out-live", str(edits))
    data["rss_mb"] = rss
    return data


def corpus(folder: Path, articles: int, questions: int, feedback: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return write_corpus(folder, articles, questions, feedback)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--feedback", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5, help="edits timed in the edit-to-refresh loop")
    parser.add_argument("--scale", action="store_true", help="also build 1,000, 5,000 and 10,000 articles")
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        print(text, flush=True)

    with tempfile.TemporaryDirectory(prefix="kestrel-bench-") as folder:
        work = Path(folder)
        say(f"Corpus: {args.articles:,} articles, {args.questions:,} questions, {args.feedback:,} feedback "
            f"items; {args.runs} runs each after a warm-up, interleaved; {os.cpu_count()} CPUs")
        content = corpus(work / "corpus", args.articles, args.questions, args.feedback)
        plain, project = measure(content, work, args.runs, say)
        say("  edit-to-refresh loop (warm live-reload process)")
        edits = measure_edits(content, work, args.edits)

        scaled: dict[int, tuple[Runs, Runs]] = {}
        if args.scale:
            for size in SCALE_SIZES:
                if size == args.articles:
                    scaled[size] = (plain, project)
                    continue
                factor = size / max(args.articles, 1)
                say(f"Scale: {size:,} articles")
                content = corpus(work / "corpus", size, round(args.questions * factor),
                                 round(args.feedback * factor))
                scaled[size] = measure(content, work, args.runs, say, extras=False)

    ratio = project.median / plain.median
    edit_time = statistics.median(edits["times"])
    edit_ratio = edit_time / project.median
    cache_ratio = edits["content_cache"] / project.median
    peak = max(project.rss_mb + [rss for _, runs in scaled.values() for rss in runs.rss_mb] + [edits["rss_mb"]])

    say("")
    say(f"| {args.articles:,} articles | median | min–max | peak RSS |")
    say("|---|---|---|---|")
    for runs in (plain, project):
        say(f"| {runs.label} | {runs.median:.2f} s | {runs.span()} | {max(runs.rss_mb):.0f} MB |")
    for step, label in EXTRA_STEPS:
        values = project.extras.get(step)
        if values:
            say(f"| {label} (not in b) | {statistics.median(values):.2f} s | {min(values):.2f}–{max(values):.2f} s | |")
        else:
            say(f"| {label} (not in b) | n/a | | |")
    say(f"| ratio b/a | {ratio:.2f} | | |")
    fast = sum(mode == "fast" for mode in edits["modes"])
    say(f"| edit-to-refresh ({len(edits['times'])} edits, {fast} on the fast path) | {edit_time:.3f} s | "
        f"{min(edits['times']):.3f}–{max(edits['times']):.3f} s | {edits['rss_mb']:.0f} MB |")
    say(f"| edit-to-refresh ÷ (b) | {edit_ratio:.3f} | | |")
    say(f"| for comparison: full rebuild with Pelican's content cache | {edits['content_cache']:.2f} s "
        f"(÷ (b) = {cache_ratio:.2f}) | | |")
    if scaled:
        say("")
        say("| articles | (a) median | (a) ms/article | (b) median | (b) ms/article | (b) peak RSS |")
        say("|---|---|---|---|---|---|")
        for size, (a_runs, b_runs) in sorted(scaled.items()):
            say(f"| {size:,} | {a_runs.median:.2f} s | {1000 * a_runs.median / size:.2f} | "
                f"{b_runs.median:.2f} s | {1000 * b_runs.median / size:.2f} | {max(b_runs.rss_mb):.0f} MB |")
    say("")
    per_1k = scaled[1000][1].median if 1000 in scaled else (project.median if args.articles == 1000 else None)
    per_10k = scaled[10000][1].median if 10000 in scaled else (project.median if args.articles == 10000 else None)
    say(f"full_build_ratio {ratio:.3f}")
    say(f"edit_refresh_ratio {edit_ratio:.4f}")
    say(f"peak_rss_mb {peak:.0f}")
    say(f"per_article_ms_1k {1000 * per_1k / 1000:.3f}" if per_1k is not None else "per_article_ms_1k n/a")
    say(f"per_article_ms_10k {1000 * per_10k / 10000:.3f}" if per_10k is not None else "per_article_ms_10k n/a")
    return 0


if __name__ == "__main__":
    sys.exit(main())
