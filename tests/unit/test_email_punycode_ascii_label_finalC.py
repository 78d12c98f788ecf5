"""finalC: rr340 reads a domain label in punycode as the Unicode it stands for, so that
`maria@xn--bcher-kva.de` is `maria@bücher.de`'s mailbox. A label whose punycode decodes to
ASCII alone (`xn--b-` is `b`) is no internationalised name (IDNA refuses it: it does not round
trip), and mail to it goes to the domain so named: `a@xn--b-.org` was said to share a mailbox
with `a@b.org`, and refused or warned of beside it."""

from __future__ import annotations

from workbench.domain.people import mailbox_of, one_mailbox


def test_a_label_decoding_to_ascii_is_compared_as_written() -> None:
    assert mailbox_of("a@xn--b-.org") == "a@xn--b-.org"
    assert one_mailbox("a@xn--b-.org", "a@b.org") is None
    assert one_mailbox("a@XN--B-.org", "a@xn--b-.org") == "is"


def test_an_internationalised_label_is_still_read_as_unicode() -> None:
    assert one_mailbox("maria@xn--bcher-kva.de", "maria@bücher.de") is not None
