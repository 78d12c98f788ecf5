"""The CLI's words for the library's hints: flags and commands appear only there."""

from __future__ import annotations

import pytest

from workbench.cli.hints import error_text, words
from workbench.domain.errors import Hint, InvalidInput, NotFound, bad, give, step


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        (give("note"), "add --note TEXT"),
        (give("reason"), "add --reason TEXT"),
        (give("actor"), "give --as NAME (or WORKBENCH_USER)"),
        (give("occurrence", low=1, high=3), "give --occurrence 1..3"),
        (give("min_score"), "give --min-score"),
        (bad("limit"), "check --limit"),
        (step("add_evidence", claim_id=4), "add it with `workbench evidence add 4` first"),
        (step("add_note", claim_id=4), "add it with `workbench note add 4 TEXT`"),
        (step("review", claim_id=4), "`workbench claim approve 4` or "),
        (step("review", claim_id=4, own_proposal=False), "`workbench claim approve 4` or "),
        (
            step("review", claim_id=4, proposed_by="maria", own_proposal=True),
            "a second reviewer approves or rejects it first; to withdraw it, "
            "`workbench claim reject 4 --note TEXT` (back to in_progress)",
        ),
        (
            step("repropose", claim_id=4, verdict="false"),
            "read the record (`workbench claim show 4`), then `workbench claim reject 4 --note "
            "TEXT`, so that the proposer proposes the verdict again on the full record "
            "(`workbench claim status 4 false --note TEXT`) and a second person approves it",
        ),
        (step("list", entity="evidence", claim_id=2), "`workbench evidence list 2` shows them"),
        (
            step("restore", claim_id=4),
            "restore it with `workbench claim status 4 in_progress --note TEXT`",
        ),
        (step("reread", claim_id=4), "re-read it with `workbench claim show 4` and try again"),
        (step("start_database"), "run `workbench demo`"),
        (
            step("start_database", database="desk"),
            "create it (createdb desk); its owner's first command (`workbench db upgrade`",
        ),
        (
            step("start_database", schema="desk"),
            "point --db / WORKBENCH_DB at the desk's schema (postgresql://USER@HOST/DB?options="
            "-csearch_path%3DSCHEMA), or set a new desk up in desk with a write (`workbench doc "
            "add FILE`) or `workbench db upgrade`",
        ),
        (
            step("check_database", schema="desk", may_create=False),
            "point --db / WORKBENCH_DB at the desk's database and schema (postgresql://USER@HOST"
            "/DB?options=-csearch_path%3DSCHEMA); this role may not set a desk up here",
        ),
        (
            step("create_schema", schema="desk"),
            "create the schema (CREATE SCHEMA desk) and run the command again, or point --db",
        ),
        (step("create_schema", schema="Desk 2"), 'create the schema (CREATE SCHEMA "Desk 2")'),
        (step("upgrade_schema", owner="desk"), "its owner (role desk) runs `workbench db upgrade`"),
        (step("upgrade_schema"), "the database's owner runs `workbench db upgrade`"),
        (step("update_document", document_id=3), "`workbench doc update 3 FILE|URL` stores"),
        (step("grant_access"), "the database's owner grants your role what docs/identity.md"),
        (
            step("change_setting", key="review.required", owner="desk"),
            "its owner (role desk) runs `workbench config set review.required VALUE`",
        ),
        (
            step("change_setting", key="review.required", value="false", owner_name="wang"),
            "wang, the desk's owner, runs `workbench config set review.required false`",
        ),
    ],
)
def test_words(hint: Hint, expected: str) -> None:
    assert words(hint).startswith(expected)


def test_a_role_that_may_create_or_a_missing_schema_is_not_told_it_may_not() -> None:
    for hint in (step("check_database", schema="desk"), step("check_database")):
        assert "may not" not in words(hint)
        assert words(hint).startswith("point --db / WORKBENCH_DB at the desk's database")


def test_an_unknown_hint_adds_nothing_rather_than_failing() -> None:
    assert words(Hint("from_a_newer_library", {"x": 1})) == ""
    assert words(step("no_such_step")) == ""
    assert error_text(InvalidInput("a fact", hint=step("no_such_step"))) == "a fact"


def test_error_text_is_the_fact_then_the_advice() -> None:
    refused = NotFound("no claim #9", hint=step("list", entity="claim"))
    assert error_text(refused) == "no claim #9; `workbench claim list` shows them"
    assert error_text(NotFound("no claim #9")) == "no claim #9"
