"""Every command a desk runs daily, on a year desk, beside the database shell reading its rows.

    python bench/bench_daily.py --db year.db [--repeat 3] [--only NAME ...]
    python bench/bench_daily.py --db postgresql://user@host/year [--repeat 3] [--only NAME ...]

The desk is one `bench/desk.py --size year` built (with or without --sign-off); this bench only
reads it, apart from `claim similar`, whose first run on a desk the fast path built indexes the
claims' terms (measured apart, as "claim similar (first)", when the index is missing). Each
command runs as a whole process (`bench/measure.py`: wall, CPU, the child's own peak), output
into a file; next to it, in the same run and interleaved, the `sqlite3` shell (read-only, JSON
out) reads the rows the command shows. The ratio is CPU against CPU. What the shell reads is
the rows, not the command's rules (the chain's hashes, the look-alike names): a ratio far above
the others says where to look, not that it is wrong.

On PostgreSQL (a postgresql:// URL) the shell is `psql` (no .psqlrc, unaligned, tuples only, one
-c a statement). Both processes are clients there: the server's work is in neither's CPU, but in
both their wall times, so a wall ratio is shown too (on a busy machine, read it as a hint).
"""

# The SQL here is built from this file's own constants and the desk's own ids, never input.
# ruff: noqa: S608
from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Run, add_repeat, conditions, run  # noqa: E402

OPEN = "('unverified', 'in_progress', 'in_review')"


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]  # after `workbench --db DB`
    sql: str  # what the sqlite3 shell reads for it
    output: bool = False  # the command writes -o FILE (given here) rather than stdout


@dataclass(frozen=True)
class Desk:
    claim: int  # a claim in the middle of the desk, with notes and evidence
    doc: int
    owner: str
    tag: str
    week_seq: int  # the last event a week before the desk's newest
    week_head: str


def is_postgresql(db: str) -> bool:
    return db.startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))


def libpq_url(db: str) -> str:
    """The URL as libpq (psycopg2, psql) reads it: without SQLAlchemy's driver name."""
    return db.replace("postgresql+psycopg://", "postgresql://")


