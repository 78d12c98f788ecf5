"""rr352: finalC compares a punycode label decoding to ASCII alone (`xn--b-`) as written, as
IDNA refuses it and mail goes to the domain so named. It asked before folding: a label
decoding to full-width letters (`xn--ni7c` is `ｂ`, `xn--5g7cqde` is `ｂ．ｃ`) folded to ASCII
after, and the ASCII `a@xn--ni7c.org` was still said to share a mailbox with `a@b.org` (and
`a@xn--5g7cqde.org` with `a@b.c.org`, another domain's depth). IDNA refuses any label whose
decoding is not already as read (NFKC, case-folded: `b` would be `xn--b-`, `bücher`
`xn--bcher-kva`), so such a label names the domain written, not the one it folds to."""

from __future__ import annotations

import pytest

from workbench.domain.people import mailbox_of, one_mailbox

BU = "b\u00fc"


def _label(unicode: str) -> str:
    return "xn--" + unicode.encode("punycode").decode("ascii")


@pytest.mark.parametrize(
    ("decoded", "read"),
    [
        ("\uff42", "b"),  # full-width b
        ("\uff42\uff0e\uff43", "b.c"),  # full-width b, full stop, c
        ("b\u00dc", "b\u00fc"),  # a capital beyond ASCII: `xn--b-` + its own code, not bü's
        # What draws nothing (IDNA refuses it too): `mailbox_of` reads an address as drawn,
        # and `xn--b-eha669u` was bü's label as `xn--ni7c` was b's
        ("b\u200b\u00fc", "b\u00fc"),  # zero-width space
        ("\u00fc\ufe0f", "\u00fc"),  # a variation selector after a letter
    ],
)
def test_a_label_not_as_read_is_compared_as_written(decoded: str, read: str) -> None:
    address = f"a@{_label(decoded)}.org"
    assert mailbox_of(address) == address
    assert one_mailbox(address, f"a@{read}.org") is None


def test_a_label_as_read_is_still_its_unicode_form() -> None:
    address = f"a@{_label(BU)}.org"
    assert one_mailbox(address, f"a@{BU}.org") is not None
    # DNS reads ASCII without case: XN--BCHER-KVA is bücher's label too.
    assert one_mailbox("maria@XN--BCHER-KVA.de", "maria@b\u00fccher.de") is not None
