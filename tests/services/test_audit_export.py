"""The audit export: complete, ordered, filterable, and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.exports.events import export_text
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.notes import add_note

FIELDS = {
    "seq",
    "at",
    "actor",
    "action",
    "entity_type",
    "entity_id",
    "claim_id",
    "payload",
    "prev_hash",
    "hash",
    "machine",
}
Ids = tuple[int, int]


@pytest.fixture
def scenario(wb: Workbench, document_with_claims: Callable[..., Any]) -> tuple[int, int]:
    claims = [("A said something", "甲说了一句话"), ("B said something", "乙说了另一句话")]
    a, b = document_with_claims(claims=claims).claims
    set_status(wb, a, "in_progress")
    add_note(wb, b, '=HYPERLINK("http://evil")')
    return a, b


def test_jsonl_is_complete_and_oldest_first(wb: Workbench, scenario: Ids) -> None:
    lines = [json.loads(x) for x in export_text(wb, "jsonl").splitlines()[1:]]
    assert [x["action"] for x in lines] == [
        "document.added",
        "claim.added",
        "claim.added",
        "claim.status_changed",
        "note.added",
    ]
    assert all(set(x) == FIELDS for x in lines)
    seqs = [x["seq"] for x in lines]
    assert seqs == sorted(seqs)
    assert all(x["at"].endswith("Z") and len(x["at"]) == 27 for x in lines)
    assert all(x["actor"] == "tester" for x in lines)


def test_filter_by_claim_includes_its_notes(wb: Workbench, scenario: Ids) -> None:
    _a, b = scenario
    lines = [json.loads(x) for x in export_text(wb, "jsonl", _flt(claim_id=b)).splitlines()[1:]]
    assert [x["action"] for x in lines] == ["claim.added", "note.added"]
    assert {x["claim_id"] for x in lines} == {b}


def test_filter_since_future_is_empty(wb: Workbench, scenario: Ids) -> None:
    only_scope = export_text(wb, "jsonl", _flt(since="2999-01-01")).splitlines()
    assert len(only_scope) == 1 and json.loads(only_scope[0])["export"]["count"] == 0
    assert len(export_text(wb, "jsonl", _flt(since="2000-01-01")).splitlines()) == 1 + 5


def test_csv_neutralises_formulas(wb: Workbench, scenario: Ids) -> None:
    _, b = scenario
    add_note(Workbench(url=wb.url, actor="=SUM(A1:A9)"), b, "x")
    rows = list(csv.DictReader(io.StringIO(export_text(wb, "csv"))))
    assert len(rows) == 6
    assert rows[-1]["actor"] == "'=sum(a1:a9)"  # names are stored case-folded
    assert set(rows[0]) == FIELDS
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    note = json.loads(rows[-2]["payload"])
    assert note["after"]["body"].startswith("=HYPERLINK")


def _flt(**kw: object) -> object:
    from workbench.services.audit import EventFilter

    return EventFilter(**kw)  # type: ignore[arg-type]


def test_a_since_after_until_is_a_contradiction_told_before_any_query(wb: Workbench) -> None:
    from workbench.domain.errors import InvalidInput
    from workbench.services.event_filter import EventFilter, check_criteria

    assert EventFilter(since="2025-01-01", until="2025-01-01").problem() is None
    flt = EventFilter(since="2025-01-02", until="2025-01-01")
    problem = flt.problem()
    assert problem is not None and "is later than" in problem.message
    with pytest.raises(InvalidInput, match="is later than"):
        check_criteria(flt)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md"])
def test_an_export_reads_in_one_transaction_and_names_silent_actors(
    wb: Workbench, scenario: Ids, fmt: str
) -> None:
    """One transaction per command: `audit export --claim 1 --actor x` checked the claim in one
    transaction, wrote the events in a second and looked for actors no event records in a
    third. All of it is now read in the export's own transaction."""
    from sqlalchemy import event

    from workbench.db.engine import get_engine
    from workbench.exports.events import export_events
    from workbench.services.audit import EventFilter

    a, _ = scenario
    begun: list[object] = []

    def began(conn: object) -> None:
        begun.append(conn)

    engine = get_engine(wb.url)
    event.listen(engine, "begin", began)
    try:
        flt = EventFilter(claim_id=a, actors=("tester", "nobody"))
        done = export_events(wb, fmt, io.StringIO(), flt)
    finally:
        event.remove(engine, "begin", began)
    assert len(begun) == 1
    assert done.count == 2  # claim.added and claim.status_changed
    (silent,) = done.silent_actors
    assert silent.name == "nobody" and silent.recorded == ["tester"]


@pytest.mark.parametrize(
    ("first", "second", "quote", "shown"),
    [
        # The text grew: revision 1's text is too short for the offsets in revision 2.
        (
            "The pool lost 30% of its visitors since 2019.\n",
            "Officials now say the pool lost 25% of its visitors since 2019.\n",
            "lost 30% of its visitors",
            "Officials now say the pool **lost 25% of its visitors** since 2019.",
        ),
        # The same length: revision 1's text at revision 2's offsets is the wrong words.
        (
            "甲公司称营收增长了12%，利润翻了一番。\n",
            "利润翻了一番，甲公司称营收增长了15%。\n",
            "营收增长了12%",
            "利润翻了一番，甲公司称**营收增长了15%**。",
        ),
    ],
)
def test_the_timeline_quotes_a_claim_in_the_text_of_its_revision(
    wb: Workbench, first: str, second: str, quote: str, shown: str
) -> None:
    """A new-user trial: after `doc update`, `audit export --format md` applied the claim's
    offsets (into revision 2) to revision 1's text: a traceback, or a wrong quote published."""
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    doc = add_document(wb, first.encode()).document.id
    cid = add_claim(wb, doc, "x", SpanRequest(quote=quote)).id
    update_document(wb, doc, Content(second, "text", "v2.txt"))
    from workbench.services.audit import EventFilter

    text = export_text(wb, "md", EventFilter(claim_id=cid))
    assert f"- **Quote in context:** {shown}" in text
    assert "of revision 2" in text


def test_the_timeline_shows_every_field_of_added_evidence_stance_first(
    wb: Workbench, scenario: Ids, tmp_path: Path
) -> None:
    """A trial: `evidence #2 added: accessed…; file_name…; kind…; media_type…; sha256…; size:
    14`, six fields in alphabetical order, the stance and title dropped (JSONL had them)."""
    from workbench.services.audit import EventFilter
    from workbench.services.evidence import EvidenceInput, add_evidence

    a, _b = scenario
    archived = tmp_path / "annual.pdf"
    archived.write_bytes(b"%PDF-1.4 annual")
    evidence = EvidenceInput(
        stance="refutes",
        file=str(archived),
        title="Annual report 2024",
        publisher="City",
        accessed="2026-11-01",
        excerpt="The budget was 6 million.",
    )
    eid = add_evidence(wb, a, evidence).id
    [line] = [
        x
        for x in export_text(wb, "md", EventFilter(claim_id=a)).splitlines()
        if f"**evidence #{eid} added**" in x
    ]
    fields = line.split("**: ", 1)[1].rsplit(" _(seq", 1)[0].split("; ")
    assert [f.split(": ", 1)[0] for f in fields] == [
        "stance",
        "title",
        "file_name",
        "excerpt",
        "publisher",
        "accessed",
        "kind",
        "media_type",
        "sha256",
        "size",
    ]
    assert fields[:2] == ["stance: refutes", "title: Annual report 2024"]
