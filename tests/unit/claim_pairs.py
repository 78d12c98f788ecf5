"""Two claims read and compared as `claim similar` compares them, for the tests of the rounds of
"checked before?": what `explain` says disagrees between them, and its reasons in one line."""

from __future__ import annotations

from workbench.domain.similarity import Explained, claim_terms, explain, weigh


def explained(one: str, other: str) -> Explained:
    """`explain` of two claim texts (no quotes, no corpus weights)."""
    a, b = (weigh(claim_terms(text, ""), {}) for text in (one, other))
    return explain(a, b)


def disagreeing(one: str, other: str) -> list[str]:
    """What disagrees between two claim texts (the names of `explain`'s disagreements)."""
    return [what for what, *_ in explained(one, other).disagree]


def reasons_for(one: str, other: str) -> str:
    """`explain`'s reasons for two claim texts, joined as `claim similar` prints them."""
    return "; ".join(explained(one, other).reasons())
