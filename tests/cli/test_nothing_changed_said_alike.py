"""A command that changes nothing says so one way in every command: on stderr (stdout holds
the results a pipe wants), as "...; nothing changed" (or the command's own verb: `doc add`'s
"nothing added", `doc update`'s "nothing stored"), with and without --json (fix184)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import ok

Run = Callable[..., Any]


@pytest.mark.skipif(not PG_URL, reason="a SQLite file has no roles to bind a name to")
def test_user_bind_of_the_role_already_bound_says_it_as_every_command_does(cli: Run) -> None:
    """`user bind maria --role postgres` of the role maria already had said "maria already
    acts from role postgres: nothing changed", with a colon, where every other command says
    "...; nothing changed"."""
    ok(cli("--as", "owner", "user", "add", "owner"))
    ok(cli("--as", "owner", "user", "add", "maria"))
    ok(cli("--as", "owner", "user", "bind", "maria", "--role", "postgres"))
    r = ok(cli("--as", "owner", "user", "bind", "maria", "--role", "postgres"))
    assert (r.out, r.err) == ("", "maria already acts from role postgres; nothing changed\n")
    r = ok(cli("--as", "owner", "user", "bind", "maria", "--role", "postgres", "--json"))
    assert json.loads(r.out)["changed"] is False
