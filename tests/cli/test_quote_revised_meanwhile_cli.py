"""A trial: `claim add --quote` of words an editor's `doc update` had just changed said only
"quote not found"; the one line now says which revision changed them, by whom, and exit 1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def test_claim_add_of_words_a_new_revision_changed(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="MiniMax在2021年底创业。它的模型很大。"))
    ok(
        cli(
            "--as", "ed", "doc", "update", "1", "-", input="MiniMax在2021年年底创业。它的模型很大。"
        )
    )
    r = cli("claim", "add", "1", "--text", "late 2021", "--quote", "在2021年底创业")
    assert r.code == 1 and r.err.count("\n") == 1
    assert "revision 2 of document #1, stored by ed at " in r.err
    assert "(revision 1 has them): pin the claim in the current text" in r.err
