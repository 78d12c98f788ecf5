"""Speed and peak memory of claim discovery on ~100 KB and ~1 MB of mixed Chinese and English text.

    python bench/bench_extract.py [--repeat 3] [--cpu] [--zh FILE ...] [--file FILE ...]
                                  [--turns N]

The text interleaves paragraphs of the seed article (or of the Chinese `--zh` files, for a run
that must not read the held-out seed) and of the English test text until it reaches the size
(UTF-8 bytes). In the same run it times a plain regex sentence split of the
same text, as a floor for comparison, and the sentence splitter on its own. MB/s counts UTF-8
bytes (1 MB = 2**20 bytes); the goal for `find_candidates` is at least 1 MB/s. Each figure is the
best of `--repeat` runs, in wall-clock time or, with `--cpu`, in the process's CPU time (on a
machine shared with other jobs the fairer figure). Cost should grow linearly: the 1 MB / 100 KB
time ratio should stay near the size ratio. It says whether the compiled modules ran
(workbench/domain/native.py); when they did, it times `find_candidates` from its sources too, in
a child process, the row "(the sources)". `WORKBENCH_PURE_PYTHON=1` times the sources alone.

Then peak memory, one process per measurement (a process's high-water mark never comes down, so
two measurements in one process would share it): each process reads one text from a file and
runs one thing once, `find_candidates` as `extract` runs it (the text read as a transcript when
it is one) or the regex split, its baseline in the same run. The texts: the two mixed ones above,
each `--file` (read as UTF-8, as given) and, with `--turns N`, a transcript of N `SPEAKER: text`
lines of the CheckThat! 2019 training debates (../shared/data/checkworthy/ct19-task1-train.csv,
its rows in turn, again from the first when they run out). A process reports its own
high-water resident set (VmHWM, which starts afresh at exec: nothing of the benchmark or of
bench/measure.py's launcher is counted), "before" being that peak once the text is read, before
the work. Seconds are the call's own, by the same clock as above; each row is the
fastest of `--repeat` processes, with the highest peak of them. `x split` is find_candidates'
figure over the regex split's: seconds and peak MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.measure import run  # noqa: E402
from workbench.domain import native  # noqa: E402
from workbench.domain.checkworthy import find_candidates  # noqa: E402
from workbench.domain.segment import split_sentences  # noqa: E402
from workbench.domain.transcript import read_transcript  # noqa: E402

SIZES = (("100 KB", 100 * 1024), ("1 MB", 1024 * 1024))
# Cut after every run of stops, full-width (。！？) or ASCII (.!?): a split that knows no rule.
BASELINE = re.compile(r"[^。！？.!?]*[。！？.!?]+|[^。！？.!?]+$")
DEBATES = REPO.parent / "shared" / "data" / "checkworthy" / "ct19-task1-train.csv"


def baseline_split(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in BASELINE.finditer(text)]


def mixed_text(size: int, zh_files: list[Path] | None = None) -> str:
    """Paragraphs of both texts in turn, until `size` bytes of UTF-8 (the Chinese paragraphs
    those of `zh_files`, one after another, instead of the seed's)."""
    sources = zh_files or [REPO / "seeds" / "minimax-profile.zh.txt"]
    zh = "\n\n".join(path.read_text(encoding="utf-8") for path in sources)
    en = (REPO / "tests" / "data" / "checkworthy" / "english.txt").read_text(encoding="utf-8")
    zh_paras = [p for p in zh.split("\n\n") if p.strip()]
    en_paras = [p for p in en.split("\n\n") if p.strip()]
    pairs = cycle(zip(cycle(zh_paras), en_paras * len(zh_paras), strict=False))
    out: list[str] = []
    used = 0
    while used < size:
        for para in next(pairs):
            out.append(para)
            used += len(para.encode("utf-8")) + 2
    return "\n\n".join(out)


def best_of(
    repeat: int, fn: Callable[[str], object], text: str, clock: Callable[[], float]
) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        fn(text)
        best = min(best, clock() - start)
    return best


def turns(n: int, debates: Path = DEBATES) -> str:
    """`n` lines `SPEAKER: text` of the CheckThat! 2019 training debates, their rows in turn."""
    with debates.open(encoding="utf-8", newline="") as f:
        rows = [(row["speaker"], row["text"]) for row in csv.DictReader(f)]
    return "".join(f"{speaker}: {said}\n" for speaker, said in islice(cycle(rows), n))


def as_extract_does(text: str) -> list[object]:
    """find_candidates as `extract` calls it: the text read as a transcript when it is one."""
    return list(find_candidates(text, transcript=read_transcript(text)))


PEAK_RUNS: dict[str, Callable[[str], list[object]]] = {
    "regex split": lambda text: list(baseline_split(text)),
    "find_candidates": as_extract_does,
}


def own_peak_mb() -> float:
    """This process's high-water resident set: VmHWM, which exec starts afresh (ru_maxrss
    where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_child(what: str, path: Path, cpu: bool) -> None:
    """In a process of its own: `what` run once on the text of `path`, as JSON."""
    clock = time.process_time if cpu else time.perf_counter
    text = path.read_bytes().decode("utf-8")
    before = own_peak_mb()
    start = clock()
    found = PEAK_RUNS[what](text)
    seconds = clock() - start
    print(
        json.dumps({"seconds": seconds, "before": before, "peak": own_peak_mb(), "n": len(found)})
    )


def peak_of(what: str, path: Path, args: argparse.Namespace, pure: bool) -> dict[str, float]:
    """The fastest of `--repeat` processes running `what` on `path`, with their highest peak."""
    command = [sys.executable, __file__, "--peak-child", what, str(path)]
    if args.cpu:
        command.append("--cpu")
    env = {**os.environ, "WORKBENCH_PURE_PYTHON": "1"} if pure else None
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out.json"
        for _ in range(max(args.repeat, 1)):
            run(command, env, stdout=out)
            runs.append(json.loads(out.read_text(encoding="utf-8")))
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak": max(r["peak"] for r in runs), "before": max(r["before"] for r in runs)}


def peak_table(args: argparse.Namespace) -> None:
    """Peak memory of find_candidates beside the regex split's, each text in processes of
    their own (see the module's docstring)."""
    ways = [("find_candidates", False)]
    if native.active():
        ways.append(("(the sources)", True))
    header = (
        f"{'text':<22}{'chars':>10}{'what':>18}{'seconds':>9}{'peak MB':>9}{'before':>8}"
        f"{'x split s':>11}{'x split MB':>12}{'found':>9}"
    )
    print("\nPeak memory, one process per row (the fastest of --repeat, their highest peak):")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as scratch:
        texts: list[tuple[str, Path]] = []
        for label, size in SIZES:
            path = Path(scratch) / f"mixed-{size}.txt"
            path.write_text(mixed_text(size, args.zh), encoding="utf-8", newline="")
            texts.append((f"mixed {label}", path))
        texts += [(path.name, path) for path in args.file or []]
        if args.turns:
            path = Path(scratch) / "turns.txt"
            path.write_text(turns(args.turns, args.debates), encoding="utf-8", newline="")
            texts.append((f"{args.turns:,} turns", path))
        for label, path in texts:
            chars = len(path.read_bytes().decode("utf-8"))
            split = peak_of("regex split", path, args, pure=False)
            rows = [("regex split", split)]
            rows += [(name, peak_of("find_candidates", path, args, pure)) for name, pure in ways]
            for what, got in rows:
                print(
                    f"{label[:21]:<22}{chars:>10}{what:>18}{got['seconds']:>9.3f}"
                    f"{got['peak']:>9.1f}{got['before']:>8.1f}"
                    f"{got['seconds'] / split['seconds']:>10.1f}x"
                    f"{got['peak'] / split['peak']:>11.2f}x{got['n']:>9}"
                )


def sources_timings(args: argparse.Namespace) -> dict[str, float]:
    """find_candidates timed from its sources, in a child process (a process runs either the
    compiled modules or the sources, never both), with the same options."""
    command = [sys.executable, __file__, "--sources-only", "--repeat", str(args.repeat)]
    if args.cpu:
        command.append("--cpu")
    if args.zh:
        command += ["--zh", *map(str, args.zh)]
    env = {**os.environ, "WORKBENCH_PURE_PYTHON": "1"}
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    timings: dict[str, float] = json.loads(out)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cpu", action="store_true", help="time CPU, not wall clock")
    parser.add_argument(
        "--zh", type=Path, nargs="+", metavar="FILE", help="Chinese text in place of the seed's"
    )
    parser.add_argument(
        "--file",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="also measure the peak memory on these texts (UTF-8)",
    )
    parser.add_argument(
        "--turns",
        type=int,
        default=0,
        metavar="N",
        help="also measure it on a transcript of N lines of the CheckThat! 2019 debates",
    )
    parser.add_argument(
        "--debates",
        type=Path,
        default=DEBATES,
        metavar="CSV",
        help="the CheckThat! 2019 training csv for --turns (default: %(default)s)",
    )
    parser.add_argument(
        "--peak-child",
        nargs=2,
        metavar=("WHAT", "FILE"),
        help=argparse.SUPPRESS,  # a process that measures one peak (see peak_of)
    )
    parser.add_argument(
        "--sources-only",
        action="store_true",
        help=argparse.SUPPRESS,  # the child run that times the sources (see below)
    )
    args = parser.parse_args()
    # What the peak table reads, checked before the timings rather than after them.
    for path in [*(args.file or []), *([args.debates] if args.turns else [])]:
        if not path.is_file():
            parser.error(f"no such file: {path}")
    clock = time.process_time if args.cpu else time.perf_counter
    if args.peak_child:
        peak_child(args.peak_child[0], Path(args.peak_child[1]), args.cpu)
        return
    if args.sources_only:
        # In a process of its own, with WORKBENCH_PURE_PYTHON=1: find_candidates from the
        # sources, each size's best time as JSON, for the compiled run to print beside its own.
        best = {
            label: best_of(args.repeat, find_candidates, mixed_text(size, args.zh), clock)
            for label, size in SIZES
        }
        print(json.dumps(best))
        return
    sources = sources_timings(args) if native.active() else None

    timings: dict[str, dict[str, float]] = {}
    header = (
        f"{'size':<8}{'bytes':>9}{'chars':>9}{'what':>18}{'seconds':>9}{'chars/s':>12}"
        f"{'MB/s':>8}{'x baseline':>12}"
    )
    # Which find_candidates is timed: the modules an install compiled with mypyc (then the
    # sources too, in a child process, as "(the sources)"), or the sources alone (no build, a
    # source changed since, or WORKBENCH_PURE_PYTHON=1).
    print(f"find_candidates: {'compiled (mypyc)' if native.active() else 'pure Python'}")
    print(header)
    print("-" * len(header))
    for label, size in SIZES:
        text = mixed_text(size, args.zh)
        runs = {
            "regex split": best_of(args.repeat, baseline_split, text, clock),
            "split_sentences": best_of(args.repeat, split_sentences, text, clock),
            "find_candidates": best_of(args.repeat, find_candidates, text, clock),
        }
        if sources is not None:
            runs["(the sources)"] = sources[label]
        timings[label] = runs
        for what, seconds in runs.items():
            print(
                f"{label:<8}{len(text.encode('utf-8')):>9}{len(text):>9}{what:>18}"
                f"{seconds:>9.3f}{len(text) / seconds:>12,.0f}"
                f"{len(text.encode('utf-8')) / seconds / 2**20:>8.2f}"
                f"{seconds / runs['regex split']:>12.1f}"
            )
        print(f"{'':<8}{len(find_candidates(text)):>9} candidates")
    small, large = (timings[label] for label, _ in SIZES)
    size_ratio = SIZES[1][1] / SIZES[0][1]
    print(f"\n1 MB / 100 KB time ratio (size ratio {size_ratio:.1f}):")
    for what in small:
        print(f"  {what:<16} {large[what] / small[what]:.1f}")
    peak_table(args)


if __name__ == "__main__":
    main()
