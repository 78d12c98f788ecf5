"""Anchoring as review48 found it wrong: a typographic edit was fuzzy (its verdict flagged)
only when the old words also occurred verbatim far away. (The long quote it timed is
measured by bench/bench_anchoring.py.)"""

from __future__ import annotations

from workbench.domain.anchoring import AnchorState, Matcher, Selector
from workbench.domain.text import span_at

FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20


def _sel(text: str, start: int, end: int) -> Selector:
    sp = span_at(text, start, end)
    return Selector(sp.start, sp.end, sp.quote, sp.prefix, sp.suffix)


def test_a_typographic_edit_is_exact_though_the_old_words_occur_verbatim_elsewhere() -> None:
    """Straight apostrophe -> curly one in the claim's passage: exact (folded) normally, but
    FUZZY (so the verdict is flagged) as soon as the old wording occurs verbatim anywhere else
    in the text (a headline), because `_occurrences_near` looks at verbatim occurrences only
    when there is one, and the far one is rightly rejected."""
    q = "the mayor's budget is balanced"
    body = "\nIn her speech, she said the mayor's budget is balanced and fair to all.\n"
    for head in ("Headline: city news\n", f"Headline: {q}\n"):
        old = head + FILLER + body
        s = old.rindex(q)
        new = old[:s] + old[s:].replace("mayor's", "mayor\u2019s", 1)
        found = Matcher(new).reanchor(_sel(old, s, s + len(q)))
        assert found.state == AnchorState.EXACT, (head, found)
