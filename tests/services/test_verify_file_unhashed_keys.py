"""bundle: an exported line may hold a key beside an event's fields that no event has
(`"approved_by":"maria"`, `"status":"verified"`, or `"ﬁle"`, a ligature no field name is). The
recipe hashes the event's fields alone, so the hash matched and `audit verify --file` said OK,
while a reader of the line (a script, a person) sees a value the event never recorded: the
forged-looking line a repeated key makes (trial185), by another way. An export writes the
event's fields and nothing else: such a line is refused, naming it and the key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.services.test_verify_file_workflow_rules import approval_seq, signed_off_desk, write
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def _added(lines: list[str], key: str, value: object) -> tuple[list[str], int]:
    """The approval's line with `key` put first: the same hash by the recipe. Returns the lines
    and the line number (from 1)."""
    seq = approval_seq(lines)
    index = next(i for i, line in enumerate(lines) if json.loads(line).get("seq") == seq)
    lines = list(lines)
    lines[index] = "{" + json.dumps(key) + ":" + json.dumps(value) + "," + lines[index][1:]
    return lines, index + 1


@pytest.mark.parametrize(
    ("key", "value"),
    [("approved_by", "maria"), ("status", "verified"), ("ﬁle", "x"), ("machine ", "laptop")],
)
def test_a_key_no_event_has_is_refused(
    wb: Workbench, tmp_path: Path, key: str, value: object
) -> None:
    signed_off_desk(wb)
    lines, number = _added(export_text(wb, "jsonl").splitlines(), key, value)
    report = verify_file(write(tmp_path, lines))
    assert not report.ok
    assert report.broken is not None
    (problem,) = report.broken.problems
    assert f"line {number}:" in problem and repr(key) in problem, problem


def test_audit_verify_says_which_key(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    """What the outsider sees: BROKEN, the line and the key, exit 1, no traceback."""
    signed_off_desk(wb)
    lines, number = _added(export_text(wb, "jsonl").splitlines(), "approved_by", "maria")
    r = cli("audit", "verify", "--file", write(tmp_path, lines))
    assert r.code == 1, r.out + r.err
    assert f"line {number}:" in r.out and "'approved_by'" in r.out, r.out + r.err
    assert "Traceback" not in r.err
