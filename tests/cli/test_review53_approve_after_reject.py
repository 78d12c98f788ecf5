"""review53: `claim approve` warns of figures the claim's text still gives that its quote no
longer has only when the *latest* proposal cleared the flag (`_flag_cleared_by_proposal`). A
proposal that confirmed the flagged verdict, rejected by the second reviewer and proposed again
unchanged, is approved and published with the stale figure, and nobody is told (9247f7b meant
the approver, who publishes, to be told)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

OLD = (
    "HOLT: Welcome to the debate.\n"
    "OKAFOR: Today unemployment is 3.4 percent, below the national average of 4.1 percent.\n"
    "BRENNAN: Crime fell by 30 percent since 2015.\n"
)
NEW = OLD.replace("3.4 percent", "3.6 percent")
QUOTE = "Today unemployment is 3.4 percent, below the national average of 4.1 percent."


def test_review53_approver_is_warned_after_a_reject_and_a_new_proposal(
    cli: Run, tmp_path: Path
) -> None:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    assert cli("claim", "add", "1", "--quote", QUOTE, "--text", QUOTE).code == 0
    assert cli("config", "set", "review.required", "true").code == 0
    if PG_URL:
        assert cli("config", "set", "review.distinct_roles", "false").code == 0
    ev = cli("evidence", "add", "1", "--url", "https://bls.example/x", "--stance", "supports")
    assert ev.code == 0
    assert cli("--as", "maria", "claim", "status", "1", "verified", "--note", "BLS: 3.4%").code == 0
    assert cli("--as", "jon", "claim", "approve", "1").code == 0
    assert cli("doc", "update", "1", str(new)).code == 0
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
