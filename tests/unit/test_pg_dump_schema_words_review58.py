"""review58: the pg_dump command `backup` prints for a desk in a schema whose name has a space
(search_path given quoted, `"Desk 2024"`, as PostgreSQL takes it) split the option at the
space: `--schema="Desk` and, since the URL's query is kept (b376a98), a leftover
`options=2024"` in the connection URI, which pg_dump would pass to the server as a bad option.
"""

from __future__ import annotations

from workbench.services.backup import pg_dump_command

URL = "postgresql+psycopg://ana@db.example/desk?options=-csearch_path%3D%22Desk%202024%22"


def test_a_quoted_schema_with_a_space_was_given_whole_to_pg_dump() -> None:
    command = pg_dump_command(URL, "/tmp/desk.dump")
    assert "options=" not in command, command
    assert "Desk 2024" in command, command
