"""trial185: `audit verify --file --json` on a filtered export whose first event was altered
said `"count": 0, "empty": true, "first_seq": 1`: a file of no events (it held one, broken)
whose first checked event was seq 1 (none held). A script reading `empty` took the file for an
export whose filters matched nothing. `empty` is now a file with no event line, and `first_seq`
the first event that held, as `count`, `last_seq` and `head` are."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.services.test_tamper import sql
from tests.services.test_verify_file_long_line import write_bytes
from tests.services.test_verify_file_workflow_rules import signed_off_desk
from workbench.exports.events import export_text
from workbench.services.audit import EventFilter
from workbench.services.context import Workbench
from workbench.services.verify import verify_database, verify_file


def _filtered(wb: Workbench) -> list[str]:
    claim = signed_off_desk(wb)
    return export_text(wb, "jsonl", EventFilter(claim_id=claim)).splitlines()


def test_a_filtered_file_broken_at_its_first_event_is_not_empty(
    wb: Workbench, tmp_path: Path
) -> None:
    """Its one event line is there and broken: it is not a file of no events, and no event
    was found to hold, so none is the first checked."""
    lines = _filtered(wb)
    first = json.loads(lines[1])
    first["actor"] = "mallory"  # its stored hash no longer matches
    lines[1] = json.dumps(first, ensure_ascii=False)
    report = verify_file(write_bytes(tmp_path, [x.encode() for x in lines]))
    said = report.to_json()
    assert said["break"] is not None and said["break"]["seq"] == first["seq"]
    assert (said["count"], said["empty"]) == (0, False)
    assert (said["first_seq"], said["last_seq"], said["head"]) == (None, None, None)


def test_a_filtered_file_broken_after_its_first_event_says_what_held(
    wb: Workbench, tmp_path: Path
) -> None:
    lines = _filtered(wb)
    second = json.loads(lines[2])
    second["actor"] = "mallory"
    lines[2] = json.dumps(second, ensure_ascii=False)
    said = verify_file(write_bytes(tmp_path, [x.encode() for x in lines])).to_json()
    first = json.loads(lines[1])
    assert (said["count"], said["empty"]) == (1, False)
    assert (said["first_seq"], said["last_seq"], said["head"]) == (
        first["seq"],
        first["seq"],
        first["hash"],
    )


def test_a_file_cut_to_its_scope_line_stays_empty_and_broken(wb: Workbench, tmp_path: Path) -> None:
    lines = _filtered(wb)
    said = verify_file(write_bytes(tmp_path, [lines[0].encode()])).to_json()
    assert said["break"] is not None
    assert (said["count"], said["empty"], said["first_seq"], said["head"]) == (0, True, None, None)


def test_audit_verify_json_of_a_file_broken_at_its_first_event(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    lines = _filtered(wb)
    first = json.loads(lines[1])
    first["actor"] = "mallory"
    lines[1] = json.dumps(first, ensure_ascii=False)
    r = cli(
        "audit", "verify", "--file", write_bytes(tmp_path, [x.encode() for x in lines]), "--json"
    )
    assert r.code == 1, r.out + r.err
    said = json.loads(r.out)
    assert (said["ok"], said["count"], said["empty"], said["first_seq"]) == (False, 0, False, None)
    assert said["break"]["seq"] == first["seq"]


def test_a_database_broken_at_its_first_event_names_no_first_event(wb: Workbench) -> None:
    """The same report from the database: seq 1 altered in SQL (its triggers dropped, as the
    file's owner can), so no event holds. It said "first_seq": 1, "complete": true and the
    genesis value as "head", as if an empty trail had been checked whole."""
    signed_off_desk(wb)
    sql(wb, "UPDATE events SET actor = 'mallory' WHERE seq = 1")
    said = verify_database(wb).to_json()
    assert said["break"] is not None and said["break"]["seq"] == 1
    assert (said["count"], said["first_seq"], said["last_seq"]) == (0, None, None)
    assert (said["head"], said["complete"], said["empty"]) == (None, False, False)
