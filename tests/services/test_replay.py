"""Replay: the state rebuilt from the events alone matches the tables, and every way the two
can disagree is reported as a difference, field by field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.domain.kinds import KINDS
from workbench.domain.payloads import event_value
from workbench.domain.replay import RULES, Digest
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.lookup import get_claim_row
from workbench.services.notes import add_note
from workbench.services.replay import TABLES, replay

TEXT = "甲说了一句话。乙说了另一句话。" + "长" * 2000


@pytest.fixture
def trail(wb: Workbench, document_with_claims: Callable[..., Any]) -> Workbench:
    claims = [
        {"text": "A said", "quote": "甲说了一句话", "speaker": "甲"},
        ("B said", "乙说了另一句话"),
    ]
    a, b = document_with_claims(TEXT, claims, title="Two claims").claims
    set_status(wb, a, "in_progress")
    set_status(Workbench(url=wb.url, actor="alice"), a, "unverifiable", note="the filing says no")
    set_status(wb, a, "in_progress", note="reopened: new filing")
    set_status(wb, a, "unverifiable", note="still unproven")
    add_note(wb, b, "look into it")
    return wb


def sql(wb: Workbench, statement: str, **params: Any) -> None:
    with get_engine(wb.url).begin() as conn:
        conn.execute(text(statement), params)


def messages(wb: Workbench) -> list[str]:
    """The differences in the tables the events describe. A note deleted or edited by SQL on
    SQLite also leaves its old words in the search index, which replay reports too (their own
    tests: test_search_index)."""
    return [d.message for d in replay(wb).differences if d.subject != "search index"]


def test_a_setting_changed_again_and_again_replays_consistent(trail: Workbench) -> None:
    """A trial: the second `config set` of a key made replay report differences (and a bundle
    refuse to restore), as a setting's set payload was held to a change's paired fields."""
    from workbench.services.settings import set_config

    for value in ("true", "false", "true"):
        set_config(trail, "review.required", value)
    assert messages(trail) == []


def test_every_kind_has_a_table_reader() -> None:
    assert set(KINDS) == set(TABLES)


def test_trail_replays_consistently(trail: Workbench) -> None:
    report = replay(trail)
    assert report.consistent, messages(trail)
    assert report.events == 8
    assert report.entities == {
        "document": 1,
        "revision": 0,
        "claim": 2,
        "note": 4,
        "evidence": 0,
        "setting": 0,
        "user": 0,
    }


def test_empty_database_is_consistent(wb: Workbench) -> None:
    assert replay(wb).consistent


def test_changed_claim_field(trail: Workbench) -> None:
    sql(trail, "UPDATE claims SET status = 'verified' WHERE id = 1")
    assert messages(trail) == ["claim #1 status: events say 'unverifiable', table says 'verified'"]


def test_changed_document_text_is_compared_by_digest(trail: Workbench) -> None:
    sql(trail, "UPDATE documents SET text = :t WHERE id = 1", t=TEXT.replace("甲", "丙"))
    (diff,) = replay(trail).differences
    assert diff.subject == "document #1" and diff.field == "text"
    assert isinstance(diff.events, Digest) and diff.events.length == len(TEXT)
    assert "characters, sha256" in diff.message


def test_row_without_an_event(trail: Workbench) -> None:
    sql(
        trail,
        "INSERT INTO notes (id, claim_id, author, body, created_at) "
        "VALUES (77, 2, 'mallory', 'slipped in', '2026-01-01 00:00:00')",
    )
    assert messages(trail) == ["note #77: in the table, but no event creates it"]


def test_event_without_its_row(trail: Workbench) -> None:
    sql(trail, "DELETE FROM notes WHERE body = 'look into it'")
    assert messages(trail) == ["note #4: the events create it, but the table has no such row"]


def _append(
    wb: Workbench, action: str, entity_type: str, entity_id: str, payload: Any, claim_id: int = 1
) -> int:
    with transaction(wb, write=True) as tx:
        ev = tx.record(action, entity_type, entity_id, payload, claim_id=claim_id)
        return ev.seq


def test_action_without_a_rule_is_a_difference(trail: Workbench) -> None:
    seq = _append(trail, "claim.teleported", "claim", "1", {"after": {"status": "verified"}})
    (message,) = messages(trail)
    assert message.startswith(f"seq {seq} (claim.teleported): no replay rule for this action")


def test_before_that_contradicts_the_events(trail: Workbench) -> None:
    payload = {
        "before": {"status": "unverified", "version": 5, "updated_at": "x"},
        "after": {"status": "false", "version": 6, "updated_at": "x"},
        "note": None,
    }
    seq = _append(trail, "claim.status_changed", "claim", "1", payload)
    found = messages(trail)
    said = "before says status 'unverified', the events so far say 'unverifiable'"
    assert f"seq {seq} (claim.status_changed): claim #1: {said}" in found


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ({"version": 5}, {"status": "false", "version": 6}, "after names 'status' and before"),
        ({"status": "unverifiable", "priority": 1}, {"status": "false"}, "before names 'priority'"),
    ],
)
def test_a_change_that_does_not_say_what_it_replaced_is_a_difference(
    trail: Workbench, before: dict[str, Any], after: dict[str, Any], said: str
) -> None:
    payload = {"before": before, "after": after, "note": None}
    seq = _append(trail, "claim.status_changed", "claim", "1", payload)
    found = [m for m in messages(trail) if m.startswith(f"seq {seq} ")]
    assert any(said in m for m in found), found


def test_a_verdict_the_workflow_refuses_is_reported_though_the_tables_agree(
    trail: Workbench,
) -> None:
    """Claim #2 has no evidence: an event giving it 'false', with its row made to match, is
    a transition the workflow never makes, and `audit replay` says so."""
    payload = {"before": {"status": "unverified"}, "after": {"status": "false"}, "note": None}
    seq = _append(trail, "claim.status_changed", "claim", "2", payload, claim_id=2)
    sql(trail, "UPDATE claims SET status = 'false' WHERE id = 2")
    assert messages(trail) == [
        f"seq {seq} (claim.status_changed): claim #2: status becomes 'false' with no evidence "
        "recorded for the claim: the workflow refuses that verdict without evidence "
        "(verdict_needs_evidence)"
    ]


def test_an_edit_of_a_judged_claim_is_reported_though_the_tables_agree(
    trail: Workbench,
) -> None:
    """Claim #1 has a verdict (unverifiable), so `claim edit` refuses it (claim_judged); claim #2
    is open and edited for real. A claim.edited event forged on #1 (chained like any other), its
    row made to match, records an edit the workflow never makes, and `audit replay` says so."""
    edit_claim(trail, 2, text="B said it twice")
    assert replay(trail).consistent, messages(trail)
    with transaction(trail) as tx:
        claim = get_claim_row(tx, 1)
        version, at = claim.version, event_value(claim.updated_at)
    payload = {  # the row keeps its updated_at, so that the tables agree with the forgery
        "before": {"text": "A said", "version": version, "updated_at": at},
        "after": {"text": "A never said", "version": version + 1, "updated_at": at},
        "note": None,
    }
    seq = _append(trail, "claim.edited", "claim", "1", payload)
    sql(trail, "UPDATE claims SET text = 'A never said', version = :v WHERE id = 1", v=version + 1)
    found = messages(trail)
    assert found == [
        f"seq {seq} (claim.edited): claim #1: text changed while the claim is 'unverifiable': "
        "the workflow refuses to change what a claim in review or with a verdict says "
        "(claim_judged)"
    ]


def test_change_to_an_untracked_field(trail: Workbench) -> None:
    payload = {"before": {"mood": "calm"}, "after": {"mood": "angry"}, "note": None}
    _append(trail, "claim.status_changed", "claim", "1", payload)
    assert any("changes 'mood', which replay does not track" in m for m in messages(trail))


def test_update_of_an_entity_no_event_created(trail: Workbench) -> None:
    payload = {"before": {"status": "false"}, "after": {"status": "opinion"}, "note": None}
    _append(trail, "claim.status_changed", "claim", "42", payload)
    assert any("claim #42: changed, but no earlier event creates it" in m for m in messages(trail))


def test_note_event_filed_under_another_claim(trail: Workbench) -> None:
    with transaction(trail, write=True) as tx:
        note = {"id": 99, "claim_id": 2, "author": "x", "body": "y", "created_at": "z"}
        tx.record("note.added", "note", "99", {"after": note}, claim_id=1)
    found = messages(trail)
    assert "the event's claim_id is 1, the note's 2" in found[0]


def test_rules_name_known_kinds() -> None:
    """Every rule is exercised on a made-up event of its kind: none may raise."""
    from workbench.domain.replay import Replay

    state = Replay()
    for seq, action in enumerate(sorted(RULES), start=1):
        state.apply(seq, action, action.split(".")[0], "1", 1, '{"before":{},"after":{}}')
    assert state.events == len(RULES)


@pytest.mark.parametrize(
    ("body", "note_id"),
    [("look into it", 4), ("the filing says no", 1)],  # a plain note; a status change's reason
)
def test_changed_note_is_named_field_by_field(trail: Workbench, body: str, note_id: int) -> None:
    """Notes are held as fingerprints; a mismatch re-reads the note's event for the detail."""
    sql(trail, "UPDATE notes SET body = 'edited' WHERE body = :b", b=body)
    assert messages(trail) == [f"note #{note_id} body: events say {body!r}, table says 'edited'"]


