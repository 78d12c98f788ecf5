"""Reading the trail (and documents, and archived files) in pages bounded by bytes: the same
rows, exports, verification and replay whatever the pages, with no page holding more than its
budget of long values (or the one row that is larger alone)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

import workbench.domain.chain as chain
import workbench.domain.replay as replay_domain
import workbench.exports.audit_jsonl as audit_jsonl
from workbench.db import paging, sqlite
from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.db.models import Blob, Document, Event
from workbench.db.paging import keyset_pages
from workbench.domain.chain import canonical_json
from workbench.exports.events import export_text
from workbench.services.audit import EXPORT_FIELDS, EventFilter, apply_filter, stream_events
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import update_from
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.verify import verify_database

LONG = "甲说了一句话。" + '很长的一段话,引号"和反斜杠\\也在内。\n' * 300 + "乙说了另一句话。"


@pytest.fixture
def desk(wb: Workbench, document_with_claims: Callable[..., Any], tmp_path: Path) -> Workbench:
    """Events of every size: a long document (added, then revised), a short one, claims,
    notes, a status change and an archived file."""
    a, b = document_with_claims(
        LONG, [("A said", "甲说了一句话"), ("B said", "乙说了另一句话")]
    ).claims
    document_with_claims()
    set_status(wb, a, "in_progress")
    add_note(wb, b, "短" * 50)
    revised = tmp_path / "revised.txt"
    revised.write_text(LONG.replace("很长", "更长"), encoding="utf-8")
    update_from(wb, 1, str(revised))
    archived = tmp_path / "filing.txt"
    archived.write_bytes(b"the filing\n" * 500)
    add_evidence(wb, b, EvidenceInput(stance="supports", file=str(archived)))
    add_note(wb, a, "done")
    return wb


def _sizes(rows: list[Any]) -> list[int]:
    return [len(r.payload.encode("utf-8")) for r in rows]


@pytest.mark.parametrize(
    ("rows", "budget"), [(1, 1), (3, 1), (3, 2_000), (2, 10**9), (5000, 10**9)]
)
def test_pages_hold_the_rows_of_one_query_within_their_bounds(
    desk: Workbench, rows: int, budget: int
) -> None:
    query = select(Event.seq, Event.payload)
    with transaction(desk) as tx:
        conn = tx.session.connection()
        whole = conn.execute(query.order_by(Event.seq)).all()
        pages = list(keyset_pages(conn, query, Event.seq, Event.payload, rows=rows, budget=budget))
    assert [r for page in pages for r in page] == whole
    assert max(_sizes(whole)) > 2_000  # the long document's events
    for page in pages:
        assert 1 <= len(page) <= rows
        assert len(page) == 1 or sum(_sizes(list(page))) <= budget


def test_a_page_is_filled_up_to_its_budget(desk: Workbench) -> None:
    """Pages end where the next row would pass the budget, not sooner."""
    query = select(Event.seq, Event.payload)
    with transaction(desk) as tx:
        conn = tx.session.connection()
        pages = list(keyset_pages(conn, query, Event.seq, Event.payload, budget=2_000))
    for page, after in itertools.pairwise(pages):
        assert sum(_sizes([*page, after[0]])) > 2_000


def test_filtered_pages_keep_the_filter(desk: Workbench) -> None:
    flt = EventFilter(document_id=1)
    query = apply_filter(flt, select(Event.seq, Event.action))
    with transaction(desk) as tx:
        conn = tx.session.connection()
        whole = conn.execute(query.order_by(Event.seq)).all()
        paged = list(keyset_pages(conn, query, Event.seq, Event.payload, rows=2, budget=1))
    assert [r for page in paged for r in page] == whole
    assert {r.action for r in whole} >= {"document.added", "claim.added", "note.added"}


def test_blobs_page_by_their_bytes_and_string_keys(desk: Workbench) -> None:
    query = select(Blob.sha256, Blob.data)
    with transaction(desk) as tx:
        conn = tx.session.connection()
        whole = conn.execute(query.order_by(Blob.sha256)).all()
        paged = list(keyset_pages(conn, query, Blob.sha256, Blob.data, rows=1, budget=1))
    assert whole and [r for page in paged for r in page] == whole


def test_an_empty_table_has_no_pages(wb: Workbench) -> None:
    with transaction(wb) as tx:
        conn = tx.session.connection()
        assert list(keyset_pages(conn, select(Document.id), Document.id, Document.text)) == []
        assert list(stream_events(conn, select(Event.seq))) == []


def test_a_page_holds_at_least_one_row(wb: Workbench) -> None:
    with transaction(wb) as tx, pytest.raises(ValueError, match="at least one row"):
        next(
            keyset_pages(
                tx.session.connection(), select(Event.seq), Event.seq, Event.payload, rows=0
            )
        )


@pytest.mark.parametrize("pages", [False, True])
def test_events_stop_at_the_newest_seen_first(
    desk: Workbench, pages: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if pages:
        _tiny_pages(monkeypatch)
    with transaction(desk) as tx:
        conn = tx.session.connection()
        seqs = [r.seq for r in stream_events(conn, select(Event.seq), through=3)]
    assert seqs == [1, 2, 3]


def _expected_jsonl(wb: Workbench) -> str:
    """The export as documented, built independently of its writer from one plain query: the
    scope line, then each event's fields in the export's order, `machine` only when known,
    the stored payload text last, byte for byte."""
    from workbench.services.audit import export_scope

    lines = []
    with transaction(wb) as tx:
        lines.append(canonical_json(export_scope(tx, EventFilter()).to_json()))
        columns = [getattr(Event, name) for name in EXPORT_FIELDS]
        for row in tx.session.execute(select(*columns).order_by(Event.seq)).mappings():
            record = {name: row[name] for name in ("seq", "at", "actor")}
            if row["machine"] is not None:
                record["machine"] = row["machine"]
            for name in ("action", "entity_type", "entity_id", "claim_id", "prev_hash", "hash"):
                record[name] = row[name]
            head = json.dumps(record, ensure_ascii=False, separators=(",", ":"))[:-1]
            lines.append(f'{head},"payload":{row["payload"]}}}')
    return "".join(line + "\n" for line in lines)


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every payload and text "long": hashed, compared and written a piece at a time."""
    for module in (chain, replay_domain, audit_jsonl):
        monkeypatch.setattr(module, "PIECE", 7)
    yield


