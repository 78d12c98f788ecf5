"""Audit payloads hold stored facts only, in the shape docs/events.md gives; replay still reads
the older shape, whose claim.added events carried the view's derived fields."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from sqlalchemy import select

from workbench.db.models import Claim, Event
from workbench.domain.kinds import KINDS
from workbench.domain.payloads import ACTIONS, check_changes
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import DocumentMeta, add_document, edit_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.settings import set_config
from workbench.services.verify import verify_database
from workbench.services.workflow import assign

TEXT = "甲说：去年销量增长了百分之十。"
# Values a view derives for display: never part of the permanent record.
DERIVED = {"rating", "evidence_count", "similar", "similarity", "sentence"}

# claim.added as the workbench wrote it before payloads had a module of their own (captured
# from that version): the view's JSON, with its derived rating and evidence_count, and without
# proposed_note. Such events sit in existing hash chains for ever.
OLD_CLAIM_ADDED = json.loads(
    '{"after":{"assignee":null,"created_at":"2026-11-30T09:17:30.196838Z","created_by":"ana",'
    '"document_id":1,"due":null,"end":14,"evidence_count":0,"id":1,"prefix":"甲说：",'
    '"priority":"normal","proposed_by":null,"proposed_status":null,'
    '"quote":"去年销量增长了百分之十","rating":null,"speaker":null,"start":3,'
    '"status":"unverified","suffix":"。","tags":[],"text":"销量增长了百分之十","type":"fact",'
    '"updated_at":"2026-11-30T09:17:30.196838Z","version":1}}'
)


def _events(wb: Workbench) -> list[tuple[str, dict[str, Any]]]:
    with transaction(wb) as tx:
        rows = tx.session.execute(select(Event.action, Event.payload).order_by(Event.seq))
        return [(action, json.loads(payload)) for action, payload in rows]


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value))
    return set()


@pytest.fixture
def every_action(wb: Workbench) -> Workbench:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="T")).document.id
    edit_document(wb, doc, title="T2", published="2025-01-01")
    claim = add_claim(wb, doc, "销量增长了百分之十", SpanRequest(quote="去年销量增长了百分之十")).id
    add_note(wb, claim, "看统计局")
    add_evidence(wb, claim, EvidenceInput(stance="refutes", url="https://example.org/stats"))
    set_status(wb, claim, "in_progress")
    edit_claim(wb, claim, text="销量增长了10%", speaker="甲", note="甲说的")
    assign(wb, [claim], "bo")
    set_config(wb, "review.required", "true")
    set_status(wb, claim, "false", note="统计局数据不符")
    return wb


def test_payloads_hold_stored_facts_only(every_action: Workbench) -> None:
    events = _events(every_action)
    assert {a for a, _ in events} >= {
        "document.added",
        "document.edited",
        "claim.added",
        "note.added",
        "evidence.added",
        "claim.status_changed",
        "claim.edited",
        "claim.assigned",
        "setting.changed",
        "claim.review_requested",
    }
    for action, payload in events:
        assert not _keys(payload) & DERIVED, (action, payload)
        known = ACTIONS[action]
        if known.shape == "created":
            assert list(payload) == ["after"]
            assert set(payload["after"]) == set(KINDS[known.kind].fields), action
        elif known.shape == "changed":
            assert set(payload) == {"before", "after", "note"}
            changed = set(payload["after"]) - {"version", "updated_at"}
            assert changed <= set(known.changes), action
            if payload["note"] is not None:
                assert set(payload["note"]) == set(KINDS["note"].fields)


def test_replay_still_reads_the_old_claim_added_shape(wb: Workbench) -> None:
    add_document(wb, TEXT.encode(), meta=DocumentMeta(title="T"))
    old = OLD_CLAIM_ADDED["after"]
    at = dt.datetime(2026, 11, 30, 9, 17, 30, 196838, tzinfo=dt.UTC)
    # Written by ana, as the event's own created_by says (replay holds the two together).
    with transaction(Workbench(url=wb.url, actor="ana"), write=True) as tx:
        claim = Claim(
            **{
                k: old[k]
                for k in ("document_id", "text", "quote", "start", "end", "prefix", "suffix")
            },
            type="fact",
            status="unverified",
            created_by="ana",
            created_at=at,
            updated_at=at,
        )
        tx.session.add(claim)
        tx.session.flush()
        assert claim.id == old["id"]
        tx.record("claim.added", "claim", claim.id, OLD_CLAIM_ADDED, claim_id=claim.id)
    # Later events, in today's shape, build on the old one.
    set_status(wb, 1, "in_progress", note="开始核查")
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]
    assert report.entities["claim"] == 1
    assert verify_database(wb).ok


def test_an_undeclared_change_is_refused() -> None:
    check_changes("claim.assigned", ["assignee", "version", "updated_at"])
    with pytest.raises(ValueError, match=re.escape("claim.assigned changing ['status']")):
        check_changes("claim.assigned", ["assignee", "status"])
    with pytest.raises(ValueError, match=re.escape("action claim.renamed")):
        check_changes("claim.renamed", ["text"])


def test_results_say_their_own_json(wb: Workbench) -> None:
    added = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="T"))
    assert added.to_json() == {
        **added.document.to_json(),
        "created": True,
        "language_guessed": True,  # (TEXT says no language; its script does)
    }
    claim = add_claim(wb, 1, "销量增长了百分之十", SpanRequest(quote="去年销量增长了百分之十")).id
    change = set_status(wb, claim, "in_progress", note="开始")
    data = change.to_json()
    assert data["claim"]["status"] == "in_progress" and data["previous"] == "unverified"
    assert data["changed"] is True and [n["body"] for n in data["notes"]] == ["开始"]
    # The view's JSON keeps its derived fields (only the audit payloads drop them).
    assert list(data["claim"]) == [
        *("id", "document_id", "text", "quote", "start", "end", "prefix", "suffix"),
        *("speaker", "type", "status", "created_by", "created_at", "updated_at", "version"),
        *("rating", "assignee", "tags", "priority", "due", "proposed_status", "proposed_by"),
        *("evidence_count", "revision", "anchor", "verdict_revision", "flagged"),
    ]
    report = verify_database(wb).to_json()
    assert report["ok"] is True and report["count"] == 3 and report["break"] is None
