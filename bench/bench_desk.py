"""Benchmark the desk's read commands against the same SQL run by plain tools, in the same run.

    python bench/bench_desk.py [--size year] [--backend sqlite|postgresql|both]
                               [--db PATH] [--pg-url URL] [--repeat 3] [--only NAME ...]
                               [--write-docs]

Builds the desk (bench/desk.py) when the database is missing, then runs every command as a whole
process (interpreter start-up, imports, query, output into a file), as a person or a script
would, and next to it a baseline that runs the equivalent SQL: `sqlite-utils rows` (or
`sqlite-utils query` where one table's rows cannot say it) and the `sqlite3` shell on SQLite,
`psql` on PostgreSQL, and there also the floor a Python command cannot go below: a process
that only imports psycopg2 (the read paths' driver), connects and runs the same SQL (printing
the rows). Time is
wall-clock; peak memory is the child's own maximum resident set (`wait4`'s ru_maxrss). With
--repeat R each keeps its fastest run, so that a busy spell on a shared machine costs one run,
not the figure. --write-docs rewrites the desk section of docs/benchmarks.md with the table
printed.
"""

# The SQL here is built from this file's own constants, never from input.
# ruff: noqa: S608
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import desk  # noqa: E402  (bench/desk.py: the generator)
from measure import Run, conditions, run  # noqa: E402  (bench/measure.py: shared by the benches)

BIN = Path(sys.executable).parent
TODAY = dt.datetime.now(dt.UTC).date().isoformat()
OPEN = "('unverified', 'in_progress', 'in_review')"
CLAIM_COLUMNS = "*"


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]  # after `workbench`
    # For `sqlite-utils rows DB claims`: the WHERE and ORDER BY and LIMIT; None: use `sql`.
    where: str | None = None
    order: str = "id"
    limit: int | None = None
    # The whole statement, when rows cannot express it; {today} is filled in.
    sql: str | None = None
    pg_sql: str | None = None  # when PostgreSQL's spelling differs
    pg_where: str | None = None  # likewise for `where`

    def statement(self, backend: str) -> str:
        if backend == "postgresql" and self.pg_sql:
            return self.pg_sql.format(today=TODAY)
        if self.sql:
            return self.sql.format(today=TODAY)
        where = self.pg_where if backend == "postgresql" and self.pg_where else self.where
        assert where is not None
        limit = f" LIMIT {self.limit}" if self.limit is not None else ""
        return f"SELECT * FROM claims WHERE {where} ORDER BY {self.order}{limit}".format(
            today=TODAY
        )


def listing(
    name: str,
    flags: str,
    where: str,
    *,
    order: str = "id",
    limit: int | None = 50,
    pg_where: str | None = None,
) -> Case:
    """`claim list FLAGS [--limit N]` next to the claims WHERE `where` ORDER BY `order` LIMIT N:
    the limit is written once for both sides."""
    args = ("claim", "list", *flags.split())
    if limit is not None:
        args += ("--limit", str(limit))
    return Case(name, args, where, order, limit, pg_where=pg_where)


def search(name: str, term: str, where: str, stored: str | None = None) -> Case:
    """`claim list --search TERM`, 20 rows; the baseline on SQLite is `where` (FTS, or LIKE for
    a term too short for the FTS index), on PostgreSQL ILIKE (it has no FTS table). A term in
    other forms than the desk's text (`stored`) has the plain search for the stored form as its
    baseline: what finding those claims cost before the search folded forms."""
    return listing(name, f"--search {term}", where, limit=20, pg_where=ilike(stored or term))


def fts(term: str) -> str:
    return f"id IN (SELECT claim_id FROM claim_fts WHERE claim_fts MATCH '\"{term}\"')"


def like(term: str) -> str:
    pattern = f"'%{term}%'"
    return (
        f"id IN (SELECT id FROM claims WHERE text LIKE {pattern} OR quote LIKE {pattern} "
        f"UNION SELECT claim_id FROM notes WHERE body LIKE {pattern} "
        f"UNION SELECT claim_id FROM evidence WHERE title LIKE {pattern})"
    )


def ilike(term: str) -> str:
    return like(term).replace(" LIKE ", " ILIKE ")


