"""A speaker typed with a double space was stored so: trial308's `--speaker "ANA  LOPEZ"`
was shown `ANA  LOPEZ` by `claim show` and named the merged row of `stats --by speaker`, where
a claim's text, a transcript's label and a byline's names are stored with their inner spacing
made one space. A speaker is now cleaned the same way; a speaker stored with a double space by
an earlier release is still the same person to every comparison (same_person_key) and is
found by `claim list --speaker` however it is typed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import update

from tests.inprocess import ok
from workbench.db.engine import get_engine
from workbench.db.models import Claim
from workbench.services.speakers import speaker_name

Run = Callable[..., Any]

TEXT = "ANA LOPEZ: Exports rose 12 percent in 2023. Wages grew by 3 percent last year.\n"


def test_inner_spacing_is_made_one_space() -> None:
    assert speaker_name("ANA  LOPEZ") == "ANA LOPEZ"
    assert speaker_name(" Ana \u00a0 Lopez ") == "Ana Lopez"
    assert speaker_name("Jos\u00e9 \u200b L\u00f3pez") == "Jos\u00e9 L\u00f3pez"


def test_claim_add_stores_one_space(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=TEXT))
    quote = "Exports rose 12 percent in 2023."
    ok(cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", "ANA  LOPEZ"))
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["speaker"] == "ANA LOPEZ"


def test_a_double_spaced_speaker_stored_earlier_stays_one_person(cli: Run, db_url: str) -> None:
    ok(cli("doc", "add", "-", input=TEXT))
    quote = "Exports rose 12 percent in 2023."
    ok(cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", "ANA LOPEZ"))
    with get_engine(db_url).begin() as conn:  # as an earlier release stored it
        conn.execute(update(Claim).values(speaker="ANA  LOPEZ"))
    for typed in ("ANA LOPEZ", "ana  lopez", "Ana Lopez"):
        found = json.loads(ok(cli("claim", "list", "--speaker", typed, "--json")).out)
        assert [c["id"] for c in found] == [1], typed
