"""perf (session 65): `audit export --claim ID` (or `--doc DOC`) in CSV, the trail of one story
for an editor's spreadsheet, reads on the database driver (services/events_csv.py): on the
year desk it imported SQLAlchemy and built the models to read a claim's few dozen events. The
file is byte for byte the ORM's (exports/audit_csv.write in the export's transaction), for
every filter it takes, and it refuses what the ORM's refuses in the same words."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from tests.cli.test_startup import HEAVY, _probe
from workbench.domain.chain import PIECE
from workbench.domain.errors import NotFound
from workbench.exports.events import export_events
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.event_filter import EventFilter
from workbench.services.notes import add_note


def _orm(wb: Workbench, flt: EventFilter, *, bom: bool = False) -> str:
    """The export as the ORM writes it (services.audit's reads, exports/audit_csv)."""
    from workbench.exports.audit_csv import write
    from workbench.services.audit import check_subjects, pin_after

    buf = io.StringIO()
    with transaction(wb) as tx:
        tx.one_snapshot()
        check_subjects(tx, flt)
        write(tx, buf, pin_after(tx, flt), bom=bom)
    return buf.getvalue()


def _exported(wb: Workbench, flt: EventFilter, *, bom: bool = False) -> str:
    buf = io.StringIO()
    done = export_events(wb, "csv", buf, flt, bom=bom)
    text = buf.getvalue()
    assert done.silent_actors == []
    return text


def _desk(wb: Workbench, document_with_claims: Callable[..., Any]) -> tuple[int, int, int]:
    """Two documents, one longer than a piece (its event's payload written in pieces), claims
    with notes a spreadsheet would read as formulas: (document, claim of it, other claim)."""
    long_text = "甲说了一句话。" + "长" * (PIECE // 3 + 10) + "。"
    first = document_with_claims(text=long_text, claims=("甲说了一句话",))
    (a,) = first.claims
    second = document_with_claims(
        claims=[('B said "something"\\', "甲说了一句话"), ("=1+1 乙", "乙说了另一句话")]
    )
    b, c = second.claims
    set_status(wb, a, "in_progress")
    add_note(wb, b, '=HYPERLINK("http://evil")\n\ttab')
    add_note(Workbench(url=wb.url, actor="ǰane"), a, "王 芳 said so")
    set_status(wb, c, "in_progress")
    return second.doc, b, a


def test_a_claims_or_documents_csv_imports_no_sqlalchemy(
    db_url: str, document_with_claims: Any, tmp_path: Any
) -> None:
    doc = document_with_claims()
    claim = doc.claims[0]
    for args in (
        ["audit", "export", "--claim", str(claim), "--format", "csv"],
        ["audit", "export", "--doc", str(doc.doc), "-o", str(tmp_path / "d.csv")],
    ):
        loaded, code, _out = _probe(args, {"WORKBENCH_DB": db_url})
        assert code in ("0", "None"), (args, code)
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))
    assert (tmp_path / "d.csv").read_text().startswith("seq,at,actor,")


def test_the_same_bytes_as_the_orms(wb: Workbench, document_with_claims: Any) -> None:
    doc, b, a = _desk(wb, document_with_claims)
    lines = _orm(wb, EventFilter()).splitlines()
    seqs = [int(line.split(",", 1)[0]) for line in lines[1:] if line[:1].isdigit()]
    filters = [
        EventFilter(),
        EventFilter(claim_id=b),
        EventFilter(claim_id=a),
        EventFilter(document_id=doc),
        EventFilter(document_id=1),
        EventFilter(claim_id=b, document_id=doc),
        EventFilter(claim_id=a, document_id=doc),  # none: a is the other document's
        EventFilter(claim_id=b, since="2000-01-01"),
        EventFilter(document_id=doc, until="2000-01-01"),
        EventFilter(document_id=doc, since="2000-01-01T00:00:00Z", until="2999-12-31"),
    ]
    for seq in (0, seqs[len(seqs) // 2], seqs[-1]):
        filters += [
            EventFilter(claim_id=b, after_seq=seq),
            EventFilter(document_id=doc, after_seq=seq),
        ]
    for flt in filters:
        assert _exported(wb, flt) == _orm(wb, flt), flt
    assert _exported(wb, EventFilter(claim_id=b), bom=True) == _orm(
        wb, EventFilter(claim_id=b), bom=True
    )


def test_the_same_in_pages_of_any_size(
    wb: Workbench, document_with_claims: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of one or two rows (the driver's paging as on PostgreSQL): the same file."""
    from workbench.db import paging, sqlite

    doc, b, _ = _desk(wb, document_with_claims)
    monkeypatch.setattr(sqlite, "READS_ROW_BY_ROW", False)
    monkeypatch.setattr(paging, "ROWS", 2)
    for budget in (1, 10**9):
        monkeypatch.setattr(paging, "BUDGET", budget)
        for flt in (EventFilter(claim_id=b), EventFilter(document_id=doc, after_seq=2)):
            assert _exported(wb, flt) == _orm(wb, flt), (budget, flt)


def test_the_same_refusals(wb: Workbench, document_with_claims: Any) -> None:
    """A claim, then a document, then a head: refused in the ORM's order and words."""
    _, b, _ = _desk(wb, document_with_claims)
    for flt, refusal in (
        (EventFilter(claim_id=999), NotFound),
        (EventFilter(document_id=999), NotFound),
        (EventFilter(claim_id=999, document_id=998), NotFound),
        (EventFilter(claim_id=b, after_seq=10**6), NotFound),
        (EventFilter(claim_id=b, after_head="ab" * 32), NotFound),
    ):
        with pytest.raises(refusal) as orm:
            _orm(wb, flt)
        with pytest.raises(refusal) as lean:
            _exported(wb, flt)
        assert str(lean.value) == str(orm.value), flt
