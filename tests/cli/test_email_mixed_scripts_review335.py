"""review335: spoof331 refused an address holding a character nobody sees, as it was the same
address as 陈静's in every list and another mailbox to the one-mailbox rule. An address with a
letter of another script drawn like the Latin one in a word of Latin letters (`chen.jіng`, a
Cyrillic і) is the same in every list too, and was taken beside chen.jing@gmail.com: its
owner could approve her verdict. It is refused as bad usage, as such a name is; an address in
one script per word (иван@example.org, 王芳@例子.中国) is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address

Run = Callable[..., Any]

IMITATED = {
    "cyrillic i in the local part": "chen.j\u0456ng@gmail.com",
    "cyrillic a in the domain": "chen.jing@gm\u0430il.com",
    "greek o": "chen.jing@gmail.c\u03bfm",
}


@pytest.mark.parametrize("address", IMITATED.values(), ids=IMITATED.keys())
def test_a_letter_imitating_a_latin_one_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    assert "mixes scripts" in refused.value.message, refused.value.message
    assert "email address" in refused.value.message, refused.value.message


@pytest.mark.parametrize(
    "address", ["иван@example.org", "王芳@例子.中国", "josé@example.org", "ivan.иван@x.org"]
)
def test_an_address_in_one_script_a_word_is_kept(address: str) -> None:
    assert email_address(address) == address


def test_user_add_refuses_it_beside_the_real_address(cli: Run) -> None:
    assert cli("--as", "陈静", "user", "add", "陈静", "--email", "chen.jing@gmail.com").code == 0
    r = cli(
        "--as", "陈静", "user", "add", "cj", "--email", IMITATED["cyrillic i in the local part"]
    )
    assert r.code == 2, (r.out, r.err)
    assert "mixes scripts" in r.err and r.err.count("\n") == 1, r.err
    assert "cj" not in cli("user", "list").out
