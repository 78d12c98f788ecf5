"""A trial (five checkers on one desk): a checker's `claim edit --if-version` refused by a
colleague's assignment read "changed by someone else since version 1": who, and what, only
`claim show`'s history said. The one line names the change and its author."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def test_a_stale_edit_names_who_changed_what(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="只有四家公司。单次高达1500万美金。"))
    ok(cli("claim", "add", "1", "--text", "four firms", "--quote", "只有四家公司"))
    ok(cli("--as", "cy", "claim", "assign", "1", "--to", "cy"))
    r = cli("--as", "ana", "claim", "edit", "1", "--text", "only four", "--if-version", "1")
    assert r.code == 1 and r.err == (
        "error: claim #1 was changed since version 1 (it is now at version 2): assignee by cy; "
        "re-read it with `workbench claim show 1` and try again\n"
    )
