"""rr340: one mailbox is one person, compared as mail delivers it; an internationalised domain
is delivered to by its ASCII form, so `maria@xn--bcher-kva.de` is `maria@bücher.de`'s mailbox,
but the two were two mailboxes to the one-mailbox rule: registered beside maria's, the one
could approve her verdict. A label that is no valid punycode is compared as written."""

from __future__ import annotations

from workbench.domain.people import email_tie, mailbox_of, one_mailbox


def test_a_domain_in_punycode_is_the_mailbox_of_its_unicode_form() -> None:
    assert mailbox_of("Maria@XN--BCHER-KVA.de") == mailbox_of("maria@bücher.de")
    assert one_mailbox("maria@xn--bcher-kva.de", "maria@bücher.de") is not None
    assert email_tie("maria", "maria@bücher.de", "mb", "maria+x@xn--bcher-kva.de") is not None


def test_other_labels_and_bad_punycode_are_compared_as_written() -> None:
    assert one_mailbox("maria@xn--bcher-kva.de", "maria@bucher.de") is None
    assert mailbox_of("a@xn--.de") == "a@xn--.de"
    assert mailbox_of("xn--bcher-kva@x.org") == "xn--bcher-kva@x.org"  # a local part is no label
