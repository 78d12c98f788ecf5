"""A setting's key and value are words of a fixed set, read as every other such word is
(`inputs.typed_word`, the TypedChoice options): in any case, and full-width as a Chinese
IME in full-width mode types them (ｔｒｕｅ, ＯＦＦ, ｒｅｖｉｅｗ．ｒｅｑｕｉｒｅｄ).
`config set` refused them, exit 2, while `TRUE` passed and
`claim list --status ｖｅｒｉｆｉｅｄ` has read since fix232 (rr266)."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.settings import setting_problem, spec_for


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("ｔｒｕｅ", True),
        ("ＯＦＦ", False),
        ("ｙｅｓ", True),
        ("１", True),
        ("０", False),
        ("No", False),
    ],
)
def test_a_value_typed_full_width_is_the_word_it_is(raw: str, value: bool) -> None:
    assert spec_for("review.required").parse(raw) is value


@pytest.mark.parametrize(
    "key", ["ｒｅｖｉｅｗ．ｒｅｑｕｉｒｅｄ", "REVIEW.REQUIRED", " review.required "]
)
def test_a_key_typed_full_width_or_in_capitals_names_its_setting(key: str) -> None:
    assert spec_for(key).key == "review.required"
    assert setting_problem(key, "ｔｒｕｅ") is None


def test_a_word_naming_none_is_refused_as_typed() -> None:
    with pytest.raises(
        InvalidInput, match=r"review\.required takes true or false, not 'ｍａｙｂｅ'"
    ):
        spec_for("review.required").parse("ｍａｙｂｅ")
    with pytest.raises(InvalidInput, match=r"unknown setting 'ｒｅｖｉｅｗ．ｒｅｑ'"):
        spec_for("ｒｅｖｉｅｗ．ｒｅｑ")
