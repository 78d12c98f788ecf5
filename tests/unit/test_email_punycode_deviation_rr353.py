"""rr353: rr352 reads a punycode label as Unicode only when its decoding is already as read
(case-folded); but IDNA (2008, and UTS 46 for a label in punycode) takes the letters `ß` and
`ς`, which case folding reads as `ss` and `σ`: `xn--strae-oqa` is `straße`, the domain mail to
`a@straße.de` is delivered to. rr352 compared it as written, and `a@xn--strae-oqa.de` was
another mailbox than `a@straße.de` (finalC had them one): two people at one mailbox."""

from __future__ import annotations

import pytest

from workbench.domain.people import mailbox_of, one_mailbox


def _label(unicode: str) -> str:
    return "xn--" + unicode.encode("punycode").decode("ascii")


@pytest.mark.parametrize(
    "unicode", ["stra\u00dfe", "\u00df", "\u03c2", "\u03bb\u03bf\u03b3\u03bf\u03c2"]
)
def test_a_label_of_a_letter_idna_keeps_is_its_unicode_form(unicode: str) -> None:
    assert one_mailbox(f"a@{_label(unicode)}.de", f"a@{unicode}.de") is not None
    assert mailbox_of(f"a@{_label(unicode)}.de") == mailbox_of(f"a@{unicode}.de")


def test_a_capital_sharp_s_is_still_no_label() -> None:
    # IDNA maps ẞ to ß, so a label of it is refused and names the domain written.
    address = "a@" + _label("stra\u1e9ee") + ".de"
    assert mailbox_of(address) == address
