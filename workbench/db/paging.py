"""Reading a table of long values (events' payloads, documents' texts, archived files) holding
few of them at a time: never a batch of a fixed number of rows.

A batch of a fixed number of rows (`yield_per`) is the right bound for rows of a few hundred
bytes, and the wrong one for rows of 20 MB: a trail's five `document.added` events came in one
batch of 5,000, 90 MB of text at once, and more again in the copies the reader makes.

SQLite's cursor steps through a result as rows are asked for, so one statement read a row at a
time holds one row (`keyset_rows`). A PostgreSQL driver fetches a whole result, or a server-side
cursor's batch, of whatever size its rows are; there the rows are read in pages (`keyset_pages`):
a small query first reads the next keys and the size of each row's long value (a backend's
`byte_length`, which does not hand the value over), and the rows are then read up to the key
where the sizes add up to `budget` bytes: a page holds at most `rows` rows and at most `budget`
bytes of long values, or the one row whose value alone is larger.

Pages follow each other by key (keyset pagination: `key > last key read`), so each page is one
short indexed statement whatever the table's size. On PostgreSQL a transaction at READ
COMMITTED gives each statement its own snapshot: a caller that must read as of one moment
bounds its query by the key it saw first (the audit trail only grows), or reads in a
REPEATABLE READ transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import ColumnElement, Connection, Result, Row, Select
    from sqlalchemy.orm import QueryableAttribute

    # A select of any columns, and a column of a table or a mapped class.
    AnySelect: TypeAlias = Select[*tuple[Any, ...]]
    Column: TypeAlias = ColumnElement[Any] | QueryableAttribute[Any]

# Rows in a page: as the batches of `yield_per` they replace.
ROWS = 5000
# Bytes of long values in a page (one row whose value is larger is a page of its own).
BUDGET = 4 * 1024 * 1024


def keyset_rows(
    conn: Connection,
    query: AnySelect,
    key: Column,
    long_value: Column,
    *,
    through: Any = None,
) -> Iterator[Row[Any]]:
    """The rows of `query` in `key` order (a unique column of its table), up to key `through`
    when given, holding few at a time whatever the size of their `long_value`: one statement
    read a row at a time where the driver's cursor steps through a result as it is read
    (SQLite), else `keyset_pages`. `query` is as `keyset_pages` takes it."""
    from workbench.db.backend import reads_row_by_row

    if not reads_row_by_row(conn):
        # A page is let go before the next is read (chain drops an iterable it has finished).
        return chain.from_iterable(keyset_pages(conn, query, key, long_value, through=through))
    ordered = query.order_by(key) if through is None else query.where(key <= through).order_by(key)
    # No yield_per: SQLAlchemy then asks the driver for one row at a time.
    return _one_at_a_time(conn.execute(ordered))


def _one_at_a_time(result: Result[Any]) -> Iterator[Row[Any]]:
    """The result's rows, none of them held while the next is read (iterating the result
    itself would hold the last one: SQLAlchemy's own loop keeps it until the next arrives)."""
    fetch = result.fetchone
    while (row := fetch()) is not None:
        yield row
        del row


def keyset_pages(
    conn: Connection,
    query: AnySelect,
    key: Column,
    long_value: Column,
    *,
    rows: int | None = None,
    budget: int | None = None,
    through: Any = None,
) -> Iterator[Sequence[Row[Any]]]:
    """The rows of `query` in `key` order (a unique column of its table), a page at a time
    as the module says: at most `rows` rows (ROWS) and `budget` bytes (BUDGET) of
    `long_value`, the column whose values may be long, or a single row; with `through`, only
    the rows whose key is at most that. `query` is a select with any filter, and no order or
    limit of its own (nor a bound on `key`: SQLite ranges its search by the first bound it is
    given, and a page's own would then be read to the end of that range)."""
    from workbench.db.backend import byte_length

    rows = ROWS if rows is None else rows
    budget = BUDGET if budget is None else budget
    if rows < 1 or budget < 1:
        raise ValueError("a page holds at least one row")
    sizes = query.with_only_columns(key, byte_length(conn, long_value)).order_by(key).limit(rows)
    if through is not None:
        sizes = sizes.where(key <= through)
    ordered = query.order_by(key)
    after: Any = None
    while True:
        plan = conn.execute(sizes if after is None else sizes.where(key > after)).all()
        if not plan:
            return
        # The keys up to where the sizes add up to the budget (the first one whatever its size).
        last = plan[0][0]
        held = plan[0][1] or 0
        for at, size in plan[1:]:
            held += size or 0
            if held > budget:
                break
            last = at
        page = ordered.where(key <= last)
        yield conn.execute(page if after is None else page.where(key > after)).all()
        if len(plan) < rows and last == plan[-1][0]:
            return  # the plan reached the end of the rows: no need to ask for more
        after = last
