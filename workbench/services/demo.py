"""`workbench demo`: the bundled seed loaded once, and the board, in as few transactions as can be.

Every run after the first finds the seed there: one read (the check and the board) on the
driver, with no ORM, Pydantic or write. A database not there yet is started by the load's
write, which reads the board in the same transaction. A database that exists without the seed
takes the read to find that out, then the write: two transactions, the first one short.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.defaults import BOARD_LIMIT
from workbench.domain.errors import NO_DESK, NotFound
from workbench.services.board import Board, board_of
from workbench.services.context import Workbench, mutation, reading, transaction
from workbench.services.seed_files import SeedResult, loaded_seed


@dataclass(frozen=True, slots=True)
class Demo:
    seed: SeedResult
    board: Board


@mutation
def demo_board(wb: Workbench, path: str | None = None, limit: int = BOARD_LIMIT) -> Demo:
    """The seed loaded (by the full loader when it is not there yet), and the board."""
    if wb.nothing_to_read() is None:  # else a read would refuse: the load starts the database
        try:
            with reading(wb) as conn:
                found = loaded_seed(wb, path, conn)
                if found is not None:
                    return Demo(found, board_of(conn, limit))
        except NotFound as refused:
            # A server's schema without the tables: a read refuses it, the load sets it up.
            if refused.reason != NO_DESK:
                raise
    from workbench.services.seeds import prepare_seed, store_seed

    prepared = prepare_seed(path)
    with transaction(wb, write=True) as tx:
        loaded = store_seed(tx, prepared)
        with tx.reading() as conn:
            return Demo(loaded, board_of(conn, limit))
