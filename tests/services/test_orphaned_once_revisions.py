"""A claim whose quote a revision removed is orphaned once: the next revision, which changes
other words, finds it still gone. `doc update` listed it again as `quote gone` with each
revision after, as if that revision had removed it, so a desk could not tell what the revision
it had just stored did. The outcome now says it was gone before (`gone_before`)."""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

P1 = "Unemployment fell to 3.5% in March, the lowest level since 1969."
P2 = "Exports to China rose by 12% last year according to the trade ministry."
P3 = "The city spent 2.8 million dollars on the new bridge, officials said."


def test_a_quote_gone_is_said_gone_by_the_revision_that_removed_it_alone(wb: Workbench) -> None:
    text = f"{P1}\n\n{P2}\n\n{P3}\n"
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="Jobs")).document.id
    gone = add_claim(wb, doc, "Exports rose 12%.", SpanRequest(quote="rose by 12% last year")).id
    kept = add_claim(wb, doc, "Jobless rate 3.5%.", SpanRequest(quote="fell to 3.5% in March")).id

    removed = update_document(wb, doc, Content(f"{P1}\n\n{P3}\n", "text", "r2.txt"))
    by_id = {a.claim_id: a for a in removed.anchors}
    assert by_id[gone].state == "orphaned" and not by_id[gone].gone_before
    assert not by_id[kept].gone_before

    later = P3.replace("officials", "the council")
    again = update_document(wb, doc, Content(f"{P1}\n\n{later}\n", "text", "r3.txt"))
    by_id = {a.claim_id: a for a in again.anchors}
    assert by_id[gone].state == "orphaned" and by_id[gone].gone_before
    assert by_id[gone].to_json()["gone_before"] is True
    assert not by_id[kept].gone_before

    back = update_document(wb, doc, Content(text, "text", "r4.txt"))
    by_id = {a.claim_id: a for a in back.anchors}
    assert by_id[gone].found_again and not by_id[gone].gone_before
