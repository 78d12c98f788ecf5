"""The claims table as CSV (`export claims --format csv`): `import claims` reads it back."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from workbench.exports.cells import BOM, csv_cell
from workbench.exports.claims_table import COLUMNS, flat


def write(rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool = False) -> int:
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(v) for v in flat(row)])
        count += 1
    return count
