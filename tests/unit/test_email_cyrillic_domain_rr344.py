"""rr344: rr340 refused an address a word of which is wholly of letters drawn like Latin ones
beside a Latin word (`јое.smith@example.org`), the domain's words too (`joe@ехох.org`). But a
domain one of whose words reads as no Latin one, a Cyrillic top-level domain (`.рф`, `.москва`),
reads as no Latin domain, whatever its other words: `admin@орех.рф` (орех, a Russian word of
о, р, е, х) imitates no address anyone has, and was refused as bad usage, where
`info@пример.рф` was kept. A local part imitating a Latin word beside one is refused still."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address, mailbox_of

KEPT = ["admin@орех.рф", "joe.smith@орех.москва", "info@сор.орех.рф", "joe@орех.пример.com"]
# `.рус` is drawn p, y, c: `орех.рус` reads as the Latin `opex.pyc`.
REFUSED = ["joe@орех.com", "joe@mail.орех.org", "орех.smith@пример.рф", "joe@орех.рус"]


@pytest.mark.parametrize("address", KEPT)
def test_a_domain_with_a_word_reading_as_no_latin_one_is_kept(address: str) -> None:
    assert email_address(address) == address
    assert mailbox_of(address) == address  # read as written: it imitates no Latin address


@pytest.mark.parametrize("address", REFUSED)
def test_a_word_imitating_latin_in_a_domain_reading_as_latin_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match="mixes scripts"):
        email_address(address)
