"""A note's visibility change filed under another claim is a difference in every replay.

The bug: replay holds a note as a fingerprint (audit replay) or not at all (`audit verify
--file`), so `note.visibility_changed` checked its event's claim_id against the note's only in
a full replay. A trail whose event took claim #1's note back under claim #2 (claim #2's trail
said a note of it was kept back; claim #1's said nothing of its note going) passed both
`audit replay` and `audit verify --file`. Now replay keeps, for each note created, the claim it
was created on (a number a note), and holds the change's claim_id to it in every mode.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.services.test_verify_file_workflow_rules import rechained, write
from workbench.domain.replay import Replay
from workbench.exports.events import export_text
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.notes import add_note, set_note_visibility
from workbench.services.verify import verify_file

NOTE = {"id": 1, "claim_id": 1, "author": "a", "body": "b", "created_at": "t", "internal": False}
CHANGE = {"before": {"internal": False}, "after": {"internal": True}, "note": None}


@pytest.mark.parametrize("mode", [{}, {"compared": False}, {"full": True}])
def test_a_change_under_another_claim_is_a_difference(mode: dict[str, bool]) -> None:
    state = Replay(**mode)
    state.apply(1, "note.added", "note", "1", 1, json.dumps({"after": NOTE}))
    state.apply(2, "note.visibility_changed", "note", "1", 2, json.dumps(CHANGE))
    back = {"before": {"internal": True}, "after": {"internal": False}, "note": None}
    state.apply(3, "note.visibility_changed", "note", "1", 1, json.dumps(back))
    assert [d.message for d in state.differences] == [
        "seq 2 (note.visibility_changed): note #1: the event's claim_id is 2, the note's 1"
    ]


def test_a_note_created_on_no_number_is_held_too() -> None:
    """A note whose claim is not a small whole number (forged: a text, a huge id) is held as
    it was created, and a change under that same claim is no difference."""
    state = Replay()
    odd = NOTE | {"id": 5, "claim_id": 2**40}
    state.apply(1, "note.added", "note", "5", 2**40, json.dumps({"after": odd}))
    state.apply(2, "note.visibility_changed", "note", "5", 2**40, json.dumps(CHANGE))
    assert state.differences == []


def test_verify_file_finds_a_change_moved_to_another_claim(wb: Workbench, tmp_path: Path) -> None:
    """The change rewritten under claim #2 (its reason's note too), every hash recomputed: the
    chain holds, and the trail no longer agrees with itself."""
    doc = add_document(wb, "甲说了一句话。乙说了另一句话。".encode()).document.id
    first = add_claim(wb, doc, "A said", SpanRequest(quote="甲说了一句话")).id
    second = add_claim(wb, doc, "B said", SpanRequest(quote="乙说了另一句话")).id
    note = add_note(wb, first, "called Ms Li at home").id
    set_note_visibility(wb, note, internal=True, reason="she asked")
    lines = export_text(wb, "jsonl").splitlines()
    assert verify_file(write(tmp_path, lines)).ok
    [change] = [r for r in map(json.loads, lines[1:]) if r["action"] == "note.visibility_changed"]
    payload = (
        json.loads(change["payload"]) if isinstance(change["payload"], str) else change["payload"]
    )
    payload["note"]["claim_id"] = second
    forged = rechained(lines, change["seq"], claim_id=second, payload=payload)
    report = verify_file(write(tmp_path, forged))
    assert report.broken is None
    assert [b.message for b in report.rule_breaks] == [
        f"seq {change['seq']} (note.visibility_changed): note #{note}: the event's claim_id "
        f"is {second}, the note's {first}"
    ]
