"""A SQLite desk damaged as a failing disk or a torn write leaves it: one page of the file
overwritten with zeros (trial96 zeroed the claims table's root page of a seeded desk)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document


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


def small_desk(wb: Workbench) -> tuple[Path, dict[str, str]]:
    """A SQLite desk of one document and one claim: its file, and the environment that points
    the CLI at it."""
    doc = add_document(wb, "MiniMax在2021年底创业。智谱在2019年成立。".encode()).document.id
    add_claim(wb, doc, "founded", SpanRequest(quote="2021年底"))
    path = Path(wb.url.removeprefix("sqlite:///"))
    return path, {"WORKBENCH_DB": str(path), "WORKBENCH_USER": "tester"}


# Records of the search index (the FTS5 table claim_fts) as review105 left them: its structure
# record (claim_fts_data id 10) overwritten with bytes FTS5 cannot read, so the table cannot be
# opened at all ("vtable constructor failed"), or emptied, so that the index reads as holding
# nothing and a write to it fails ("constraint failed"). The file's pages stay sound.
UNREADABLE_STRUCTURE = b"\xff" * 59
EMPTY_STRUCTURE = b""


def damage_search_index(path: Path, block: bytes = UNREADABLE_STRUCTURE) -> None:
    """Overwrite the search index's structure record with `block`, as SQL can, by hand."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE claim_fts_data SET block = ? WHERE id = 10", (block,))
        conn.commit()
