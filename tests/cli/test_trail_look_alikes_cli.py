"""trial185: `audit verify` and `audit replay` said OK and consistent over a trail rewritten to
show bob as "Maria Lopez" beside maria, shown so. They still do (the chain holds, exit 0),
and stderr now warns of the pair, naming both people and the seqs that registered them;
--json carries it as `look_alikes`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.services.test_trail_look_alikes import registered_at, rewritten
from workbench.services.context import Workbench

Run = Callable[..., Any]


def test_verify_and_replay_warn_of_a_look_alike(cli: Run, db_url: str, tmp_path: Path) -> None:
    """The rewritten desk: OK and consistent on stdout, exit 0, and the warning on stderr."""
    assert cli("--as", "maria", "user", "add", "maria", "--display", "Maria Lopez").code == 0
    assert cli("--as", "maria", "user", "add", "bob", "--display", "Bob Chen").code == 0
    assert cli("--as", "maria", "doc", "add", "-", input="MiniMax在2021年底创业。\n").code == 0
    wb = Workbench(url=db_url, actor="maria")
    bob, maria = registered_at(wb, "bob"), registered_at(wb, "maria")
    rewritten(wb, bob, "Bob Chen", "Maria Lopez")
    path = tmp_path / "trail.jsonl"
    assert cli("audit", "export", "--format", "jsonl", "-o", str(path)).code == 0
    for args, said in (
        (("audit", "verify"), "OK "),
        (("audit", "verify", "--file", str(path)), "OK "),
        (("audit", "replay"), "consistent"),
    ):
        r = cli(*args)
        assert r.code == 0, (args, r.out, r.err)
        assert r.out.startswith(said), (args, r.out)
        assert "warning:" in r.err, (args, r.err)
        for part in ("'bob'", "'maria'", "'Maria Lopez'", f"seq {bob}", f"seq {maria}"):
            assert part in r.err, (args, part, r.err)
        shaped = cli(*args, "--json")
        assert shaped.code == 0, (args, shaped.err)
        found = json.loads(shaped.out).get("look_alikes")
        assert found is not None, (args, shaped.out)
        assert [(f["seq"], f["other_seq"]) for f in found] == [(bob, maria)], (args, found)


def test_a_genuine_desk_is_not_warned(cli: Run) -> None:
    """Distinct names: verify and replay say what they said before, nothing on look-alikes."""
    assert cli("--as", "maria", "user", "add", "maria", "--display", "Maria Lopez").code == 0
    assert cli("--as", "maria", "user", "add", "bob", "--display", "Bob Chen").code == 0
    for args in (("audit", "verify"), ("audit", "replay")):
        r = cli("--as", "maria", *args)
        assert r.code == 0, (args, r.err)
        assert "look alike" not in r.err and "warning" not in r.err, (args, r.err)
        shaped = cli("--as", "maria", *args, "--json")
        assert json.loads(shaped.out).get("look_alikes") == [], (args, shaped.out)
