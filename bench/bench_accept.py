"""`extract --accept` on a long transcript: thousands of claims added in one command.

    python bench/bench_accept.py [--size-kb 1024] [--min-score 0.1] [--repeat 2]

The transcript is SPEAKER: text lines of the CheckThat! 2019 training debates
(../shared/data/checkworthy/ct19-task1-train.csv), repeated up to the size. Each row is a whole
`workbench` process (wall time, CPU time and its own peak RSS, bench/measure.py), best of
--repeat by CPU time:

- `extract` lists the candidates without adding them (the scoring alone);
- `extract --accept` into a database holding only the transcript (nothing was checked before);
- `extract --accept` into one that already holds claims of another document (each new claim is
  then compared with those, and not with its siblings);
- the floor: raw `sqlite3` inserting as many claim rows and as many event rows, one statement
  each, in one transaction (what any tool pays to write them).

`x floor` is CPU time over the floor's. Figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.measure import NOTHING, Run, conditions, run  # noqa: E402

DEBATES = REPO.parent / "shared" / "data" / "checkworthy" / "ct19-task1-train.csv"
EARLIER = 300  # about this many lines of another debate, accepted first ("earlier claims")

FLOOR = """
import sqlite3, sys
n = int(sys.argv[2])
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE claims (id INTEGER PRIMARY KEY, document_id INT, start INT, "
           "end INT, text TEXT, quote TEXT, speaker TEXT, status TEXT, created_at TEXT)")
db.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, action TEXT, entity_id TEXT, "
           "payload TEXT, prev_hash TEXT, hash TEXT)")
with db:
    for i in range(n):
        text = f"claim number {i} of the transcript, as long as a sentence usually is here"
        db.execute("INSERT INTO claims VALUES (NULL, 1, ?, ?, ?, ?, 'TRUMP', 'unverified', "
                   "'2026-12-02T00:00:00Z')", (i * 100, i * 100 + 80, text, text))
        db.execute("INSERT INTO events VALUES (NULL, 'claim.added', ?, ?, ?, ?)",
                   (str(i), '{"after": {"text": "' + text + '"}}', "0" * 64, "f" * 64))
"""


def transcript(size: int, skip: int = 0, debates: Path = DEBATES) -> str:
    with debates.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines: list[str] = []
    total = 0
    for k in range(skip, skip + 10**7):
        row = rows[k % len(rows)]
        line = f"{row['speaker']}: {row['text']}\n"
        lines.append(line)
        total += len(line.encode("utf-8"))
        if total >= size:
            break
    return "".join(lines)


def workbench(db: Path, *args: str, out: Path | None = None) -> Run:
    return run([sys.executable, "-m", "workbench", "--db", str(db), *args], stdout=out)


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=1024)
    parser.add_argument("--min-score", default="0.1")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--debates",
        type=Path,
        default=DEBATES,
        metavar="CSV",
        help="the CheckThat! 2019 training csv (default: %(default)s)",
    )
    args = parser.parse_args()
    # A clone without ../shared beside it gets a usage line, not a traceback mid-run.
    if not args.debates.is_file():
        parser.error(f"no such file: {args.debates} (give the csv with --debates)")
    work = Path(tempfile.mkdtemp(prefix="bench-accept-"))
    big = work / "transcript.txt"
    big.write_text(transcript(args.size_kb * 1024, debates=args.debates), encoding="utf-8")
    other = work / "other.txt"
    other.write_text(transcript(EARLIER * 120, skip=5000, debates=args.debates), encoding="utf-8")
    score = ["--min-score", args.min_score]
    rows: dict[str, list[Run]] = {}
    added = 0
    for k in range(args.repeat):
        fresh = work / f"fresh{k}.db"
        workbench(fresh, "doc", "add", str(big))
        rows.setdefault("extract (list only)", []).append(workbench(fresh, "extract", "1", *score))
        out = work / "accepted.json"
        accepted = workbench(fresh, "extract", "1", "--accept", "--json", *score, out=out)
        rows.setdefault("extract --accept, empty database", []).append(accepted)
        added = len(json.loads(out.read_text(encoding="utf-8"))["added"])
        held = work / f"held{k}.db"
        workbench(held, "doc", "add", str(other))
        workbench(held, "extract", "1", "--accept", "--min-score", "0")
        workbench(held, "doc", "add", str(big))
        rows.setdefault("extract --accept, earlier claims", []).append(
            workbench(held, "extract", "2", "--accept", *score)
        )
        floor = work / f"floor{k}.db"
        rows.setdefault("sqlite3 floor", []).append(
            run([sys.executable, "-c", FLOOR, str(floor), str(added)])
        )
    base = best(rows["sqlite3 floor"])
    print(f"{big.stat().st_size:,} bytes of transcript, {added:,} claims accepted")
    print(f"{'what':<36} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'x floor':>8}")
    for name, runs in rows.items():
        r = best(runs) if runs else NOTHING
        print(f"{name:<36} {r.seconds:8.2f} {r.cpu:8.2f} {r.peak_mb:8.1f} {r.cpu / base.cpu:8.1f}")
    print(conditions())


if __name__ == "__main__":
    main()
