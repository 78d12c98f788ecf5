"""trial52: a flagged verdict confirmed while the claim's text still gave the figure the
revision took out was warned of to its proposer only; the second reviewer who approved it (the
sign-off that publishes it) was told nothing, and the stale text went out rated True."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

OLD = (
    "HOLT: Welcome to the debate.\n"
    "OKAFOR: Today unemployment is 3.4 percent, below the national average of 4.1 percent.\n"
    "BRENNAN: Crime fell by 30 percent since 2015.\n"
)
NEW = OLD.replace("3.4 percent", "3.6 percent")
QUOTE = "Today unemployment is 3.4 percent, below the national average of 4.1 percent."


def test_trial52_approver_is_warned_of_stale_figures(cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    assert cli("claim", "add", "1", "--quote", QUOTE, "--text", QUOTE).code == 0
    assert cli("config", "set", "review.required", "true").code == 0
    # one test role on PostgreSQL
    assert cli("config", "set", "review.distinct_roles", "false").code == 0
    assert (
        cli("evidence", "add", "1", "--url", "https://bls.example/x", "--stance", "supports").code
        == 0
    )
    assert cli("--as", "maria", "claim", "status", "1", "verified", "--note", "BLS: 3.4%").code == 0
    assert cli("--as", "jon", "claim", "approve", "1").code == 0
    assert cli("doc", "update", "1", str(new)).code == 0
    proposed = cli("--as", "maria", "claim", "status", "1", "verified", "--note", "Still right")
    assert proposed.code == 0
    assert "still gives 3.4" in proposed.err  # the proposer is told
    approved = cli("--as", "jon", "claim", "approve", "1")
    assert approved.code == 0
    # the second reviewer, whose sign-off publishes it, should be told too
    assert "still gives 3.4" in approved.err, approved.err
