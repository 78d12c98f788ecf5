"""Exports at a year's scale: written as the rows stream, not gathered first (review66)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from workbench.exports import table_json


def _rows(n: int) -> list[dict[str, Any]]:
    return [
        {"id": i, "quote": f"估值达到{i}亿美元，\n“引号”", "tags": "ai;估值", "due": None}
        for i in range(1, n + 1)
    ]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_claims_json_is_the_same_bytes_as_one_dump(n: int) -> None:
    """`export claims --format json` built the whole list and one string of it (153 MB peak
    at 20,000 claims); written row by row, its bytes are still those of the one dump."""
    rows = _rows(n)
    out = io.StringIO()
    assert table_json.write(iter(rows), out) == n
    assert out.getvalue() == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def test_claims_json_writes_each_row_before_reading_the_next() -> None:
    """The JSON table writer listed every row before writing any (`list(rows)`): memory grew
    with the desk. Each row is now on its way out before the next is read."""
    out = io.StringIO()
    seen: list[int] = []

    def rows() -> Iterator[dict[str, Any]]:
        for row in _rows(4):
            if seen:
                assert f'"id": {seen[-1]},' in out.getvalue()
            seen.append(row["id"])
            yield row

    assert table_json.write(rows(), out) == 4
