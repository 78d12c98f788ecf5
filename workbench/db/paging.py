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

The rule is the same for the read paths on the driver itself (workbench.db.reader, no
SQLAlchemy): `driver_rows` reads their statements (workbench.db.sql) as `keyset_rows` reads
SQLAlchemy's, both through `_pages`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import ColumnElement, Connection, Result, Row, Select
    from sqlalchemy.orm import QueryableAttribute

    from workbench.db import sql, tables
    from workbench.db.reader import Reader

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

    sizes = query.with_only_columns(key, byte_length(conn, long_value)).order_by(key)
    if through is not None:
        sizes = sizes.where(key <= through)
    ordered = query.order_by(key)

    def plan(after: Any, limit: int) -> Sequence[tuple[Any, int | None]]:
        found = sizes.limit(limit) if after is None else sizes.where(key > after).limit(limit)
        return [(at, size) for at, size in conn.execute(found)]

    def page(after: Any, last: Any) -> Sequence[Row[Any]]:
        up_to = ordered.where(key <= last)
        return conn.execute(up_to if after is None else up_to.where(key > after)).all()

    return _pages(plan, page, rows, budget)


R = TypeVar("R")


def _pages(
    plan: Callable[[Any, int], Sequence[tuple[Any, int | None]]],
    page: Callable[[Any, Any], Sequence[R]],
    rows: int | None,
    budget: int | None,
    after: Any = None,
) -> Iterator[Sequence[R]]:
    """The pages as the module says, for either way of running statements: `plan(after, n)`
    is the next `n` keys after `after` (from the first with None) and the size of each row's
    long value, in key order; `page(after, last)` the rows whose keys are after `after` and at
    most `last`."""
    rows = ROWS if rows is None else rows
    budget = BUDGET if budget is None else budget
    if rows < 1 or budget < 1:
        raise ValueError("a page holds at least one row")
    while True:
        planned = plan(after, rows)
        if not planned:
            return
        # The keys up to where the sizes add up to the budget (the first one whatever its size).
        last = planned[0][0]
        held = planned[0][1] or 0
        for at, size in planned[1:]:
            held += size or 0
            if held > budget:
                break
            last = at
        yield page(after, last)
        if len(planned) < rows and last == planned[-1][0]:
            return  # the plan reached the end of the rows: no need to ask for more
        after = last


def driver_rows(
    reader: Reader,
    query: sql.Select,
    key: tables.Column,
    long_value: tables.Column,
    *,
    after: Any = None,
    through: Any = None,
) -> Iterator[Any]:
    """`keyset_rows` on the driver itself: the rows of `query` (a select with any filter and
    no order, limit or bound on `key` of its own) in `key` order, those after `after` and up
    to `through` when given, holding few at a time whatever the size of their `long_value`
    (a text column): one statement stepped through a row at a time where the driver does so
    (SQLite), else pages of at most ROWS rows and BUDGET bytes of `long_value`, or one row."""
    from workbench.db.sql import param
    from workbench.db.tables import Column as Named
    from workbench.db.tables import Kind

    def bounded(q: sql.Select, lower: Any, upper: Any) -> sql.Select:
        if lower is not None:
            q = q.where(f"{key} > " + param(lower))
        return q if upper is None else q.where(f"{key} <= " + param(upper))

    if reader.module.READS_ROW_BY_ROW:
        return chain.from_iterable(reader.pages(bounded(query, after, through).order_by(key), 1))
    size = Named(reader.module.byte_length_sql(str(long_value)), "size", Kind.INTEGER)
    sizes = bounded(query.only(key, size), None, through).order_by(key)

    def plan(start: Any, limit: int) -> Sequence[tuple[Any, int | None]]:
        return [(r[0], r[1]) for r in reader.rows(bounded(sizes, start, None).paged(limit))]

    def page(start: Any, last: Any) -> Sequence[Any]:
        return reader.rows(bounded(query, start, last).order_by(key))

    return chain.from_iterable(_pages(plan, page, None, None, after))