def show_sql(show_id: int) -> str:
    return SHOW_SQL.replace("{show_id}", str(show_id))


def show_pg_sql(show_id: int) -> str:
    return SHOW_PG_SQL.replace("{show_id}", str(show_id))


SHOW_SQL = (
    "SELECT c.*, d.text AS document_text, "
    "(SELECT json_group_array(json_object('id', id, 'author', author, 'body', body)) "
    "FROM notes WHERE claim_id = c.id) AS notes, "
    "(SELECT json_group_array(json_object('id', id, 'url', url, 'title', title)) "
    "FROM evidence WHERE claim_id = c.id) AS evidence, "
    "(SELECT json_group_array(json_object('seq', seq, 'at', at, 'actor', actor, "
    "'action', action, 'payload', payload)) FROM events WHERE claim_id = c.id) AS events "
    "FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = {show_id}"
)
SHOW_PG_SQL = (
    "SELECT c.*, d.text AS document_text, "
    "(SELECT json_agg(json_build_object('id', id, 'author', author, 'body', body)) "
    "FROM notes WHERE claim_id = c.id) AS notes, "
    "(SELECT json_agg(json_build_object('id', id, 'url', url, 'title', title)) "
    "FROM evidence WHERE claim_id = c.id) AS evidence, "
    "(SELECT json_agg(json_build_object('seq', seq, 'at', at, 'actor', actor, "
    "'action', action, 'payload', payload)) FROM events WHERE claim_id = c.id) AS events "
    "FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = {show_id}"
)
# What the board shows, as one statement (perf269: what `stats` computes since per-owner loads
# and the awaiting-approval and flagged lists came): the claims grouped once by overdue,
# flagged, status, owner and type (the expressions first: grouped by owner first, SQLite walks
# ix_claims_assignee and looks every row up), and from those groups the counts by status, by
# owner (all but withdrawn, to check, in review, flagged) and by type (withdrawn left out)
# and the totals of the lists; the open claims without evidence counted; and the first 10
# oldest open, awaiting approval (in review), open without evidence, most overdue and flagged.
TO_CHECK = "('unverified', 'in_progress')"
STATS_SQL = (
    "WITH g AS (SELECT due < '{today}' AS late, verdict_revision IS NOT NULL AS flagged, "
    "status, assignee, type, count(*) AS n FROM claims "
    "GROUP BY due < '{today}', verdict_revision IS NOT NULL, status, assignee, type) "
    "SELECT 'status' AS k, status AS v, sum(n) AS n FROM g GROUP BY status "
    "UNION ALL SELECT 'owner', assignee, sum(n) FROM g WHERE status <> 'withdrawn' "
    "GROUP BY assignee "
    f"UNION ALL SELECT 'to check', assignee, sum(n) FROM g WHERE status IN {TO_CHECK} "
    "GROUP BY assignee "
    "UNION ALL SELECT 'in review', assignee, sum(n) FROM g WHERE status = 'in_review' "
    "GROUP BY assignee "
    "UNION ALL SELECT 'flagged', assignee, sum(n) FROM g WHERE flagged GROUP BY assignee "
    "UNION ALL SELECT 'type', type, sum(n) FROM g WHERE status <> 'withdrawn' GROUP BY type "
    f"UNION ALL SELECT 'open', NULL, sum(n) FROM g WHERE status IN {OPEN} "
    f"UNION ALL SELECT 'overdue', NULL, sum(n) FROM g WHERE late AND status IN {OPEN} "
    f"UNION ALL SELECT 'no evidence', NULL, count(*) FROM claims c WHERE status IN {OPEN} "
    "AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id) "
    "UNION ALL SELECT * FROM (SELECT 'oldest', text, id FROM claims "
    f"WHERE status IN {OPEN} ORDER BY created_at, id LIMIT 10) AS oldest "
    "UNION ALL SELECT * FROM (SELECT 'awaiting', text, id FROM claims "
    "WHERE status = 'in_review' ORDER BY created_at, id LIMIT 10) AS awaiting "
    "UNION ALL SELECT * FROM (SELECT 'unsupported', text, id FROM claims c "
    f"WHERE status IN {OPEN} AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id) "
    "ORDER BY created_at, id LIMIT 10) AS unsupported "
    "UNION ALL SELECT * FROM (SELECT 'late', text, id FROM claims "
    f"WHERE status IN {OPEN} AND due < '{{today}}' ORDER BY due, id LIMIT 10) AS late "
    "UNION ALL SELECT * FROM (SELECT 'flagged', text, id FROM claims "
    "WHERE verdict_revision IS NOT NULL ORDER BY id LIMIT 10) AS flagged"
)
BOARD_SQL = (
    "SELECT 'status' AS k, status AS v, count(*) AS n FROM claims GROUP BY status "
    f"UNION ALL SELECT 'overdue', NULL, count(*) FROM claims WHERE status IN {OPEN} "
    "AND due < '{today}' "
    "UNION ALL SELECT * FROM (SELECT 'oldest', text, id FROM claims "
    "WHERE status = 'unverified' ORDER BY created_at, id LIMIT 10) AS oldest "
    "UNION ALL SELECT * FROM (SELECT 'late', text, id FROM claims "
    f"WHERE status IN {OPEN} AND due < '{{today}}' ORDER BY due, id LIMIT 10) AS late"
)


