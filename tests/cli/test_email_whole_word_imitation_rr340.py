"""rr340: review335 refused an address a word of which mixes scripts (`chen.jіng`, a Cyrillic
і), each word by itself so that иван@example.org and ivan.иван@x.org are kept. A word drawn
wholly in letters of another script that each imitate a Latin one (`јое`: Cyrillic ј, о, е)
mixes no script by itself, and `јое.smith@example.org` was taken beside joe.smith@example.org,
the same address in every list and another mailbox, as chen.jіng was before review335. Such a
word beside Latin words of the address is refused as bad usage; a word of another script that
does not read as Latin (иван), or an address with no Latin word, is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address

Run = Callable[..., Any]

IMITATED = {
    "cyrillic word in the local part": "\u0458\u043e\u0435.smith@example.org",
    "cyrillic word in the domain": "joe@\u0435\u0445\u043e\u0445.org",
    "greek word beside a latin one": "\u03bf\u03c1\u03b1.smith@example.org",
}


@pytest.mark.parametrize("address", IMITATED.values(), ids=IMITATED.keys())
def test_a_word_wholly_imitating_latin_beside_latin_words_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    assert "mixes scripts" in refused.value.message, refused.value.message
    assert "looks like the Latin" in refused.value.message, refused.value.message


@pytest.mark.parametrize(
    "address",
    [
        "иван@example.org",
        "ivan.иван@x.org",
        "\u0441\u043e\u0440@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",  # сор@пример.рф
        "王芳@例子.中国",
        "用户@例子.广告",
        "user@bücher.de",
        "user@xn--bcher-kva.de",
        "αλέξης@example.gr",
    ],
)
def test_an_address_whose_other_scripts_do_not_read_as_latin_is_kept(address: str) -> None:
    assert email_address(address) == address


def test_user_add_refuses_it_beside_the_real_address(cli: Run) -> None:
    assert cli("--as", "joe", "user", "add", "joe", "--email", "joe.smith@example.org").code == 0
    r = cli(
        "--as", "joe", "user", "add", "js", "--email", IMITATED["cyrillic word in the local part"]
    )
    assert r.code == 2, (r.out, r.err)
    assert "mixes scripts" in r.err and r.err.count("\n") == 1, r.err
    assert "js" not in cli("user", "list").out
