"""rr340: review335 refused at user add an address a word of which mixes scripts
(`chen.jіng@gmail.com`, a Cyrillic і), and compared one stored before spoof331's rule with a
zero-width space as drawn, but one stored with such a letter before review335's rule stayed
another mailbox than 陈静's `chen.jing@gmail.com` to the sign-off (`email_tie`) and to `user
add`: its owner could still approve her verdict. Such an address is read with those letters as
the Latin ones they imitate; one that is refused for no such letter (иван@example.org) keeps its
own mailbox."""

from __future__ import annotations

import pytest

from workbench.domain.people import email_tie, mailbox_of, one_mailbox

REAL = "chen.jing@gmail.com"
STORED = {
    "a cyrillic letter in a latin word": "chen.j\u0456ng@gmail.com",
    "two cyrillic letters": "\u0441h\u0435n.jing@gmail.com",
    "with a tag": "chen.j\u0456ng+x@gmail.com",
}


@pytest.mark.parametrize("stored", STORED.values(), ids=STORED.keys())
def test_a_stored_impostor_address_is_the_mailbox_it_shows(stored: str) -> None:
    assert mailbox_of(stored) == REAL
    assert one_mailbox(stored, REAL) is not None
    assert email_tie("陈静", REAL, "cj", stored) is not None


def test_an_address_in_another_script_keeps_its_own_mailbox() -> None:
    assert mailbox_of("иван@example.org") == "иван@example.org"
    assert one_mailbox("ivan.иван@x.org", "ivan.ivah@x.org") is None
