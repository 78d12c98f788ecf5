"""SQLite's search index (the FTS5 table claim_fts) held against the tables it is derived from,
and rebuilt from them.

`claim list --search` answers from claim_fts on SQLite. No event describes it (it is derived
from the claims, notes and evidence titles by triggers), so the chain cannot vouch for it: a row
deleted there by SQL hid its claim from every search while verify and replay said nothing
(review57). `audit replay` now compares it with the tables (`problems`), and `workbench db
upgrade` rebuilds it when it is out of step or FTS5 finds it damaged (`rebuild_index`).
PostgreSQL has no such table: its search reads the tables themselves (through pg_trgm
indexes), so there is nothing to compare.
"""

# Statements are built from this package's own text (table names, workbench.db.sqlite's
# SEARCH_ROWS); no value from outside goes into them.
# ruff: noqa: S608
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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
    return _exists(conn, sqlite.SEARCH_INDEX)


def _exists(conn: Connection, table: str) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
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


def damage(conn: Connection) -> str | None:
    """SQLite's words when FTS5's own check finds the search index damaged (its structure
    record unreadable, a segment or a row's tokens not what its text gives), None when it is
    sound or gone. `problems` compares the rows FTS5 hands back with the tables, which says
    nothing of the index a search reads (review105: a structure record overwritten by hand
    failed every write to claims or notes, while replay and `audit verify` said all was well).
    Takes the write lock, as any INSERT does: for a write."""
    from sqlalchemy.exc import DBAPIError

    from workbench.db.damage import index_error

    if not _table_exists(conn):
        return None
    try:
        conn.exec_driver_sql(sqlite.SEARCH_INDEX_CHECK)
    except DBAPIError as exc:
        # (SQLITE_ERROR too: its settings emptied, or one of its tables gone, review112)
        if index_error(exc.orig):
            return str(exc.orig)
        raise
    return None


# A new, empty index of claim_fts's own definition, in this connection's temp schema only.
_BLANK = "claim_fts_blank"


def _reset(conn: Connection) -> None:
    """Put the damaged index's own tables back as a new index's, so that FTS5 can open it
    again: a structure record it cannot read fails the table's constructor, and with it every
    statement on the table, its DROP and its 'rebuild' too. The tables are ordinary ones,
    written as any table is (SQLite's defensive mode, which would refuse it, is not on); the
    rows of a blank index made by this very SQLite stand in for any knowledge of their format.
    Then FTS5's 'rebuild' makes its in-memory structure anew (the connection may hold the
    damaged one). A table of the index's that is gone is made again as the blank's is: FTS5
    cannot open the index without it, nor drop it (review112)."""
    conn.exec_driver_sql(sqlite.search_index_ddl(f"temp.{_BLANK}"))
    for shadow in sqlite.SEARCH_INDEX_SHADOWS:
        table = f"{sqlite.SEARCH_INDEX}_{shadow}"
        if not _exists(conn, table):
            blank = f"{_BLANK}_{shadow}"
            ddl = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (blank,)
            ).scalar_one()
            conn.exec_driver_sql(str(ddl).replace(blank, table, 1))
        conn.exec_driver_sql(f"DELETE FROM {table}")
        conn.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM temp.{_BLANK}_{shadow}")
    conn.exec_driver_sql(f"DROP TABLE temp.{_BLANK}")
    conn.exec_driver_sql(sqlite.SEARCH_INDEX_REBUILD)


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """Whether `rebuild_index` rebuilt the index, and SQLite's words for the damage FTS5's check
    found in it, when that is why."""

    done: bool
    damage: str | None = None


def rebuild_index(wb: Workbench) -> Rebuilt:
    """Rebuild SQLite's search index from the tables (and restore a trigger of its that is
    gone) when FTS5's check finds it damaged (`damage`) or `problems` finds it out of step.
    Derived data only: it records no event (nothing anybody did changes), and takes the write
    lock as any write does; all of it in that one transaction."""
    from workbench.db.backend import module_for_url
    from workbench.services.context import transaction

    if module_for_url(wb.url) is not sqlite:
        return Rebuilt(False)
    with transaction(wb, write=True, derived=True) as tx:
        conn = tx.session.connection()
        damaged = damage(conn)
        if damaged is not None:
            _reset(conn)
        elif not any(True for _ in problems(tx)):
            return Rebuilt(False)
        conn.exec_driver_sql(sqlite.SEARCH_INDEX_DDL)
        for name in _missing_triggers(conn):
            conn.exec_driver_sql(sqlite.SEARCH_TRIGGERS[name])
        conn.exec_driver_sql(f"DELETE FROM {sqlite.SEARCH_INDEX}")
        conn.exec_driver_sql(
            f"INSERT INTO {sqlite.SEARCH_INDEX}(rowid, claim_id, kind, body) {sqlite.SEARCH_ROWS}"
        )
        return Rebuilt(True, damaged)


def rebuild(wb: Workbench) -> bool:
    """`rebuild_index`: whether it rebuilt the index."""
    return rebuild_index(wb).done