def cases(size: str) -> tuple[Case, ...]:
    """The commands measured; the document and the claim shown sit in the middle of the desk."""
    claims, _ = desk.SIZES[size]
    doc_id = max(1, claims // desk.CLAIMS_PER_DOCUMENT // 2)
    show_id = claims // 2 + 17
    return (
        Case("help", ("--help",), sql="SELECT 1"),
        listing("list --status unverified", "--status unverified", "status = 'unverified'"),
        listing(
            "list --open --sort updated",
            "--open --sort updated",
            f"status IN {OPEN}",
            order="updated_at DESC, id",
        ),
        listing("list --doc", f"--doc {doc_id}", f"document_id = {doc_id}", limit=None),
        listing("list --speaker", "--speaker 刘慈欣", "speaker = '刘慈欣'"),
        listing("list --type", "--type ranking", "type = 'ranking'"),
        listing("list --assignee", "--assignee 李明", "assignee = '李明'"),
        listing("list --unassigned", "--unassigned", "assignee IS NULL"),
        listing(
            "list --tag", "--tag 估值", "id IN (SELECT claim_id FROM claim_tags WHERE tag = '估值')"
        ),
        listing(
            "list --priority --sort due",
            "--priority high --sort due",
            "priority = 'high'",
            order="due IS NULL, due, id",
        ),
        listing(
            "list --overdue --sort due",
            "--overdue --sort due",
            f"due < '{{today}}' AND status IN {OPEN}",
            order="due IS NULL, due, id",
        ),
        listing("list --updated-since", "--updated-since 2026-11-01", "updated_at >= '2026-11-01'"),
        listing(
            "list --no-evidence",
            "--no-evidence",
            "NOT EXISTS (SELECT 1 FROM evidence WHERE evidence.claim_id = claims.id)",
        ),
        listing(
            "list --sort priority",
            "--sort priority",
            "1 = 1",
            order="CASE priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 WHEN 'low' THEN 2 "
            "ELSE 3 END, id",
        ),
        listing("list --sort created", "--sort created", "1 = 1", order="created_at, id"),
        search("list --search 估值 (2 chars)", "估值", like("估值")),
        search("list --search 数据中心", "数据中心", fts("数据中心")),
        search("list --search revenue", "revenue", fts("revenue")),
        # Across forms: an IME's full-width comma for the text's ASCII one (20,000 claims hold
        # 报道,), full-width letters, an ASCII quote mark for the text's curly one, and a term
        # too short for trigrams (#4: both characters have full-width forms; ai: and case).
        search("list --search 报道，", "报道，", fts("报道,"), "报道,"),
        search("list --search ｒｅｖｅｎｕｅ", "ｒｅｖｅｎｕｅ", fts("revenue"), "revenue"),
        search('list --search "MiniMax', '"MiniMax', fts("“MiniMax"), "“MiniMax"),
        search("list --search #4 (2 chars)", "#4", like("#4")),
        search("list --search ai (2 chars)", "ai", like("ai")),
        Case(
            "claim show",
            ("claim", "show", str(show_id)),
            sql=show_sql(show_id),
            pg_sql=show_pg_sql(show_id),
        ),
        Case("stats", ("stats",), sql=STATS_SQL),
        # who did what in the desk's last month (REFERENCE_END is 2026-11-30): the board and one
        # aggregate of the trail's events by actor and action
        Case(
            "stats --since (a month)",
            ("stats", "--since", "2026-11-01"),
            sql=STATS_SQL + " UNION ALL SELECT * FROM (SELECT actor, action, count(*) FROM events "
            "WHERE at >= '2026-11-01T00:00:00.000000Z' GROUP BY actor, action) AS activity",
        ),
        Case("demo (board)", ("demo",), sql=BOARD_SQL),
    )


# The PostgreSQL floor: Python, the read paths' driver (psycopg2), one connection, the
# statement, the rows printed.
PSYCOPG_FLOOR = (
    "import sys, psycopg2\n"
    "conn = psycopg2.connect(sys.argv[1])\n"
    "cur = conn.cursor()\n"
    "cur.execute(sys.argv[2])\n"
    "for row in cur:\n"
    "    print(row)\n"
)


def best(cmd: Sequence[str], env: dict[str, str], repeat: int) -> Run:
    runs = [run(cmd, env) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(
        seconds=fastest.seconds,
        cpu=min(r.cpu for r in runs),
        peak_mb=max(r.peak_mb for r in runs),
        out_bytes=fastest.out_bytes,
    )


@dataclass
class Row:
    backend: str
    name: str
    ours: Run
    base: Run
    base_name: str
    raw: Run | None

    @property
    def ratio(self) -> float:
        return self.ours.seconds / self.base.seconds


def baseline_commands(
    case: Case, backend: str, target: str
) -> tuple[str, list[str], list[str] | None]:
    """(name, the baseline the target is measured against, a second raw one or None)."""
    if backend == "postgresql":
        sql = case.statement(backend)
        if case.name == "help":
            return "psql --help", ["psql", "--help"], None
        floor = [sys.executable, "-c", PSYCOPG_FLOOR, target, sql]
        return "psql", ["psql", target, "-X", "-q", "-A", "-c", sql], floor
    raw = ["sqlite3", "-json", target, case.statement(backend)]
    if case.name == "help":
        return "sqlite-utils --help", [str(BIN / "sqlite-utils"), "--help"], None
    if case.where is not None:
        cmd = [str(BIN / "sqlite-utils"), "rows", target, "claims", "--where"]
        cmd += [case.where.format(today=TODAY), "--order", case.order]
        if case.limit is not None:
            cmd += ["--limit", str(case.limit)]
        return "sqlite-utils rows", cmd, raw
    return (
        "sqlite-utils query",
        [str(BIN / "sqlite-utils"), "query", target, case.statement(backend)],
        raw,
    )


def measure(
    backend: str, target: str, size: str, repeat: int, only: Sequence[str], json_output: bool
) -> list[Row]:
    env = dict(os.environ, WORKBENCH_DB=target, WORKBENCH_USER="bench", NO_COLOR="1")
    wb = str(BIN / "workbench")
    chosen = [c for c in cases(size) if not only or any(o in c.name for o in only)]
    if any(c.args[0] == "demo" for c in chosen):
        # The demo loads the seed article once (a write); measured afterwards, it only reads.
        # Left out (--only without it), the desk is only read.
        run([wb, "demo"], env)
    rows: list[Row] = []
    for case in chosen:
        args = list(case.args)
        if json_output and case.name != "help":
            args.append("--json")
        base_name, base_cmd, raw_cmd = baseline_commands(case, backend, target)
        # Interleaved, so that a busy spell hits both sides alike.
        ours = best([wb, *args], env, repeat)
        base = best(base_cmd, env, repeat)
        raw = best(raw_cmd, env, repeat) if raw_cmd else None
        row = Row(backend, case.name, ours, base, base_name, raw)
        rows.append(row)
        print(format_row(row), flush=True)
    return rows


HEADER = (
    "| backend | command | seconds | CPU s | peak MB | baseline | baseline s | baseline CPU s "
    "| baseline MB | ratio | CPU ratio | raw s | raw CPU s |\n"
    "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
)


def format_row(r: Row) -> str:
    raw = f"{r.raw.seconds:.3f} | {r.raw.cpu:.3f}" if r.raw else "- | -"
    return (
        f"| {r.backend} | `{r.name}` | {r.ours.seconds:.3f} | {r.ours.cpu:.3f} | "
        f"{r.ours.peak_mb:.0f} | {r.base_name} | {r.base.seconds:.3f} | {r.base.cpu:.3f} | "
        f"{r.base.peak_mb:.0f} | {r.ratio:.2f}x | {r.ours.cpu / r.base.cpu:.2f}x | {raw} |"
    )


RAW_NOTE = (
    "The raw columns: on SQLite the `sqlite3` shell running the same SQL; on PostgreSQL the "
    "floor of a Python command, a process that only imports psycopg2, connects and runs the "
    "same SQL, printing the rows."
)


def write_docs(text: str) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    doc = path.read_text(encoding="utf-8")
    start, end = "<!-- desk:start -->", "<!-- desk:end -->"
    block = f"{start}\n{text}\n{end}"
    if start in doc:
        doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _m: block, doc, flags=re.S)
    else:
        doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")


def ensure_desk(target: str, size: str) -> str:
    """The database for `size`, generated when missing (the generation is timed and reported)."""
    is_pg = target.startswith("postgres")
    if is_pg:
        import psycopg

        with psycopg.connect(target) as conn:
            exists = conn.execute("SELECT to_regclass('claims') IS NOT NULL").fetchone()
        if exists and exists[0]:
            return ""
    elif Path(target).exists():
        return ""
    # In a process of its own: a child's ru_maxrss starts from its parent's resident set at the
    # fork, so a parent that had built the desk itself would inflate every figure measured after.
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        built = pool.submit(desk.generate, target, size).result()
    line = (
        f"generated the {size} desk ({built['claims']:,} claims, {built['events']:,} events, "
        f"{built['notes']:,} notes, {built['evidence']:,} evidence) in {built['seconds']:.0f} s"
    )
    print(line, flush=True)
    return line


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--size", choices=sorted(desk.SIZES), default="year")
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    ap.add_argument("--db", help="SQLite file (default: bench-desk-SIZE.db in the temp folder)")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL"),
        help="PostgreSQL database of its own (required with --backend postgresql or both; "
        "default $BENCH_PG_URL): the desk goes into its default schema",
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="*", default=(), help="cases whose name contains any of these")
    ap.add_argument("--table-output", action="store_true", help="measure tables, not --json")
    ap.add_argument(
        "--write-docs", action="store_true", help="rewrite docs/benchmarks.md's desk part"
    )
    args = ap.parse_args(argv)
    if args.backend in ("postgresql", "both") and not args.pg_url:
        # No default database: it once was the test server's `test`, whose default schema then
        # held a 100,000-claim desk (perf258), which a test expecting an empty one then met.
        ap.error("--backend postgresql needs --pg-url URL (or BENCH_PG_URL): a database of its own")
    for tool in ("sqlite-utils",):
        if not (BIN / tool).exists() and not shutil.which(tool):
            raise SystemExit(f"{tool} is needed for the baseline: pip install -e '.[dev]'")
    notes: list[str] = []
    rows: list[Row] = []
    print(HEADER)
    if args.backend in ("sqlite", "both"):
        target = args.db or str(Path(tempfile.gettempdir()) / f"bench-desk-{args.size}.db")
        notes.append(ensure_desk(target, args.size))
        rows += measure("sqlite", target, args.size, args.repeat, args.only, not args.table_output)
    if args.backend in ("postgresql", "both"):
        notes.append(ensure_desk(args.pg_url, args.size))
        rows += measure(
            "postgresql", args.pg_url, args.size, args.repeat, args.only, not args.table_output
        )
    summary = conditions()
    print(summary)
    print(RAW_NOTE)
    if args.write_docs:
        body = "\n".join([HEADER, *(format_row(r) for r in rows)])
        extra = "\n".join(f"- {n}" for n in notes if n)
        write_docs(
            f"### Results ({args.size} size, best of {args.repeat})\n\n{body}\n\n"
            f"{RAW_NOTE}\n\n{summary}.\n{extra}".rstrip()
        )


if __name__ == "__main__":
    main()
