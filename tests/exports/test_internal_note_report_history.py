"""The report's history leaves an internal note out, as its Notes do (review106).

The bug: `note add --internal` kept the note's words off the published page, but the claim's
History still listed its `note.added` event: who wrote a note, and when, that the page's Notes
do not show, telling any reader that the desk keeps a note back on this claim. Every other
published view leaves an internal note out whole; so does the report's history now.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from workbench.services.context import Workbench
from workbench.services.exports import report_pages
from workbench.services.notes import add_note
from workbench.services.publishing import iter_documents


def _history(html: str, claim_id: int) -> str:
    """The History list of one claim's entry on the page."""
    item = re.search(rf'<li class="claim" id="claim-{claim_id}".*?</details></li>', html, re.S)
    assert item is not None
    history = re.search(r'<ol class="timeline">(.*?)</ol>', item.group(0), re.S)
    assert history is not None
    return history.group(1)


def test_the_history_leaves_an_internal_notes_event_out(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    made = document_with_claims()
    doc, [cid] = made.doc, made.claims
    add_note(wb, cid, "a published note")
    add_note(replace(wb, actor="nora"), cid, "DESK-ONLY: do not name her", internal=True)
    [page] = report_pages(wb, document_ids=[doc])
    history = _history(page.text, cid)
    assert "DESK-ONLY" not in page.text
    # The published note's entry stays; the internal one's (by nora) is not there at all.
    assert history.count("<code>note.added</code>") == 1
    assert "nora" not in history
    # The record still holds both: only the published view leaves it out.
    [record] = [r for d in iter_documents(wb) for r in d.claims if r.claim.id == cid]
    assert [n.internal for n in record.notes] == [False, True]
