"""Architecture guards: every mutating service writes exactly one audit event per change.

Each function marked `@mutation` needs a scenario here; a new mutation without one fails
`test_every_mutation_has_a_scenario`, so nothing can be added that escapes the audit trail.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pytest

import workbench.services
from workbench.services.context import MUTATIONS, Workbench
from workbench.services.documents import add_document

for info in pkgutil.iter_modules(workbench.services.__path__):
    importlib.import_module(f"workbench.services.{info.name}")

TEXT = "MiniMax在2021年底创业,比ChatGPT早一年。"

Setup = Callable[[Workbench], Callable[[], object]]


def _doc(wb: Workbench) -> int:
    return add_document(wb, TEXT.encode()).document.id


def _claim(wb: Workbench) -> int:
    from workbench.services.claims import SpanRequest, add_claim

    return add_claim(wb, _doc(wb), "founded 2021", SpanRequest(quote="2021年底")).id


def s_add_document(wb: Workbench) -> Callable[[], object]:
    return lambda: add_document(wb, TEXT.encode())


def s_add_documents(wb: Workbench) -> Callable[[], object]:
    """Two files and one already stored, in one command: two documents, two events."""
    import tempfile
    from pathlib import Path

    from workbench.services.documents import add_documents

    _doc(wb)
    folder = Path(tempfile.mkdtemp())
    paths = [folder / "a.txt", folder / "b.txt", folder / "old.txt"]
    for path, text in zip(paths, ["甲说了一句话。", "乙说了另一句话。", TEXT], strict=True):
        path.write_text(text, encoding="utf-8")
    return lambda: add_documents(wb, [str(p) for p in paths])


def s_add_claim(wb: Workbench) -> Callable[[], object]:
    from workbench.services.claims import SpanRequest, add_claim

    doc = _doc(wb)
    return lambda: add_claim(wb, doc, "x", SpanRequest(quote="ChatGPT"))


def s_set_status(wb: Workbench) -> Callable[[], object]:
    from workbench.services.claims import set_status

    cid = _claim(wb)
    return lambda: set_status(wb, cid, "unverifiable", note="reason")


def s_withdraw(wb: Workbench) -> Callable[[], object]:
    from workbench.services.claims import withdraw

    cid = _claim(wb)
    return lambda: withdraw(wb, cid, reason="a duplicate")


def s_add_evidence(wb: Workbench) -> Callable[[], object]:
    from workbench.services.evidence import EvidenceInput, add_evidence

    cid = _claim(wb)
    return lambda: add_evidence(wb, cid, EvidenceInput(stance="supports", url="https://a.example"))


def s_edit_document(wb: Workbench) -> Callable[[], object]:
    """Two fields changed in one edit: one change of one document, one event."""
    from workbench.services.documents import edit_document

    doc = _doc(wb)
    return lambda: edit_document(wb, doc, title="Founding", url="https://example.com/a")


def s_edit_claim(wb: Workbench) -> Callable[[], object]:
    """Text, type and speaker changed, with a note: one change of one claim, one event."""
    from workbench.services.claim_edits import edit_claim

    cid = _claim(wb)
    return lambda: edit_claim(
        wb, cid, text="founded late 2021", claim_type="date", speaker="MiniMax", note="why"
    )


def s_set_config(wb: Workbench) -> Callable[[], object]:
    from workbench.services.settings import set_config

    return lambda: set_config(wb, "review.required", "true")


def _bulk(name: str, *args: object) -> Setup:
    def setup(wb: Workbench) -> Callable[[], object]:
        from workbench.services import workflow

        cid = _claim(wb)
        if name == "untag":
            workflow.tag(wb, [cid], ["ai"])
        return lambda: getattr(workflow, name)(wb, [cid], *args)

    return setup


def s_hand_over(wb: Workbench) -> Callable[[], object]:
    from workbench.services import workflow

    workflow.assign_owner(wb, [_claim(wb)], "alice")
    return lambda: workflow.hand_over(wb, "alice", "bob")


def _reviewed(decision: str) -> Setup:
    def setup(wb: Workbench) -> Callable[[], object]:
        from workbench.services import review
        from workbench.services.claims import set_status
        from workbench.services.settings import set_config

        cid = _claim(wb)
        set_config(wb, "review.required", "true")
        if "postgresql" in wb.url:
            # One database role for every test: the role rule has its own tests (test_signoff).
            set_config(wb, "review.distinct_roles", "false")
        set_status(wb, cid, "unverifiable", note="no record")
        other = Workbench(url=wb.url, actor="editor")
        if decision == "approve":
            return lambda: review.approve(other, cid)
        if decision == "approvals":
            return lambda: review.approvals(other, [cid])
        return lambda: review.reject(other, cid, note="weak")

    return setup


def s_accept_candidates(wb: Workbench) -> Callable[[], object]:
    """A document with exactly one check-worthy sentence: one claim, one event."""
    from workbench.services.extract import accept_candidates

    doc = add_document(
        wb, "2025年1月,MiniMax发布了国内首个线性注意力模型MiniMax-Text-01。".encode()
    )
    return lambda: accept_candidates(wb, doc.document.id)


def s_add_note(wb: Workbench) -> Callable[[], object]:
    from workbench.services.notes import add_note

    cid = _claim(wb)
    return lambda: add_note(wb, cid, "note")


def s_set_note_visibility(wb: Workbench) -> Callable[[], object]:
    """A published note taken back: one event on it, its reason riding in that event."""
    from workbench.services.notes import add_note, set_note_visibility

    note = add_note(wb, _claim(wb), "called her at home")
    return lambda: set_note_visibility(wb, note.id, internal=True, reason="desk only")


def _seed_file() -> str:
    """A seed of one document and one claim: two changes, two events."""
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "s.yaml").write_text(
        "document: {file: a.txt}\nclaims:\n  - {quote: '2021年底', text: founded}\n",
        encoding="utf-8",
    )
    return str(folder / "s.yaml")


def s_load_seed(wb: Workbench) -> Callable[[], object]:
    from workbench.services.seeds import load_seed

    path = _seed_file()
    return lambda: load_seed(wb, path)


def s_demo_board(wb: Workbench) -> Callable[[], object]:
    from workbench.services.demo import demo_board

    path = _seed_file()
    return lambda: demo_board(wb, path)


def s_update_document(wb: Workbench) -> Callable[[], object]:
    """A new revision of a document with one claim: the revision and the claim re-anchored."""
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    cid = _claim(wb)
    new = Content("编者按：本文有更新。\n" + TEXT, "text", "update.txt")
    return lambda: update_document(wb, cid, new)


def s_add_user(wb: Workbench) -> Callable[[], object]:
    from workbench.services.users import add_user

    return lambda: add_user(wb, "tester", display="The Tester")


def s_bind_user(wb: Workbench) -> Callable[[], object]:
    """A registered name bound to the session's own role (the test's, the tables' owner)."""
    from workbench.services.users import add_user, bind_user

    if not wb.url.startswith("postgres"):
        pytest.skip("login roles exist on PostgreSQL only")
    add_user(wb, "tester")
    return lambda: bind_user(wb, "tester", "postgres")


