"""A missing PostgreSQL database is answered `create it (createdb NAME)`: the name printed as
one word a shell reads back exactly, after `--` when it starts with `-` (createdb would read it
as an option), as every suggested command is."""

from __future__ import annotations

import pytest

from tests.shell_reads import shell_reads
from workbench.cli.hints import words
from workbench.domain.errors import step


@pytest.mark.parametrize("name", ["desk", "desk 2024", "o'brien", "a$b;c", "x`y`", "-desk"])
def test_the_createdb_suggested_pastes_as_the_name(name: str) -> None:
    """A database `desk 2024` was told `createdb desk 2024`: two databases' names to createdb,
    and one named `a$b;c` ran `c`."""
    said = words(step("start_database", database=name))
    command = said.removeprefix("create it (").split("); its owner's first command", 1)[0]
    expected = ["createdb", "--", name] if name.startswith("-") else ["createdb", name]
    assert shell_reads(command) == expected
    if name == "desk":
        assert command == "createdb desk"  # a plain name as it was
