"""review59: the pg_dump command for a desk whose search_path names an unquoted schema with a
non-ASCII capital (`-csearch_path=Review59_Ü`) named the wrong schema. The server lower-cases
only ASCII letters of an unquoted identifier in a UTF-8 database (scansup.c
downcase_identifier), so the desk lives in `review59_Ü`; first_schema lower-cased with Python's
str.lower and printed `--schema="review59_ü"`, and the printed pg_dump stopped with `no
matching schemas were found` (tried on PostgreSQL 16)."""

from __future__ import annotations

import shlex

from workbench.db.pg_options import first_schema
from workbench.services.backup import pg_dump_command

URL = "postgresql+psycopg://ana@db.example/desk?options=-csearch_path%3DReview59_%C3%9C"


def test_an_unquoted_non_ascii_capital_was_lower_cased() -> None:
    assert first_schema("Review59_Ü") == "review59_Ü"


def test_the_pg_dump_command_named_the_schema_the_server_uses() -> None:
    command = pg_dump_command(URL, "/tmp/desk.dump")
    assert [w for w in shlex.split(command) if w.startswith("--schema=")] == [
        '--schema="review59_Ü"'
    ], command
