"""Replay with its state spilled to disk (a cache of one entity, runs of one fingerprint) gives
the same report as replay holding everything in memory, on a clean trail and on tampered ones."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.domain.kinds import KINDS
from workbench.domain.replay import Replay
from workbench.domain.replay_state import Fingerprints, MemoryStore
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.notes import add_note
from workbench.services.replay import claims_reader, replay
from workbench.services.replay_spill import SpilledPrints, SpillStore
from workbench.services.workflow import tag

TEXT = "甲说了一句话。乙说了另一句话。丙也说了话。"


@pytest.fixture
def tight(tmp_path: Path) -> Iterator[SpillStore]:
    """A store that spills everything it can: every other entity is read back from the file."""
    with SpillStore(KINDS, tmp_path, cache=1, run=1) as store:
        yield store


@pytest.fixture
def trail(wb: Workbench, document_with_claims: Callable[..., Any]) -> Workbench:
    """Three claims worked on in turns (so a one-entity cache reads each back), with tags and
    notes."""
    a, b, c = document_with_claims(
        TEXT, [("A said", "甲说了一句话"), ("B said", "乙说了另一句话"), ("C said", "丙也说了话")]
    ).claims
    set_status(wb, a, "in_progress")
    tag(wb, [b], ["估值", "economy"])
    set_status(wb, b, "in_progress", note="on it")
    add_note(wb, a, "look into it")
    tag(wb, [a, b], ["ai"])
    set_status(wb, a, "unverifiable", note="the filing says no")
    add_note(wb, b, "called the office")
    set_status(wb, c, "in_progress")
    return wb


def both(wb: Workbench, tight: SpillStore) -> dict[str, Any]:
    """The report from memory and from the tight store, which must be the same."""
    in_memory = replay(wb, store=MemoryStore()).to_json()
    spilled = replay(wb, store=tight).to_json()
    assert spilled == in_memory
    return in_memory


def sql(wb: Workbench, *statements: str, **params: Any) -> None:
    with get_engine(wb.url).begin() as conn:
        for statement in statements:
            conn.execute(text(statement), params)


def append(
    wb: Workbench, action: str, entity_type: str, entity_id: str, payload: Any, claim_id: int
) -> None:
    with transaction(wb, write=True) as tx:
        tx.record(action, entity_type, entity_id, payload, claim_id=claim_id)


def creation(wb: Workbench, action: str, entity_id: str) -> dict[str, Any]:
    with get_engine(wb.url).connect() as conn:
        payload = conn.execute(
            text("SELECT payload FROM events WHERE action = :a AND entity_id = :e"),
            {"a": action, "e": entity_id},
        ).scalar_one()
    found: dict[str, Any] = json.loads(payload)
    return found


def test_clean_trail_is_consistent_either_way(trail: Workbench, tight: SpillStore) -> None:
    report = both(trail, tight)
    assert report["consistent"], report["differences"]
    assert report["entities"]["claim"] == 3 and report["entities"]["note"] == 4


def test_replay_leaves_no_temporary_files(
    trail: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert replay(trail).consistent
    assert list(scratch.iterdir()) == []


def _note_row_missing(wb: Workbench) -> None:
    sql(wb, "DELETE FROM notes WHERE body = 'look into it'")


def _note_row_extra(wb: Workbench) -> None:
    sql(
        wb,
        "INSERT INTO notes (id, claim_id, author, body, created_at) "
        "VALUES (77, 2, 'mallory', 'slipped in', '2026-01-01 00:00:00')",
    )


def _claim_event_without_row(wb: Workbench) -> None:
    after = creation(wb, "claim.added", "3")["after"]
    append(wb, "claim.added", "claim", "9", {"after": {**after, "id": 9}}, 9)


def _claim_field_changed(wb: Workbench) -> None:
    sql(wb, "UPDATE claims SET status = 'verified' WHERE id = 1")


def _tag_removed(wb: Workbench) -> None:
    sql(wb, "DELETE FROM claim_tags WHERE claim_id = 2 AND tag = 'economy'")


def _note_field_changed(wb: Workbench) -> None:
    sql(wb, "UPDATE notes SET body = 'edited' WHERE body = 'on it'")


def _wrong_before(wb: Workbench) -> None:
    before = {"status": "unverified", "version": 5, "updated_at": "x"}
    after = {"status": "false", "version": 6, "updated_at": "x"}
    append(wb, "claim.status_changed", "claim", "1", {"before": before, "after": after}, 1)


def _claim_created_twice(wb: Workbench) -> None:
    append(wb, "claim.added", "claim", "2", creation(wb, "claim.added", "2"), 2)


def _note_created_twice(wb: Workbench) -> None:
    append(wb, "note.added", "note", "2", creation(wb, "note.added", "2"), 1)


TAMPERED: dict[str, tuple[Callable[[Workbench], None], str]] = {
    # A claim row cannot go while events name it (a foreign key); an event can come without one.
    "note row missing": (_note_row_missing, "note #2: the events create it, but the table"),
    "note row extra": (_note_row_extra, "note #77: in the table, but no event creates it"),
    "claim event without row": (_claim_event_without_row, "claim #9: the events create it"),
    "claim field changed": (_claim_field_changed, "claim #1 status: events say 'unverifiable'"),
    "tag removed": (_tag_removed, "claim #2 tags: events say ['ai', 'economy', '估值']"),
    "note field changed": (_note_field_changed, "note #1 body: events say 'on it'"),
    "wrong before": (_wrong_before, "before says status 'unverified', the events so far say"),
    "claim created twice": (_claim_created_twice, "claim #2: created again, but it already"),
    "note created twice": (_note_created_twice, "note #2: created again, but seq"),
}


@pytest.mark.parametrize("case", sorted(TAMPERED))
def test_tampered_trail_gives_the_same_report(
    trail: Workbench, tight: SpillStore, case: str
) -> None:
    tamper, expected = TAMPERED[case]
    tamper(trail)
    report = both(trail, tight)
    messages = [d["message"] for d in report["differences"]]
    assert any(expected in m for m in messages), messages


def test_claims_reader_folds_in_each_claims_own_tags(trail: Workbench) -> None:
    """Tags are read in claim order and merged: a claim without tags between two with them."""
    sql(trail, "DELETE FROM claim_tags WHERE claim_id = 1")
    tag(trail, [3], ["climate"])
    with transaction(trail) as tx:
        found = {key: row[KINDS["claim"].fields.index("tags")] for key, row in claims_reader(tx)}
    assert found == {"1": [], "2": ["ai", "economy", "估值"], "3": ["climate"]}


# -- the store on its own, against the in-memory one


def test_store_keeps_changes_made_through_get(tight: SpillStore) -> None:
    claim = dict.fromkeys(KINDS["claim"].fields)
    for key in ("1", "2", "3"):
        tight.put("claim", key, {**claim, "id": int(key), "status": "unverified"})
    entity = tight.get("claim", "1")  # read back from the file: the cache holds only "3"
    assert entity is not None and entity["status"] == "unverified"
    entity["status"] = "false"
    tight.put("claim", "1", entity)
    tight.get("claim", "2")  # evicts "1", changed, so it is written out
    assert tight.get("claim", "1") == {**claim, "id": 1, "status": "false"}
    assert tight.get("claim", "4") is None


def test_store_pops_and_leaves_the_rest_in_creation_order(tight: SpillStore) -> None:
    memory = MemoryStore()
    user = dict.fromkeys(KINDS["user"].fields)
    for store in (memory, tight):
        for key in ("zoe", "10", "9", "adam", "11"):
            store.put("user", key, {**user, "name": key})
        store.put("setting", "k", dict.fromkeys(KINDS["setting"].fields))
        assert store.pop("user", "9") == {**user, "name": "9"}
        assert store.pop("user", "9") is None
        assert store.pop("user", "nobody") is None
        assert store.pop("user", "11") == {**user, "name": "11"}
    assert list(tight.rest("user")) == list(memory.rest("user")) == ["zoe", "10", "adam"]
    assert list(tight.rest("user")) == []
    assert list(tight.rest("setting")) == ["k"]


def test_store_takes_a_key_again_after_popping_it(tight: SpillStore) -> None:
    user = dict.fromkeys(KINDS["user"].fields)
    memory = MemoryStore()
    for store in (memory, tight):
        store.put("user", "ann", {**user, "display": "old"})
        store.put("user", "bob", user)  # "ann" goes to the file
        assert store.pop("user", "ann") == {**user, "display": "old"}
        store.put("user", "ann", {**user, "display": "new"})  # new again: after "bob"
        store.put("user", "cy", user)  # "ann" goes to the file again, in place of its old row
        assert store.get("user", "ann") == {**user, "display": "new"}
    assert list(tight.rest("user")) == list(memory.rest("user")) == ["bob", "ann", "cy"]


def test_store_refuses_an_empty_cache(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one"):
        SpillStore(KINDS, tmp_path, cache=0)
    with pytest.raises(ValueError, match="at least one"):
        SpillStore(KINDS, tmp_path, run=0)


@pytest.mark.parametrize(
    "ids",
    [[1, 2, 3, 4, 5], [5, 3, 9, 5, 1, 3], [2, 2, 2], []],
    ids=["in order", "out of order, twice", "all one id", "none"],
)
@pytest.mark.parametrize("run", [1, 2, 4, 100])
def test_spilled_prints_read_back_by_id_then_seq(tmp_path: Path, ids: list[int], run: int) -> None:
    memory, spilled = Fingerprints(), SpilledPrints(tmp_path / "prints", run)
    for seq, entity_id in enumerate(ids, start=1):
        for prints in (memory, spilled):
            prints.add(entity_id, -entity_id * 1000 - seq, seq)
    assert len(spilled) == len(memory) == len(ids)
    expected = sorted(memory.by_id(), key=lambda t: (t[0], t[2]))
    assert list(memory.by_id()) == list(spilled.by_id()) == expected


def test_out_of_order_notes_through_the_spilling_store(tight: SpillStore) -> None:
    """The domain's merge of fingerprints with the table, fed from spilled runs."""

    def note(i: int) -> str:
        after = {"id": i, "claim_id": 1, "author": "a", "body": f"b{i}", "created_at": "t"}
        return json.dumps({"after": after})

    found = []
    for store in (MemoryStore(), tight):
        state = Replay(store=store)
        for seq, note_id in enumerate((5, 3, 9, 5), start=1):
            state.apply(seq, "note.added", "note", str(note_id), 1, note(note_id))
        state.compare("note", [(str(i), (i, 1, "a", f"b{i}", "t", False)) for i in (3, 5, 6)])
        found.append([d.message for d in state.differences])
    assert (
        found[0]
        == found[1]
        == [
            "seq 4: note #5: created again, but seq 1 already created it",
            "note #6: in the table, but no event creates it",
            "note #9: the events create it, but the table has no such row",
        ]
    )


@pytest.mark.parametrize("bad_id", ["²", "1" * 5000, str(2**63), "٣"])
def test_an_id_that_is_no_number_is_a_difference_either_way(tight: SpillStore, bad_id: str) -> None:
    """A forged id that str.isdigit accepts but no 64-bit id is ("²", Arabic-Indic digits, too
    many digits) is reported, the same on both stores, never raised."""
    found = []
    for store in (MemoryStore(), tight):
        state = Replay(store=store)
        after = {"id": bad_id, "claim_id": 1, "author": "a", "body": "b", "created_at": "t"}
        state.apply(1, "note.added", "note", bad_id, 1, json.dumps({"after": after}))
        before, change = json.dumps({"status": "unverified"}), json.dumps({"status": "checked"})
        state.apply(
            2,
            "claim.status_changed",
            "claim",
            bad_id,
            None,
            f'{{"before": {before}, "after": {change}}}',
        )
        state.compare("note", [])
        found.append([d.message.split(": ", 1)[1] for d in state.differences])
    assert found[0] == found[1]
    assert len(found[0]) == 2
    assert "its id is not a number" in found[0][0]
    assert "no earlier event creates it" in found[0][1]
