"""What the report, the annotations and the ClaimReview read of each claim: its notes and
evidence, read as views of their columns a run of claims at a time (perf223: loaded as objects
with the claims, a year's 87,000 notes and 28,000 items of evidence were a third of
`report --all`'s time)."""

from __future__ import annotations

from pathlib import Path

from export_desk import make_desk

from workbench.services.claims import withdraw
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.imports import import_claims
from workbench.services.notes import add_note
from workbench.services.publishing import iter_documents
from workbench.services.views import EvidenceView, NoteView


def test_each_claim_has_its_own_notes_and_evidence_in_the_order_added(wb: Workbench) -> None:
    """Notes and evidence added to two claims in turn are each claim's own, oldest first,
    each as the command that added it gave it back (an internal note marked, a date as text),
    and a claim's evidence count is its items'."""
    desk = make_desk(wb)
    first, second = desk.ids["priority"], desk.ids["nested"]
    notes: dict[int, list[NoteView]] = {first: [], second: []}
    evidence: dict[int, list[EvidenceView]] = {first: [], second: []}
    for n in range(3):
        for cid in (first, second):
            notes[cid].append(add_note(wb, cid, f"note {n} on #{cid}", internal=n == 1))
            evidence[cid].append(
                add_evidence(
                    wb,
                    cid,
                    EvidenceInput(
                        stance="supports",
                        url=f"https://example.org/{cid}/{n}",
                        title=f"source {n}",
                        accessed="2024-05-0" + str(n + 1),
                    ),
                )
            )
    [record] = iter_documents(wb, document_ids=[desk.doc])
    by_id = {r.claim.id: r for r in record.claims}
    for cid in (first, second):
        assert list(by_id[cid].notes) == notes[cid]
        assert list(by_id[cid].evidence) == evidence[cid]
        assert by_id[cid].claim.evidence_count == 3
    assert by_id[first].notes[1].internal and not by_id[first].notes[0].internal
    assert by_id[first].evidence[2].accessed == "2024-05-03"
    # Another claim keeps its own: the verdict's reason and the source cited for it.
    other = by_id[desk.ids["false"]]
    assert [n.body for n in other.notes] == ["Founded in early 2022 per filings."]
    assert [e.url for e in other.evidence] == ["https://example.org/source"]
    assert other.claim.evidence_count == 1


def test_notes_and_evidence_either_side_of_a_run_of_500_claims_stay_their_claims(
    wb: Workbench, tmp_path: Path
) -> None:
    """They are read 500 claims a statement (perf223): on a document of 1,002 claims, with one
    withdrawn among the first 500 (not published, so the runs are of the others), the notes
    and evidence of the claims each side of both boundaries are their own, and a claim with
    none has none."""
    doc = add_document(wb, "公司去年营收增长了百分之十。ＧＤＰ同比增长5.3%。".encode()).document.id
    sheet = tmp_path / "claims.csv"
    rows = "".join(
        f"{'营收增长了百分之十' if i % 2 else 'ＧＤＰ同比增长5.3%'},第{i}条 claim\n"
        for i in range(1_002)
    )
    sheet.write_text("quote,text\n" + rows, encoding="utf-8")
    ids = [c.id for c in import_claims(wb, str(sheet), doc).added]
    withdraw(wb, ids[10], reason="重复")
    published = [i for i in ids if i != ids[10]]
    edges = [published[k] for k in (0, 498, 499, 500, 501, 998, 999, 1_000)]
    for cid in edges:
        add_note(wb, cid, f"依据 note of #{cid}")
        add_note(wb, cid, f"内部 #{cid}", internal=True)
        add_evidence(wb, cid, EvidenceInput(stance="refutes", citation=f"《统计年鉴》 #{cid}"))
    [record] = iter_documents(wb, document_ids=[doc])
    assert [r.claim.id for r in record.claims] == published
    for r in record.claims:
        cid = r.claim.id
        want = [f"依据 note of #{cid}", f"内部 #{cid}"] if cid in edges else []
        assert [n.body for n in r.notes] == want, cid
        assert [e.citation for e in r.evidence] == [f"《统计年鉴》 #{cid}"][: len(want) // 2]
        assert r.claim.evidence_count == len(r.evidence), cid
