"""trial251: a desk upgraded after months on an older workbench ran `audit verify --file` on the
trail it had exported then (and verified then) and read "BROKEN: line 1: the first line is not a
scope line ... (export it again)", as if the file had been cut or forged. An export written
before exports had a scope line starts with event 1; one written before the hash chain has no
hashes at all. Either is still refused as a file (a scope line removed looks the same), but it
is said for what it is, with the check that does hold: the upgraded database must still contain
the file's last event (`audit verify --head HASH --count SEQ`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.services.test_verify_file import full_export, trail, write
from workbench.services.context import Workbench
from workbench.services.verify import verify_file

__all__ = ["trail"]


def test_an_export_older_than_the_scope_line_is_named(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, _ = trail
    events = full_export(wb)[1:]
    report = verify_file(write(tmp_path, events))
    assert report.broken is not None
    said = report.broken.message()
    assert "not a scope line" in said
    assert "older workbench" in said
    assert "audit verify --head" in said and "--count" in said
    assert "export it again" not in said


def test_an_export_older_than_the_hash_chain_is_named(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, _ = trail
    unhashed = []
    for line in full_export(wb)[1:]:
        record: dict[str, Any] = json.loads(line)
        del record["hash"], record["prev_hash"]
        unhashed.append(json.dumps(record, ensure_ascii=False))
    report = verify_file(write(tmp_path, unhashed))
    assert report.broken is not None
    said = report.broken.message()
    assert "no hash" in said and "older workbench" in said
    assert "export it again" not in said


def test_the_check_named_is_not_said_to_verify_the_file(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    """rr266: "that the database still holds it is: `audit verify --head HASH --count SEQ`"
    read as the file checked against the database; the check finds the last line's event in
    the database and reads none of the file's other lines (one of them edited, it says OK).
    And an export with no hashes came from a workbench whose exports carried none: its
    database may have had the chain (exports gave hashes well after it), so not "from before
    the hash chain"."""
    wb, _ = trail
    events = full_export(wb)[1:]
    said = verify_file(write(tmp_path, events)).broken.message()  # type: ignore[union-attr]
    assert "database still holds it is" not in said
    assert "its last event" in said and "other lines are not checked" in said
    unhashed = []
    for line in events:
        record: dict[str, Any] = json.loads(line)
        del record["hash"], record["prev_hash"]
        unhashed.append(json.dumps(record, ensure_ascii=False))
    said = verify_file(write(tmp_path, unhashed)).broken.message()  # type: ignore[union-attr]
    assert "before the hash chain" not in said
    assert "exports carried no hashes" in said
