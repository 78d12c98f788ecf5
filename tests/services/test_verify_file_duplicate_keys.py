"""trial185: an exported line may name a key twice (`{"after":{"status":"verified", ...,
"status":"false", ...}}`): Python's parser keeps the last, so the hash matched and `audit
verify --file` said OK, while a reader that keeps the first (or a person reading the line)
sees a verdict the event never recorded. The recipe holds each key once, and no export writes
one twice: such a line is refused, naming it and the key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.services.test_verify_file_workflow_rules import approval_seq, signed_off_desk, write
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def _doubled(lines: list[str]) -> tuple[list[str], int]:
    """The approval's line with a first `"status":"verified"` put before the real one: the
    same hash for a last-wins parser. Returns the lines and the line number (from 1)."""
    seq = approval_seq(lines)
    index = next(i for i, line in enumerate(lines) if json.loads(line).get("seq") == seq)
    line = lines[index]
    assert '"after":{' in line
    lines = list(lines)
    lines[index] = line.replace('"after":{', '"after":{"status":"verified",', 1)
    return lines, index + 1


def test_a_key_named_twice_is_refused(wb: Workbench, tmp_path: Path) -> None:
    """The doubled key verified OK; it is a broken line now, named by its number and key."""
    signed_off_desk(wb)
    lines, number = _doubled(export_text(wb, "jsonl").splitlines())
    report = verify_file(write(tmp_path, lines))
    assert not report.ok
    assert report.broken is not None
    (problem,) = report.broken.problems
    assert f"line {number}:" in problem
    assert "'status' twice" in problem


def test_an_honest_export_respaced_by_another_tool_still_verifies(
    wb: Workbench, tmp_path: Path
) -> None:
    """The check reads keys, not spacing: a file re-spaced (json.dumps' default separators)
    has each key once and verifies as before."""
    signed_off_desk(wb)
    lines = export_text(wb, "jsonl").splitlines()
    spaced = [lines[0], *(json.dumps(json.loads(line)) for line in lines[1:])]
    report = verify_file(write(tmp_path, spaced))
    assert report.ok, report.to_json()


def test_audit_verify_says_which_key(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    """What the outsider sees: BROKEN, the line and the key, exit 1, no traceback."""
    signed_off_desk(wb)
    lines, number = _doubled(export_text(wb, "jsonl").splitlines())
    r = cli("audit", "verify", "--file", write(tmp_path, lines))
    assert r.code == 1, r.out + r.err
    assert f"line {number}:" in r.out + r.err
    assert "'status' twice" in r.out + r.err
    assert "Traceback" not in r.err
