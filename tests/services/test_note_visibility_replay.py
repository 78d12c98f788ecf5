"""Replay holds a note's `internal` to its events, now that `note internal` / `note public`
change it (note.visibility_changed).

The bug: a note was immutable, and replay held it only as a fingerprint of its creation, so a
note taken back from publication could not be replayed (the action had no rule, and the row's
`internal` would differ from its creation). Now the field is held apart from the fingerprint:
the row must say what the latest visibility event (or the creation) says, in memory and in the
spilling store; a row flipped by SQL with no event, or an event whose `before` is not the
value so far, is a difference; a note changed with no earlier creation is one too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.kinds import KINDS
from workbench.domain.replay import Replay
from workbench.services.claim_records import claim_notes
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.notes import add_note, set_note_visibility
from workbench.services.replay import replay
from workbench.services.replay_spill import SpillStore

TEXT = "甲说了一句话。乙说了另一句话。"


@pytest.fixture
def desk(wb: Workbench, document_with_claims) -> tuple[Workbench, int, int]:  # type: ignore[no-untyped-def]
    a, _b = document_with_claims(
        TEXT, [("A said", "甲说了一句话"), ("B said", "乙说了另一句话")]
    ).claims
    public = add_note(wb, a, "called Ms Li at home")
    internal = add_note(wb, a, "desk only", internal=True)
    return wb, public.id, internal.id


def _differences(wb: Workbench, store: SpillStore | None = None) -> list[str]:
    return [d.message for d in replay(wb, store=store).differences if d.subject != "search index"]


def test_a_note_taken_back_and_given_back_replays(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb, public, internal = desk
    set_note_visibility(wb, public, internal=True, reason="she asked")
    set_note_visibility(wb, internal, internal=False, reason="cleared to publish")
    assert _differences(wb) == []
    with SpillStore(KINDS, tmp_path, cache=1, run=1) as store:
        assert _differences(wb, store) == []


def test_a_row_flipped_without_its_event_is_a_difference(desk) -> None:  # type: ignore[no-untyped-def]
    wb, public, internal = desk
    set_note_visibility(wb, public, internal=True, reason="she asked")
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("UPDATE notes SET internal = NOT internal WHERE id IN (:a, :b)"),
                     {"a": public, "b": internal})  # fmt: skip
    assert _differences(wb) == [
        f"note #{public} internal: events say True, table says False",
        f"note #{internal} internal: events say True, table says False",
    ]


def test_a_forged_change_is_a_difference() -> None:
    note = {"id": 1, "claim_id": 1, "author": "a", "body": "b", "created_at": "t"}
    state = Replay()
    state.apply(1, "note.added", "note", "1", 1, json.dumps({"after": note}))
    change = {"before": {"internal": True}, "after": {"internal": False}, "note": None}
    state.apply(2, "note.visibility_changed", "note", "1", 1, json.dumps(change))
    state.apply(3, "note.visibility_changed", "note", "7", 1, json.dumps(change))
    body = {"before": {"body": "b"}, "after": {"body": "x"}, "note": None}
    state.apply(4, "note.visibility_changed", "note", "1", 1, json.dumps(body))
    assert [d.message for d in state.differences] == [
        "seq 2 (note.visibility_changed): note #1: before says internal True, the events so far "
        "say False",
        "seq 3 (note.visibility_changed): note #7: changed, but no earlier event creates it",
        "seq 4 (note.visibility_changed): note #1: changes 'body': a note changes only internal, "
        "named in both before and after",
    ]
    # The row that agrees with the events so far (seq 2 applied: published) is consistent.
    state.compare("note", [("1", (1, 1, "a", "b", "t", False))])
    assert state.total == 3


def test_refusals(desk) -> None:  # type: ignore[no-untyped-def]
    wb, public, internal = desk
    with pytest.raises(NotFound, match="no note #99"):
        set_note_visibility(wb, 99, internal=True, reason="x")
    # A note already so is no refusal: nothing written, `changed` False.
    assert not set_note_visibility(wb, internal, internal=True, reason="x").changed
    assert not set_note_visibility(wb, public, internal=False, reason="x").changed


def test_a_withdrawal_reason_cannot_be_taken_back(desk) -> None:  # type: ignore[no-untyped-def]
    wb, _public, _internal = desk
    claim = set_status(wb, 2, "withdrawn", note="a duplicate of #1").claim
    [reason] = claim_notes(wb, claim.id)
    with pytest.raises(InvalidInput, match="reopen the claim"):
        set_note_visibility(wb, reason.id, internal=True, reason="x")
