"""A quote's refusal says the passage as it can be copied back, invisible characters marked.

What the user met (a new-user trial): `claim add --quote` with a typo before a family emoji
was told "the nearest passage, 83% alike, is 'The family 👩\\u200d👩\\u200d👧 came'": Python's
repr of the passage, whose zero-width joiners (the parts of one drawn emoji) came out as
`\\u200d`, so the passage pasted back as a quote was refused again. What repr did well, it
must still do: a character that cannot be seen and that the match does not skip (a joiner
between two Latin letters, an invisible separator) is what tells "turnout" from a passage
that reads the same, and is written `\\uXXXX`, said so.
"""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"


def _refusal(text: str, quote: str) -> str:
    from workbench.domain.pinning import find_quote_tolerant

    with pytest.raises(InvalidInput) as refused:
        find_quote_tolerant(text, quote)
    return str(refused.value)


def test_nearest_passage_holds_an_emoji_as_it_is_drawn() -> None:
    said = _refusal(f"The family {FAMILY} came home.\n", f"the famliy {FAMILY} came")
    assert f"is 'The family {FAMILY} came' at characters" in said, said
    assert "\\u200d" not in said and "\\U0001f469" not in said


def test_nearest_passage_pasted_back_is_found() -> None:
    from workbench.domain.pinning import find_quote_tolerant

    text = f"The family {FAMILY} came home.\n"
    said = _refusal(text, f"the famliy {FAMILY} came")
    passage = said.split("is '", 1)[1].split("' at characters", 1)[0]
    assert find_quote_tolerant(text, passage).quote == f"The family {FAMILY} came"


def test_an_invisible_character_that_explains_the_refusal_is_marked() -> None:
    said = _refusal("The mayor said tur\u200dnout rose sharply.\n", "turnout rose sharply")
    assert "'tur\\u200dnout rose sharply'" in said, said
    assert "cannot be seen" in said


def test_a_span_inside_an_emoji_names_it_as_drawn() -> None:
    from workbench.domain.spans import span_at

    text = f"A {FAMILY} B"
    with pytest.raises(InvalidInput) as refused:
        span_at(text, 2, 3)
    assert f"'{FAMILY}'" in str(refused.value), str(refused.value)
