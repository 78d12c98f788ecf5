"""What a restored bundle's documents, users and claims may carry (review restore): a bundle
edited by hand, its events made to match, replays consistently; each document, user and claim
is still held to the checks `doc add`, `user add` and `claim add` apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bundle import bundle_bytes, fresh_sqlite
from test_bundle_hostile_rows import _desk, _edited
from test_bundle_replay import forge

from workbench.domain.errors import InvalidInput
from workbench.services.bundle import import_bundle
from workbench.services.context import Workbench
from workbench.services.users import add_user

HOSTILE = [
    # doc add: its title and author one line of text, its source a name with no control
    ("documents", "document", "title", "Budget\x1b]0;owned\x07 speech"),
    ("documents", "document", "author", "The\nminister"),
    ("documents", "document", "source", "speech\x1b[2J.txt"),
    # user add: a display name of visible text, an email address that is one
    ("users", "user", "display", "Tim\x1b[31m Tan"),
    ("users", "user", "display", "Tim\u200b Tan"),
    ("users", "user", "email", "tim at example"),
    # claim add: its text and speaker hold no control character
    ("claims", "claim", "text", "The rate\x1b[8m rose 5%"),
    ("claims", "claim", "speaker", "The\nminister"),
]


@pytest.mark.parametrize(("table", "entity", "column", "value"), HOSTILE)
def test_a_bundle_document_or_user_is_held_to_the_checks_of_the_command_that_stores_it(
    wb: Workbench, tmp_path: Path, table: str, entity: str, column: str, value: str
) -> None:
    _desk(wb, tmp_path)
    add_user(wb, "tim", display="Tim Tan", email="tim@example.org")
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), _edited(table, entity, column, value)))
    target = Workbench(url=fresh_sqlite(tmp_path, "t.db"), actor="tester")
    with pytest.raises(InvalidInput, match=rf"^the bundle's {entity} .*nothing was imported"):
        import_bundle(target, str(path))
