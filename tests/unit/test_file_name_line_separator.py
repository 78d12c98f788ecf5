"""A file name (or a one-line text) holding U+2028 or U+2029 was refused as holding "the
control character U+2028": they are the line and the paragraph separator, no control
character; the refusal names them as what they are (fix272)."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import check_file_name, check_text


@pytest.mark.parametrize(
    ("char", "said"),
    [("\u2028", "the line separator U+2028"), ("\u2029", "the paragraph separator U+2029")],
)
def test_a_file_name_with_a_separator(char: str, said: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_file_name(f"a{char}b.txt")
    assert said in refused.value.message
    assert "control" not in refused.value.message


@pytest.mark.parametrize(
    ("char", "said"),
    [("\u2028", "the line separator U+2028"), ("\u2029", "the paragraph separator U+2029")],
)
@pytest.mark.parametrize("one_line", [True, False])
def test_a_text_with_a_separator(char: str, said: str, one_line: bool) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_text(f"a{char}b", "the title", 100, one_line=one_line)
    assert f"character 2 is {said}" in refused.value.message
    assert "control" not in refused.value.message


def test_a_control_character_is_still_said_as_one() -> None:
    with pytest.raises(InvalidInput, match="holds the control character U\\+000A"):
        check_file_name("a\nb.txt")
