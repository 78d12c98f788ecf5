"""The audit export's fields are the chain recipe's hashed fields and the hash, no more and
no fewer: `audit verify --file` accepts exactly the export's fields on a line (verify's
_LINE_KEYS is EXPORT_FIELDS) and refuses any other key as one the hash does not cover, so a
field added to the export and not to the recipe would be shown unverified (cleanup)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_in_process
from workbench.domain.chain import HASHED_FIELDS, OPTIONAL_HASHED_FIELDS
from workbench.services.audit import EXPORT_FIELDS


def test_the_export_writes_the_hashed_fields_and_the_hash() -> None:
    assert len(set(EXPORT_FIELDS)) == len(EXPORT_FIELDS)
    assert set(EXPORT_FIELDS) == {*HASHED_FIELDS, *OPTIONAL_HASHED_FIELDS, "hash"}


def test_a_line_of_the_export_is_verified_and_one_more_key_refused(tmp_path: Path) -> None:
    desk = str(tmp_path / "desk.db")
    (tmp_path / "a.txt").write_text("Crime fell by half in 2024.\n", encoding="utf-8")
    assert run_in_process(["--db", desk, "doc", "add", str(tmp_path / "a.txt")]).code == 0
    trail = tmp_path / "trail.jsonl"
    done = run_in_process(["--db", desk, "audit", "export", "--format", "jsonl", "-o", str(trail)])
    assert done.code == 0, done
    lines = trail.read_text(encoding="utf-8").splitlines()
    assert "export" in json.loads(lines[0])  # the scope line; the events follow
    assert {key for line in lines[1:] for key in json.loads(line)} == set(EXPORT_FIELDS)
    assert run_in_process(["--db", desk, "audit", "verify", "--file", str(trail)]).code == 0
    record = json.loads(lines[-1])
    record["note"] = "x"
    lines[-1] = json.dumps(record, ensure_ascii=False)
    trail.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused = run_in_process(["--db", desk, "audit", "verify", "--file", str(trail)])
    assert refused.code == 1 and "holds 'note', no field of an event" in refused.out, refused
