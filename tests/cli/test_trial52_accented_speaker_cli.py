"""trial52: `extract --accept` on a debate gives a speaker with an accented name's claims to the
moderator before them, and ClaimReview then publishes the moderator as the claim's author."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

DEBATE = (
    "HOLT: Welcome to the debate tonight, everyone.\n"
    "RAMÍREZ: Unemployment fell to 3.5 percent in 2019, the lowest in fifty years.\n"
    "HOLT: Thank you for that answer.\n"
    "RAMÍREZ: Inflation hit 9.1 percent in June 2022.\n"
)


def test_trial52_accepted_claims_name_the_accented_speaker(cli: Run) -> None:
    assert cli("doc", "add", "-", input=DEBATE).code == 0
    r = cli("extract", "1", "--accept", "--json")
    assert r.code == 0, r.err
    listed = json.loads(cli("claim", "list", "--json").out)
    figures = [c for c in listed if "percent" in c["text"]]
    assert figures
    for c in figures:
        assert (c["speaker"], c["text"][:8]) != ("HOLT", "RAMÍREZ:"), c
        assert c["speaker"] == "RAMÍREZ", c
