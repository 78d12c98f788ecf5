"""`audit verify` and `audit replay` blamed an older workbench or a rewrite for an approval
this workbench let through, before the two were registered.

trial308 met, on a desk with nobody registered yet: maria proposed a verdict,
`--as maria@example.org` approved it (no one registered, so no address to compare), and
then `user add maria --email maria@example.org`. `audit verify` warned that "a workbench
before the rule let it through, or the trail was rewritten outside it": neither was so, and
the editor read it as tampering. The rule reads the people the trail registers by its end
(docs/audit-chain.md), so a registration after the approval is the third cause, and said."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import Result

Run = Callable[..., Result]


def test_an_approval_before_the_registration_is_said_as_such(cli: Run) -> None:
    def ok(*args: str) -> Result:
        r = cli(*args)
        assert r.code == 0, r.err
        return r

    ok("--as", "editor", "demo")
    ok("--as", "editor", "config", "set", "review.required", "true")
    # (PostgreSQL: the test's people share one login role, as a desk may.)
    ok("--as", "editor", "config", "set", "review.distinct_roles", "false")
    ok("--as", "maria", "claim", "status", "3", "unverifiable", "--note", "No record either way.")
    ok("--as", "maria@example.org", "claim", "approve", "3")
    ok("--as", "editor", "user", "add", "maria", "--email", "maria@example.org")
    for command in ("verify", "replay"):
        err = ok("audit", command).err
        assert "approved by 'maria@example.org', proposed by 'maria'" in err, err
        assert "registered only after it" in err, err
