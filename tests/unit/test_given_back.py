"""The one rule re-anchoring gives a claim its earlier words back by (domain.given_back)."""

from __future__ import annotations

from typing import Any

from workbench.domain.given_back import given_back

TEXT = "Intro. Wages rose 4% last year. Outro. Wages rose 4% last year. End."


def _span(start: int) -> dict[str, Any]:
    quote = "Wages rose 4%"
    return {
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "prefix": TEXT[max(0, start - 7) : start],
        "suffix": TEXT[start + len(quote) : start + len(quote) + 10],
    }


FIRST, SECOND = TEXT.index("Wages"), TEXT.rindex("Wages")


def _kept(start: int) -> bool:
    return True


def test_words_back_where_they_were_are_given_back_wherever_reanchoring_found_them() -> None:
    """An edit undone: the verdict's words are back with their context, where they were."""
    back = given_back([_span(FIRST)], TEXT, moved=False, found_at=lambda: SECOND, line_kept=_kept)
    assert back == _span(FIRST)


def test_a_moved_claim_found_on_its_passage_never_left_it() -> None:
    """trial263: words beside a moved claim came and went; its words are not "back"."""
    assert (
        given_back([_span(FIRST)], TEXT, moved=True, found_at=lambda: FIRST, line_kept=_kept)
        is None
    )
    moved_back = given_back(
        [_span(FIRST)], TEXT, moved=True, found_at=lambda: SECOND, line_kept=_kept
    )
    assert moved_back == _span(FIRST)


def test_words_back_on_a_line_given_to_another_speaker_are_not_given_back() -> None:
    """review48: a corrected transcript is flagged as one, never a give back."""
    assert (
        given_back(
            [_span(FIRST)], TEXT, moved=False, found_at=lambda: None, line_kept=lambda s: False
        )
        is None
    )


def test_words_moved_since_are_given_back_where_reanchoring_finds_them() -> None:
    """The judged words with their context, after other edits moved them: taken where found
    (a move's passage is not: it is only ever the passage it was)."""
    earlier = {**_span(SECOND), "start": 3, "end": 3 + len("Wages rose 4%")}
    back = given_back([earlier], TEXT, moved=False, found_at=lambda: SECOND, line_kept=_kept)
    assert back == _span(SECOND)
    assert given_back([earlier], TEXT, moved=True, found_at=lambda: SECOND, line_kept=_kept) is None


def test_words_back_where_they_were_are_given_back_unsearched() -> None:
    """Re-anchoring's search (for a quote the flag changed, a fuzzy one) is asked only when
    the rule needs where it finds the words: an undo gives spans back without it."""

    def unasked() -> int | None:
        raise AssertionError("searched")

    assert given_back([_span(FIRST)], TEXT, moved=False, found_at=unasked, line_kept=_kept)
