"""Letters drawn as a middle dot, in names (review65)."""

from __future__ import annotations

import pytest

from workbench.domain.identity import likeness, normalise_name


@pytest.mark.parametrize(
    ("name", "twin"),
    [
        ("rosa", "ro\ua78fsa"),  # LATIN LETTER SINOLOGICAL DOT
        ("阿卜杜拉·买买提", "阿卜杜拉\ua78f买买提"),
        ("阿卜杜拉·买买提", "阿卜杜拉\u1427买买提"),  # CANADIAN SYLLABICS FINAL MIDDLE DOT
        ("列夫·托尔斯泰", "列夫\u1427托尔斯泰"),
    ],
)
def test_a_letter_drawn_as_a_middle_dot_was_another_name(name: str, twin: str) -> None:
    """`ro·sa` was rosa's twin (the dot, punctuation, left out), but `roꞏsa`, with a letter
    drawn the same (LATIN LETTER SINOLOGICAL DOT, in one script with the rest, so not refused
    as mixing scripts), was another person and could approve rosa's verdict; so was
    `阿卜杜拉ᐧ买买提` beside `阿卜杜拉·买买提`, the dot Chinese writes between a name's parts."""
    assert likeness(normalise_name(twin), normalise_name(name)) == "looks like"


def test_a_dotless_j_was_another_name() -> None:
    """`alıce` (a dotless i) was alice's twin, but `ȷo` (LATIN SMALL LETTER DOTLESS J, which
    the TR39 data pairs with nothing) was another person than `jo`."""
    assert likeness("\u0237o", "jo") == "looks like"
