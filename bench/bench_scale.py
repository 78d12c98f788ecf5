"""The desk at the year and the large size, side by side: does anything grow with the rows?

    python bench/bench_scale.py --desk year=/work/desks/year.db --desk large=/work/desks/large.db
                                [--results scale.json] [--skip replay,similar] [--repeat 1]
    python bench/bench_scale.py --results scale-pg.json \
        --desk year=postgresql://postgres@127.0.0.1:5432/desk_year \
        --desk large=postgresql://postgres@127.0.0.1:5432/desk_large

Each command that touches every row or event (or answers from an index whatever the size) runs
as a whole process against each desk (built by bench/desk.py), its output into a file; measured
are wall seconds, CPU seconds (user + system) and the process's own peak resident memory
(wait4). Results are kept in --results (JSON), so the sizes can be measured at different times
(a large desk takes long to build) and the table printed once both are there. The target (issue
13): at the large size (10x the claims, 10x the events) nothing grows memory with the number of
rows, and nothing takes more than 10x its year-size time.

`claim similar` builds its index of every claim on first use and writes it into the database,
so it runs on a copy of the desk (a file copy on SQLite; on PostgreSQL a database created with
the desk as its template, dropped afterwards); `--skip similar` leaves it out (at the large size
it takes long: about 140 s at the year size on this machine, so expect over 20 minutes).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from measure import Run, conditions, run  # noqa: E402


def commands(db: str, show_id: int, out: Path) -> dict[str, list[str]]:
    """What is measured, by name: `workbench --db DB ...` argument lists."""
    return {
        "audit verify": ["audit", "verify"],
        "audit export --format jsonl -o FILE": [
            "audit",
            "export",
            "-o",
            str(out / "trail.jsonl"),
            "--force",  # measured again and again over the same file
        ],
        "stats --json": ["stats", "--json"],
        "claim list --open --limit 50 --json": [
            "claim",
            "list",
            "--open",
            "--limit",
            "50",
            "--json",
        ],
        "claim list --search 估值 --limit 20 --json": [
            "claim",
            "list",
            "--search",
            "估值",
            "--limit",
            "20",
            "--json",
        ],
        "claim show (the middle claim) --json": ["claim", "show", str(show_id), "--json"],
        "export claims --format csv -o FILE (every claim)": [
            "export",
            "claims",
            "--format",
            "csv",
            "-o",
            str(out / "claims.csv"),
            "--force",
        ],
        "audit replay": ["audit", "replay"],
        "claim similar (first use: indexes every claim)": ["claim", "similar", str(show_id)],
    }


def is_server(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def count_claims(db: str) -> int:
    if is_server(db):
        import psycopg2

        pg = psycopg2.connect(db)
        try:
            with pg.cursor() as cur:
                cur.execute("SELECT count(*) FROM claims")
                row = cur.fetchone()
        finally:
            pg.close()
        assert row is not None
        return int(row[0])
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (claims,) = conn.execute("SELECT count(*) FROM claims").fetchone()
    conn.close()
    return int(claims)


DERIVED = ("similar_indexed", "similar_terms", "similar_df")


@contextmanager
def scratch_copy(db: str, out: Path) -> Iterator[str]:
    """A copy of the desk with no similar-claims index, removed afterwards: `claim similar`
    writes its index into the database, never into the shared desk, and first use means no
    index yet (a desk someone searched already has one)."""
    if not is_server(db):
        target = str(out / "copy.db")
        shutil.copyfile(db, target)
        with sqlite3.connect(target) as copy:
            for table in DERIVED:
                copy.execute(f"DELETE FROM {table}")  # noqa: S608 (our names)
        try:
            yield target
        finally:
            Path(target).unlink()
        return
    import psycopg2

    base, _, name = db.rpartition("/")
    copy_name = f"{name}_scratch"
    admin = psycopg2.connect(db)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{copy_name}"')
        admin.close()
        # A template must have no other sessions: connect to the server's default database.
        admin = psycopg2.connect(f"{base}/postgres")
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{copy_name}" TEMPLATE "{name}"')
        target = f"{base}/{copy_name}"
        scratch = psycopg2.connect(target)
        with scratch, scratch.cursor() as cur:
            for table in DERIVED:
                cur.execute(f"DELETE FROM {table}")  # noqa: S608 (our names)
        scratch.close()
        yield target
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{copy_name}"')
        admin.close()


def measure(
    size: str, db: str, skip: set[str], only: set[str], repeat: int
) -> dict[str, dict[str, float]]:
    claims = count_claims(db)
    found: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix=f"scale-{size}-") as tmp:
        out = Path(tmp)
        for name, args in commands(db, max(1, claims // 2), out).items():
            if any(s in name for s in skip) or (only and not any(s in name for s in only)):
                continue
            if name.startswith("claim similar"):
                with scratch_copy(db, out) as target:
                    best = measured(target, args, out, repeat)
            else:
                best = measured(db, args, out, repeat)
            found[name] = asdict(best)
            print(
                f"{size:5} {name:55} {best.seconds:8.2f} s {best.cpu:8.2f} CPU s "
                f"{best.peak_mb:6.0f} MB",
                flush=True,
            )
    return found


def measured(db: str, args: list[str], out: Path, repeat: int) -> Run:
    cmd = [sys.executable, "-m", "workbench", "--db", db, *args]
    runs = [run(cmd, stdout=out / "stdout") for _ in range(repeat)]
    return min(runs, key=lambda r: r.cpu)


def table(results: dict[str, dict[str, dict[str, float]]], small: str, big: str) -> str:
    lines = [
        f"| command | {small} s | {small} CPU s | {small} MB | {big} s | {big} CPU s | {big} MB "
        "| CPU ratio | peak MB ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = list(results.get(small, {})) + [
        n for n in results.get(big, {}) if n not in results.get(small, {})
    ]
    for name in names:
        cells = []
        pair: list[Run | None] = []
        for size in (small, big):
            r = results.get(size, {}).get(name)
            if r is None:
                cells.append("- | - | -")
                pair.append(None)
                continue
            got = Run(r["seconds"], r["cpu"], r["peak_mb"], int(r.get("out_bytes", 0)))
            pair.append(got)
            cells.append(f"{got.seconds:.2f} | {got.cpu:.2f} | {got.peak_mb:.0f}")
        a, b = pair
        ratio = f"{b.cpu / a.cpu:.2f}x | {b.peak_mb / a.peak_mb:.2f}x" if a and b else "- | -"
        lines.append(f"| `{name}` | {' | '.join(cells)} | {ratio} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--desk", action="append", default=[], help="SIZE=PATH, e.g. year=year.db")
    ap.add_argument("--results", type=Path, default=Path("scale.json"))
    ap.add_argument("--skip", default="", help="commands to leave out (parts of names, comma)")
    ap.add_argument("--only", default="", help="only these commands (parts of names, comma)")
    ap.add_argument("--repeat", type=int, default=1, help="keep the run with least CPU of R")
    args = ap.parse_args(argv)
    results: dict[str, dict[str, dict[str, float]]] = (
        json.loads(args.results.read_text()) if args.results.exists() else {}
    )
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    for spec in args.desk:
        size, _, path = spec.partition("=")
        results[size] = results.get(size, {}) | measure(size, path, skip, only, args.repeat)
        results.setdefault("_conditions", {})[size] = conditions()  # type: ignore[assignment]
        args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    sizes = [s for s in results if not s.startswith("_")]
    if len(sizes) >= 2:
        print()
        print(table(results, sizes[0], sizes[1]))
    for size, text in results.get("_conditions", {}).items():
        print(f"\n{size}: {text}.")


if __name__ == "__main__":
    main()
