"""Replay's tracking of a note's `internal` costs little memory per note created internal.

The bug: replay held the `changing` fields of a fingerprinted note (`internal`) apart, "with
their current value where it is not the default", as one dict per note. A note written with
`note add --internal` is not the rare deliberate act a note taken back is: a desk writes many,
and each cost some 240 bytes (20,000 internal notes: 4.8 MB, where 20,000 published ones took
140 KB; a year's million notes, a quarter of them internal: 60 MB). Now the values are held as
a few bytes an id, an index into the distinct values seen.
"""

from __future__ import annotations

import json
import tracemalloc

from workbench.domain.replay import Replay

NOTES = 20_000


def _held(internal: bool) -> int:
    tracemalloc.start()
    try:
        state = Replay(compared=False)
        for i in range(1, NOTES + 1):
            note = {"id": i, "claim_id": 1 + i // 10, "author": "a", "body": "b",
                    "created_at": "t", "internal": internal}  # fmt: skip
            state.apply(
                i, "note.added", "note", str(i), note["claim_id"], json.dumps({"after": note})
            )
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert state.differences == []
    return held


def test_internal_notes_cost_about_what_published_ones_do() -> None:
    # Bytes, not time: at most 16 bytes more a note for being internal.
    assert _held(True) - _held(False) < 16 * NOTES