def s_edit_user(wb: Workbench) -> Callable[[], object]:
    """A registered person's address corrected by the desk's owner (the session's actor,
    registered first with them): one user.edited event (feat313)."""
    from workbench.services.users import add_user, edit_user

    add_user(wb, "tester", email="tester@example.org")
    return lambda: edit_user(wb, "tester", email="tester@example.net")


def s_import_claims(wb: Workbench) -> Callable[[], object]:
    """Two rows, one a verdict with its reason: two claims (the note rides in its event)."""
    import tempfile
    from pathlib import Path

    from workbench.services.imports import import_claims

    doc = _doc(wb)
    path = Path(tempfile.mkdtemp()) / "claims.csv"
    path.write_text(
        "quote,text,status,note,tags\n2021年底,founded,unverifiable,no record,a; b\n"
        "ChatGPT,named,,,\n",
        encoding="utf-8",
    )
    return lambda: import_claims(wb, str(path), doc)


def s_import_annotations(wb: Workbench) -> Callable[[], object]:
    import json
    import tempfile
    from pathlib import Path

    from workbench.services.imports import import_annotations

    doc = _doc(wb)
    path = Path(tempfile.mkdtemp()) / "anno.json"
    annotation = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "founded", "purpose": "describing"},
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "2021年底"}},
    }
    path.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    return lambda: import_annotations(wb, str(path), doc)


def s_upgrade_schema(wb: Workbench) -> Callable[[], object]:
    """`db upgrade` putting back the append-only triggers dropped from events (repair326): the
    one event saying so."""
    from workbench.db.backend import drop_append_only_triggers
    from workbench.db.engine import get_engine
    from workbench.services.database import upgrade_schema

    _doc(wb)
    with get_engine(wb.url).begin() as conn:
        drop_append_only_triggers(conn)
    return lambda: upgrade_schema(wb)


