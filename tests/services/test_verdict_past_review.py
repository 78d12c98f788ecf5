"""trial185: with review.required on, a verdict is only proposed (`claim.review_requested`) until
a second person approves it; the workbench never records a `claim.status_changed` that gives a
verdict while the setting is on. An editor signing off a month's trail forged one (bob's
verdict on a claim, no proposal, no approval, every later hash and the scope line recomputed):
`audit verify --file` said OK and "workflow rules hold", and `audit replay` said consistent
once the claims row agreed, while the forged approval of one's own verdict (own_verdict) is
caught. Skipping the sign-off altogether is the simpler forgery of the same rule."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PG_URL, Result
from tests.services.test_verify_file_workflow_rules import rechained, write
from workbench.exports.events import export_text
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.settings import set_config
from workbench.services.verify import verify_file


def _desk(wb: Workbench, *, review: bool) -> list[str]:
    """A claim that bob takes in hand (in_progress, its last event), with review.required on
    or off before it: the desk's full export, as lines."""
    doc = add_document(wb, "MiniMax在2021年底创业，2023年估值25亿美元。".encode()).document.id
    claim = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id
    if review:
        set_config(wb, "review.required", "true")
        if PG_URL:
            set_config(wb, "review.distinct_roles", "false")
    set_status(Workbench(url=wb.url, actor="bob"), claim, "in_progress")
    return export_text(wb, "jsonl").splitlines()


def _given_straight(lines: list[str]) -> list[str]:
    """The last event (bob's move to in_progress) rewritten as bob giving the verdict
    unverifiable (no evidence needed) with a reason, rechained: what anyone holding the file
    can write."""
    last = json.loads(lines[-1])
    payload = last["payload"]
    payload["after"]["status"] = "unverifiable"
    payload["note"] = {
        "author": "bob",
        "body": "查无记录",
        "claim_id": last["claim_id"],
        "created_at": payload["after"]["updated_at"],
        "id": 1,
        "internal": False,
    }
    return rechained(lines, last["seq"], payload=payload)


def test_a_verdict_given_straight_while_review_is_required_fails(
    wb: Workbench, tmp_path: Path
) -> None:
    """The forged verdict verified OK, its rules said to hold; it is a refused move now, named
    by its seq and the setting."""
    lines = _desk(wb, review=True)
    forged = _given_straight(lines)
    report = verify_file(write(tmp_path, forged))
    assert report.broken is None  # the chain holds: every hash was recomputed
    assert report.rule_break_count == 1, report.to_json()
    (found,) = report.rule_breaks
    assert found.seq == json.loads(forged[-1])["seq"]
    assert "status becomes 'unverifiable' with no second reviewer" in found.message
    assert "review.required is on" in found.message
    assert not report.ok


def test_the_same_verdict_with_review_off_holds(wb: Workbench, tmp_path: Path) -> None:
    """With review.required off a verdict is given straight: the same event is no refused
    move."""
    report = verify_file(write(tmp_path, _given_straight(_desk(wb, review=False))))
    assert report.ok, report.to_json()
    assert report.rule_break_count == 0


def test_a_verdict_given_after_review_was_turned_off_again_holds(
    wb: Workbench, tmp_path: Path
) -> None:
    """The setting read is the one in force at the event: on, then off again (by the desk's
    owner), and a verdict given straight after that holds."""
    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    claim = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id
    set_config(wb, "review.required", "true")
    set_config(wb, "review.required", "false")
    set_status(wb, claim, "unverifiable", note="查无记录")
    report = verify_file(write(tmp_path, export_text(wb, "jsonl").splitlines()))
    assert report.ok, report.to_json()
    assert report.rule_break_count == 0


def test_audit_verify_names_the_refused_move(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    """What the editor sees from the CLI: REFUSED MOVES and the event, exit 1."""
    path = write(tmp_path, _given_straight(_desk(wb, review=True)))
    r = cli("audit", "verify", "--file", path)
    assert r.code == 1, r.out + r.err
    assert "REFUSED MOVES" in r.out + r.err
    assert "with no second reviewer while review.required is on" in r.out + r.err
