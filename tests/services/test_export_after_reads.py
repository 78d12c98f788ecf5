"""An export after a head reads the trail from that head on, not from seq 1 (perf111).

The bug: at a year's scale (bench/desk.py --size year: 1,000,000 events, a 1.1 GB SQLite
file), `audit export --after-seq N` of the last 1,000 events read the events table whole once.
Its events were read from N by the primary key, but the scope line's count of the trail was
`count(*) ... WHERE seq <= <the newest seq>`, which SQLite answers by walking the table's own
rows (the pages that hold the payloads) from seq 1: 0.12 CPU s of the command's 0.68 on a warm
cache, most of the file read from disk on a cold one, for a 580 KB export. Every filtered
export (`--claim`, `--since`) paid it too.

The bound is there for PostgreSQL, whose statements at READ COMMITTED each see the trail as it
is then. A SQLite read transaction sees one snapshot throughout, so there the trail's count is
`count(*)` with no bound, which SQLite answers from its smallest index.

The check is the plan, not a clock: every statement the command sends is planned by SQLite
with the year desk's statistics (tests/services/test_query_plans.py's), and none may read the
events table itself from its first row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.services.test_query_plans import YEAR_SHAPE
from workbench.services.context import Workbench

Run = Callable[..., Any]


@pytest.fixture
def year_shaped(wb: Workbench) -> Workbench:
    if not wb.url.startswith("sqlite"):
        pytest.skip("the plans are SQLite's; on PostgreSQL the count scans the trail (FINDINGS)")
    with wb.engine().begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("DELETE FROM sqlite_stat1")
        for row in YEAR_SHAPE:
            conn.exec_driver_sql("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", row)
    return wb


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """Every statement a driver is sent meanwhile, with its parameters: through the engine,
    and on the driver itself (workbench.db.reader: the JSONL export after a head reads there
    since lean2)."""
    from workbench.db.reader import Reader

    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        statements.append((statement, parameters))

    executed = Reader._execute

    def on_the_driver(reader: Reader, sql: Any, cursor: Any = None) -> Any:
        params = tuple(reader.module.bind(p) for p in sql.params)
        statements.append((reader.module.statement(sql.text), params))
        return executed(reader, sql, cursor)

    monkeypatch.setattr(Reader, "_execute", on_the_driver)
    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def reads_events_from_the_start(wb: Workbench, statements: list[tuple[str, Any]]) -> list[str]:
    """The statements on the events table that SQLite plans as a walk of the table's rows
    from seq 1: a scan of the table, or a search of its rowid bounded above only. A walk from
    the newest event that stops at its first row (`ORDER BY seq DESC LIMIT`) is not one."""
    found = []
    raw = wb.engine().raw_connection()
    try:
        for statement, parameters in statements:
            text = " ".join(statement.split())
            if not text.startswith("SELECT") or " events" not in text:
                continue
            if "ORDER BY events.seq DESC LIMIT" in text:
                continue
            plan = [str(r[-1]) for r in raw.execute("EXPLAIN QUERY PLAN " + text, parameters)]
            for step in plan:
                whole = step == "SCAN events"
                from_first = step == "SEARCH events USING INTEGER PRIMARY KEY (rowid<?)"
                if whole or from_first:
                    found.append(f"{text} -> {step}")
    finally:
        raw.close()
    return found


def test_export_after_seq_reads_no_event_before_it(
    year_shaped: Workbench, cli: Run, sent: list[tuple[str, Any]], tmp_path: Path
) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    for n in range(6):
        assert cli("note", "add", "1", f"note {n}").code == 0
    sent.clear()
    out = tmp_path / "week.jsonl"
    result = cli("audit", "export", "--after-seq", "6", "-o", str(out))
    assert result.code == 0, result.err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 2  # the scope, seqs 7, 8
    assert sent, "the command's statements were not seen"
    assert reads_events_from_the_start(year_shaped, sent) == []


def test_the_check_sees_a_count_from_seq_one(year_shaped: Workbench) -> None:
    """The check itself: the bounded count that the export ran is reported."""
    statement = "SELECT count(*) AS count_1 FROM events WHERE events.seq <= ?"
    assert reads_events_from_the_start(year_shaped, [(statement, (8,))]) == [
        f"{statement} -> SEARCH events USING INTEGER PRIMARY KEY (rowid<?)"
    ]
