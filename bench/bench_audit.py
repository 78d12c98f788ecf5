"""Benchmark the audit trail: export, verify and replay against raw baselines.

    python bench/bench_audit.py [--events N] [--keep DIR]

Builds a SQLite desk of N events (default 1,000,000) and N/10 claims with bench/desk.py, the
one generator of the benchmarks (at the default, the year desk): documents, claims and their
whole workflow, hash-chained and with table rows matching the events (the replay measurement
checks that). Each measurement then runs in a fresh subprocess, so its peak RSS is its own:

- baseline read: the raw sqlite3 module reading the events the export reads;
- export: `workbench.exports.events.export_events` as JSON Lines into a file;
- baseline hash: the raw sqlite3 read plus hashlib SHA-256 of each event's canonical text,
  built with the cheapest correct Python (checked against the stored hashes);
- verify: `workbench.services.verify.verify_database`;
- replay: `workbench.services.replay.replay`.

Goals: export and verify within 3x of their baselines, peak RSS under 150 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EVENTS_COLUMNS = (
    "seq, at, actor, action, entity_type, entity_id, claim_id, payload, prev_hash, hash, machine"
)
EVENTS_PER_CLAIM = 10  # as the desk's year and large sizes


def _progress(text: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{text}", end="", file=sys.stderr, flush=True)


def build(path: Path, events: int) -> None:
    # Imported here, not above: the measurement processes (baselines above all) stay as lean as
    # the plain scripts they stand for.
    sys.path.insert(0, str(HERE))
    import desk  # bench/desk.py: the one generator

    desk.generate(str(path), claims=max(1, events // EVENTS_PER_CLAIM), events=events)


# --- measurements (each in its own process) --------------------------------------------------


def _read_rows(path: str) -> Iterator[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    cur = conn.execute(f"SELECT {EVENTS_COLUMNS} FROM events ORDER BY seq")  # noqa: S608
    while rows := cur.fetchmany(5000):
        yield from rows
    conn.close()


def m_baseline_read(path: str) -> int:
    count = 0
    for _row in _read_rows(path):
        count += 1
    return count


def m_baseline_hash(path: str) -> int:
    """Read, build each event's canonical text, SHA-256 it: the least a verifier must do.

    `at` and the hashes are fixed-format ASCII, so only the free-text fields need escaping.
    """
    from json.encoder import encode_basestring as dumps

    sha256 = hashlib.sha256
    count = matched = 0
    rows = _read_rows(path)
    for seq, at, actor, action, etype, eid, claim_id, payload, prev, stored, machine in rows:
        cid = "null" if claim_id is None else claim_id
        mach = "" if machine is None else f'"machine":{dumps(machine)},'
        canonical = (
            f'{{"action":{dumps(action)},"actor":{dumps(actor)},"at":"{at}","claim_id":{cid},'
            f'"entity_id":{dumps(eid)},"entity_type":{dumps(etype)},{mach}"payload":{payload},'
            f'"prev_hash":"{prev}","seq":{seq}}}'
        )
        matched += sha256(canonical.encode()).hexdigest() == stored
        count += 1
    if matched != count:
        raise SystemExit(f"baseline hashed {matched} of {count} events to their stored hash")
    return count


def _wb(path: str) -> Any:
    from workbench.services.context import Workbench

    return Workbench(url=f"sqlite:///{path}", actor="bench")


def m_export(path: str) -> int:
    from workbench.exports.events import export_events

    out = Path(path).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        count = export_events(_wb(path), "jsonl", f).count
    out.unlink()
    return count


def m_verify(path: str) -> int:
    from workbench.services.verify import verify_database

    report = verify_database(_wb(path))
    if not report.ok:
        raise SystemExit(f"verify failed: {report.broken}")
    return report.count


def m_replay(path: str) -> int:
    from workbench.services.replay import replay

    report = replay(_wb(path))
    if not report.consistent:
        raise SystemExit(f"replay found differences: {report.differences[:3]}")
    return report.events


MEASURES: dict[str, tuple[str, Callable[[str], int]]] = {
    "baseline_read": ("baseline: sqlite3 read", m_baseline_read),
    "export": ("audit export --format jsonl", m_export),
    "baseline_hash": ("baseline: sqlite3 read + sha256", m_baseline_hash),
    "verify": ("audit verify", m_verify),
    "replay": ("audit replay", m_replay),
}
VERSUS = {"export": "baseline_read", "verify": "baseline_hash", "replay": "baseline_read"}


def peak_rss_mb() -> float:
    """This process's own high-water RSS. (getrusage's ru_maxrss would count the parent's
    memory at fork time, which survives exec on Linux.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_here(name: str, path: str) -> None:
    if not name.startswith("baseline"):
        # Import what the measurement uses before the clock starts: throughput, not start-up.
        # (Its memory counts: the peak is the whole process's.)
        import workbench.exports.events
        import workbench.services.replay
        import workbench.services.verify  # noqa: F401

    fn = MEASURES[name][1]
    started = time.perf_counter()
    count = fn(path)
    seconds = time.perf_counter() - started
    print(json.dumps({"count": count, "seconds": seconds, "peak_mb": peak_rss_mb()}))


def measure(name: str, path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", name, "--db", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the database in this folder.")
    parser.add_argument(
        "--repeat", type=int, default=1, help="Run each measurement N times; keep the fastest."
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args.measure, args.db)
        return

    folder = args.keep or Path(tempfile.mkdtemp(prefix="wb-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{args.events}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - started:.0f} s")
    size = path.stat().st_size / 1024**2
    print(
        f"database {path} ({size:,.0f} MB); Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs; best of {args.repeat}"
    )
    # Rounds over all measurements, rather than each one N times in a row: a busy spell on a
    # shared machine then slows one run of several measurements, not all runs of one.
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in MEASURES}
    for round_ in range(max(1, args.repeat)):
        for name in MEASURES:
            _progress(f"round {round_ + 1}: {name}            ")
            runs[name].append(measure(name, path))
    results = {name: min(found, key=lambda r: r["seconds"]) for name, found in runs.items()}
    _progress("")
    print()
    head = ("measurement", "seconds", "events/s", "vs baseline", "peak RSS MB")
    print("| {:<34} | {:>8} | {:>10} | {:>11} | {:>11} |".format(*head))
    print(f"|{'-' * 36}|{'-' * 9}:|{'-' * 11}:|{'-' * 12}:|{'-' * 12}:|")
    for name, (label, _) in MEASURES.items():
        r = results[name]
        rate = r["count"] / r["seconds"]
        base = VERSUS.get(name)
        ratio = f"{r['seconds'] / results[base]['seconds']:.2f}x" if base else "-"
        cells = (label, f"{r['seconds']:.2f}", f"{rate:,.0f}", ratio, f"{r['peak_mb']:.0f}")
        print("| {:<34} | {:>8} | {:>10} | {:>11} | {:>11} |".format(*cells))
    if args.keep is None:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
