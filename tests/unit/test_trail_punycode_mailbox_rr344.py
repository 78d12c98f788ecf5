"""rr344: rr340 made `maria@xn--bcher-kva.de` (the ASCII form mail delivers `maria@bücher.de`
by) her mailbox to the sign-off and `user add`, but a trail's registrations are found by a key
of the address as written (`skeleton(mailbox(...))`): `audit verify` did not name the second
person registered, or edited, at the punycode form of the first's mailbox."""

from __future__ import annotations

import pytest

from workbench.domain.trail_people import Registrations

PAIRS = [
    ("maria@bücher.de", "maria@xn--bcher-kva.de"),
    ("maria@xn--bcher-kva.de", "maria+x@BÜCHER.de"),
]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_registration_at_the_punycode_form_of_a_mailbox_is_named(first: str, second: str) -> None:
    found = Registrations()
    found.feed(1, "user.added", {"after": {"name": "maria", "display": None, "email": first}})
    found.feed(2, "user.added", {"after": {"name": "mb", "display": None, "email": second}})
    assert [(f.seq, f.other) for f in found.found] == [(2, "maria")]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_an_address_edited_to_the_punycode_form_of_a_mailbox_is_named(
    first: str, second: str
) -> None:
    found = Registrations()
    found.feed(1, "user.added", {"after": {"name": "maria", "display": None, "email": first}})
    found.feed(2, "user.added", {"after": {"name": "mb", "display": None, "email": "mb@x.org"}})
    found.feed(3, "user.edited", {"after": {"email": second}}, entity_id="mb")
    assert [(f.seq, f.other) for f in found.found] == [(3, "maria")]


def test_an_address_named_as_written_is_found_still() -> None:
    """A name shaped as the punycode address of another person is theirs as before."""
    found = Registrations()
    found.feed(
        1,
        "user.added",
        {"after": {"name": "maria", "display": None, "email": "m@xn--bcher-kva.de"}},
    )
    found.feed(2, "user.added", {"after": {"name": "m@xn--bcher-kva.de", "display": None}})
    assert [(f.seq, f.other) for f in found.found] == [(2, "maria")]
