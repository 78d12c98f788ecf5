"""trial185: an export opened and saved again in an editor that starts a UTF-8 file with a byte
order mark (Notepad before Windows 10 1903, some Chinese editors) was refused by `audit verify
--file` as "the first line is not a scope line: ... export it again": the outsider had the
export as written, every line intact. The mark is no part of the JSON, as the spacing around it
is not: the file verifies as it did before it was saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.services.test_verify_file_workflow_rules import signed_off_desk
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def _saved_with_a_mark(wb: Workbench, tmp_path: Path) -> str:
    signed_off_desk(wb)
    path = tmp_path / "trail.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + export_text(wb, "jsonl").replace("\n", "\r\n").encode())
    return str(path)


def test_an_export_saved_with_a_byte_order_mark_verifies(wb: Workbench, tmp_path: Path) -> None:
    report = verify_file(_saved_with_a_mark(wb, tmp_path))
    assert report.ok, report.to_json()


def test_audit_verify_says_ok(cli: Callable[..., Result], wb: Workbench, tmp_path: Path) -> None:
    r = cli("audit", "verify", "--file", _saved_with_a_mark(wb, tmp_path))
    assert r.code == 0, r.out + r.err
    assert r.out.startswith("OK ")
