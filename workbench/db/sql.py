"""SQL for the read paths as text and bound parameters: one spelling for SQLite and PostgreSQL.

The read commands (`claim list`, `claim show`, `stats`, the board) run on the database driver
itself, without SQLAlchemy, whose import alone costs more than a whole `sqlite-utils rows` run.
Their queries are built here from the tables of workbench.db.tables, once for both backends:

- every value is a bound parameter, written `?` in the text; the text itself is only ever this
  package's own (table and column names, keywords), never input. The reader turns `?` into the
  driver's placeholder (workbench.db.reader);
- what differs between the backends (a case-insensitive match, "no limit", the full-text
  index) is asked of the backend's module (workbench.db.sqlite, workbench.db.postgresql).
"""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
# ruff: noqa: S608
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from workbench.db.tables import Column, Kind, Table


@dataclass(frozen=True, slots=True)
class Sql:
    """A piece of SQL: text with `?` for each parameter, and the parameters in order."""

    text: str
    params: tuple[Any, ...] = ()

    def __add__(self, other: Sql | str) -> Sql:
        if isinstance(other, str):
            return Sql(self.text + other, self.params)
        return Sql(self.text + other.text, self.params + other.params)

    def __radd__(self, other: str) -> Sql:
        return Sql(other + self.text, self.params)


def param(value: Any) -> Sql:
    return Sql("?", (value,))


def join(separator: str, parts: Iterable[Sql | str]) -> Sql:
    out = Sql("")
    for i, part in enumerate(parts):
        out = out + (separator if i else "") + part
    return out


def eq(expression: Column | str, value: Any) -> Sql:
    """`expression = ?`"""
    return f"{expression} = " + param(value)


def in_(expression: Column | str, values: Sequence[Any]) -> Sql:
    """`expression IN (?, ...)`; with no values, a condition no row meets (as `IN ()` would
    mean, which neither backend accepts)."""
    if not values:
        return Sql("1 = 0")
    return Sql(f"{expression} IN ({', '.join('?' * len(values))})", tuple(values))


def in_query(expression: Column | str, query: Select | Sql) -> Sql:
    """`expression IN (subquery)`; a subquery is never paged (its LIMIT would need the
    backend's spelling)."""
    if isinstance(query, Select) and (query.limit is not None or query.offset):
        raise ValueError("a paged subquery")
    inner = query.sql() if isinstance(query, Select) else query
    return f"{expression} IN (" + inner + ")"


def case(expression: Column | str, whens: dict[str, int], otherwise: int) -> Sql:
    """`CASE expression WHEN ? THEN ? ... ELSE ? END`, in the mapping's order."""
    out = Sql(f"CASE {expression}")
    for when, then in whens.items():
        out = out + " WHEN " + param(when) + " THEN " + param(then)
    return out + " ELSE " + param(otherwise) + " END"


def count_star(name: str = "n") -> Column:
    return Column("count(*)", name, Kind.INTEGER)


def select(*columns: Column, source: Table | Sql | str) -> Select:
    return Select(columns, source if isinstance(source, Sql) else Sql(str(source)))


def select_all(table: Table) -> Select:
    """Every column of `table` (as workbench.db.tables lists them)."""
    return select(*table.c, source=table)


@dataclass(frozen=True, slots=True)
class Select:
    """SELECT columns FROM source [WHERE ... AND ...] [GROUP BY] [ORDER BY] [LIMIT/OFFSET].

    Immutable: each method returns a new statement, as the filters of `claim list` add up.
    `no_limit` is the backend's way of saying "no limit" before an OFFSET (SQLite needs a
    LIMIT there, -1; PostgreSQL takes OFFSET alone)."""

    columns: tuple[Column, ...]
    source: Sql
    conditions: tuple[Sql, ...] = ()
    group: tuple[Column, ...] = ()
    order: tuple[Sql, ...] = ()
    limit: int | None = None
    offset: int = 0

    def where(self, *conditions: Sql | str) -> Select:
        more = tuple(c if isinstance(c, Sql) else Sql(c) for c in conditions)
        return replace(self, conditions=self.conditions + more)

    def group_by(self, *columns: Column) -> Select:
        return replace(self, group=self.group + columns)

    def order_by(self, *terms: Sql | Column | str) -> Select:
        more = tuple(t if isinstance(t, Sql) else Sql(str(t)) for t in terms)
        return replace(self, order=self.order + more)

    def only(self, *columns: Column) -> Select:
        return replace(self, columns=columns)

    def paged(self, limit: int | None, offset: int = 0) -> Select:
        return replace(self, limit=limit, offset=offset)

    def count(self) -> Select:
        """How many rows this statement gives: count(*) over it as a subquery."""
        inner = replace(self, order=(), limit=None, offset=0)
        return Select((count_star(),), "(" + inner.sql() + ") AS matching")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def sql(self, no_limit: str = "-1") -> Sql:
        out = f"SELECT {', '.join(c.sql for c in self.columns)} FROM " + self.source
        if self.conditions:
            out = out + " WHERE " + join(" AND ", self.conditions)
        if self.group:
            out = out + f" GROUP BY {', '.join(c.sql for c in self.group)}"
        if self.order:
            out = out + " ORDER BY " + join(", ", self.order)
        if self.limit is not None:
            out = out + " LIMIT " + param(self.limit)
        if self.offset:
            out = out + ("" if self.limit is not None else f" LIMIT {no_limit}")
            out = out + " OFFSET " + param(self.offset)
        return out
