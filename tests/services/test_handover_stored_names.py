"""`claim assign --from NAME` hands over the claims `claim list --assignee NAME` lists: an owner
stored in an earlier version's normal form (`王 芳`, before a space between Chinese characters
left a name) is the same person as the name typed today."""

from __future__ import annotations

from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.workflow import assign_owner, hand_over

TEXT = "宁德时代2024年营收4009亿元。\n公司表示，其海螺AI在全球拥有超过一亿用户。\n"


def test_hand_over_missed_an_owner_stored_with_a_space(wb: Workbench) -> None:
    """`claim assign --from 王芳 --to 陈静` said 王芳 owned no open claims when the claims were
    stored under `王 芳` by an earlier version, though `claim list --assignee 王芳` listed them:
    the hand-over compared the stored owner exactly, the listing by the name's keys."""
    doc = add_document(wb, TEXT.encode()).document.id
    ids = [
        add_claim(wb, doc, q, SpanRequest(quote=q)).id
        for q in ("营收4009亿元", "海螺AI在全球拥有超过一亿用户")
    ]
    assign_owner(wb, ids, "王芳")
    with get_engine(wb.url).begin() as conn:  # as an earlier version stored the owner
        conn.execute(text("UPDATE claims SET assignee = '王 芳'"))
    listed = [c.id for c in list_claims(wb, ClaimFilter(assignee="王芳"))]
    assert listed == ids
    done = hand_over(wb, "王芳", "陈静")
    assert [c.id for c in done.claims] == ids
    assert [c.assignee for c in done.claims] == ["陈静", "陈静"]
    assert list_claims(wb, ClaimFilter(assignee="王芳")) == []
