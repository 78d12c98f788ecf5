"""The Markdown timeline reads its claims a range of ids at a time (trial211: one query per
claim was 40% of a year's desk's timeline): every claim still gets its own heading and status,
across the ranges' edges and with filters that skip claims."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]

QUOTES = ("甲公司", "乙公司", "丙公司", "丁公司", "戊公司")


def test_each_claim_heads_its_events_across_ranges(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the headings' reads, both paths': the driver's for a whole trail, the ORM's by action)
    import workbench.services.timeline_heads as timeline_heads

    monkeypatch.setattr(timeline_heads, "CLAIMS_AHEAD", 2)
    ok(cli("doc", "add", "-", input="。".join(QUOTES) + "。"))
    for quote in QUOTES:
        ok(cli("claim", "add", "1", "--text", f"{quote} exists", "--quote", quote))
    ok(cli("claim", "status", "3", "in_progress"))
    ok(cli("claim", "status", "5", "in_progress"))
    out = ok(cli("audit", "export", "--format", "md")).out
    headings = [line for line in out.splitlines() if line.startswith("## Claim")]
    assert headings == [f"## Claim #{i}: {q} exists" for i, q in enumerate(QUOTES, 1)]
    statuses = [line for line in out.splitlines() if line.startswith("- **Status now:**")]
    assert [s.split("**")[-1].strip() for s in statuses] == [
        f"{status} (version {version})"
        for status, version in (
            ("unverified", 1),
            ("unverified", 1),
            ("in_progress", 2),
            ("unverified", 1),
            ("in_progress", 2),
        )
    ]
    only = ok(cli("audit", "export", "--format", "md", "--action", "claim.status_changed")).out
    assert [line for line in only.splitlines() if line.startswith("## Claim")] == [
        "## Claim #3: 丙公司 exists",
        "## Claim #5: 戊公司 exists",
    ]
