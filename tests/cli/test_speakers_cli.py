"""Speakers through the CLI: `claim list --speaker` however the name is typed, and `claim add`
or `claim edit --speaker` saying when the document's own spelling was kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

DEBATE = (
    "HOLT: Welcome to the debate.\n"
    "OKAFOR: Exports rose 12 percent in 2023.\n"
    "BRENNAN: Crime fell by 30 percent since 2015.\n"
    "OKAFOR: Wages grew by 3 percent last year.\n"
    "OKAFOR: Tuition doubled since 2010.\n"
)
NOTE = "speaker stored as OKAFOR, as on the document's other claims\n"


def _ids(r: Any) -> list[int]:
    return [c["id"] for c in json.loads(r.out)]


def test_list_by_speaker_however_it_is_typed_and_add_keeps_the_stored_spelling(
    cli: Run,
) -> None:
    ok(cli("doc", "add", "-", input=DEBATE))
    for quote in ("Exports rose 12 percent in 2023.", "Crime fell by 30 percent since 2015."):
        who = "OKAFOR" if quote.startswith("Exports") else "BRENNAN"
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", who))
    for typed in ("OKAFOR", "Okafor", "okafor", "  okafor"):
        assert _ids(ok(cli("claim", "list", "--speaker", typed, "--json"))) == [1], typed
    r = ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "Wages grew 3%",
            "--quote",
            "Wages grew by 3 percent",
            "--speaker",
            "Okafor",
        )
    )
    assert r.err == NOTE and r.out.startswith("added claim #3")
    assert _ids(ok(cli("claim", "list", "--speaker", "okafor", "--json"))) == [1, 3]
    # Spelled as stored: nothing to say.
    r = ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "Tuition doubled",
            "--quote",
            "Tuition doubled",
            "--speaker",
            "OKAFOR",
        )
    )
    assert r.err == ""
    # An edit to another spelling of the same person keeps the document's, and says so.
    r = ok(cli("claim", "edit", "2", "--speaker", "okafor", "--json"))
    assert r.err == NOTE and json.loads(r.out)["speaker"] == "OKAFOR"
    r = ok(cli("claim", "edit", "2", "--speaker", "Brennan"))
    assert r.err == "" and r.out == "claim #2: changed speaker (version 3)\n"


def test_an_edit_respells_a_shared_speaker_as_typed(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=DEBATE))
    for quote in ("Exports rose 12 percent in 2023.", "Wages grew by 3 percent last year."):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", "Okafor"))
    # It said "speaker stored as Okafor ... nothing changed": its own speaker is the same person.
    r = ok(cli("claim", "edit", "1", "--speaker", "OKAFOR"))
    assert r.err == "" and r.out == "claim #1: changed speaker (version 2)\n"
    speakers = [c["speaker"] for c in json.loads(ok(cli("claim", "list", "--json")).out)]
    assert speakers == ["OKAFOR", "Okafor"]
