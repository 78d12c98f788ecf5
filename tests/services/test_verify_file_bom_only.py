"""review191: since trial185 `audit verify --file` reads past a byte order mark opening the file,
as past spacing. An export cut to nothing and saved by an editor that writes the mark (Notepad,
some Chinese editors) holds the mark alone: it was told "line 1: the first line is not a scope
line ... (export it again)", with "0 events before it hold", where the same file saved without
the mark is told it is empty ("cut to nothing"). The mark is no line: the file is empty."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from workbench.services.verify import verify_file


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b"\xef\xbb\xbf\n\n"])
def test_a_file_of_a_byte_order_mark_alone_is_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "trail.jsonl"
    path.write_bytes(data)
    report = verify_file(str(path))
    assert not report.ok
    assert report.broken is not None
    assert report.broken.problems[0].startswith("the file is empty"), report.to_json()


def test_audit_verify_says_the_file_is_empty(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "trail.jsonl"
    path.write_bytes(b"\xef\xbb\xbf\r\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1, r.out + r.err
    assert "the file is empty" in r.out + r.err
    assert "not a scope line" not in r.out + r.err
