"""A claim's history on the HTML report says what each change did, and why (trial73)."""

from __future__ import annotations

import re

from export_desk import ARTICLE, make_desk

from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import report_pages
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content


def _history(wb: Workbench, doc: int, claim: int) -> str:
    [page] = report_pages(wb, document_ids=[doc])
    item = re.search(rf'<li class="claim" id="claim-{claim}".*?</details></li>', page.text, re.S)
    assert item is not None
    [timeline] = re.findall(r'<ol class="timeline">(.*?)</ol>', item.group(), re.S)
    return str(timeline)


def test_a_corrected_verdict_shows_from_what_to_what_and_the_reason(wb: Workbench) -> None:
    """trial73: each entry named its action only, so a verdict published as verified and
    corrected to false read as three `claim.status_changed` lines: nothing on the page said
    that the verdict had changed, from what, or why."""
    desk = make_desk(wb)
    cid = desk.ids["verified"]
    set_status(wb, cid, "in_progress", note="A reader: the filings say 2022.")
    set_status(wb, cid, "false", note="Corrected: founded in 2022.")
    history = _history(wb, desk.doc, cid)
    assert "status: <bdi>verified</bdi> → <bdi>in_progress</bdi>" in history
    assert "status: <bdi>in_progress</bdi> → <bdi>false</bdi>" in history
    assert '<q class="why"><bdi>Corrected: founded in 2022.</bdi></q>' in history
    # Bookkeeping is not a change a reader weighs.
    assert "version" not in history and "updated_at" not in history


def test_a_change_note_is_escaped(wb: Workbench) -> None:
    """A reason is user text: markup in it is shown, never run."""
    desk = make_desk(wb)
    cid = desk.ids["verified"]
    set_status(wb, cid, "in_progress", note="<script>alert(1)</script>")
    history = _history(wb, desk.doc, cid)
    assert "<script>" not in history
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in history


def test_a_flagged_claims_history_does_not_publish_its_withheld_verdict(wb: Workbench) -> None:
    """The page withholds a verdict whose quote changed after it was given (flagged for
    re-review): "neither its word, its symbol nor its colour" (report.shown). The history
    entries added for trial73 then said it all the same: `status: unverified → false` under a
    badge reading "flagged for re-review". Now a flagged claim's entries leave its status
    values out (the action and the reason stay, as they were before trial73)."""
    desk = make_desk(wb)
    cid = desk.ids["false"]
    # The publisher corrects the sentence the verdict was given on: the claim is flagged.
    update_document(wb, desk.doc, Content(ARTICLE.replace("2021年底", "2022年初"), "text", "r2"))
    [page] = report_pages(wb, document_ids=[desk.doc])
    assert cid in page.flagged
    history = _history(wb, desk.doc, cid)
    assert "claim.status_changed" in history
    assert "false" not in history, history
    # A claim whose quote did not change still shows from what to what.
    assert "status: <bdi>unverified</bdi> → <bdi>verified</bdi>" in _history(
        wb, desk.doc, desk.ids["verified"]
    )


def test_a_proposed_verdict_is_not_published_before_its_approval(wb: Workbench) -> None:
    """With review.required on, a verdict proposed is in review until a second person approves
    it: the page shows the claim `in_review`, not rated, and `export claimreview` skips it. Its
    history entry said `proposed_status: (none) → false` all the same, though the report left
    out "a proposal's own fields" by its own comment (proposed_status was not among them). Now
    the proposed verdict is shown only once applied (`claim.approved`: in_review → false)."""
    desk = make_desk(wb)
    set_config(wb, "review.required", "true")
    cid = desk.ids["open"]
    _cite_refuting(wb, cid)
    set_status(wb, cid, "false", note="Proposed: the filing says otherwise.")
    history = _history(wb, desk.doc, cid)
    assert "claim.review_requested" in history
    assert "status: <bdi>unverified</bdi> → <bdi>in_review</bdi>" in history
    assert "false" not in history and "proposed_status" not in history, history


def _cite_refuting(wb: Workbench, cid: int) -> None:
    add_evidence(wb, cid, EvidenceInput(stance="refutes", url="https://example.org/filing"))


def test_a_notes_time_reads_as_its_history_entry_does(wb: Workbench) -> None:
    """trial225, a month's desk opened in Chromium: beside a claim, its notes were stamped
    "2026-12-06T05:37" (the stored stamp cut, its T left in) and the same note's history entry
    "2026-12-06 05:37:25", so one moment read two ways on one page. A note says its time as
    the history says its entries' (`as_read`), to the second."""
    from workbench.services.notes import add_note

    desk = make_desk(wb)
    cid = desk.ids["verified"]
    note = add_note(wb, cid, "Called the registry.")
    [page] = report_pages(wb, document_ids=[desk.doc])
    item = re.search(rf'<li class="claim" id="claim-{cid}".*?</details></li>', page.text, re.S)
    assert item is not None
    stamp = note.created_at[:19].replace("T", " ")
    notes = item.group().split("<h3>Notes</h3>", 1)[1].split("<h3>", 1)[0]
    assert f", {stamp}</span> " in notes, notes
    assert "T" not in re.sub(r"<[^>]+>", "", notes.split("Called the registry.")[0][-40:])
