"""An English desk's first week (trial64): a claim added by quote in a debate transcript is
the speaker's, as `extract --accept` records it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]
DEBATE = (
    "MODERATOR: Good evening. Mr. Barnes, you go first.\n"
    "BARNES: Grocery prices in this state have risen 22 percent.\n"
    "ALVAREZ: That’s simply not true. Our state added 84,000 jobs last year.\n"
    "BARNES: The average rent is now $1,650 a month. That’s up 40 percent since 2019.\n"
)


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    debate = tmp_path / "debate.txt"
    debate.write_text(DEBATE, encoding="utf-8")
    ok(run("doc", "add", str(debate)))
    return run


def test_a_claim_added_by_quote_in_a_transcript_is_its_speakers(wb: Run) -> None:
    """`claim add --quote` in a debate transcript recorded no speaker (so ClaimReview named no
    author), where `extract --accept` of the same sentence records BARNES."""
    out = wb(
        "claim",
        "add",
        "1",
        "--text",
        "Rent is up 40% since 2019.",
        "--json",
        "--quote",
        "That's up 40 percent since 2019.",
    )
    assert json.loads(ok(out).out)["speaker"] == "BARNES"
    out = wb(
        "claim",
        "add",
        "1",
        "--text",
        "84,000 jobs were added.",
        "--json",
        "--quote",
        "added 84,000 jobs",
    )
    assert json.loads(ok(out).out)["speaker"] == "ALVAREZ"


def test_a_speaker_given_or_a_span_across_turns_is_left_as_it_is(wb: Run) -> None:
    """(kept: --speaker wins; a span over two turns is no one speaker's)"""
    out = wb(
        "claim",
        "add",
        "1",
        "--text",
        "Prices rose 22%.",
        "--json",
        "--speaker",
        "Dana",
        "--quote",
        "risen 22 percent",
    )
    assert json.loads(ok(out).out)["speaker"] == "Dana"
    out = wb(
        "claim",
        "add",
        "1",
        "--text",
        "Two turns.",
        "--json",
        "--quote",
        "22 percent.\nALVAREZ: That’s simply",
    )
    assert json.loads(ok(out).out)["speaker"] is None
