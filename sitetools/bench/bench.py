"""Build-speed benchmark: plain Pelican against this project, with and without each speed-up, and the edit loop.

    invoke bench [--articles 1000] [--questions 500] [--feedback 1000] [--runs 3] [--links 12] [--scale]
    python -m sitetools.bench.bench ...   (the same)

Writes a synthetic corpus (sitetools/bench/corpus.py; ``--links 12`` gives
every post a dozen outbound links) into a temporary folder and builds it,
each build in a fresh process with caches off, in ONE interleaved run (one
warm-up of each kind, then a b c b-pool b-gc a b c ...):

(a)  plain Pelican 4.12: default settings and theme, no plugins;
(b)  this project: publishconf.py, its theme and every plugin, the way
     `invoke preview` builds. Search indexing, compression and any other
     step sitetools.build times after Pelican are shown on their own lines
     and left out of (b);
(c)  (b) without the fastbuild plugin (PLUGINS without "fastbuild");
(b) without one fastbuild piece: the Markdown pool (FASTBUILD_POOL) or the
     garbage-collector tuning (FASTBUILD_GC), each switched off alone.

Then the edit-to-refresh loop through the live-reload path (one warm
process, sitetools.live.LiveSite(...).refresh(), as `make serve` does) and
its ratio to (b). Peak memory is the largest resident set of each build's
process tree. ``--scale`` repeats (a) and (b) at 1,000, 5,000 and 10,000
articles. The last lines are machine-readable.
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
STEP_LABELS = {"search": "search indexing", "compress": "compression"}  # other steps print their own name
PIECES = {  # fastbuild piece -> the setting that switches it off alone
    "pool": {"FASTBUILD_POOL": False},
    "gc": {"FASTBUILD_GC": False},
}
PIECE_LABELS = {"pool": "Markdown pool (FASTBUILD_POOL)", "gc": "GC tuning (FASTBUILD_GC)"}


@dataclass
class Runs:
    label: str
    mode: str = "project"
    changes: dict = field(default_factory=dict)
    extras_on: bool = False
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
    the others, so the sum is what the tree really holds; VmRSS when
    smaps_rollup is missing. The Markdown pool's workers are children of the
    forkserver, itself a child of the build, so they are counted.
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
            done.wait(0.1)

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


def run_once(runs: Runs, content: Path, work: Path, extras: bool) -> None:
    """One build of this kind; its time leaves out every step timed after Pelican."""
    if runs.mode == "plain":
        elapsed, rss, data = run_build("plain", content, work / "out-plain")
    else:
        flags = ([] if extras and runs.extras_on else ["--no-extras"]) + ["--set", json.dumps(runs.changes)]
        elapsed, rss, data = run_build("project", content, work / "out-project", *flags)
    steps = {step: seconds for step, seconds in (data.get("timings") or {}).items() if step != "pelican"}
    runs.times.append(elapsed - sum(steps.values()))
    runs.rss_mb.append(rss)
    for step, seconds in steps.items():
        runs.extras.setdefault(step, []).append(seconds)


def project_plugins() -> list[str]:
    from sitetools.build import load_settings

    return list(load_settings(ROOT / "publishconf.py")["PLUGINS"])


def kinds(pieces: bool = True) -> dict[str, Runs]:
    found = {"a": Runs("(a) plain Pelican 4.12", mode="plain"), "b": Runs("(b) this project", extras_on=True)}
    if pieces:
        found["c"] = Runs("(c) = (b) without fastbuild",
                          changes={"PLUGINS": [name for name in project_plugins() if name != "fastbuild"]})
        for piece, changes in PIECES.items():
            found[piece] = Runs(f"(b) without {PIECE_LABELS[piece]}", changes=dict(changes))
    return found


def measure(content: Path, work: Path, runs: int, say, extras: bool = True, pieces: bool = True) -> dict[str, Runs]:
    """Interleaved builds; ``extras`` False leaves search indexing and compression out (scale runs)."""
    found = kinds(pieces)
    say(f"  warm-up: {' '.join(found)}")
    for kind in found.values():
        run_once(Runs(kind.label, kind.mode, kind.changes, kind.extras_on), content, work, extras=False)
    for number in range(runs):
        for kind in found.values():
            run_once(kind, content, work, extras)
        say(f"  run {number + 1}: " + ", ".join(f"{key} {kind.times[-1]:.2f} s" for key, kind in found.items()))
    return found


def measure_edits(content: Path, work: Path, edits: int) -> dict:
    _, rss, data = run_build("live", content, work / "out-live", str(edits))
    data["rss_mb"] = rss
    return data


def corpus(folder: Path, articles: int, questions: int, feedback: int, links: int = 0) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return write_corpus(folder, articles, questions, feedback, links=links)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--feedback", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5, help="edits timed in the edit-to-refresh loop")
    parser.add_argument("--links", type=int, default=0,
                        help="outbound links in every post (e.g. 12: link-heavy corpus; default: 2-4)")
    parser.add_argument("--link-heavy", action="store_const", const=12, dest="links",
                        help="the same as --links 12")
    parser.add_argument("--scale", action="store_true", help="also build 1,000, 5,000 and 10,000 articles")
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        print(text, flush=True)

    with tempfile.TemporaryDirectory(prefix="kestrel-bench-") as folder:
        work = Path(folder)
        links = f"{args.links} outbound links per post" if args.links > 2 else "2-4 outbound links per post"
        say(f"Corpus: {args.articles:,} articles ({links}), {args.questions:,} questions, {args.feedback:,} "
            f"feedback items; {args.runs} runs each after a warm-up, interleaved; {os.cpu_count()} CPUs")
        content = corpus(work / "corpus", args.articles, args.questions, args.feedback, args.links)
        found = measure(content, work, args.runs, say)
        say("  edit-to-refresh loop (warm live-reload process)")
        edits = measure_edits(content, work, args.edits)

        scaled: dict[int, dict[str, Runs]] = {}
        if args.scale:
            for size in SCALE_SIZES:
                if size == args.articles:
                    scaled[size] = found
                    continue
                factor = size / max(args.articles, 1)
                say(f"Scale: {size:,} articles")
                content = corpus(work / "corpus", size, round(args.questions * factor),
                                 round(args.feedback * factor), args.links)
                scaled[size] = measure(content, work, args.runs, say, extras=False, pieces=False)

    plain, project, without = found["a"], found["b"], found["c"]
    ratio = project.median / plain.median
    edit_time = statistics.median(edits["times"])
    edit_ratio = edit_time / project.median
    cache_ratio = edits["content_cache"] / project.median
    peak = max([rss for kind in found.values() if kind.mode != "plain" for rss in kind.rss_mb]
               + [rss for runs in scaled.values() for rss in runs["b"].rss_mb] + [edits["rss_mb"]])
    gains = {piece: (found[piece].median - project.median) / found[piece].median for piece in PIECES}
    fastbuild_gain = (without.median - project.median) / without.median

    say("")
    say(f"| {args.articles:,} articles, {links} | median | min–max | peak RSS |")
    say("|---|---|---|---|")
    for kind in found.values():
        say(f"| {kind.label} | {kind.median:.2f} s | {kind.span()} | {max(kind.rss_mb):.0f} MB |")
    for step, values in project.extras.items():
        say(f"| {STEP_LABELS.get(step, step)} (not in b) | {statistics.median(values):.2f} s | "
            f"{min(values):.2f}–{max(values):.2f} s | |")
    for step, label in STEP_LABELS.items():
        if step not in project.extras:
            say(f"| {label} (not in b) | n/a | | |")
    say(f"| ratio b/a | {ratio:.2f} | | |")
    say(f"| ratio c/a (the project without fastbuild) | {without.median / plain.median:.2f} | | |")
    say(f"| fastbuild's gain: (c − b) ÷ c | {100 * fastbuild_gain:.0f} % | | |")
    for piece in PIECES:
        say(f"| gain of the {PIECE_LABELS[piece]} alone: (without − b) ÷ without | {100 * gains[piece]:.0f} % "
            f"| {found[piece].median - project.median:+.2f} s | |")
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
        for size, runs in sorted(scaled.items()):
            a_runs, b_runs = runs["a"], runs["b"]
            say(f"| {size:,} | {a_runs.median:.2f} s | {1000 * a_runs.median / size:.2f} | "
                f"{b_runs.median:.2f} s | {1000 * b_runs.median / size:.2f} | {max(b_runs.rss_mb):.0f} MB |")
    say("")
    per_1k = scaled[1000]["b"].median if 1000 in scaled else (project.median if args.articles == 1000 else None)
    per_10k = scaled[10000]["b"].median if 10000 in scaled else (project.median if args.articles == 10000 else None)
    say(f"links_per_post {args.links if args.links > 2 else 0}")
    say(f"without_fastbuild_ratio {without.median / plain.median:.3f}")
    say(f"fastbuild_gain {fastbuild_gain:.3f}")
    for piece in PIECES:
        say(f"piece_gain_{piece} {gains[piece]:.3f}")
    say(f"full_build_ratio {ratio:.3f}")
    say(f"edit_refresh_ratio {edit_ratio:.4f}")
    say(f"peak_rss_mb {peak:.0f}")
    say(f"per_article_ms_1k {1000 * per_1k / 1000:.3f}" if per_1k is not None else "per_article_ms_1k n/a")
    say(f"per_article_ms_10k {1000 * per_10k / 10000:.3f}" if per_10k is not None else "per_article_ms_10k n/a")
    return 0


if __name__ == "__main__":
    sys.exit(main())
