"""`workbench user edit NAME`: a registered person's address or display name corrected.

Until it, `user add` set both for good: `workbench user --help` offered add, bind and list,
and a typo in `--email` (or two people at one mailbox, one reviewer to the sign-off) stayed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def _desk(cli: Run) -> None:
    """ed registers ana (and so himself first: ed is the desk's owner)."""
    r = cli("--as", "ed", "user", "add", "ana", "--display", "Ana D", "--email", "ana@dd.org")
    assert r.code == 0, r.err


def test_user_edit_corrects_an_address_and_a_display_name(cli: Run) -> None:
    _desk(cli)
    r = cli("--as", "ed", "user", "edit", "ana", "--email", "ana@d.org", "--display", "Ana Diaz")
    assert r.code == 0, r.err
    assert r.out == ("edited ana: display Ana Diaz (was Ana D), email ana@d.org (was ana@dd.org)\n")
    listed = cli("user", "list").out
    assert "ana@d.org" in listed and "Ana Diaz" in listed and "ana@dd.org" not in listed
    r = cli("--as", "ed", "user", "edit", "ana", "--no-display", "--json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert (out["before"], out["after"]) == ({"display": "Ana Diaz"}, {"display": None})
    assert out["user"]["name"] == "ana" and out["user"]["display"] is None
    assert cli("audit", "verify").code == 0
    assert cli("audit", "replay").code == 0


def test_user_edit_usage(cli: Run) -> None:
    """Nothing asked, or a value and its clearing at once: bad usage (exit 2), one line."""
    _desk(cli)
    for args in ([], ["--email", "a@d.org", "--no-email"], ["--display", "A", "--no-display"]):
        r = cli("--as", "ed", "user", "edit", "ana", *args)
        assert r.code == 2, (args, r.out, r.err)
        assert "Traceback" not in r.err


def test_user_edit_refusals_are_one_line(cli: Run) -> None:
    _desk(cli)
    for actor, args, said in [
        ("ed", ["mna", "--email", "m@d.org"], "'mna' is not a registered user of this desk"),
        ("ana", ["ana", "--email", "ana@d.org"], "desk's owner"),
        ("ed", ["ana", "--display", "ed"], "is the name of the registered user 'ed'"),
    ]:
        r = cli("--as", actor, "user", "edit", *args)
        assert r.code == 1, (args, r.out, r.err)
        assert said in r.err, r.err
        assert r.err.count("\n") == 1, r.err


def test_user_edit_of_the_values_held_says_nothing_changed(cli: Run) -> None:
    """fix319: re-running `user edit ana --email ana@dd.org` exited 1 ("nothing to change"),
    where `config set` and `user bind` exit 0 and say it on stderr, `changed: false` in --json:
    user edit says it as they do."""
    _desk(cli)
    r = cli("--as", "ed", "user", "edit", "ana", "--email", "ana@dd.org")
    assert (r.code, r.out) == (0, ""), (r.out, r.err)
    assert r.err == "ana already has the email address 'ana@dd.org'; nothing changed\n", r.err
    r = cli("--as", "ed", "user", "edit", "ana", "--no-email", "--display", "Ana D", "--json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert (out["changed"], out["before"], out["after"]) == (
        True,
        {"email": "ana@dd.org"},
        {"email": None},
    )
    r = cli("--as", "ed", "user", "edit", "ana", "--no-email", "--display", "Ana D", "--json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert (out["changed"], out["before"], out["after"]) == (False, {}, {})
    assert out["user"]["display"] == "Ana D"
    assert (
        r.err == "ana already has the display name 'Ana D' and no email address; nothing changed\n"
    ), r.err


def test_an_unregistered_actor_is_told_apart_by_its_reason(cli: Run) -> None:
    """fix319: `--as nobody` on a desk with people was `invalid_input` with no reason, one a
    script could not tell from any bad value."""
    _desk(cli)
    r = cli("--as", "nobody", "user", "edit", "ana", "--email", "x@d.org", "--json")
    assert r.code == 1, (r.out, r.err)
    error = json.loads(r.err)["error"]
    assert (error["kind"], error["reason"]) == ("invalid_input", "unregistered_user"), error