# name -> (scenario, number of entities the call creates or changes)
SCENARIOS: dict[str, tuple[Setup, int]] = {
    "workbench.services.documents.add_document": (s_add_document, 1),
    "workbench.services.documents.add_documents": (s_add_documents, 2),
    "workbench.services.documents.edit_document": (s_edit_document, 1),
    "workbench.services.claims.add_claim": (s_add_claim, 1),
    "workbench.services.claims.set_status": (s_set_status, 1),
    "workbench.services.claims.withdraw": (s_withdraw, 1),
    "workbench.services.claim_edits.edit_claim": (s_edit_claim, 1),
    "workbench.services.notes.add_note": (s_add_note, 1),
    "workbench.services.notes.set_note_visibility": (s_set_note_visibility, 1),
    "workbench.services.seeds.load_seed": (s_load_seed, 2),
    "workbench.services.demo.demo_board": (s_demo_board, 2),
    "workbench.services.evidence.add_evidence": (s_add_evidence, 1),
    "workbench.services.settings.set_config": (s_set_config, 1),
    "workbench.services.workflow.assign_owner": (_bulk("assign_owner", "alice"), 1),
    "workbench.services.workflow.tag": (_bulk("tag", ["ai"]), 1),
    "workbench.services.workflow.untag": (_bulk("untag", ["ai"]), 1),
    "workbench.services.workflow.set_priority": (_bulk("set_priority", "high"), 1),
    "workbench.services.workflow.set_due": (_bulk("set_due", "2030-01-01"), 1),
    "workbench.services.workflow.hand_over": (s_hand_over, 1),
    "workbench.services.review.approve": (_reviewed("approve"), 1),
    "workbench.services.review.approvals": (_reviewed("approvals"), 1),
    "workbench.services.review.reject": (_reviewed("reject"), 1),
    "workbench.services.extract.accept_candidates": (s_accept_candidates, 1),
    "workbench.services.revisions.update_document": (s_update_document, 2),
    "workbench.services.users.add_user": (s_add_user, 1),
    "workbench.services.users.bind_user": (s_bind_user, 1),
    "workbench.services.users.edit_user": (s_edit_user, 1),
    "workbench.services.imports.import_claims": (s_import_claims, 2),
    "workbench.services.imports.import_annotations": (s_import_annotations, 1),
    "workbench.services.database.upgrade_schema": (s_upgrade_schema, 1),
}


def test_every_mutation_has_a_scenario() -> None:
    assert set(MUTATIONS) == set(SCENARIOS)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_mutation_writes_one_event_per_change(
    name: str, wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    setup, changes = SCENARIOS[name]
    call = setup(wb)
    before = counts()
    call()
    after = counts()
    assert after["events"] - before["events"] == changes


def test_an_internal_note_writes_its_one_event_as_any_note(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    """`note add --internal` (review100): the same mutation, one row and one event, the
    event saying the note is internal."""
    from sqlalchemy import select

    from workbench.db.models import Event
    from workbench.services.context import transaction
    from workbench.services.notes import add_note

    cid = _claim(wb)
    before = counts()
    note = add_note(wb, cid, "desk only", internal=True)
    after = counts()
    assert (after["events"] - before["events"], after["notes"] - before["notes"]) == (1, 1)
    with transaction(wb) as tx:
        event = tx.session.scalars(select(Event).order_by(Event.seq.desc())).first()
        assert event is not None and event.entity_id == str(note.id)
        assert '"internal":true' in event.payload


@pytest.mark.parametrize("how", ["orm", "core", "sql"])
def test_a_change_without_its_event_is_refused_however_it_is_written(
    wb: Workbench, how: str
) -> None:
    """The guard sees every writing statement (ORM flush, Core batch, plain SQL), not only ORM
    objects: a write to an audited table with no event in its transaction rolls back whole."""
    from sqlalchemy import insert, select, text

    from workbench.db.models import Claim, ClaimTag
    from workbench.services.context import transaction

    claim_id = _claim(wb)
    refused = pytest.raises(RuntimeError, match="without an audit event")
    with refused, transaction(wb, write=True) as tx:
        if how == "orm":
            tx.session.add(ClaimTag(claim_id=claim_id, tag="sneaky"))
        elif how == "core":
            tx.session.execute(insert(ClaimTag), [{"claim_id": claim_id, "tag": "sneaky"}])
        else:
            tx.session.execute(
                text("UPDATE claims SET speaker = 'sneaky' WHERE id = :id"), {"id": claim_id}
            )
    with transaction(wb) as tx:
        assert tx.session.scalars(select(ClaimTag.tag)).all() == []
        assert tx.session.get(Claim, claim_id).speaker is None  # type: ignore[union-attr]
