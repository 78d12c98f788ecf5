"""The sign-off queue (`claim list --approvable`) on a desk, whole and a page of it.

    python bench/bench_approvable.py --db DESK.db [--as alice] [--limit 20] [--repeat 3]

DESK is a SQLite desk with claims in review (`bench/desk.py --size year --sign-off`: 1,416 in
review, 1,291 of them alice's to approve). Each command is a whole process (bench/measure.py:
CPU seconds, user + system, and the process's own peak resident set), best of --repeat by CPU
with the highest peak; after each, in the same run, the `sqlite3` shell reading the same rows
with no rule: every claim in review with a proposal (the queue's candidates), all of them and
the first --limit. Run it from the tree measured: `python -m workbench` puts the working
directory ahead of PYTHONPATH. Last, for scale, a page of claims in review listed without the rule
(`--status in_review --json --limit N`). Figures in docs/benchmarks.md, "Session 62".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.measure import Run, conditions, run, workbench  # noqa: E402

CANDIDATES = (
    "SELECT * FROM claims WHERE status = 'in_review' AND proposed_status IS NOT NULL ORDER BY id"
)


def _best(repeat: int, measure: Callable[[], Run]) -> Run:
    """The run with least CPU of `repeat`, with the highest peak of them."""
    runs = [measure() for _ in range(repeat)]
    least = min(runs, key=lambda r: r.cpu)
    return Run(least.seconds, least.cpu, max(r.peak_mb for r in runs), least.out_bytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--as", dest="actor", default="alice")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db, n = args.db, str(args.limit)
    queue = ("--as", args.actor, "claim", "list", "--approvable")
    commands = {
        "--json": (*queue, "--json"),
        f"--json --limit {n}": (*queue, "--json", "--limit", n),
        f"--json --limit {n} --offset 1000": (*queue, "--json", "--limit", n, "--offset", "1000"),
        f"table --limit {n}": (*queue, "--limit", n),
        # What a page of claims costs the workbench without the rule: the floor.
        f"--status in_review --json --limit {n}": (
            *("--as", args.actor, "claim", "list", "--status", "in_review", "--json"),
            *("--limit", n),
        ),
    }
    baselines = {
        "--json": CANDIDATES,
        f"--json --limit {n}": f"{CANDIDATES} LIMIT {n}",
        f"--json --limit {n} --offset 1000": f"{CANDIDATES} LIMIT {n} OFFSET 1000",
        f"table --limit {n}": f"{CANDIDATES} LIMIT {n}",
        f"--status in_review --json --limit {n}": f"{CANDIDATES} LIMIT {n}",
    }
    print("| command | CPU s | peak MB | bytes out | baseline CPU s | baseline peak MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, cmd in commands.items():
        got = _best(args.repeat, lambda cmd=cmd: workbench(db, *cmd))
        base = _best(args.repeat, lambda q=baselines[name]: run(["sqlite3", db, q]))
        print(
            f"| `{name}` | {got.cpu:.2f} | {got.peak_mb:.0f} | {got.out_bytes:,} "
            f"| {base.cpu:.3f} | {base.peak_mb:.0f} |"
        )
    print(conditions())


if __name__ == "__main__":
    main()
