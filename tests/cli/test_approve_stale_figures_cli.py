"""`claim approve` warns the second reviewer, whose sign-off publishes the claim, of figures its
text still gives that the revised quote no longer has.

trial52: a flagged verdict confirmed while the claim's text still gave the figure the revision
took out was warned of to its proposer only; the second reviewer who approved it was told
nothing, and the stale text went out rated True.

review53: the approver was warned only when the *latest* proposal cleared the flag
(`_flag_cleared_by_proposal`). A proposal that confirmed the flagged verdict, rejected by the
second reviewer and proposed again unchanged, was approved and published with the stale figure,
and nobody was told (9247f7b meant the approver, who publishes, to be told).
"""

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


def _verified_then_revised(cli: Run, tmp_path: Path) -> None:
    """Claim 1 quoting 3.4 percent, verified by maria and approved by jon, then the document
    revised to say 3.6 (which flags the verdict)."""
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    assert cli("claim", "add", "1", "--quote", QUOTE, "--text", QUOTE).code == 0
    assert cli("config", "set", "review.required", "true").code == 0
    # one test role on PostgreSQL
    assert cli("config", "set", "review.distinct_roles", "false").code == 0
    ev = cli("evidence", "add", "1", "--url", "https://bls.example/x", "--stance", "supports")
    assert ev.code == 0
    assert cli("--as", "maria", "claim", "status", "1", "verified", "--note", "BLS: 3.4%").code == 0
    assert cli("--as", "jon", "claim", "approve", "1").code == 0
    assert cli("doc", "update", "1", str(new)).code == 0


def test_trial52_approver_is_warned_of_stale_figures(cli: Run, tmp_path: Path) -> None:
    _verified_then_revised(cli, tmp_path)
    proposed = cli("--as", "maria", "claim", "status", "1", "verified", "--note", "Still right")
    assert proposed.code == 0
    assert "still gives 3.4" in proposed.err  # the proposer is told
    approved = cli("--as", "jon", "claim", "approve", "1")
    assert approved.code == 0
    # the second reviewer, whose sign-off publishes it, should be told too
    assert "still gives 3.4" in approved.err, approved.err


def test_review53_approver_is_warned_after_a_reject_and_a_new_proposal(
    cli: Run, tmp_path: Path
) -> None:
    _verified_then_revised(cli, tmp_path)
    first = cli("--as", "maria", "claim", "status", "1", "verified", "--note", "Still right")
    assert first.code == 0 and "still gives 3.4" in first.err  # the flag is cleared here
    assert cli("--as", "jon", "claim", "reject", "1", "--note", "look again").code == 0
    again = cli("--as", "maria", "claim", "status", "1", "verified", "--note", "Still right!")
    assert again.code == 0, again.err
    approved = cli("--as", "jon", "claim", "approve", "1")
    assert approved.code == 0, approved.err
    assert "now verified" in approved.out
    # The text still says 3.4, the quote 3.6: the sign-off that publishes it must say so.
    assert "still gives 3.4" in approved.err, approved.err
