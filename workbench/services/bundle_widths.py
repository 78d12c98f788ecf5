"""A restored row's text held to its column's width, as the desk's own writes are.

SQLite keeps a value of any length in a VARCHAR(N); PostgreSQL refuses one over N. A desk of an
older release on SQLite may hold such a value (a title within the limit as typed but longer in
NFC, the form stored, before check_text measured that form: review nfclimits): restored, SQLite
took it over-long again and PostgreSQL refused the bundle with a database error naming no row.
Asked here of every row before it is written, it is refused alike on both, naming the row.

One value SQLite is let keep: a registered name of up to MAX_NAME characters recorded as the
entity id of a user event (64 wide). An older release registered such names on SQLite, where
they still act (identity.MAX_REGISTERED_NAME), and the trail is never rewritten nor a name
renamed: refused there too, the desk's own bundle could be restored nowhere (review rlast)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Table

from workbench.domain.errors import InvalidInput
from workbench.domain.identity import MAX_NAME
from workbench.domain.limits import said


@dataclass(frozen=True, slots=True)
class Widths:
    table: str
    keys: tuple[str, ...]
    widths: tuple[tuple[str, int], ...]  # (column, the most characters it holds)
    # SQLite: a column's width is not held, so a legacy registered name fits (module doc).
    lenient: bool = False

    def check(self, row: Mapping[str, Any]) -> None:
        """InvalidInput naming the row and its first value longer than its column holds."""
        for column, width in self.widths:
            value = row.get(column)
            if isinstance(value, str) and len(value) > width:
                if self._registered_name(row, column):
                    if self.lenient and len(value) <= MAX_NAME:
                        continue
                    raise InvalidInput(
                        f"the bundle's {self.table} {self._which(row)}: its {column} is the "
                        f"registered name {said(value)!r}, {len(value):,} characters, which "
                        f"the desk's release took on SQLite; PostgreSQL holds {width:,} there: "
                        "restore the bundle into a SQLite file; nothing was imported"
                    )
                raise InvalidInput(
                    f"the bundle's {self.table} {self._which(row)}: its {column} is "
                    f"{len(value):,} characters; the limit is {width:,} (the column's); "
                    "nothing was imported"
                )

    def _registered_name(self, row: Mapping[str, Any], column: str) -> bool:
        return self.table == "events" and column == "entity_id" and row.get("entity_type") == "user"

    def _which(self, row: Mapping[str, Any]) -> str:
        if self.keys == ("id",):
            return f"row #{row.get('id')}"
        return "row " + ", ".join(f"{key} {said(str(row.get(key)))!r}" for key in self.keys)


def widths_of(table: Table, dialect: str) -> Widths:
    """`table`'s widths as the database of `dialect` holds them."""
    return Widths(
        table.name,
        tuple(c.name for c in table.primary_key.columns),
        tuple(
            (c.name, c.type.length)
            for c in table.columns
            if isinstance(c.type, String) and c.type.length is not None
        ),
        lenient=dialect == "sqlite",
    )
