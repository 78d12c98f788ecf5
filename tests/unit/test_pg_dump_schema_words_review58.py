"""review58: the pg_dump command `backup` prints for a desk in a schema whose name has a space
(search_path given quoted, `"Desk 2024"`, as PostgreSQL takes it) split the option at the
space: `--schema="Desk` and, since the URL's query is kept (b376a98), a leftover
`options=2024"` in the connection URI, which pg_dump would pass to the server as a bad option.

The URL of the first test was written `-csearch_path="Desk 2024"` with a bare space: the server
splits `options` at every space a backslash does not escape (tried on PostgreSQL: `invalid
value for parameter "search_path": ""Desk"`), so no desk is reached by it; the URL that reaches
the schema escapes the space (`%5C%20`), and that is the one the command must keep whole.
"""

from __future__ import annotations

import shlex

from workbench.services.backup import pg_dump_command

URL = "postgresql+psycopg://ana@db.example/desk?options=-csearch_path%3D%22Desk%5C%202024%22"


def test_a_quoted_schema_with_a_space_was_given_whole_to_pg_dump() -> None:
    command = pg_dump_command(URL, "/tmp/desk.dump")
    assert "options=" not in command, command
    # Quoted for pg_dump too: its --schema pattern lower-cases an unquoted name.
    assert _schema_word(command) == '--schema="Desk 2024"', command


def test_search_path_after_a_spaced_c_was_given_as_the_schema() -> None:
    """`-c search_path=desk` (a space after -c, as legal as `-csearch_path=desk`) gave no
    --schema: pg_dump would have dumped every schema of the database."""
    command = pg_dump_command("postgresql://ana@h/d?options=-c%20search_path%3Ddesk", "x.dump")
    assert shlex.split(command)[-3:] == [
        "--schema=desk",
        "--extension=pg_trgm",
        "postgresql://ana@h/d",
    ], command


def test_the_other_options_were_kept_with_their_escapes() -> None:
    """Options other than search_path stay, each word as the server reads it: an escaped
    space stays escaped, an unquoted schema name is lower-cased as the server does."""
    url = (
        "postgresql://ana@h/d?options=--search-path%3DDesk%2Cpublic%20-c%20statement_timeout%3D0"
        "%20-capplication_name%3Dmy%5C%20desk"
    )
    words = shlex.split(pg_dump_command(url, "x.dump"))
    assert _schema_word(pg_dump_command(url, "x.dump")) == "--schema=desk"
    assert words[-1] == (
        "postgresql://ana@h/d?options=-c%20statement_timeout%3D0%20-capplication_name%3Dmy%5C%20desk"
    )


def _schema_word(command: str) -> str:
    """The command's --schema word, wherever its other options put it (trial330 added
    --no-comments before it)."""
    return next(w for w in shlex.split(command) if w.startswith("--schema="))
