"""SQLite's search index (the FTS5 table claim_fts) held against the tables it is derived from,
and rebuilt from them.

`claim list --search` answers from claim_fts on SQLite. No event describes it (it is derived
from the claims, notes and evidence titles by triggers), so the chain cannot vouch for it: a row
deleted there by SQL hid its claim from every search while verify and replay said nothing
(review57). `audit replay` now compares it with the tables (`problems`), and `workbench db
upgrade` rebuilds it when it is out of step (`rebuild`). PostgreSQL has no such table: its
search reads the tables themselves (through pg_trgm indexes), so there is nothing to compare.
"""

# Statements are built from this package's own text (table names, workbench.db.sqlite's
# SEARCH_ROWS); no value from outside goes into them.
# ruff: noqa: S608
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from workbench.db import sqlite

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workbench.services.context import Tx, Workbench

# How to put the index right, as a difference says it.
REBUILD = "`workbench db upgrade` rebuilds it from the tables"
_WHAT = {"claim": "text and quote", "note": "note", "evidence": "evidence title"}


def _applies(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def _table_exists(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (sqlite.SEARCH_INDEX,)
    ).first()
    return found is not None


def _missing_triggers(conn: Connection) -> list[str]:
    present = sqlite.existing_triggers(conn)
    return [name for name in sqlite.SEARCH_TRIGGERS if name not in present]


def problems(tx: Tx) -> Iterator[str]:
    """How the search index differs from what the tables give it (SQLite; nothing on
    PostgreSQL): its table or a trigger that keeps it in step gone, a claim's text, a note or
    an evidence title missing from it or changed there, or rows there the tables do not hold
    (a row twice too). Rows are compared whole: rowid, claim, kind and text (a row at another
    rowid than its own is one the triggers would not find to replace)."""
    conn = tx.session.connection()
    if not _applies(conn):
        return
    if not _table_exists(conn):
        yield f"search index: the table {sqlite.SEARCH_INDEX} is gone, so search fails; {REBUILD}"
        return
    for name in _missing_triggers(conn):
        yield (
            f"search index: its trigger {name} is gone, so later changes do not reach it; {REBUILD}"
        )
    # Each derived row counts +1, each index row -1, grouped by the whole row: what does not
    # add up to 0 is missing from the index (> 0) or held there over (< 0), duplicates too. One
    # sort of both sides in SQLite: 1.5 s for 125,000 rows (20,000 claims), where two EXCEPTs
    # took 4.6 s; a replay of that desk takes some 20 s.
    compared = (
        "SELECT claim_id, kind, sum(side) FROM ("
        f"SELECT slot, claim_id, kind, body, 1 AS side FROM ({sqlite.SEARCH_ROWS}) UNION ALL "
        f"SELECT rowid, claim_id, kind, body, -1 FROM {sqlite.SEARCH_INDEX}"
        ") GROUP BY slot, claim_id, kind, body HAVING sum(side) != 0 ORDER BY 1, 2"
    )
    for claim_id, kind, count in conn.exec_driver_sql(compared):
        if count > 0:
            what = _WHAT.get(str(kind), str(kind))
            yield (
                f"search index: lacks claim #{claim_id}'s {what} as the tables hold it, so "
                f"searches for its words do not find the claim; {REBUILD}"
            )
        else:
            yield (
                f"search index: holds a {kind} row for claim #{claim_id} that the tables do "
                f"not, so searches may find the claim by words it does not hold; {REBUILD}"
            )


def rebuild(wb: Workbench) -> bool:
    """Rebuild SQLite's search index from the tables (and restore a trigger of its that is
    gone) when `problems` finds it out of step; whether it did. Derived data only: it records
    no event (nothing anybody did changes), and takes the write lock as any write does."""
    from workbench.db.backend import module_for_url
    from workbench.services.context import transaction

    if module_for_url(wb.url) is not sqlite:
        return False
    with transaction(wb, write=True, derived=True) as tx:
        if not any(True for _ in problems(tx)):
            return False
        conn = tx.session.connection()
        conn.exec_driver_sql(sqlite.SEARCH_INDEX_DDL)
        for name in _missing_triggers(conn):
            conn.exec_driver_sql(sqlite.SEARCH_TRIGGERS[name])
        conn.exec_driver_sql(f"DELETE FROM {sqlite.SEARCH_INDEX}")
        conn.exec_driver_sql(
            f"INSERT INTO {sqlite.SEARCH_INDEX}(rowid, claim_id, kind, body) {sqlite.SEARCH_ROWS}"
        )
        return True
