"""Internal notes are the desk's own: never published, kept in the trail (review100, finding 3).

The bug: a note could not be kept back. The report printed every note of a claim, and the note
the exports publish (a Web Annotation's `commenting` body, the claims table's `note`) was an open
claim's latest note, whatever it said: "DESK-ONLY: do not name her" went out to the public page
and the partner's feed. Now `add_note(..., internal=True)` keeps it on the desk: one rule
(publishing.public_notes, used by withheld_notes and published_note; the claims table's read
asks the same) leaves it out of every published view and never chooses it as the published
note. The flag is in the note's row and in its `note.added` event, so replay holds the two
equal and a bundle carries it; an older bundle, without the field, restores with its notes
published as before. Workflow rules treat an internal note as any note.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from export_desk import make_desk
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.domain.errors import TransitionRefused
from workbench.services import review
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.claim_records import claim_notes
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import (
    claim_rows,
    export_annotations,
    export_claimreview,
    report_pages,
)
from workbench.services.notes import add_note
from workbench.services.publishing import iter_documents, published_note, withheld_notes
from workbench.services.replay import replay
from workbench.services.review_selection import ReviewSelection
from workbench.services.settings import set_config

DESK_ONLY = "DESK-ONLY: the source spoke off the record, do not name her."
OLD_BUNDLE = Path(__file__).resolve().parents[1] / "data" / "bundles"
OLD_BUNDLE /= "review55_old_smallcap_approval.zip"


def _record(wb: Workbench, claim_id: int):  # type: ignore[no-untyped-def]
    for doc in iter_documents(wb):
        for record in doc.claims:
            if record.claim.id == claim_id:
                return record
    raise AssertionError(claim_id)


def test_an_internal_note_is_never_the_published_note(wb: Workbench) -> None:
    desk = make_desk(wb)
    cid = desk.ids["open"]
    public = _record(wb, cid).notes[-1]
    internal = add_note(wb, cid, DESK_ONLY, internal=True)
    assert internal.internal is True and public.internal is False
    record = _record(wb, cid)
    assert published_note(record) == public.body
    assert internal.id in withheld_notes(record)
    assert public.id not in withheld_notes(record)
    # A verdict's reason stands; a later internal note by its giver does not replace it.
    add_note(wb, desk.ids["false"], DESK_ONLY, internal=True)
    assert published_note(_record(wb, desk.ids["false"])) == "Founded in early 2022 per filings."


def test_every_published_view_leaves_an_internal_note_out(wb: Workbench) -> None:
    desk = make_desk(wb)
    for cid in desk.ids.values():
        add_note(wb, cid, DESK_ONLY, internal=True)
    [page] = report_pages(wb, document_ids=[desk.doc])
    assert "DESK-ONLY" not in page.text
    assert "Founded in early 2022 per filings." in page.text
    annotations = str(export_annotations(wb).collection)
    assert "DESK-ONLY" not in annotations and "Matches the company" in annotations
    assert "DESK-ONLY" not in str(
        export_claimreview(wb, ReviewSelection("Desk", "https://desk.example.org")).reviews
    )
    rows = {r["id"]: r["note"] for r in claim_rows(wb)}
    assert not any("DESK-ONLY" in (note or "") for note in rows.values())
    assert rows[desk.ids["open"]] is not None  # the open claim's published note stays
    # The desk sees it, marked.
    assert [n.internal for n in claim_notes(wb, desk.ids["open"])] == [False, True]


def test_the_report_lists_a_claims_other_notes(wb: Workbench) -> None:
    desk = make_desk(wb)
    cid = desk.ids["verified"]
    add_note(wb, cid, "Called the registry.")
    add_note(wb, cid, DESK_ONLY, internal=True)
    [page] = report_pages(wb, document_ids=[desk.doc])
    found = re.search(rf'<li class="claim" id="claim-{cid}".*?</details></li>', page.text, re.S)
    assert found is not None
    assert "Called the registry." in found.group() and "DESK-ONLY" not in found.group()


def test_replay_holds_the_flag_to_the_trail(wb: Workbench, db_url: str) -> None:
    desk = make_desk(wb)
    note = add_note(wb, desk.ids["open"], DESK_ONLY, internal=True)
    assert replay(wb).consistent
    # A note published by a change to its row alone (no event) is a difference.
    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE notes SET internal = false WHERE id = :id"), {"id": note.id})
    report = replay(wb)
    assert not report.consistent
    assert f"note #{note.id}" in str(report.to_json())


def test_a_bundle_round_trips_the_flag(wb: Workbench, empty_db_url: str, tmp_path: Path) -> None:
    desk = make_desk(wb)
    add_note(wb, desk.ids["open"], DESK_ONLY, internal=True)
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "desk.zip"
    path.write_bytes(buf.getvalue())
    moved = Workbench(url=empty_db_url, actor="tester")
    import_bundle(moved, str(path))
    assert [(n.body, n.internal) for n in claim_notes(moved, desk.ids["open"])][-1] == (
        DESK_ONLY,
        True,
    )
    assert replay(moved).consistent
    assert "DESK-ONLY" not in str(claim_rows(moved))


def test_a_bundle_from_an_older_release_keeps_its_notes_published(
    empty_db_url: str,
) -> None:
    """(A bundle written before the field existed: its notes come back published.)"""
    moved = Workbench(url=empty_db_url, actor="tester")
    summary = import_bundle(moved, str(OLD_BUNDLE))
    assert summary.upgraded_from is not None and summary.tables["notes"] == 1
    [note] = claim_notes(moved, 1)
    assert note.internal is False
    assert replay(moved).consistent
    assert {r["note"] for r in claim_rows(moved) if r["id"] == 1} == {note.body}


def test_an_internal_note_after_a_proposal_holds_the_approval_as_any_note(
    wb: Workbench,
) -> None:
    """A "STOP" note is the note most likely to be kept internal: the approval still waits."""
    desk = make_desk(wb)
    cid = desk.ids["open"]
    set_config(wb, "review.required", "true")
    set_config(wb, "review.distinct_roles", "false")  # one test role on PostgreSQL
    add_evidence(wb, cid, EvidenceInput(stance="refutes", url="https://e.org/x"))
    set_status(wb, cid, "false", note="The founder never said it.")
    add_note(Workbench(url=wb.url, actor="wang"), cid, "STOP: legal is checking", internal=True)
    with pytest.raises(TransitionRefused, match="added after its verdict"):
        review.approve(Workbench(url=wb.url, actor="editor"), cid)


def test_an_internal_note_is_no_verdicts_reason(wb: Workbench) -> None:
    desk = make_desk(wb)
    cid = desk.ids["open"]
    add_note(wb, cid, "It is false: the founder never said it.", internal=True)
    with pytest.raises(TransitionRefused, match="needs a reason"):
        set_status(wb, cid, "false")


def test_the_schema_is_not_taken_below_0015_under_an_internal_note(
    wb: Workbench, db_url: str
) -> None:
    """(The older schema has no flag: a downgrade would publish the note, so it is refused.)"""
    from alembic import command

    from workbench.db.migrate import alembic_config

    desk = make_desk(wb)
    add_note(wb, desk.ids["open"], DESK_ONLY, internal=True)
    config = alembic_config()
    with pytest.raises(RuntimeError, match="1 note"), get_engine(db_url).begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0014_search_rowids")
