"""`audit replay` holds each event's payload to its action's format (docs/events.md): a key the
format does not define, or a required one missing, is a difference naming the event's seq, its
action and the key, as any other mismatch is. A change event naming a field its action does not
change (a `claim.assigned` moving `status`) is one too: every release wrote only the declared
fields (payloads.check_changes since the payloads module; the same fields before it). The
shapes older releases wrote (a `claim.added` of the view's JSON with `rating`: test_payloads; a
status change without `updated_at`: test_first_release_trail; a text's `headline`:
test_headline_replay_review299) still replay."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text

from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.models import Event
from workbench.services.context import Workbench, transaction
from workbench.services.replay import replay

TEXT = "甲说了一句话。乙说了另一句话。"


@pytest.fixture
def trail(wb: Workbench, document_with_claims: Callable[..., Any]) -> Workbench:
    document_with_claims(TEXT, [("A said", "甲说了一句话"), ("B said", "乙说了另一句话")])
    return wb


def append(
    wb: Workbench,
    action: str,
    payload: Any,
    *,
    entity_type: str = "claim",
    entity_id: str = "1",
    claim_id: int | None = 1,
) -> int:
    """An event chained as the workbench chains its own (a forger who knows the recipe)."""
    with transaction(wb, write=True) as tx:
        return tx.record(action, entity_type, entity_id, payload, claim_id=claim_id).seq


def messages(wb: Workbench) -> list[str]:
    return [d.message for d in replay(wb).differences if d.subject != "search index"]


def payload_of(wb: Workbench, seq: int) -> dict[str, Any]:
    with get_engine(wb.url).connect() as conn:
        found = conn.execute(select(Event.payload).where(Event.seq == seq)).scalar_one()
    return dict(json.loads(found))


def sql(wb: Workbench, statement: str, **params: Any) -> None:
    with get_engine(wb.url).begin() as conn:
        conn.execute(text(statement), params)


def _tags(note: Any = None, **extra: Any) -> dict[str, Any]:
    return {"before": {"tags": []}, "after": {"tags": ["x"]}, "note": note} | extra


def tagged(wb: Workbench) -> None:
    """The claims row agreeing with the tag the forged event gives claim 1."""
    sql(wb, "INSERT INTO claim_tags (claim_id, tag) VALUES (1, 'x')")


def test_the_forged_changes_alone_replay_consistently(trail: Workbench) -> None:
    """The forger's tools change nothing by themselves: a tag given in the format, the row
    agreeing, replays consistently; what the tests below report is their edit."""
    append(trail, "claim.tagged", _tags())
    tagged(trail)
    assert messages(trail) == []


def test_a_key_the_action_does_not_define_is_a_difference(trail: Workbench) -> None:
    seq = append(trail, "claim.tagged", _tags(reviewed_by="mallory"))
    tagged(trail)
    found = [m for m in messages(trail) if "reviewed_by" in m]
    assert found == [
        f"seq {seq} (claim.tagged): claim #1: the payload holds 'reviewed_by', which a "
        "claim.tagged payload does not define (it holds 'after', 'before' and 'note')"
    ], messages(trail)


def test_a_change_without_its_note_reads_as_one_with_none(trail: Workbench) -> None:
    """Every release wrote a change's `note`, null for none; one without it says as much, and
    is read so (a trail's hand-built fixtures have long left it out): no difference."""
    payload = _tags()
    del payload["note"]
    append(trail, "claim.tagged", payload)
    tagged(trail)
    assert messages(trail) == []


def test_a_field_the_action_does_not_change_is_a_difference(trail: Workbench) -> None:
    """`claim.assigned` changes the assignee; one that also moves the claim's priority (the row
    altered to agree) recorded a change no workbench makes under that action."""
    payload = {
        "before": {"assignee": None, "priority": "normal"},
        "after": {"assignee": "bea", "priority": "high"},
        "note": None,
    }
    seq = append(trail, "claim.assigned", payload)
    sql(trail, "UPDATE claims SET assignee = 'bea', priority = 'high' WHERE id = 1")
    assert messages(trail) == [
        f"seq {seq} (claim.assigned): claim #1: changes 'assignee' and 'priority': a "
        "claim.assigned changes only 'assignee' (and a claim's 'version' and 'updated_at')"
    ]


def test_a_document_edit_naming_its_text_is_a_difference(trail: Workbench) -> None:
    payload = {"before": {"title": None, "length": 15}, "after": {"title": "T", "length": 16}}
    seq = append(
        trail, "document.edited", payload | {"note": None}, entity_type="document", claim_id=None
    )
    sql(trail, "UPDATE documents SET title = 'T', length = 16 WHERE id = 1")
    found = messages(trail)
    assert (
        f"seq {seq} (document.edited): document #1: changes 'length' and 'title': a "
        "document.edited changes only 'title', 'url', 'author', 'published' and 'language'"
    ) in found, found


def test_an_import_without_its_source_is_a_difference(trail: Workbench) -> None:
    after = payload_of(trail, 3)["after"] | {"id": 3}
    seq = append(trail, "claim.imported", {"after": after, "note": None}, entity_id="3", claim_id=3)
    found = messages(trail)
    assert f"seq {seq} (claim.imported): claim #3: the payload lacks 'source'" in found, found


def test_an_import_source_without_its_row_is_a_difference(trail: Workbench) -> None:
    after = payload_of(trail, 3)["after"] | {"id": 3}
    payload = {"after": after, "note": None, "source": {"file": "t.csv"}}
    seq = append(trail, "claim.imported", payload, entity_id="3", claim_id=3)
    found = messages(trail)
    assert f"seq {seq} (claim.imported): claim #3: its 'source' lacks 'row'" in found, found


def test_a_setting_change_without_the_value_before_is_a_difference(trail: Workbench) -> None:
    from workbench.services.settings import set_config

    set_config(trail, "review.required", "true")
    setting = payload_of(trail, 4)["after"]
    seq = append(
        trail,
        "setting.changed",
        {"before": {}, "after": setting},
        entity_type="setting",
        entity_id="review.required",
        claim_id=None,
    )
    assert messages(trail) == [
        f"seq {seq} (setting.changed): setting 'review.required': its 'before' lacks 'value'"
    ]


def test_an_import_source_with_another_key_is_a_difference(trail: Workbench) -> None:
    after = payload_of(trail, 3)["after"] | {"id": 3}
    source = {"file": "t.csv", "row": 2, "by": "mallory"}
    payload = {"after": after, "note": None, "source": source}
    seq = append(trail, "claim.imported", payload, entity_id="3", claim_id=3)
    found = messages(trail)
    assert (
        f"seq {seq} (claim.imported): claim #3: its 'source' holds 'by', which a claim.imported "
        "payload's 'source' does not define (it holds 'file' and 'row')"
    ) in found, found


def test_a_restore_with_another_key_is_a_difference(trail: Workbench) -> None:
    payload = {
        "triggers": ["events_no_update"],
        "indexes": [],
        "revision": HEAD_REVISION,
        "approved": True,
    }
    seq = append(
        trail,
        "desk.guards_restored",
        payload,
        entity_type="desk",
        entity_id="guards",
        claim_id=None,
    )
    assert messages(trail) == [
        f"seq {seq} (desk.guards_restored): the desk: the payload holds 'approved', which a "
        "desk.guards_restored payload does not define (it holds 'indexes', 'revision' and "
        "'triggers')"
    ]


def test_a_check_with_another_key_is_a_difference(trail: Workbench) -> None:
    document = payload_of(trail, 1)["after"]
    found = {
        "revision": 1,
        "sha256": document["sha256"],
        "source": "a.txt",
        "source_sha256": None,
        "verdict": "fine",
    }
    seq = append(
        trail,
        "document.checked",
        {"after": found},
        entity_type="document",
        claim_id=None,
    )
    assert messages(trail) == [
        f"seq {seq} (document.checked): document #1: its 'after' holds 'verdict', which a "
        "document.checked payload's 'after' does not define (it holds 'revision', 'sha256', "
        "'source', 'source_sha256' and 'spacing_only')"
    ]


def test_a_note_holding_a_field_no_note_has_is_a_difference(trail: Workbench) -> None:
    """A note's fields have been the same five since the first release (`internal` added by
    migration 0015): one beside them, in `note.added` or written with a change, is no note a
    workbench wrote (`"approved": true` in a reason would be read by no rule)."""
    from workbench.services.notes import add_note

    add_note(trail, 1, "a reason")
    note = payload_of(trail, 4)["after"]
    forged = note | {"id": 2, "approved": True}
    seq = append(trail, "note.added", {"after": forged}, entity_type="note", entity_id="2")
    found = [m for m in messages(trail) if "approved" in m]
    assert found == [
        f"seq {seq} (note.added): note #2: its 'after' holds 'approved', which a note.added "
        "payload's 'after' does not define (it holds 'author', 'body', 'claim_id', "
        "'created_at', 'id' and 'internal')"
    ], messages(trail)
    written = note | {"id": 3, "seen_by": "editor"}
    seq = append(trail, "claim.tagged", _tags(note=written))
    found = [m for m in messages(trail) if "seen_by" in m]
    assert found == [
        f"seq {seq} (claim.tagged): claim #1: its 'note' holds 'seen_by', which a claim.tagged "
        "payload's 'note' does not define (it holds 'author', 'body', 'claim_id', "
        "'created_at', 'id' and 'internal')"
    ], messages(trail)
