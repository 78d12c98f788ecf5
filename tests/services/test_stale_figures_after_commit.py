"""`doc update` reads the figures a changed quote took out of its claim's text
(AnchorOutcome.stale_figures) once the revision has committed, not under the desk's write lock:
similarity's reading of figures costs about 3 ms a changed claim, and its tables' first load
more (rC: a 2,000-claim document whose every figure changed held the lock half as long again).
What it gives is the same."""

from __future__ import annotations

import pytest

from workbench.services import revisions
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import list_revisions, update_document
from workbench.services.sources import Content

FIRST = "第一段落，足够长的一段文字。\n\n公司员工超过500人，营收增长35%。\n"


def test_the_figures_are_read_after_the_revision_is_committed(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = add_document(wb, FIRST.encode()).document.id
    claim = add_claim(
        wb, doc, "员工500人，增长35%", SpanRequest(quote="员工超过500人，营收增长35%")
    )
    seen: list[int] = []
    real = revisions.stale_figures

    def read(text: str, judged: str, quote: str) -> list[str]:
        # Another connection sees the new revision: the write has committed.
        seen.append(len(list_revisions(wb, doc)))
        return real(text, judged, quote)

    monkeypatch.setattr(revisions, "stale_figures", read)
    second = FIRST.replace("500", "600")
    added = update_document(wb, doc, Content(second, "text", "b.txt"))
    assert seen == [2]
    [outcome] = [a for a in added.anchors if a.claim_id == claim.id]
    assert outcome.state == "fuzzy" and outcome.stale_figures == ("500",)
    # a quote left as it was reads none
    third = second.replace("第一段落", "首段")
    assert all(
        a.stale_figures == ()
        for a in update_document(wb, doc, Content(third, "text", "c.txt")).anchors
    )
    assert seen == [2]
