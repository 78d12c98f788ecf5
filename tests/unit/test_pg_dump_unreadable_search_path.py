"""`workbench backup x.sql` for a URL whose search_path the server cannot read (a schema name
with a space left unescaped: `-csearch_path="trial_X Desk"`, which the server splits at the
space; unquoted, `trial_X\\ Desk`; a backslash escaped twice) printed a pg_dump command anyway:
one naming no schema, so dumping every schema of the database, or carrying a mangled
`options=Desk%22` to the server. The URL reaches no desk (the server refuses it: `invalid
value for parameter "search_path"`), so no command can be said for it: it is refused, saying
how a space is written. (Tried on PostgreSQL 15 with a schema `"fix128 X"`: the escaped form
`%22fix128%5C%20X%22` reaches it, and the printed command's dump holds its tables.)"""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.backup import pg_dump_command

SERVER = "postgresql://ana@db.example/desk?options="


@pytest.mark.parametrize(
    "options",
    [
        "-csearch_path%3D%22trial_X%20Desk%22",  # the space not escaped: cut there
        "-csearch_path%3Dtrial_X%5C%20Desk",  # one name unquoted, with a space: no list
        "-csearch_path%3D%22trial_X%5C%5C%20Desk%22",  # the backslash escaped, not the space
        "-c%20search_path%3D%22trial_X%20Desk%22%2Cpublic",
        "-csearch_path%3D",  # none at all: a command without --schema dumps every schema
    ],
)
def test_a_search_path_the_server_cannot_read_gives_no_command(options: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        pg_dump_command(SERVER + options, "x.dump")
    message = refused.value.message
    assert "search_path" in message and "%5C%20" in message, message


def test_the_escaped_space_still_gives_the_schema() -> None:
    command = pg_dump_command(SERVER + "-csearch_path%3D%22trial_X%5C%20Desk%22", "x.dump")
    assert "'--schema=\"trial_X Desk\"'" in command, command
