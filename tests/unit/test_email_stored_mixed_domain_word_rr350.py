"""rr350: rr344 reads a word of letters drawn like Latin ones in an address's domain as Latin
only when no other word of the domain reads as no Latin one (`admin@орех.рф` is itself). But it
took a word that mixes scripts (`оrg` with a Cyrillic о), which imitates a Latin word and is read
as one, for a word reading as no Latin one: `joe@орех.оrg`, stored before the rules and shown as
`joe@opex.org` in every list, was read as `joe@орех.org`, another mailbox than `joe@opex.org`'s,
whose owner's verdict its owner could approve (rr340 read it as `joe@opex.org`)."""

from __future__ import annotations

import pytest

from workbench.domain.people import email_tie, mailbox_of, one_mailbox
from workbench.domain.trail_people import Registrations

SHOWN = {
    "the top-level domain mixed": ("joe@\u043e\u0440\u0435\u0445.\u043erg", "joe@opex.org"),
    "another word mixed": ("joe@\u043e\u0440\u0435\u0445.\u0435xample.com", "joe@opex.example.com"),
}


@pytest.mark.parametrize(("stored", "real"), SHOWN.values(), ids=SHOWN.keys())
def test_a_domain_word_mixing_scripts_reads_as_latin_beside_an_imitating_one(
    stored: str, real: str
) -> None:
    assert mailbox_of(stored) == real
    assert one_mailbox(stored, real) is not None
    assert email_tie("joe", real, "j2", stored) is not None


@pytest.mark.parametrize(("stored", "real"), SHOWN.values(), ids=SHOWN.keys())
def test_audit_verify_names_the_second_person_at_the_mailbox(stored: str, real: str) -> None:
    found = Registrations()
    found.feed(1, "user.added", {"after": {"name": "joe", "display": None, "email": real}})
    found.feed(2, "user.added", {"after": {"name": "j2", "display": None, "email": stored}})
    assert [(f.seq, f.other) for f in found.found] == [(2, "joe")]
