"""finalC: `identity.invisible` asks whether a Mongolian variation selector follows a Mongolian
letter by the name of the character before it, and there is none before the first: it asked
unicodedata.name('') and raised TypeError. A name, an email address, or a text whose
visibility is asked (`limits.has_visible`, `said_back.said_quote`), starting with U+180B ended in a
traceback where U+200B there is refused in one line (`user add $'\\u180bdee'`). A selector
with nothing before it varies nothing: invisible, as a variation selector there is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.identity import drawn, invisible
from workbench.domain.limits import has_visible
from workbench.domain.said_back import said_quote

Run = Callable[..., Any]

SELECTOR = "\u180b"  # MONGOLIAN FREE VARIATION SELECTOR ONE


def test_one_first_is_invisible_and_drawn_as_nothing() -> None:
    assert invisible(SELECTOR + "dee", 0)
    assert drawn(SELECTOR + "dee") == "dee"
    assert not has_visible(SELECTOR)
    assert (
        said_quote(SELECTOR + "dee")
        == "'\\u180bdee' (\\uXXXX: a character there that cannot be seen)"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["user", "add", SELECTOR + "dee"],
        ["user", "add", "dee", "--email", SELECTOR + "dee@x.org"],
    ],
    ids=["name", "email"],
)
def test_user_add_refuses_it_in_one_line(cli: Run, args: list[str]) -> None:
    r = cli("--as", "ana", *args)
    assert r.code == 2, (r.out, r.err)
    assert "U+180B" in r.err and r.err.count("\n") == 1, r.err
