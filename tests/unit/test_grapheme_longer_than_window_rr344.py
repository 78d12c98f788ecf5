"""rr344: rr340 segments the window around a cut from the window's start alone (`text.
_clusters` on a slice). Where no ASCII character is in the window, that start may fall inside a
user-perceived character longer than the window: an emoji, 300 combining marks, a zero-width
joiner and another emoji are one (an emoji ZWJ sequence may hold any run of marks), and
segmented from inside the marks the second emoji was taken for a character of its own. A span
could end before it, and `claim show` cut the context there, splitting the sequence; the
segmenter, given the whole text, read back to the first emoji and saw one character, as before
rr340."""

from __future__ import annotations

from workbench.domain.graphemes import at_grapheme_boundary, context_cut

MAN = "\U0001f468"
SEQUENCE = MAN + "\u0301" * 300 + "\u200d" + MAN  # one user-perceived character


def test_the_emoji_after_a_long_run_of_marks_and_a_joiner_is_no_character_of_its_own() -> None:
    text = "中" * 10 + SEQUENCE + "中" * 10
    joined = text.rindex(MAN)
    assert not at_grapheme_boundary(text, joined)
    assert at_grapheme_boundary(text, 10) and at_grapheme_boundary(text, 10 + len(SEQUENCE))


def test_a_context_is_not_cut_inside_the_sequence() -> None:
    """The cut 200 characters before the quote falls on the second emoji: moved to the
    sequence's end, toward the quote."""
    quote = "引文"
    text = "中" * 10 + SEQUENCE + "中" * 199 + quote + "中" * 10
    start = text.index(quote)
    assert text[start - 200] == MAN  # the cut's place
    before, _ = context_cut(text, start, start + len(quote))
    assert before == "…" + "中" * 199
