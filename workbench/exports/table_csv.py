"""The claims table as CSV (`export claims --format csv`): `import claims` reads it back."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from workbench.exports.cells import csv_cell, write_sheet
from workbench.exports.claims_table import COLUMNS, flat


def write(rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool = False) -> int:
    return write_sheet(out, COLUMNS, ([csv_cell(v) for v in flat(row)] for row in rows), bom=bom)
