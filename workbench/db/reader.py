"""One read-only transaction on the database driver itself (sqlite3, psycopg): no SQLAlchemy.

The read commands (`claim list`, `claim show`, `stats`, the board) run their statements
(workbench.db.sql) through a Reader: it speaks the driver's placeholder, converts parameters
and result values as the engine's column types do (workbench.db.types), streams long results a
page at a time, and never commits. Connection set-up is the backend module's (the same pragmas
and `lower()` as the engine's connections on SQLite; the URL's options on PostgreSQL).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Generator, Sequence
from functools import cache
from types import ModuleType
from typing import Any, NamedTuple

from workbench.db.sql import Select, Sql
from workbench.db.tables import Kind


class Reader:
    """A driver connection inside one read transaction. Rows are named tuples of the
    statement's column names, with timestamps and dates as the engine would give them."""

    def __init__(self, conn: Any, module: ModuleType) -> None:
        self.conn = conn
        self.module = module
        self.dialect: str = module.NAME
        # What this connection's driver raises, from the connection itself (DB-API 2.0's
        # optional extension, which sqlite3, psycopg2 and psycopg 3 all have): a Reader on the
        # engine's connection (psycopg 3, `Tx.reading`) and one on the read paths' own
        # (psycopg2) each know their own driver's errors, and no caller has to say which.
        self.error: type[Exception] = conn.Error
        self.operational_error: type[Exception] = conn.OperationalError
        # The page streams begun and not yet run out (weakly: one let go was closed then).
        self._streams: weakref.WeakSet[Generator[list[Any], None, None]] = weakref.WeakSet()

    def _execute(self, sql: Sql, cursor: Any = None) -> Any:
        cur = cursor if cursor is not None else self.conn.cursor()
        bind = self.module.bind
        cur.execute(self.module.statement(sql.text), tuple(bind(p) for p in sql.params))
        return cur

    def raw(self, sql: Sql) -> list[tuple[Any, ...]]:
        """The driver's own rows of any statement (catalogue questions, query plans)."""
        return list(self._execute(sql).fetchall())

    def rows(self, query: Select) -> list[Any]:
        convert = self._converter(query)
        return [convert(r) for r in self._execute(query.sql(self.module.NO_LIMIT)).fetchall()]

    def first(self, query: Select) -> Any | None:
        found = self.rows(query.paged(1, query.offset) if query.limit is None else query)
        return found[0] if found else None

    def scalar(self, query: Select) -> Any:
        row = self._execute(query.sql(self.module.NO_LIMIT)).fetchone()
        return None if row is None else row[0]

    def pages(self, query: Select, size: int) -> Generator[list[Any], None, None]:
        """The rows `size` at a time, held a page at a time: SQLite's cursor steps through the
        result; on PostgreSQL a server-side cursor does (a client one would fetch it all). A
        stream not run out is closed with the reader (`close`), before its connection."""
        stream = self._pages(query, size)
        self._streams.add(stream)
        return stream

    def end_streams(self) -> None:
        """Close the page streams still open, their cursors with them, while the connection
        is: one left to be collected later (a caller holding it by name, stopped partway by a
        full disk, Ctrl-C or a refusal) closed its SQLite cursor on a closed connection, and
        Python printed that error beneath the command's one line (rG)."""
        for stream in list(self._streams):
            stream.close()

    def _pages(self, query: Select, size: int) -> Generator[list[Any], None, None]:
        convert = self._converter(query)
        cursor = self.conn.cursor(name="pages") if self.dialect == "postgresql" else None
        cur = self._execute(query.sql(self.module.NO_LIMIT), cursor)
        try:
            while page := cur.fetchmany(size):
                yield [convert(r) for r in page]
        finally:
            cur.close()

    def _converter(self, query: Select) -> Callable[[Sequence[Any]], Any]:
        row_type = _row_type(query.names)
        readers = {
            Kind.DATETIME: self.module.read_datetime,
            Kind.DATE: self.module.read_date,
            Kind.BOOLEAN: bool,
        }
        special = [(i, readers[c.kind]) for i, c in enumerate(query.columns) if c.kind in readers]
        if not special:
            return lambda r: row_type._make(r)

        def convert(r: Sequence[Any]) -> Any:
            values = list(r)
            for i, read in special:
                values[i] = read(values[i])
            return row_type._make(values)

        return convert


@cache
def _row_type(names: tuple[str, ...]) -> type[NamedTuple]:
    from collections import namedtuple

    return namedtuple("Row", names)  # type: ignore[return-value]


def open_reader(url: str, module: ModuleType) -> Reader:
    """Connect and begin the read transaction (the caller closes it with `close`)."""
    conn = module.connect(url)
    try:
        module.begin_read(conn)
    except BaseException:
        conn.close()
        raise
    return Reader(conn, module)


def close(reader: Reader) -> None:
    """A read never commits: whatever happened, nothing it did is kept. Its streams are closed
    first, while the connection is open (Reader.end_streams)."""
    try:
        reader.end_streams()
    finally:
        _end(reader)


def _end(reader: Reader) -> None:
    if getattr(reader.conn, "closed", False):
        # psycopg2 closes a connection whose wait was stopped (Ctrl-C, postgresql's
        # _wait_stoppably): nothing is left to roll back, and trying would say so in the
        # stop's place.
        return
    try:
        reader.conn.rollback()
    finally:
        reader.conn.close()
