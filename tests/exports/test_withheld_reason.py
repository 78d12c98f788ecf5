"""A verdict flagged for re-review is withheld from every published view with its reason.

The bug (review100): `export annotations` publishes a flagged verdict as a `highlighting`
annotation "without status, rating or reason, as the report withholds it", and its --help says
"as the report shows it". The report left out the status and rating, but printed the verdict's
reason twice: in the claim's Notes and as the `why` of its history entries. A reason such as
"Founded in early 2022 per filings." says the withheld verdict in all but its word. Now the
page leaves out the reasons of a withheld verdict as the annotation does (one rule:
publishing.withheld_notes), and every other note of the claim stays.
"""

from __future__ import annotations

import re

from export_desk import ARTICLE, make_desk

from tests.conftest import PG_URL
from workbench.services import review
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_annotations, report_pages
from workbench.services.notes import add_note
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content

REASON = "Founded in early 2022 per filings."


def _item(wb: Workbench, doc: int, claim: int) -> str:
    [page] = report_pages(wb, document_ids=[doc])
    found = re.search(rf'<li class="claim" id="claim-{claim}".*?</details></li>', page.text, re.S)
    assert found is not None
    return found.group()


def _flag(wb: Workbench, doc: int) -> None:
    """The publisher corrects the sentence the `false` claim's verdict was given on."""
    update_document(wb, doc, Content(ARTICLE.replace("2021年底", "2022年初"), "text", "r2"))


def _annotation_bodies(wb: Workbench, claim_text: str) -> list[str]:
    items = export_annotations(wb).collection["first"]["items"]
    [found] = [a for a in items if a["body"][0]["value"] == claim_text]
    return [str(b["value"]) for b in found["body"]]


def test_the_report_withholds_a_flagged_verdicts_reason_as_the_annotation_does(
    wb: Workbench,
) -> None:
    desk = make_desk(wb)
    cid = desk.ids["false"]
    add_note(wb, cid, "Asked the registry for the 2021 filing.")
    _flag(wb, desk.doc)
    item = _item(wb, desk.doc, cid)
    assert "flagged for re-review" in item
    # The annotation leaves the reason out...
    assert REASON not in _annotation_bodies(wb, "MiniMax was founded at the end of 2021")
    # ...and so does the page, in its notes and its history.
    assert REASON not in item, item
    # A note that is not a verdict's reason stays, and so does the claim's history.
    assert "Asked the registry for the 2021 filing." in item
    assert "claim.status_changed" in item


def test_an_approved_proposals_reason_is_withheld_once_flagged(wb: Workbench) -> None:
    """With review.required on, the verdict's reason is the proposer's note, and the approver
    may write one of their own ("Agreed.", or why): once the verdict is flagged, the page
    leaves both out, as the annotation does (it publishes no note of a withheld verdict)."""
    desk = make_desk(wb)
    cid = desk.ids["open"]
    set_config(wb, "review.required", "true")
    if PG_URL:  # (one database role plays both people here)
        set_config(wb, "review.distinct_roles", "false")
    add_evidence(wb, cid, EvidenceInput(stance="refutes", url="https://e.org/x"))
    set_status(wb, cid, "false", note="PROPOSED REASON: the founder never said it.")
    review.approve(Workbench(url=wb.url, actor="editor"), cid, note="Agreed.")
    update_document(wb, desk.doc, Content(ARTICLE.replace("不是问题", "也不是问题"), "text", "r2"))
    [page] = report_pages(wb, document_ids=[desk.doc])
    assert cid in page.flagged
    item = _item(wb, desk.doc, cid)
    assert "PROPOSED REASON" not in item, item
    assert "Agreed." not in item
    assert "claim.approved" in item


def test_a_claim_not_flagged_keeps_its_reason_on_the_page(wb: Workbench) -> None:
    """The rule withholds a flagged verdict's reasons only: a verdict that stands shows its
    reason (README: the report lists every note)."""
    desk = make_desk(wb)
    add_evidence(wb, desk.ids["open"], EvidenceInput(stance="refutes", url="https://e.org/x"))
    set_status(wb, desk.ids["open"], "false", note="Not what the founder said.")
    item = _item(wb, desk.doc, desk.ids["open"])
    assert "Not what the founder said." in item
    assert REASON in _item(wb, desk.doc, desk.ids["false"])
