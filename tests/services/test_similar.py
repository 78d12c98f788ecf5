"""Checked before? New claims are matched against every claim in every document."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.seeds import load_seed
from workbench.services.similar import quote_similarity, similar_claims

OTHER = "报道称,在美国只有四家公司能坐上牌桌。另有消息称该公司估值翻倍。"


def test_a_claim_checked_elsewhere_is_found_with_its_verdict(wb: Workbench) -> None:
    load_seed(wb)
    doc = add_document(wb, OTHER.encode()).document.id
    first = add_claim(
        wb, doc, "Only four US firms are at the table", SpanRequest(quote="只有四家公司")
    ).id
    add_evidence(wb, first, EvidenceInput(stance="refutes", citation="Meta, Mistral, ..."))
    set_status(wb, first, "false", note="More than four")
    seed_doc = 1
    again = add_claim(
        wb,
        seed_doc,
        "Only four US companies are really at the table",
        SpanRequest(quote="真正能坐在大模型牌桌上的其实只有四家公司"),
    )
    assert again.similar is not None
    refs = {r.id: r for r in again.similar}
    assert first in refs
    assert refs[first].status == "false" and refs[first].rating == "False"
    assert "similar to #" in refs[first].sentence() and "rated False" in refs[first].sentence()
    assert again.to_json()["similar"][0]["similarity"] >= 0.7


def test_similar_lists_best_first_with_claim_fields(wb: Workbench) -> None:
    load_seed(wb)
    doc = add_document(wb, OTHER.encode()).document.id
    cid = add_claim(
        wb, doc, "US AI firms: only four at the frontier", SpanRequest(quote="只有四家公司")
    ).id
    found = similar_claims(wb, cid)
    assert found, "the seed's four-firms claim should match"
    scores = [s.similarity for s in found]
    assert scores == sorted(scores, reverse=True) and all(0 <= x <= 1 for x in scores)
    js = found[0].to_json()
    assert {"id", "status", "text", "quote", "similarity"} <= set(js)
    assert "只有四家公司" in js["quote"]
    assert all(s.claim.id != cid for s in found)
    assert similar_claims(wb, cid, min_score=1.0) == [s for s in found if s.similarity == 1.0]
    with pytest.raises(InvalidInput, match="between 0 and 1"):
        similar_claims(wb, cid, min_score=1.5)
    with pytest.raises(NotFound):
        similar_claims(wb, 9999)


def test_seed_claims_are_not_similar_to_their_siblings(wb: Workbench) -> None:
    r = load_seed(wb)
    assert r.similar == {}


def test_short_latin_quotes_do_not_match_by_containment() -> None:
    assert quote_similarity("MiniMax", "MiniMax经历了3到4次严重的预训练失败") < 70
    assert quote_similarity("只有四家公司", "真正能坐在大模型牌桌上的其实只有四家公司") == 100


def test_a_short_text_inside_a_longer_one_is_not_a_perfect_match() -> None:
    from rapidfuzz import utils

    from workbench.services.similar import text_similarity

    p = utils.default_process
    assert (
        text_similarity(p("MiniMax raised money"), p("MiniMax never raised money from Tencent"))
        < 70
    )
    assert (
        text_similarity(
            p("Only four US firms are at the table"),
            p("Only four US companies are really at the table"),
        )
        > 85
    )
