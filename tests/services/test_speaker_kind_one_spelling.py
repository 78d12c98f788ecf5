"""fix319: `speaker:organization` and `speaker:organisation` were stored as typed, so one fact
had two spellings: `stats --by tag` gave two rows, and a jq filter on `claim list --json`'s tags
for one spelling missed the other. A kind tag is now stored as the README writes it first,
`speaker:organisation`, either spelling given; a claim stored the other way (an older desk, a
bundle) still reads as the same kind, and either spelling removes or finds it."""

from __future__ import annotations

from workbench.db.models import Claim
from workbench.domain.actions import TAGGED
from workbench.services.breakdown import breakdown
from workbench.services.claim_updates import update_claim
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench, transaction
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.queries import ClaimFilter, list_claims, show_claim
from workbench.services.workflow import tag, untag

TEXT = "MiniMax said sales rose. Acme said costs fell. Initech said prices held."


def _claims(wb: Workbench) -> list[int]:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    quotes = ("sales rose", "costs fell", "prices held")
    return [add_claim(wb, doc, q.capitalize(), SpanRequest(quote=q)).id for q in quotes]


def _tags(wb: Workbench, claim_id: int) -> list[str]:
    return list(show_claim(wb, claim_id).claim.tags)


def _stored_the_other_way(wb: Workbench, claim_id: int) -> None:
    """The claim's tag as an earlier release stored it, typed `speaker:organization` (the
    row and its event, as `claim tag` wrote them then)."""
    with transaction(wb, write=True) as tx:
        claim = tx.session.get(Claim, claim_id)
        assert claim is not None
        update_claim(tx, claim, TAGGED, {}, tags=["speaker:organization"])


def test_either_spelling_is_stored_as_one(wb: Workbench) -> None:
    a, b, c = _claims(wb)
    tag(wb, [a], ["speaker:organization"])
    tag(wb, [b], ["Speaker:Organization"])
    tag(wb, [c], ["speaker:organisation"])
    assert [_tags(wb, i) for i in (a, b, c)] == [["speaker:organisation"]] * 3
    rows = breakdown(wb, "tag", 10).to_json()
    assert [(r["tag"], r["claims"]) for r in rows] == [("speaker:organisation", 3)], rows


def test_a_claim_stored_the_other_way_reads_as_the_same_kind(wb: Workbench) -> None:
    a, b, c = _claims(wb)
    _stored_the_other_way(wb, a)
    tag(wb, [c], ["speaker:organisation"])
    # Given again in either spelling, the kind it has: no second spelling beside it.
    done = tag(wb, [a], ["speaker:organisation"])
    assert done.unchanged == frozenset({a}) and _tags(wb, a) == ["speaker:organization"]
    # Either spelling finds both claims.
    for typed in ("speaker:organisation", "speaker:organization"):
        found = {v.id for v in list_claims(wb, ClaimFilter(tags=[typed]))}
        assert found == {a, c}, typed
    # And removes the kind however it is stored.
    untag(wb, [a], ["speaker:organisation"])
    untag(wb, [c], ["speaker:organization"])
    assert (_tags(wb, a), _tags(wb, c)) == ([], [])
    _stored_the_other_way(wb, b)
    gone = untag(wb, [b], ["speaker:organization"])
    assert _tags(wb, b) == [] and not gone.absent
