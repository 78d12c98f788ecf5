"""Speed of claim discovery on ~100 KB and ~1 MB of mixed Chinese and English text.

    python bench/bench_extract.py [--repeat 3] [--cpu] [--zh FILE ...]

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
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.domain import native  # noqa: E402
from workbench.domain.checkworthy import find_candidates  # noqa: E402
from workbench.domain.segment import split_sentences  # noqa: E402

SIZES = (("100 KB", 100 * 1024), ("1 MB", 1024 * 1024))
# Cut after every run of stops, full-width (。！？) or ASCII (.!?): a split that knows no rule.
BASELINE = re.compile(r"[^。！？.!?]*[。！？.!?]+|[^。！？.!?]+$")


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
        "--sources-only",
        action="store_true",
        help=argparse.SUPPRESS,  # the child run that times the sources (see below)
    )
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
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


if __name__ == "__main__":
    main()
