"""A restored row's text held to its column's width, as the desk's own writes are.

SQLite keeps a value of any length in a VARCHAR(N); PostgreSQL refuses one over N. A desk of an
older release on SQLite may hold such a value (a title within the limit as typed but longer in
NFC, the form stored, before check_text measured that form: review nfclimits): restored, SQLite
took it over-long again and PostgreSQL refused the bundle with a database error naming no row.
Asked here of every row before it is written, it is refused alike on both, naming the row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Table

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import said


@dataclass(frozen=True, slots=True)
class Widths:
    table: str
    keys: tuple[str, ...]
    widths: tuple[tuple[str, int], ...]  # (column, the most characters it holds)

    def check(self, row: Mapping[str, Any]) -> None:
        """InvalidInput naming the row and its first value longer than its column holds."""
        for column, width in self.widths:
            value = row.get(column)
            if isinstance(value, str) and len(value) > width:
                raise InvalidInput(
                    f"the bundle's {self.table} {self._which(row)}: its {column} is "
                    f"{len(value):,} characters; the limit is {width:,} (the column's); "
                    "nothing was imported"
                )

    def _which(self, row: Mapping[str, Any]) -> str:
        if self.keys == ("id",):
            return f"row #{row.get('id')}"
        return "row " + ", ".join(f"{key} {said(str(row.get(key)))!r}" for key in self.keys)


def widths_of(table: Table) -> Widths:
    return Widths(
        table.name,
        tuple(c.name for c in table.primary_key.columns),
        tuple(
            (c.name, c.type.length)
            for c in table.columns
            if isinstance(c.type, String) and c.type.length is not None
        ),
    )
