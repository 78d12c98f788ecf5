"""`claim list` that finds nothing by an owner or a tag no claim has says which were meant
(trial57: `--assignee alicia`, `--assignee "wang fang"` for 王芳 and `--tag econ` printed only
"no claims match")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def desk(cli: Run, tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。乙公司裁员200人。\n", encoding="utf-8")
    ok(cli("doc", "add", str(text)))
    for quote in ("营收增长30%", "裁员200人"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("claim", "assign", "1", "--to", "alice"))
    ok(cli("claim", "assign", "2", "--to", "王芳"))
    ok(cli("claim", "tag", "1", "economy"))


def test_an_owner_or_tag_no_claim_has_is_answered_with_those_meant(
    cli: Run, tmp_path: Path
) -> None:
    desk(cli, tmp_path)
    for args, said in (
        (("--assignee", "alicia"), "no claim is owned by 'alicia'; did you mean alice?"),
        (("--assignee", "wang fang"), "no claim is owned by 'wang fang'; did you mean 王芳?"),
        (("--tag", "econ"), "no claim is tagged 'econ'; did you mean economy?"),
        (("--assignee", "zed"), "no claim is owned by 'zed'"),
    ):
        r = ok(cli("claim", "list", *args))
        assert "no claims match" in r.out
        assert said in r.err.splitlines(), r.err
    # Nothing to say when the owner and tag exist and only their combination finds none.
    r = ok(cli("claim", "list", "--assignee", "王芳", "--tag", "economy"))
    assert "no claims match" in r.out and "did you mean" not in r.err and "no claim is" not in r.err
