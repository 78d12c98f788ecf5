"""`doc changes` and a revision that respells a claim's quote without changing its words: its
three full stops made an ellipsis (`more to do...` -> `more to do…`), its `……` set as `⋯⋯`.
Re-anchoring finds the quote where it was (exact) and takes the document's characters for it,
so the stored quote is no longer what the verdict was given on, character for character: the
report names the claim, as respelt, so the editor sees it. Spacing alone is no respelling."""

from __future__ import annotations

from workbench.services.changes import document_changes
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

OLD = (
    "He said there is more to do... and we will.\n"
    "他说\u2026\u2026我们会继续努力。\n"
    "Prices rose 5% last year, she said.\n"
)
NEW = (
    "He said there is more to do\u2026 and we will.\n"
    "他说\u22ef\u22ef我们会继续努力。\n"
    "Prices rose 5%  last year, she said.\n"
)
QUOTES = ("more to do... and we will", "他说\u2026\u2026我们会继续努力", "Prices rose 5% last year")


def test_a_quote_respelt_by_a_revision_is_named(wb: Workbench) -> None:
    """A revision that made the quote's `...` an ellipsis (and `……` a `⋯⋯`) left the claims
    out of `doc changes` ("0 claim(s) touched"), though their stored quotes now read otherwise
    than the words their verdict was given on; a quote whose spacing alone changed stays out."""
    doc = add_document(wb, OLD.encode(), meta=DocumentMeta(title="t")).document.id
    ids = [add_claim(wb, doc, q, SpanRequest(quote=q)).id for q in QUOTES]
    set_status(wb, ids[0], "in_progress")
    set_status(wb, ids[0], "unverifiable", note="no source for it")
    update_document(wb, doc, Content(NEW, "text", "new.txt"))
    [rev] = document_changes(wb, doc).revisions
    touched = {t.claim_id: t for t in rev.claims}
    assert sorted(touched) == ids[:2]
    first, second = touched[ids[0]], touched[ids[1]]
    assert (first.state, first.old_quote, first.new_quote) == (
        "exact",
        "more to do... and we will",
        "more to do\u2026 and we will",
    )
    assert first.respelt and first.verdict_before == "unverifiable"
    assert (second.old_quote, second.new_quote) == (QUOTES[1], "他说\u22ef\u22ef我们会继续努力")
    assert second.respelt
