"""`audit export --actor NAME` finds the events of the person `--as NAME` acts as.

The bug: the filter matched the name as typed and its speaker key (status.same_person_key),
while an actor is recorded under the name's normal form (identity.normalise_name): the two
rules differ where case folding leaves a decomposed letter that NFKC composes again. `--as
J̌ane` (J and a combining caron) acted as `ǰane` (U+01F0), and `audit export --actor J̌ane`
exported no event. Now the name's normal form is among those matched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]
TYPED = "J\u030cane"  # J + COMBINING CARON: no capital J with caron is precomposed


def test_actor_filter_finds_the_events_of_the_name_acted_as(cli: Run) -> None:
    r = cli("--as", TYPED, "doc", "add", "-", "--title", "T", input="甲说了一句话。")
    assert r.code == 0, r.err
    r = cli("audit", "export", "--format", "jsonl", "--actor", TYPED)
    assert r.code == 0, r.err
    header = json.loads(r.out.splitlines()[0])
    assert header["export"]["count"] == 1
    assert "matches no event" not in r.err
