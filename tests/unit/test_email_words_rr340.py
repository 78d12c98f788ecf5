"""rr340: review335 refused an address a word of which mixes scripts, "each word by itself so
that иван@example.org is kept", but took as its words only what the dots and the @ part: a
Latin word and a Cyrillic one joined by a hyphen, an underscore or a +tag (`ivan_иванов`,
`chen+тест`), each in one script, were refused as mixing scripts, where `ivan.иванов` was
kept and names part words at a hyphen and an underscore too. A letter imitating a Latin one
inside a word so parted is refused still."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address


@pytest.mark.parametrize(
    "address", ["ivan_иванов@x.org", "ivan-иванов@x.org", "chen+тест@gmail.com"]
)
def test_words_in_one_script_each_joined_otherwise_than_by_a_dot_are_kept(address: str) -> None:
    assert email_address(address) == address


@pytest.mark.parametrize(
    "address",
    ["chen-j\u0456ng@gmail.com", "chen+j\u0456ng@gmail.com", "ivan_\u0458\u043e\u0435@x.org"],
)
def test_a_letter_imitating_a_latin_one_in_such_a_word_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    assert "mixes scripts" in refused.value.message, refused.value.message
