"""A candidate's score, explained term by term (issue 14). A trial found the reasons faithful
but not complete: named features were listed without weight or sign (`number, year,
opinion_cue`), and neither the bias nor the n-grams past the top three were shown anywhere, so a
fact-checker could not see why a sentence scored 0.62 rather than 0.41. Now every candidate
lists every term of its raw value with what it added, and they add up to it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy import (
    FEATURE_NAMES,
    Candidate,
    clause_bar,
    find_candidates,
    shown_reasons,
)
from workbench.domain.transcript import read_transcript
from workbench.services.extract import LOGIT_DECIMALS, candidate_json

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "minimax-profile.zh.txt"
ENGLISH = REPO / "tests" / "data" / "checkworthy" / "english.txt"
DEV = sorted((REPO / "tests" / "data" / "checkworthy").glob("*.zh.txt"))


def candidates(path: Path, min_score: float) -> list[Candidate]:
    text = path.read_text(encoding="utf-8")
    return find_candidates(text, min_score, None, read_transcript(text, "auto"))


@pytest.mark.parametrize("min_score", [0.0, 0.5])
@pytest.mark.parametrize("path", [SEED, ENGLISH], ids=["seed", "english"])
def test_contributions_add_up_to_the_raw_score(path: Path, min_score: float) -> None:
    found = candidates(path, min_score)
    assert found
    for c in found:
        logit, terms = c.logit(), c.contributions()
        if logit is None:  # a span that is no claim: 0 whatever it holds, its reason first
            assert (c.score, terms) == (0.0, ())
            continue
        # The score is the logistic function of the raw value, rounded to 3 decimals.
        assert round(1.0 / (1.0 + math.exp(-logit)), 3) == c.score
        assert math.isclose(sum(v for _, _, v in terms), logit, abs_tol=1e-9), c
        assert terms[0][:2] == ("bias", None)
        kinds = [kind for kind, _, _ in terms]
        assert kinds.count("bias") == 1 and kinds.count("length") <= 1
        assert len([k for k in kinds if k in ("words", "chars")]) <= 3
        # The named features among the reasons are the features among the terms.
        named = [r for r in c.reasons if r in FEATURE_NAMES]
        assert named == [name for kind, name, _ in terms if kind == "feature"]
        # As --json gives them: rounded, still adding up to the rounding docs/json.md states.
        data = candidate_json(c)
        values = [t["value"] for t in data["contributions"]]
        slack = 10**-LOGIT_DECIMALS * (len(values) + 1)
        assert abs(sum(values) - data["logit"]) <= slack
        assert data["threshold"] == min_score or data["threshold"] > min_score


def test_a_feature_in_the_text_output_shows_what_it_added() -> None:
    found = candidates(ENGLISH, 0.5)
    weights = checkworthy_model.load().features
    first = found[0]
    shown = shown_reasons(first.reasons, first.contributions())
    assert f"number {weights['number']:+.2f}" in shown
    assert f"a name {weights['named_entity']:+.2f}" in shown  # named_entity, in words
    for c in found:
        for line in shown_reasons(c.reasons, c.contributions()):
            assert "_" not in line.split('"')[0], line  # no identifier outside a quoted gram


def test_a_chinese_clause_says_the_higher_bar_it_cleared() -> None:
    bar = clause_bar(0.5, checkworthy_model.load().plain.clause_margin)
    assert bar > 0.5
    thresholds = {c.threshold for path in DEV for c in candidates(path, 0.5)}
    assert thresholds == {0.5, bar}


def test_a_span_that_is_no_claim_has_no_terms() -> None:
    text = "【推广】扫码关注我们的公众号，领取2025年行业报告。"
    found = find_candidates(text, 0.0)
    assert found and all(c.logit() is None and c.contributions() == () for c in found)
    data = candidate_json(found[0])
    assert data["logit"] is None and data["contributions"] == []
