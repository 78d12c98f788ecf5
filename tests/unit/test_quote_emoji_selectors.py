"""A quote typed with or without an emoji's variation selector finds the document's emoji.

What the user met (a new-user trial): the article has `I ❤️ NY` (U+2764 U+FE0F, the emoji
presentation a browser or chat app pastes), the fact-checker's keyboard typed `I ❤ NY` (U+2764
alone): `claim add --quote` was refused, "quote not found ... the nearest passage, 80% alike,
is 'I ❤️ NY'", a passage that reads exactly as typed. The reverse (`❤️` typed, `❤` stored) and
the text selector U+FE0E were refused alike; a quote ending at the heart (`I ❤`) was refused as
ending "inside one visible character". The selector only says how the character is drawn:
the quote is found, and the span stored is the stored text's own, its selector included.

A skin-tone modifier is not such a selector: `👍` and `👍🏽` are drawn differently, and a quote
of one is not the other (refused, as before).
"""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput

HEART = "\u2764"
EMOJI = "\ufe0f"
TEXT_STYLE = "\ufe0e"
KEYCAP = "\u20e3"
STORED = f"Fans wrote I {HEART}{EMOJI} NY on signs. Score 1{EMOJI}{KEYCAP} won. Then 👍🏽 came."


@pytest.mark.parametrize(
    ("typed", "pinned"),
    [
        (f"I {HEART} NY", f"I {HEART}{EMOJI} NY"),
        (f"I {HEART}{TEXT_STYLE} NY", f"I {HEART}{EMOJI} NY"),
        (f"wrote I {HEART}", f"wrote I {HEART}{EMOJI}"),
        (f"Score 1{KEYCAP}", f"Score 1{EMOJI}{KEYCAP}"),
    ],
)
def test_quote_without_the_documents_selector_pins_the_stored_emoji(
    typed: str, pinned: str
) -> None:
    from workbench.domain.pinning import QuoteHint, anchor_quote, find_quote_tolerant

    for span in (
        find_quote_tolerant(STORED, typed),
        anchor_quote(STORED, QuoteHint(exact=typed), carrier="a claims table"),
    ):
        assert span.quote == pinned
        assert STORED[span.start : span.end] == pinned


def test_quote_with_a_selector_the_document_lacks_pins_the_stored_character() -> None:
    from workbench.domain.pinning import find_quote_tolerant

    stored = f"Love: I {HEART} NY.\n"
    span = find_quote_tolerant(stored, f"I {HEART}{EMOJI} NY")
    assert (span.start, span.end, span.quote) == (6, 12, f"I {HEART} NY")


def test_a_skin_tone_is_no_selector() -> None:
    from workbench.domain.pinning import find_quote_tolerant

    with pytest.raises(InvalidInput, match="quote not found"):
        find_quote_tolerant(STORED, "Then 👍 came")
