"""A change's or an import's `note` is a note object or null, and an import's `source` an
object: every release wrote them so (a change's note `reason.to_json()` or None since the first
release, an import's `{"file", "row"}` since the first import). `audit replay` held the keys of
such an object (test_replay_payload_keys_audit) but took one of another type unremarked: a
tag's change whose `note` was the text "approved by editor", or an import whose `source` was
null, replayed as consistent, though the same words inside an object were a difference."""

from __future__ import annotations

from typing import Any

import pytest

from tests.services.test_replay_payload_keys_audit import (
    _tags,
    append,
    messages,
    payload_of,
    tagged,
    trail,
)
from workbench.services.context import Workbench

__all__ = ["trail"]


@pytest.mark.parametrize(
    ("note", "said"),
    [("approved by editor", "'approved by editor'"), (["editor"], "['editor']"), (1, "1")],
)
def test_a_change_whose_note_is_no_object_is_a_difference(
    trail: Workbench, note: Any, said: str
) -> None:
    seq = append(trail, "claim.tagged", _tags(note=note))
    tagged(trail)
    assert messages(trail) == [
        f"seq {seq} (claim.tagged): claim #1: its 'note' is {said}, not an object or null"
    ]


def test_a_change_whose_note_is_null_or_absent_is_none(trail: Workbench) -> None:
    append(trail, "claim.tagged", _tags(note=None))
    tagged(trail)
    assert messages(trail) == []


@pytest.mark.parametrize(("source", "said"), [(None, "None"), ("mallory", "'mallory'")])
def test_an_import_whose_source_is_no_object_is_a_difference(
    trail: Workbench, source: Any, said: str
) -> None:
    after = payload_of(trail, 3)["after"] | {"id": 3}
    payload = {"after": after, "note": None, "source": source}
    seq = append(trail, "claim.imported", payload, entity_id="3", claim_id=3)
    found = [m for m in messages(trail) if m.startswith(f"seq {seq} ")]
    assert found == [
        f"seq {seq} (claim.imported): claim #3: its 'source' is {said}, not an object"
    ], messages(trail)


def test_an_import_whose_note_is_no_object_is_a_difference(trail: Workbench) -> None:
    after = payload_of(trail, 3)["after"] | {"id": 3}
    payload = {"after": after, "note": "from the partner", "source": {"file": "t.csv", "row": 2}}
    seq = append(trail, "claim.imported", payload, entity_id="3", claim_id=3)
    found = [m for m in messages(trail) if m.startswith(f"seq {seq} ")]
    assert found == [
        f"seq {seq} (claim.imported): claim #3: its 'note' is 'from the partner', not an object "
        "or null"
    ], messages(trail)
