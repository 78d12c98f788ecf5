"""What the tests of one kind of non-claim line share (datelines, bracketed credits, filings,
tables): a fact to set the line among, and the checks that a line is ruled out as its kind, in
a text and alone, or left to the model."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.domain.checkworthy import find_candidates, score_text
from workbench.domain.checkworthy.nonclaims import NOT_A_CLAIM, not_claims
from workbench.domain.segment import split_sentences

FACT = "星河电池2023年出货量达到12GWh，同比增长60%。"


def reasons_of(text: str, line: str) -> list[str]:
    """The first reason of each candidate `find_candidates` gives inside `line` of `text`."""
    start = text.index(line)
    end = start + len(line)
    return [
        c.reasons[0] if c.reasons else ""
        for c in find_candidates(text, min_score=0.0)
        if start <= c.start < end
    ]


def assert_no_claim(line: str, kind: str, texts: Iterable[str]) -> None:
    """In each of `texts` (`line` among copies of FACT), every candidate inside `line` is ruled
    out as `kind` and only the facts are offered; and `line` alone scores 0 as `kind`."""
    for text in texts:
        why = reasons_of(text, line)
        assert why and all(r.startswith(f"{NOT_A_CLAIM}{kind} ") for r in why), (text, why)
        assert [c.text for c in find_candidates(text)] == [FACT] * text.count(FACT)
    score, reasons, _ = score_text(line)
    assert score == 0.0 and reasons[0].startswith(f"{NOT_A_CLAIM}{kind} "), reasons


def assert_left_to_model(line: str, kind: str = "") -> None:
    """`line`, after a fact and alone, is not ruled out (as `kind`; as anything when empty)."""
    text = f"{FACT}\n\n{line}\n"
    ruled_out = f"{NOT_A_CLAIM}{kind}"
    assert not any(r.startswith(ruled_out) for r in reasons_of(text, line))
    assert not score_text(line)[1][0].startswith(ruled_out)


def read_not_claims(text: str) -> object:
    """What the linear-time tests time: the non-claim rules over a text's sentences."""
    return not_claims(text, split_sentences(text))
