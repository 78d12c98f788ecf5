"""The "same but spacing" rule of a document revision (workbench.domain.spacing), held
directly, without a database: a text with the latest revision's words in their order, only
spaced otherwise within its lines or between its paragraphs, is a check, not a revision. A
line break or a blank line put in or taken out is structure (a speaker's turn, a headline's
end, a paragraph), and a space put in or taken out between two characters changes a word."""

from __future__ import annotations

import pytest

from workbench.domain.spacing import same_but_spacing


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a headline joined to the sentence below it
        ("Taxes cut\nThe minister said taxes fell.", "Taxes cut The minister said taxes fell."),
        # two paragraphs made one
        ("First paragraph here.\n\nSecond one here.", "First paragraph here. Second one here."),
        # a paragraph cut in two
        ("First paragraph here.\nSecond one here.", "First paragraph here.\n\nSecond one here."),
        # 中文: a line break between sentences taken out
        ("部长说税收下降了。\n经济增长了5%。", "部长说税收下降了。 经济增长了5%。"),
        # a space taken out between two characters: another word
        ("Growth was 3 5% here.", "Growth was 35% here."),
        # a space put in between two Han characters
        ("中文报道", "中文 报道"),
        # a word changed, the spacing the same
        ("Growth was 3.5% in 2023.", "Growth was 4.5% in 2023."),
    ],
)
def test_a_line_break_or_a_space_between_characters_is_no_spacing(old: str, new: str) -> None:
    assert not same_but_spacing(old, new)
    assert not same_but_spacing(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Growth was 3.5% in 2023.", "Growth  was 3.5%\tin 2023.  "),
        ("Growth was 1 000 jobs.", "Growth was 1\u00a0000 jobs."),
        ("经济 增长", "经济\u3000增长"),
        ("One paragraph.\n\nTwo.", "One paragraph.  \n \n\n\nTwo.\n"),
        ("A line.\nAnother.", "A line. \t\n  Another."),
        # Word's manual line break (U+000B) is a line break, as the segmenter takes it
        ("A line.\nAnother.", "A line.\u000bAnother."),
        ("  Leading and trailing.  ", "Leading and trailing."),
    ],
)
def test_spaces_within_lines_and_blank_lines_are_spacing(old: str, new: str) -> None:
    assert same_but_spacing(old, new)
    assert same_but_spacing(new, old)
