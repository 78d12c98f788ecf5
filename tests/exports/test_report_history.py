"""A claim's history on the HTML report says what each change did, and why (trial73)."""

from __future__ import annotations

import re

from export_desk import make_desk

from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.exports import report_pages


def _history(wb: Workbench, doc: int, claim: int) -> str:
    [page] = report_pages(wb, document_ids=[doc])
    item = re.search(rf'<li class="claim" id="claim-{claim}".*?</details></li>', page.html, re.S)
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
