"""rr353: an address stored before the look-alike rules is read with each letter imitating a
Latin one read as that letter (`people._as_shown`, rr340, rr350). Case folding leaves Cherokee
letters capitals (Unicode folds Cherokee to its capitals), and a capital Cherokee letter reads
as a capital Latin one: `Ꮲat@x.org` was the mailbox `Pat@x.org`, another than `pat@x.org`'s,
though mail and every list read them alike. Found by the property test drawing Cherokee."""

from __future__ import annotations

import pytest

from workbench.domain.people import mailbox_of, one_mailbox


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("\u13e2at@x.org", "pat@x.org"),  # Cherokee Ꮲ, drawn P
        ("jo@\u13aa\u13a1.org", "jo@ar.org"),  # Cherokee Ꭺ, Ꭱ beside org
    ],
)
def test_a_cherokee_letter_reads_as_the_latin_letter_folded(stored: str, shown: str) -> None:
    assert mailbox_of(stored) == shown
    assert one_mailbox(stored, shown) is not None
