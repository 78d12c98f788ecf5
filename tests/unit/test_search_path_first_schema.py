"""Which schema of a PostgreSQL search_path the server passed over (fix93): a write that
would set a desk up in the next one is refused, naming it."""

from __future__ import annotations

from workbench.db.pg_options import passed_over


def test_which_first_schema_was_passed_over() -> None:
    """The rule a write and a read share (pg_options.passed_over): the search_path's first
    schema, as the server reads it, when it is not the one the path resolved to; `$user`
    (the server's default path's first, rarely a schema) never counts."""
    assert passed_over("typo, public", "public") == "typo"
    assert passed_over("typo", None) == "typo"
    assert passed_over('"Desk 2", public', "public") == "Desk 2"
    assert passed_over("DESK,public", "desk") is None  # unquoted: lower-cased, found
    assert passed_over('"$user", public', "public") is None
    assert passed_over("desk, public", "desk") is None