def test_update_of_an_immutable_kind(trail: Workbench) -> None:
    from workbench.domain.replay import Replay, update

    state = Replay(rules={"note.edited": update("note")})
    state.apply(1, "note.edited", "note", "1", 1, '{"before":{},"after":{"body":"x"}}')
    assert state.differences[0].message == (
        "seq 1 (note.edited): note #1: changed, but a note never changes"
    )


def test_notes_out_of_order_created_twice_or_missing() -> None:
    """The fingerprint store merges with the table by id whatever order notes were created in."""
    import json

    from workbench.domain.replay import Replay

    def note(i: int) -> str:
        after = {"id": i, "claim_id": 1, "author": "a", "body": f"b{i}", "created_at": "t"}
        return json.dumps({"after": after})

    state = Replay()
    for seq, note_id in enumerate((5, 3, 9, 5), start=1):
        state.apply(seq, "note.added", "note", str(note_id), 1, note(note_id))
    # (The events predate notes.internal: replay reads them as published, as the rows are.)
    rows = [(str(i), (i, 1, "a", f"b{i}", "t", False)) for i in (3, 5, 6)]
    state.compare("note", rows)
    assert [d.message for d in state.differences] == [
        "seq 4: note #5: created again, but seq 1 already created it",
        "note #6: in the table, but no event creates it",
        "note #9: the events create it, but the table has no such row",
    ]
