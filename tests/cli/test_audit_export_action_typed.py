"""`audit export --action` names an action of a fixed set (or a prefix of them, claim.*): read
as every option of a fixed set is (the TypedChoice options, `inputs.typed_word`), in any case
and full-width as a Chinese IME in full-width mode types it. CLAIM.ADDED and ｃｌａｉｍ．ａｄｄｅｄ
were refused as unknown actions, exit 2 (rr266)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def _actions(out: str) -> tuple[list[str], set[str]]:
    lines = [json.loads(line) for line in out.splitlines()]
    return lines[0]["export"]["filters"]["actions"], {e["action"] for e in lines[1:]}


def test_an_action_typed_full_width_or_in_capitals_is_the_action(cli: Run) -> None:
    assert cli("demo").code == 0
    for typed in ("ｃｌａｉｍ．ａｄｄｅｄ", "CLAIM.ADDED", " claim.added "):
        r = cli("audit", "export", "--action", typed)
        assert r.code == 0, r.err
        # The scope line states the action, as a file verified later reads it.
        assert _actions(r.out) == (["claim.added"], {"claim.added"})


def test_a_prefix_typed_full_width_is_the_prefix(cli: Run) -> None:
    assert cli("demo").code == 0
    r = cli("audit", "export", "--action", "ＣＬＡＩＭ．＊")
    assert r.code == 0, r.err
    stated, seen = _actions(r.out)
    assert stated == ["claim.*"] and seen and all(a.startswith("claim.") for a in seen)


def test_an_action_naming_none_is_refused_as_typed(cli: Run) -> None:
    r = cli("audit", "export", "--action", "ｃｌａｉｍ．ａｄｄ")
    assert r.code == 2
    assert "unknown action 'ｃｌａｉｍ．ａｄｄ'" in r.err
