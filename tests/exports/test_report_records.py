"""What the report, the annotations and the ClaimReview read of each claim: its notes and
evidence, read as views of their columns a run of claims at a time (perf223: loaded as objects
with the claims, a year's 87,000 notes and 28,000 items of evidence were a third of
`report --all`'s time)."""

from __future__ import annotations

from export_desk import make_desk

from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
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
