"""rr340: review335 refused a variation selector anywhere in an email address, with the words
spoof331 gave a character nobody sees: "U+E0100 VARIATION SELECTOR-17, which is invisible or
undefined", of 葛󠄀 (an ideographic variant that is drawn) and of the U+FE0F that draws ❤️ as an
emoji. The refusal says what such a character is there: a selector, which varies how the character
before it is drawn, and which an address holds none of."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address


@pytest.mark.parametrize("address", ["葛\U000e0100城@例え.jp", "\u2764\ufe0f@x.org"])
def test_a_selector_is_refused_as_a_selector(address: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    message = refused.value.message
    assert "invisible" not in message, message
    assert "VARIATION SELECTOR" in message and "varies how" in message, message


@pytest.mark.parametrize("address", ["chen.jing\u200b@gmail.com", "chen\ufe0f.jing@gmail.com"])
def test_what_draws_nothing_is_refused_as_invisible_still(address: str) -> None:
    # A selector after a letter varies nothing: it is invisible there, as spoof331 said.
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    assert "invisible" in refused.value.message, refused.value.message
