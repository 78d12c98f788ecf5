"""spoof331: `user add cj --email` with a zero-width space, a bidi override or a soft hyphen in
the address was taken beside 陈静's `chen.jing@gmail.com`: `user list` showed the two at one
address, yet the one-mailbox rule read them as two mailboxes, so cj could approve 陈静's
verdict. A name and a display name holding such a character are refused; so is an address now,
as bad usage (exit 2), in one line naming the character, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.people import email_address

Run = Callable[..., Any]

HIDDEN = {
    "zero-width space": "chen.jing\u200b@gmail.com",
    "bidi override": "\u202echen.jing@gmail.com",
    "soft hyphen": "chen.jing@gmail.com\u00ad",
    "word joiner": "chen.\u2060jing@gmail.com",
}


@pytest.mark.parametrize("address", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_address_holding_an_invisible_character_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        email_address(address)
    assert "invisible" in refused.value.message, refused.value.message
    assert "email address" in refused.value.message, refused.value.message


@pytest.mark.parametrize("address", ["josé@example.org", "王芳@例子.中国", "chen.jinǵ@gmail.com"])
def test_a_visible_address_in_any_script_is_kept(address: str) -> None:
    assert email_address(address) == address


@pytest.mark.parametrize("address", HIDDEN.values(), ids=HIDDEN.keys())
def test_user_add_and_edit_refuse_a_hidden_address_beside_the_real_one(
    cli: Run, address: str
) -> None:
    assert cli("--as", "陈静", "user", "add", "陈静", "--email", "chen.jing@gmail.com").code == 0
    r = cli("--as", "陈静", "user", "add", "cj", "--email", address)
    assert r.code == 2, (r.out, r.err)
    assert "invisible" in r.err and r.err.count("\n") == 1, r.err
    assert "cj" not in cli("user", "list").out

    assert cli("--as", "陈静", "user", "add", "cj", "--email", "cj@example.org").code == 0
    r = cli("--as", "陈静", "user", "edit", "cj", "--email", address)
    assert r.code == 2, (r.out, r.err)
    assert "invisible" in r.err and r.err.count("\n") == 1, r.err
    assert "cj@example.org" in cli("user", "list").out