def _tiny_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of one or two rows, on every backend (SQLite reads row by row otherwise)."""
    monkeypatch.setattr(sqlite, "READS_ROW_BY_ROW", False)
    monkeypatch.setattr(paging, "ROWS", 2)
    monkeypatch.setattr(paging, "BUDGET", 1)


@pytest.fixture
def tiny_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    _tiny_pages(monkeypatch)


def test_export_is_the_same_whatever_the_pages(
    desk: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _expected_jsonl(desk)
    csv = export_text(desk, "csv")
    assert export_text(desk, "jsonl") == expected
    _tiny_pages(monkeypatch)
    assert export_text(desk, "jsonl") == expected
    assert export_text(desk, "csv") == csv
    for module in (chain, replay_domain, audit_jsonl):
        monkeypatch.setattr(module, "PIECE", 7)
    assert export_text(desk, "jsonl") == expected


def test_timeline_is_the_same_whatever_the_pages(
    desk: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    def timeline() -> list[str]:
        # Without its first lines, which say when it was exported.
        return export_text(desk, "md").splitlines()[4:]

    before = timeline()
    _tiny_pages(monkeypatch)
    assert timeline() == before
    # The documents' events (added, revised) come with the other events not about a claim.
    assert "## Other events" in before and "_(seq 1)_" in "".join(before)


@pytest.mark.usefixtures("tiny_pages", "small_pieces")
def test_verify_and_replay_in_the_smallest_pieces(desk: Workbench) -> None:
    with transaction(desk) as tx:
        events = tx.session.execute(select(func.count()).select_from(Event)).scalar_one()
    report = verify_database(desk)
    assert report.ok and report.count == events
    assert replay(desk).consistent


@pytest.mark.usefixtures("tiny_pages", "small_pieces")
def test_a_long_payload_rewritten_is_caught_piece_by_piece(desk: Workbench) -> None:
    """The document's event re-encoded with spaces and escaped non-ASCII: the same JSON, no
    longer the canonical text the hash was taken of."""
    with get_engine(desk.url).begin() as conn:
        drop_append_only_triggers(conn)
        stored = conn.execute(text("SELECT payload FROM events WHERE seq = 1")).scalar_one()
        rewritten = json.dumps(json.loads(stored), sort_keys=True)
        conn.execute(text("UPDATE events SET payload = :p WHERE seq = 1"), {"p": rewritten})
    report = verify_database(desk)
    assert report.broken is not None and report.broken.seq == 1
    assert "not canonical JSON" in report.broken.message()


@pytest.mark.usefixtures("tiny_pages")
def test_a_document_text_changed_is_found_by_replay(desk: Workbench) -> None:
    with get_engine(desk.url).begin() as conn:
        conn.execute(text("UPDATE documents SET text = :t WHERE id = 1"), {"t": LONG + "!"})
    differences = [d.message for d in replay(desk).differences]
    assert any("document #1 text" in m for m in differences), differences
