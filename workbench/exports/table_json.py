"""The claims table as JSON (`export claims --format json`), a list of row objects: the format
`workbench schema claims` describes and `import claims` reads back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def write(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    items = list(rows)
    out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    return len(items)
