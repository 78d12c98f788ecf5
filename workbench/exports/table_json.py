"""The claims table as JSON (`export claims --format json`), a list of row objects: the format
`workbench schema claims` describes and `import claims` reads back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def write(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Each row written as it comes (a year's desk is 100,000 of them), the bytes those of
    `json.dumps(list(rows), ensure_ascii=False, indent=2)`: a row's lines indented by two more
    spaces (its strings hold no raw line break: JSON escapes them)."""
    count = 0
    for row in rows:
        item = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if count == 0 else ",\n  ") + item)
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count