def desk_facts(db: str) -> Desk:
    if is_postgresql(db):
        import psycopg2

        conn: Any = psycopg2.connect(libpq_url(db))
        conn.set_session(readonly=True)
        cur: Any = conn.cursor()
        mark = "%s"
    else:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        cur = conn
        mark = "?"

    def one(sql: str, params: tuple[Any, ...] = ()) -> Any:
        ran = cur.execute(sql.replace("?", mark), params)  # sqlite3's cursor; psycopg2's None
        return (cur if ran is None else ran).fetchone()

    try:
        (claims,) = one("SELECT max(id) FROM claims")
        (claim,) = one(
            "SELECT claim_id FROM notes WHERE claim_id >= ? AND claim_id IN "
            "(SELECT claim_id FROM evidence) ORDER BY claim_id LIMIT 1",
            (claims // 2,),
        )
        (doc,) = one("SELECT document_id FROM claims WHERE id = ?", (claim,))
        (owner,) = one(
            "SELECT assignee FROM claims WHERE assignee IS NOT NULL "
            "GROUP BY assignee ORDER BY count(*) DESC LIMIT 1"
        )
        (tag,) = one("SELECT tag FROM claim_tags GROUP BY tag ORDER BY count(*) DESC LIMIT 1")
        (newest,) = one("SELECT at FROM events ORDER BY seq DESC LIMIT 1")
        week_ago = (
            dt.datetime.fromisoformat(newest.replace("Z", "+00:00")) - dt.timedelta(days=7)
        ).strftime("%Y-%m-%dT%H:%M:%S")
        seq, head = one(
            "SELECT seq, hash FROM events WHERE at < ? ORDER BY seq DESC LIMIT 1", (week_ago,)
        )
    finally:
        conn.close()
    return Desk(claim, doc, owner, tag, seq, head)


def cases(d: Desk, out: Path) -> list[Case]:
    shown = "status <> 'withdrawn'"
    page = "ORDER BY id LIMIT 50"

    def listing(where: str) -> str:
        # A table says "claims 1-50 of N": the page and the count.
        return (
            f"SELECT * FROM claims WHERE {where} {page}; SELECT count(*) FROM claims WHERE {where}"
        )

    claim_rows = f"SELECT * FROM claims WHERE document_id = {d.doc} ORDER BY id"
    doc_events = (
        f"SELECT * FROM events WHERE (entity_type = 'document' AND entity_id = '{d.doc}') "
        f"OR claim_id IN (SELECT id FROM claims WHERE document_id = {d.doc}) ORDER BY seq"
    )
    return [
        Case("claim list", ("claim", "list"), listing(shown)),
        Case("claim list --open", ("claim", "list", "--open"), listing(f"status IN {OPEN}")),
        Case(
            "claim list --assignee",
            ("claim", "list", "--assignee", d.owner),
            listing(f"assignee = '{d.owner}' AND {shown}"),
        ),
        Case(
            "claim list --json --limit 50",
            ("claim", "list", "--json", "--limit", "50"),
            f"SELECT * FROM claims WHERE {shown} {page}",
        ),
        Case(
            "claim list --status verified",
            ("claim", "list", "--status", "verified"),
            listing("status = 'verified'"),
        ),
        Case(
            "claim list --tag",
            ("claim", "list", "--tag", d.tag),
            listing(f"{shown} AND id IN (SELECT claim_id FROM claim_tags WHERE tag = '{d.tag}')"),
        ),
        Case(
            "claim show",
            ("claim", "show", str(d.claim)),
            f"SELECT * FROM claims WHERE id = {d.claim}; "
            f"SELECT * FROM notes WHERE claim_id = {d.claim}; "
            f"SELECT * FROM evidence WHERE claim_id = {d.claim}; "
            f"SELECT * FROM events WHERE claim_id = {d.claim} ORDER BY seq",
        ),
        Case(
            "stats",
            ("stats",),
            "SELECT status, assignee, type, count(*) FROM claims GROUP BY 1, 2, 3",
        ),
        Case(
            "stats --by owner",
            ("stats", "--by", "owner"),
            f"SELECT assignee, count(*) FROM claims WHERE {shown} GROUP BY assignee",
        ),
        Case(
            "note list",
            ("note", "list", str(d.claim)),
            f"SELECT * FROM notes WHERE claim_id = {d.claim} ORDER BY id",
        ),
        Case(
            "evidence list",
            ("evidence", "list", str(d.claim)),
            f"SELECT * FROM evidence WHERE claim_id = {d.claim} ORDER BY id",
        ),
        Case(
            "doc list",
            ("doc", "list"),
            "SELECT d.id, d.title, d.url, d.sha256, length(d.text), max(r.number) FROM documents d "
            "LEFT JOIN document_revisions r ON r.document_id = d.id GROUP BY d.id ORDER BY d.id",
        ),
        Case(
            "doc show",
            ("doc", "show", str(d.doc)),
            f"SELECT id, title, url, sha256 FROM documents WHERE id = {d.doc}; {claim_rows}",
        ),
        Case(
            "audit head",
            ("audit", "head"),
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
        ),
        Case(
            "audit verify",
            ("audit", "verify"),
            "SELECT * FROM events ORDER BY seq",
        ),
        Case(
            "audit export --after (a week)",
            ("audit", "export", "--after", d.week_head, "-o", str(out)),
            f"SELECT * FROM events WHERE seq > {d.week_seq} ORDER BY seq",
            output=True,
        ),
        Case(
            "export claims --doc",
            ("export", "claims", "--doc", str(d.doc), "-o", str(out.with_suffix(".csv"))),
            claim_rows,
            output=True,
        ),
        Case(
            "report (one document)",
            ("report", str(d.doc), "-o", str(out.with_suffix(".html"))),
            f"SELECT text FROM documents WHERE id = {d.doc}; {claim_rows}; "
            f"SELECT * FROM notes WHERE claim_id IN (SELECT id FROM claims WHERE "
            f"document_id = {d.doc}); SELECT * FROM evidence WHERE claim_id IN "
            f"(SELECT id FROM claims WHERE document_id = {d.doc})",
            output=True,
        ),
        Case(
            "claim similar",
            ("claim", "similar", str(d.claim)),
            f"SELECT * FROM claims WHERE id = {d.claim}; "
            f"SELECT claim_id FROM similar_terms WHERE term IN (SELECT term FROM similar_terms "
            f"WHERE claim_id = {d.claim}) LIMIT 200",
        ),
        Case("user list", ("user", "list"), "SELECT * FROM users ORDER BY name"),
        # The rest of a desk's day: the queue, a search, the tables and the trail of one claim
        # or document (session 65).
        Case(
            "claim list --mine",
            ("--as", d.owner, "claim", "list", "--mine"),
            listing(f"assignee = '{d.owner}' AND status IN {OPEN}"),
        ),
        Case(
            "claim list --search",
            ("claim", "list", "--search", "climate"),
            listing(f"{shown} AND lower(text) LIKE '%climate%'"),
        ),
        Case(
            "export claims --doc xlsx",
            ("export", "claims", "--doc", str(d.doc), "-o", str(out.with_suffix(".xlsx"))),
            claim_rows,
            output=True,
        ),
        Case(
            "export claims (the desk) csv",
            ("export", "claims", "-o", str(out.with_suffix(".csv"))),
            "SELECT * FROM claims ORDER BY id",
            output=True,
        ),
        Case(
            "export claimreview --doc",
            (
                "export",
                "claimreview",
                "--doc",
                str(d.doc),
                "--org",
                "Desk",
                "--org-url",
                "https://desk.example",
                "-o",
                str(out.with_suffix(".json")),
            ),
            f"{claim_rows}; SELECT * FROM events WHERE claim_id IN (SELECT id FROM claims "
            f"WHERE document_id = {d.doc}) ORDER BY seq",
            output=True,
        ),
        Case(
            "audit export --claim csv",
            ("audit", "export", "--claim", str(d.claim), "-o", str(out.with_suffix(".csv"))),
            f"SELECT * FROM events WHERE claim_id = {d.claim} ORDER BY seq",
            output=True,
        ),
        Case(
            "audit export --claim md",
            ("audit", "export", "--claim", str(d.claim), "-o", str(out.with_suffix(".md"))),
            f"SELECT * FROM events WHERE claim_id = {d.claim} ORDER BY seq",
            output=True,
        ),
        Case(
            "audit export --doc csv",
            ("audit", "export", "--doc", str(d.doc), "-o", str(out.with_suffix(".csv"))),
            doc_events,
            output=True,
        ),
        Case(
            "audit export --doc md",
            ("audit", "export", "--doc", str(d.doc), "-o", str(out.with_suffix(".md"))),
            doc_events,
            output=True,
        ),
    ]


def shell_command(db: str, sql: str) -> list[str]:
    """The database's own shell reading `sql`'s rows, read-only."""
    if not is_postgresql(db):
        return ["sqlite3", "-readonly", "-json", db, sql]
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    command = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", libpq_url(db)]
    command += ["-c", "SET default_transaction_read_only = on"]
    for statement in statements:
        command += ["-c", statement]
    return command


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True, help="a year desk: a SQLite file or a postgresql:// URL")
    ap.add_argument("--only", nargs="*", help="the cases whose name starts with one of these")
    add_repeat(ap)
    args = ap.parse_args()
    d = desk_facts(args.db)
    shell_name = "psql" if is_postgresql(args.db) else "sqlite3"
    print(f"desk: claim {d.claim}, doc {d.doc}, owner {d.owner}, tag {d.tag}, ", end="")
    print(f"a week ago: seq {d.week_seq}", file=sys.stdout)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        stdout = Path(tmp) / "stdout"
        print(
            f"| command | CPU s | wall s | peak MB | {shell_name} CPU s | {shell_name} wall s | "
            f"{shell_name} MB | CPU ratio | wall ratio |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for case in cases(d, out):
            if args.only and not any(case.name.startswith(o) for o in args.only):
                continue

            def ours(case: Case = case) -> Run:
                for suffix in (".jsonl", ".csv", ".html", ".xlsx", ".json", ".md"):
                    f = out.with_suffix(suffix)
                    f.unlink(missing_ok=True)
                cmd = [sys.executable, "-m", "workbench", "--db", args.db, *case.args]
                return run(cmd, stdout=stdout)

            def shell(case: Case = case) -> Run:
                return run(shell_command(args.db, case.sql), stdout=stdout)

            runs = [(ours(), shell()) for _ in range(args.repeat)]
            mine = min((r for r, _ in runs), key=lambda r: r.cpu)
            base = min((b for _, b in runs), key=lambda r: r.cpu)
            ratio = mine.cpu / max(base.cpu, 0.001)
            wall = min(r.seconds for r, _ in runs) / max(min(b.seconds for _, b in runs), 0.001)
            print(
                f"| `{case.name}` | {mine.cpu:.3f} | {mine.seconds:.3f} | {mine.peak_mb:.0f} | "
                f"{base.cpu:.3f} | {base.seconds:.3f} | {base.peak_mb:.0f} | {ratio:.1f}x | "
                f"{wall:.1f}x |",
                flush=True,
            )
    print(f"\n{conditions()}")


if __name__ == "__main__":
    main()
