"""`claim assign --from NAME --to NAME --json` of a checker who owns no open claims.

Without --json it says "王芳 owns no open claims; nothing to hand over" on stderr; with --json
it said nothing at all, where fix184's rule has every command that changes nothing say so on
stderr, --json or not (docs/json.md): a script watching stderr lost the note.
"""

from __future__ import annotations

import json
from typing import Any

from tests.inprocess import ok


def test_a_hand_over_of_nothing_says_so_with_json_too(cli: Any) -> None:
    plain = ok(cli("claim", "assign", "--from", "王芳", "--to", "陈静"))
    as_json = ok(cli("claim", "assign", "--from", "王芳", "--to", "陈静", "--json"))
    assert json.loads(as_json.out) == []
    assert plain.err == "王芳 owns no open claims; nothing to hand over\n", plain.err
    assert as_json.err == plain.err, as_json.err
