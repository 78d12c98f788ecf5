"""Replay holds the author an entity's own fields name (a note's author, a claim's created_by,
an evidence item's, document's, revision's or user's added_by) to the actor of the event that
created it."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

from workbench.domain.replay import Replay

_SEQ = itertools.count(1)


def _apply(
    state: Replay, action: str, etype: str, key: str, payload: Any, actor: str | None
) -> None:
    state.apply(next(_SEQ), action, etype, key, 1, json.dumps(payload), actor)


def _claim(state: Replay, created_by: str = "bob", actor: str | None = "bob") -> None:
    after = {"id": 1, "created_by": created_by, "status": "unverified"}
    _apply(state, "claim.added", "claim", "1", {"after": after}, actor)


@pytest.mark.parametrize(
    ("action", "etype", "field", "after"),
    [
        ("note.added", "note", "author", {"id": 5, "claim_id": 1, "body": "已核实"}),
        ("evidence.added", "evidence", "added_by", {"id": 5, "claim_id": 1}),
    ],
)
def test_an_entity_credited_to_another_than_its_events_actor_is_a_difference(
    action: str, etype: str, field: str, after: dict[str, Any]
) -> None:
    """review57: a note.added whose actor was mallory while its payload (and the note row)
    said bob replayed as consistent: the trail and the tables disagreed about who wrote it,
    and the sign-off rule, which reads the event's actor, took the note as mallory's."""
    state = Replay()
    _claim(state)
    _apply(state, action, etype, "5", {"after": after | {field: "bob"}}, "mallory")
    found = [d.message for d in state.differences if "actor" in d.message]
    assert len(found) == 1, state.differences
    assert f"the event's actor is 'mallory', but its {field} is 'bob'" in found[0]


def test_a_claim_created_under_another_name_is_a_difference() -> None:
    state = Replay()
    _claim(state, created_by="bob", actor="mallory")
    assert any("its created_by is 'bob'" in d.message for d in state.differences)


def test_a_note_written_with_a_change_is_held_to_the_changes_actor() -> None:
    """A note carried whole in an update's payload (a status change's reason) too."""
    state = Replay()
    _claim(state)
    note = {"id": 7, "claim_id": 1, "author": "bob", "body": "理由", "created_at": "x"}
    change = {"before": {"status": "unverified"}, "after": {"status": "in_progress"}}
    _apply(state, "claim.status_changed", "claim", "1", change | {"note": note}, "mallory")
    assert any("its author is 'bob'" in d.message for d in state.differences)


def test_the_same_name_and_an_unknown_actor_or_field_pass() -> None:
    """The workbench writes both from whoever acts: equal, no difference. An event read without
    its actor, or a payload that does not carry the field, is not held to it."""
    state = Replay()
    _claim(state)
    _claim(Replay(), actor=None)
    _apply(
        state,
        "note.added",
        "note",
        "5",
        {"after": {"id": 5, "claim_id": 1, "author": "bob"}},
        "bob",
    )
    _apply(state, "note.added", "note", "6", {"after": {"id": 6, "claim_id": 1}}, "mallory")
    _apply(
        state, "note.added", "note", "8", {"after": {"id": 8, "claim_id": 1, "author": "x"}}, None
    )
    assert not [d for d in state.differences if "actor" in d.message], state.differences
