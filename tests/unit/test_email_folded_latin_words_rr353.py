"""rr353: the look-alike rule of an address (`people._imitating`) asks whether it holds a Latin
word for one drawn like Latin letters to pass as. It asked the address as typed, not as read:
`јое@ｅｘａｍｐｌｅ.ｏｒｇ` (Cyrillic ј, о, е beside a full-width domain) holds no ASCII letter, and
`user add` took it, though it reads as `joe@example.org` and its mailbox is that one, as
`јое.smith@example.org` (rr340) is refused. Found by the property test drawing from full-width
and mathematical letters."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address, one_mailbox

JOE = "\u0458\u043e\u0435"  # Cyrillic ј, о, е


@pytest.mark.parametrize(
    "address",
    [
        f"{JOE}@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.\uff4f\uff52\uff47",  # full-width
        f"{JOE}@\U0001d41e\U0001d431.\U0001d428\U0001d42b\U0001d420",  # mathematical bold ex.org
    ],
)
def test_a_word_drawn_like_latin_beside_latin_words_as_read_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match="drawn in letters of another script"):
        email_address(address)


def test_a_word_of_another_script_beside_them_is_kept() -> None:
    # иван reads as no Latin word: the full-width domain is no reason to refuse it.
    address = "\u0438\u0432\u0430\u043d@\uff45\uff58.org"
    assert email_address(address) == address
    assert one_mailbox(address, "ivan@ex.org") is None
