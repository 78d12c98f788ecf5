"""lean2: `audit export --after HEAD` in JSONL reads on the database driver
(services/events_after.py); the export it writes is byte for byte the ORM's (services.audit and
exports/audit_jsonl.write, in the export's transaction), whatever the desk holds and wherever
the head is, and it refuses what the ORM's refuses in the same words."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.chain import GENESIS, PIECE
from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.event_filter import EventFilter
from workbench.services.events_after import export_after, takes
from workbench.services.notes import add_note


def _orm(wb: Workbench, flt: EventFilter) -> str:
    """The export as it was written before the driver's path: through the ORM."""
    from workbench.exports.audit_jsonl import write
    from workbench.services.audit import pin_after

    buf = io.StringIO()
    with transaction(wb) as tx:
        tx.one_snapshot()
        write(tx, buf, pin_after(tx, flt))
    return buf.getvalue()


def _lean(wb: Workbench, flt: EventFilter) -> str:
    buf = io.StringIO()
    count = export_after(wb, buf, flt)
    text = buf.getvalue()
    assert count == len(text.splitlines()) - 1
    return text


def _heads(wb: Workbench) -> list[tuple[int, str]]:
    """Every (seq, hash) of the trail, GENESIS's 0 first."""
    import json

    lines = _orm(wb, EventFilter()).splitlines()[1:]
    return [(0, GENESIS), *((e["seq"], e["hash"]) for e in map(json.loads, lines))]


def _same_everywhere(wb: Workbench) -> None:
    heads = _heads(wb)
    filters = [EventFilter()]
    for seq, head in heads:
        filters += [
            EventFilter(after_seq=seq),
            EventFilter(after_head=head),
            EventFilter(after_seq=seq, after_head=head.upper()),
        ]
    for flt in filters:
        assert takes("jsonl", flt)
        assert _lean(wb, flt) == _orm(wb, flt), flt


def test_an_empty_trail(wb: Workbench) -> None:
    _same_everywhere(wb)


def test_a_desk_of_claims_notes_and_statuses(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    claims = [('A said "something"\\', "甲说了一句话"), ("B said 𝔘 ‮", "乙说了另一句话")]
    a, b = document_with_claims(claims=claims).claims
    set_status(wb, a, "in_progress")
    add_note(wb, b, '=HYPERLINK("http://evil")\n\ttab')
    other = Workbench(url=wb.url, actor="ǰane")
    add_note(other, a, "王 芳 said so")
    _same_everywhere(wb)


def test_a_document_longer_than_a_piece_and_an_event_with_no_machine(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    """A payload over PIECE is written a piece at a time; an event older than migration 0006
    has no machine, and its line no such key."""
    from sqlalchemy import text

    from workbench.db.backend import drop_append_only_triggers
    from workbench.db.engine import get_engine

    long_text = "甲说了一句话。" + "长" * (PIECE // 3 + 10) + "。"
    (a,) = document_with_claims(text=long_text).claims
    set_status(wb, a, "in_progress")
    with get_engine(wb.url).begin() as conn:  # as an older trail holds it (test_tamper)
        drop_append_only_triggers(conn)
        conn.execute(text("UPDATE events SET machine = NULL WHERE seq = 2"))
    _same_everywhere(wb)


def test_the_same_in_pages_of_any_size(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of one or two rows (workbench.db.paging's `driver_rows`, SQLite's too): every head
    still gives the ORM's export, a page's bounds neither repeating nor skipping an event."""
    from workbench.db import paging, sqlite

    long_text = "甲说了一句话。" + "长" * 3000 + "。"
    (a,) = document_with_claims(text=long_text).claims
    document_with_claims()
    set_status(wb, a, "in_progress")
    add_note(wb, a, "短" * 50)
    monkeypatch.setattr(sqlite, "READS_ROW_BY_ROW", False)
    monkeypatch.setattr(paging, "ROWS", 2)
    for budget in (1, 5_000, 10**9):
        monkeypatch.setattr(paging, "BUDGET", budget)
        _same_everywhere(wb)


def test_the_same_refusals(wb: Workbench, document_with_claims: Callable[..., Any]) -> None:
    document_with_claims()
    heads = _heads(wb)
    last_seq, last_head = heads[-1]
    unknown = "ab" * 32
    asked = [
        EventFilter(after_head=unknown),
        EventFilter(after_seq=last_seq + 1),
        EventFilter(after_seq=1, after_head=last_head),
        EventFilter(after_seq=last_seq, after_head=GENESIS),
    ]
    for flt in asked:
        with pytest.raises((NotFound, InvalidInput)) as old:
            _orm(wb, flt)
        with pytest.raises((NotFound, InvalidInput)) as new:
            _lean(wb, flt)
        assert (type(new.value), str(new.value)) == (type(old.value), str(old.value)), flt
        assert getattr(new.value, "hint", None) == getattr(old.value, "hint", None)


class _Discarded(io.TextIOBase):
    """An output that keeps nothing: what the export holds is what it reads."""

    def write(self, s: str) -> int:
        return len(s)


def test_a_window_of_long_documents_is_read_within_the_page_budget(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document's events carry its whole text: the ORM's read held at most a page's budget
    of them (workbench.db.paging), and so does the driver's. With a budget of one byte every
    page is one event, so the export never holds two of these texts at once (rlean2: on
    PostgreSQL a server-side cursor's 64 rows held every one, 445 MB for 39 documents of
    5 MB where the ORM's read held 81 MB)."""
    import tracemalloc

    from workbench.db import paging
    from workbench.services.documents import DocumentMeta, add_document

    size = 1_000_000
    sentence = "The minister said the budget grew. "
    for i in range(8):
        text = f"Document {i}. " + sentence * (size // len(sentence))
        add_document(wb, text.encode(), meta=DocumentMeta(title=f"d{i}"))
    monkeypatch.setattr(paging, "BUDGET", 1)
    tracemalloc.start()
    try:
        assert export_after(wb, _Discarded(), EventFilter(after_seq=0)) == 8
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * size, peak


@pytest.mark.parametrize(
    ("fmt", "flt"),
    [
        ("csv", EventFilter(after_seq=1)),
        ("md", EventFilter(after_seq=1)),
        ("jsonl", EventFilter(after_seq=1, claim_id=1)),
        ("jsonl", EventFilter(document_id=1)),
        ("jsonl", EventFilter(actors=("tester",))),
        ("jsonl", EventFilter(actions=("claim.*",))),
        ("jsonl", EventFilter(since="2020-01-01")),
        ("jsonl", EventFilter(until="2099-01-01")),
    ],
)
def test_any_other_export_goes_the_orms_way(fmt: str, flt: EventFilter) -> None:
    assert not takes(fmt, flt)
