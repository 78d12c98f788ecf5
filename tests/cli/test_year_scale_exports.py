"""JSON exports at a year's scale (review66): `export annotations` and `export claimreview`
built the whole document as one string before writing it (515 MB peak for 20,000 claims'
annotations, 43 MB of output)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.cli import export as export_cli


def test_a_json_export_is_written_in_pieces_with_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`write_json` wrote `json.dumps(...)` of the whole collection in one write: the text, and
    the pieces joined into it, held at once beside the collection. It is now written as it is
    encoded, the bytes those of the one string."""
    value: dict[str, Any] = {
        "type": "AnnotationCollection",
        "items": [{"id": i, "text": f"估值达到{i}亿美元，“引号”\n"} for i in range(2000)],
    }
    writes: list[int] = []
    real = export_cli.output_file

    class Spy:
        def __init__(self, out: Any) -> None:
            self.out = out

        def write(self, text: str) -> int:
            writes.append(len(text))
            return int(self.out.write(text))

        def flush(self) -> None:
            self.out.flush()

    from contextlib import contextmanager

    @contextmanager
    def spying(*args: Any, **kwargs: Any) -> Any:
        with real(*args, **kwargs) as out:
            yield Spy(out)

    monkeypatch.setattr(export_cli, "output_file", spying)
    target = tmp_path / "a.json"
    export_cli.write_json(value, str(target), False)
    expected = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert target.read_text(encoding="utf-8") == expected
    assert max(writes) < len(expected) // 10, max(writes)
