"""A SQLite desk damaged as a failing disk or a torn write leaves it: one page of the file
overwritten with zeros (trial96 zeroed the claims table's root page of a seeded desk)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def zero_page(path: Path, page: int) -> None:
    """Zeros over page `page` (from 1) of the SQLite file at `path`, its WAL checkpointed into
    the file first, so that what SQLite reads next is the damaged page."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\0" * size)


def zero_root_page(path: Path, table: str) -> int:
    """Zeros over `table`'s root page (sqlite_master.rootpage); returns the page's number."""
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
    zero_page(path, int(root))
    return int(root)
