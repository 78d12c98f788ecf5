"""`workbench config set` as a person sees it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_config_set_to_the_value_held_says_nothing_changed(cli: Run) -> None:
    """`config set review.required false` on a desk that never set it printed
    `review.required = false` and recorded a setting.changed event (trial56), where `doc edit`
    with the values a document has says "nothing changed" on stderr and records none."""
    r = cli("config", "set", "review.required", "false")
    assert (r.code, r.out) == (0, ""), r.err
    assert r.err.strip() == "review.required is already false; nothing changed"
    r = cli("config", "set", "review.required", "no", "--json")
    assert r.code == 0 and json.loads(r.out)["changed"] is False
    assert "setting.changed" not in cli("audit", "export").out
    r = cli("config", "set", "review.required", "true")
    assert (r.code, r.out.strip(), r.err) == (0, "review.required = true", "")
