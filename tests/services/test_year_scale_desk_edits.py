"""Desk edits of many claims at once (`claim tag|untag|assign|priority|due` with thousands of
IDs) at a year's scale (review66): one statement named every ID, and every claim, its tags and
its events were held until the end (674 MB for 40,000 IDs)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from workbench.db.engine import get_engine
from workbench.domain.errors import NotFound
from workbench.services import lookup
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.workflow import assign_owner, set_priority, tag, untag

SENTENCES = [f"第{i}家公司的估值达到{i}亿美元。" for i in range(1, 8)]


def _desk(wb: Workbench) -> list[int]:
    doc = add_document(wb, "\n".join(SENTENCES).encode()).document.id
    return [add_claim(wb, doc, s, SpanRequest(quote=s)).id for s in SENTENCES]


@contextmanager
def _claim_id_lists(wb: Workbench) -> Iterator[list[int]]:
    """How many parameters each statement reading claims by id was given."""
    sizes: list[int] = []

    def seen(conn: Any, cursor: Any, statement: str, params: Any, *rest: Any) -> None:
        if "claims.id IN" in statement:
            sizes.append(len(params) if params is not None else 0)

    engine = get_engine(wb.url)
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sizes
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_bulk_edit_names_its_ids_a_batch_at_a_time(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every named claim was read in one statement, `claims.id IN` all of them (past 32,766 or
    65,535 IDs a backend's parameter limit), and held, with its tags and evidence, to the end."""
    ids = _desk(wb)
    monkeypatch.setattr(lookup, "ID_BATCH", 3)
    with _claim_id_lists(wb) as sizes:
        done = tag(wb, [*reversed(ids), ids[0]], ["bulk"])
    assert sizes and max(sizes) <= 3, sizes
    assert [c.id for c in done.claims] == list(reversed(ids))
    assert all(c.tags == ("bulk",) for c in done.claims)
    assert not done.unchanged


def test_batched_edits_keep_their_order_and_what_they_say(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits over several batches said the same as in one: each claim in the order named,
    those already so left alone, an untag's absent tags by claim."""
    ids = _desk(wb)
    monkeypatch.setattr(lookup, "ID_BATCH", 2)
    tag(wb, ids[:3], ["economy"])
    again = tag(wb, ids, ["economy"])
    assert again.unchanged == frozenset(ids[:3])
    gone = untag(wb, ids, ["economy", "ai"])
    assert gone.absent == {i: ("ai",) for i in ids}
    owned = assign_owner(wb, ids[2:], "alice")
    assert [c.assignee for c in owned.claims] == ["alice"] * (len(ids) - 2)
    high = set_priority(wb, ids, "high")
    assert [c.id for c in high.claims] == ids and not high.unchanged


def test_a_missing_id_in_a_later_batch_changes_nothing(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing still holds across batches: an unknown ID is named, nothing written."""
    ids = _desk(wb)
    monkeypatch.setattr(lookup, "ID_BATCH", 2)
    with pytest.raises(NotFound) as refused:
        tag(wb, [*ids, 9999], ["bulk"])
    assert refused.value.message == "no claim #9999; nothing was changed"
    assert not any("bulk" in c.tags for c in tag(wb, ids, ["other"]).claims)


def test_thousands_of_unknown_ids_are_named_in_a_short_line(wb: Workbench) -> None:
    """`claim tag $(seq 1 40000) x` on a desk of 1,000 claims named all 39,000 unknown IDs in
    one line of about 270 KB; it now names the first ten and says how many more."""
    ids = _desk(wb)
    with pytest.raises(NotFound) as refused:
        tag(wb, [*ids, *range(1001, 1051)], ["bulk"])
    listed = ", ".join(f"#{i}" for i in range(1001, 1011))
    assert refused.value.message == f"no claim {listed} and 40 more; nothing was changed"
