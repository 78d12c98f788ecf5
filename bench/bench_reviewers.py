"""The one-reviewer rule (`reviewers.one_reviewer`) over a year's approvals among a desk's people.

    python bench/bench_reviewers.py [--people 50] [--approvals 45000] [--repeat 3]

Each approval pairs a proposer and an approver drawn from the desk's people, every one of them
registered with an address (the email rule is asked of every pair: `people.email_tie`), as
`audit verify`, `claim show` and the exports ask it of each approval. Printed: CPU seconds of
the rule over all approvals (best of --repeat, its caches emptied before each), the floor in
the same run (a loop reading each pair's two addresses from a dict: what any check pays to
look at the pair), their ratio, and the rule's peak of Python memory (tracemalloc).
Figures in docs/benchmarks.md, "Session 61".
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.domain import reviewers  # noqa: E402


class _Desk:
    """The desk's people as the rule reads them: no display names, an address each."""

    def __init__(self, names: list[str]) -> None:
        self.emails = {name: f"{name}@desk.example.org" for name in names}

    def display(self, name: str) -> str | None:
        return None

    def email(self, name: str) -> str | None:
        return self.emails.get(name)


def _clear() -> None:
    # (by name: the tree before the email rule was remembered has no _email_tie)
    for name in ("_alike", "_shown_alike", "_email_tie"):
        cached = getattr(reviewers, name, None)
        if cached is not None:
            cached.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--approvals", type=int, default=45000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(61)
    names = [f"checker{i}" for i in range(args.people)]
    desk = _Desk(names)
    pairs = [tuple(rng.sample(names, 2)) for _ in range(args.approvals)]
    rule = floor = float("inf")
    for _ in range(args.repeat):
        _clear()
        began = time.process_time()
        for proposer, approver in pairs:
            reviewers.one_reviewer(proposer, approver, desk)  # type: ignore[arg-type]
        rule = min(rule, time.process_time() - began)
        began = time.process_time()
        for proposer, approver in pairs:
            desk.emails.get(proposer) == desk.emails.get(approver)  # noqa: B015
        floor = min(floor, time.process_time() - began)
    _clear()
    tracemalloc.start()
    for proposer, approver in pairs:
        reviewers.one_reviewer(proposer, approver, desk)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    distinct = len(set(pairs))
    print(f"{len(pairs)} approvals of {distinct} pairs among {args.people} people")
    print(f"rule  {rule:.3f} s CPU   floor {floor:.3f} s   {rule / floor:.1f}x floor")
    print(f"peak  {peak / 1e6:.1f} MB (Python objects, tracemalloc)")


if __name__ == "__main__":
    main()
