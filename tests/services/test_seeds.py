"""The bundled seed: the MiniMax profile and its curated claims, loaded once, offsets found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import document_text
from workbench.services.queries import list_claims
from workbench.services.seeds import load_seed, parse_seed_file, seeds_dir

Counts = Callable[[], dict[str, int]]


def test_bundled_seed_loads_once(wb: Workbench, counts: Counts) -> None:
    first = load_seed(wb)
    assert first.document_created and first.claims_added >= 20
    after_first = counts()
    again = load_seed(wb)
    assert not again.document_created and again.claims_added == 0
    assert again.claims_present == first.claims_added
    assert counts() == after_first


def test_seed_claims_are_exact_spans(wb: Workbench) -> None:
    load_seed(wb)
    claims = list_claims(wb)
    text = document_text(wb, claims[0].document_id)
    for c in claims:
        assert text[c.start : c.end] == c.quote
        assert c.text and c.speaker and c.type


def test_seed_has_the_briefs_claims_and_a_fact_checkers_spread(wb: Workbench) -> None:
    load_seed(wb)
    claims = list_claims(wb)
    quotes = " ".join(c.quote for c in claims)
    assert "国内首个线性注意力架构" in quotes
    assert "ScaleRL" in quotes and any("CISPO" in c.text for c in claims)
    assert "只有四家公司" in quotes
    assert "1500万美金" in quotes
    types = {c.type for c in claims}
    assert {"quantity", "date", "ranking", "priority", "attribution"} <= types


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("document: {file: a.txt}\nclaims:\n  - {quote: 'xyz', text: t}\n", "claim 1: quote not"),
        ("document: {file: a.txt}\nclaims:\n  - {quote: '甲', text: t, type: rumour}\n", "type"),
        ("document: {file: missing.txt}\n", "no such file"),
        ("document: {file: a.txt, colour: red}\n", "colour"),
        ("document: {file: a.txt, language: 中文}\n", "'中文' is not a language tag"),
        ("document: [unclosed\n", "not valid"),
        ("claims: []\n", "document"),
        ("document: {file: a.txt}\nclaims:\n  - {quote: '甲乙', text: ''}\n", "text"),
    ],
)
def test_bad_seed_files_write_nothing(
    wb: Workbench, counts: Counts, tmp_path: Path, yaml_text: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text("甲乙。甲丙。", encoding="utf-8")
    seed = tmp_path / "seed.yaml"
    seed.write_text(yaml_text, encoding="utf-8")
    before = counts()
    with pytest.raises(InvalidInput, match=message):
        load_seed(wb, str(seed))
    assert counts() == before


def test_ambiguous_seed_quote_needs_occurrence(wb: Workbench, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("甲乙。甲丙。", encoding="utf-8")
    seed = tmp_path / "seed.json"
    seed.write_text(
        '{"document": {"file": "a.txt"}, "claims": [{"quote": "甲", "occurrence": 2, '
        '"text": "second"}]}',
        encoding="utf-8",
    )
    r = load_seed(wb, str(seed))
    (claim,) = list_claims(wb)
    assert r.claims_added == 1 and claim.start == 3


def test_bundled_seed_file_validates() -> None:
    seed = parse_seed_file(seeds_dir() / "minimax-claims.yaml")
    assert len(seed.claims) >= 20
