"""finalC: rr340's `identity.latin_impostor` asks, of an address's word in no Latin letter,
which of its letters imitates a Latin one; a word whose only letters are ASCII digits beside a
symbol (`1☀`, `12·`) has none, and `next()` over nothing raised StopIteration: `user add ana
--email 'ana.1☀@x.org'` ended in a traceback. Worse, an ASCII address taken as it is,
`a@xn--1-zbq4g8g.org`, is such a word once its punycode label is read as Unicode (`⛦✔❂1`,
`people.mailbox_of`): once it was stored, every later `user add --email` and `audit verify`
ended in that traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.identity import latin_impostor
from workbench.domain.people import email_address, mailbox_of, one_mailbox

Run = Callable[..., Any]

# An ASCII address whose domain's label is punycode for `⛦✔❂1`.
PUNYCODE = "a@xn--1-zbq4g8g.org"


@pytest.mark.parametrize("word", ["1\u2600", "12\u00b7", "1\u2019", "\u2600"])
def test_a_word_with_no_letter_beyond_ascii_imitates_none(word: str) -> None:
    assert latin_impostor(word) is None


@pytest.mark.parametrize("address", ["ana.1\u2600@x.org", "ana@1\u00b7.org", PUNYCODE])
def test_such_an_address_is_taken_and_compared(address: str) -> None:
    assert email_address(address) == address
    assert one_mailbox(address, address) == "is"
    assert mailbox_of(PUNYCODE) == "a@\u26e6\u2714\u27421.org"


def test_a_desk_holding_one_registers_others_and_verifies(cli: Run) -> None:
    assert cli("--as", "ana", "user", "add", "ana", "--email", PUNYCODE).code == 0
    r = cli("--as", "ana", "user", "add", "ben", "--email", "ben@x.org")
    assert r.code == 0, (r.out, r.err)
    r = cli("--as", "ana", "user", "add", "cy", "--email", "cy.1\u2600@x.org")
    assert r.code == 0, (r.out, r.err)
    r = cli("audit", "verify")
    assert r.code == 0, (r.out, r.err)
