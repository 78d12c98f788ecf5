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


def rebuilt_keeping_the_work(
    wb: Workbench, path: Path, env: dict[str, str], head: object, words: str = "来源已核实"
) -> None:
    """`db upgrade` over a damaged search index rebuilds it and says why; the trail keeps its
    head (`head`: `chain_head` before the damage: derived data writes no event), FTS5's and
    SQLite's checks pass, verify and replay hold, search finds claim #1 by `words` (a note of
    its written before the damage) again, a write goes through, and a second upgrade has
    nothing to rebuild."""
    from tests.inprocess import ok, run_cli
    from workbench.services.chain_head import chain_head

    r = ok(run_cli(["db", "upgrade"], env=env))
    assert "rebuilt the search index from the claims, notes and evidence titles" in r.out, r.out
    assert "it was damaged" in r.out, r.out
    assert chain_head(wb) == head
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO claim_fts(claim_fts) VALUES('integrity-check')")
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    ok(run_cli(["audit", "verify"], env=env))
    assert "consistent" in ok(run_cli(["audit", "replay"], env=env)).out
    found = ok(run_cli(["claim", "list", "--search", words, "--json"], env=env)).out
    assert '"id": 1' in found, found
    ok(run_cli(["note", "add", "1", "再核实一次"], env=env))
    assert "rebuilt" not in ok(run_cli(["db", "upgrade"], env=env)).out
