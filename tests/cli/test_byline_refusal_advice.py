"""What `doc edit --author` says to do when a verdict holds the byline: one step, and one that
works for the claim's state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import PG_URL
from tests.inprocess import err_line, ok
from workbench.domain.article_author import byline_refusal

Run = Callable[..., Any]


def _proposed(cli: Run, tmp_path: Path) -> None:
    """Document #1 by 国家统计局; its claim #1, said by "Article author", proposed verified."""
    article = tmp_path / "a.txt"
    article.write_text("全年国内生产总值比上年增长5.2%。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--author", "国家统计局"))
    ok(cli("claim", "add", "1", "--quote", "比上年增长5.2%", "--text", "GDP增长5.2%"))
    ok(cli("claim", "edit", "1", "--speaker", "Article author"))
    ok(cli("evidence", "add", "1", "--url", "https://stats.example/x", "--stance", "supports"))
    ok(cli("config", "set", "review.required", "true"))
    if PG_URL:  # one database role for everyone here: the names tell the two apart
        ok(cli("config", "set", "review.distinct_roles", "false"))
    ok(cli("claim", "status", "1", "verified", "--note", "与公报一致"))


def test_a_verdict_holding_the_byline_names_the_reopen_step_once(cli: Run, tmp_path: Path) -> None:
    """The refusal said its advice twice: the library's message ended in "reopen it first
    (`workbench claim status 1 in_progress --note TEXT`)" and the CLI added its hint, "reopen it
    first with `workbench claim status 1 in_progress --note TEXT`" (trial95). Now the message
    gives the facts and the hint the command, once."""
    _proposed(cli, tmp_path)
    ok(cli("claim", "approve", "1", "--note", "ok", env={"WORKBENCH_USER": "ben"}))
    r = cli("doc", "edit", "1", "--author", "某自媒体")
    err_line(r, 1, "claim #1 (verified)")
    assert r.err.count("claim status 1 in_progress --note TEXT") == 1, r.err
    assert r.err.count("reopen it first") == 1, r.err


def test_a_proposal_holding_the_byline_is_told_to_be_rejected(cli: Run, tmp_path: Path) -> None:
    """For a claim in review the refusal said to run `claim status 1 in_progress`, which is
    itself refused for a claim in review ("a second reviewer approves or rejects it first", the
    proposer is told): the step that frees the byline is `claim reject 1 --note TEXT`, as
    `claim edit` says of a claim in review (trial95)."""
    _proposed(cli, tmp_path)
    r = cli("doc", "edit", "1", "--author", "某自媒体")
    err_line(r, 1, "claim #1 (in_review)")
    assert "claim reject 1 --note TEXT" in r.err, r.err
    assert "in_progress --note" not in r.err, r.err
    # The advice given works: rejected, the byline changes.
    ok(cli("claim", "reject", "1", "--note", "再查", env={"WORKBENCH_USER": "ben"}))
    ok(cli("doc", "edit", "1", "--author", "某自媒体"))


def test_the_library_refusal_carries_the_step_and_no_command_line() -> None:
    """The library's message holds no command line (workbench/cli/hints.py words the steps):
    a verdict's step is reopen, a proposal's is reject."""
    given = byline_refusal(3, [(7, "false")])
    proposed = byline_refusal(3, [(7, "in_review"), (8, "verified")])
    assert given is not None and proposed is not None
    assert given.hint is not None and given.hint.facts == {"step": "reopen", "claim_id": 7}
    assert proposed.hint is not None and proposed.hint.facts == {"step": "reject", "claim_id": 7}
    for refusal in (given, proposed):
        assert "`workbench" not in refusal.message and refusal.reason == "claim_judged"
    assert "claim #7 (in_review) and 1 more" in proposed.message
