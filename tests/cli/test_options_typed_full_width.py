"""A status, type or priority typed full-width on the command line is the word it is.

What the user met: since fix222 the imports read a claims table's status, type and priority
cells typed full-width (ｖｅｒｉｆｉｅｄ, ＨＩＧＨ, as a Chinese IME in full-width mode types
them: `inputs.typed_word`), but the CLI's own options refused the same words, exit 2:
`claim list --status ｖｅｒｉｆｉｅｄ`, `claim status 1 ｉｎ＿ｐｒｏｇｒｅｓｓ`,
`claim add --type ｑｕａｎｔｉｔｙ`, `claim priority 1 ＨＩＧＨ`. A full-width word that
names none is still bad usage, quoted as typed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.inprocess import err_line, ok

Run = Callable[..., Any]


def _desk(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="甲公司去年营收一百亿元。乙公司员工三千人。\n"))
    ok(cli("claim", "add", "1", "--text", "营收一百亿元", "--quote", "营收一百亿元"))


def _listed(cli: Run, *args: str) -> list[int]:
    return [c["id"] for c in json.loads(ok(cli("claim", "list", *args, "--json")).out)]


def test_status_typed_full_width(cli: Run) -> None:
    """`claim status` and `claim list --status`, in full-width letters and underscore."""
    _desk(cli)
    r = ok(cli("claim", "status", "1", "ｉｎ＿ｐｒｏｇｒｅｓｓ"))
    assert r.out == "claim #1: unverified -> in_progress\n", r.out
    assert _listed(cli, "--status", "ＩＮ＿ＰＲＯＧＲＥＳＳ") == [1]
    assert _listed(cli, "--status", "ｖｅｒｉｆｉｅｄ") == []


def test_type_typed_full_width(cli: Run) -> None:
    """`claim add --type`, `claim edit --type` and `claim list --type`."""
    _desk(cli)
    ok(
        cli(
            "claim", "add", "1", "--text", "员工三千人", "--quote", "员工三千人",
            "--type", "ｑｕａｎｔｉｔｙ",
        )
    )  # fmt: skip
    assert json.loads(ok(cli("claim", "show", "2", "--json")).out)["type"] == "quantity"
    ok(cli("claim", "edit", "1", "--type", "ＯＰＩＮＩＯＮ"))
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["type"] == "opinion"
    assert _listed(cli, "--type", "Ｑｕａｎｔｉｔｙ") == [2]


def test_priority_typed_full_width(cli: Run) -> None:
    """`claim priority` and `claim list --priority`."""
    _desk(cli)
    r = ok(cli("claim", "priority", "1", "ＨＩＧＨ"))
    assert r.out == "claim #1: priority high\n", r.out
    assert _listed(cli, "--priority", "ｈｉｇｈ") == [1]
    assert _listed(cli, "--priority", "ＬＯＷ") == []


def test_an_unknown_full_width_word_is_refused_as_typed(cli: Run) -> None:
    """A guard: the full-width reading names only the words there are; the refusal quotes
    what was typed, not its ASCII reading."""
    _desk(cli)
    r = cli("claim", "list", "--status", "ｆｌａｓｅ")
    assert r.code == 2 and "'ｆｌａｓｅ' is not one of" in r.err, r.err
    r = cli("claim", "status", "1", "ｆｌａｓｅ", "--note", "x")
    assert r.code == 2 and "'ｆｌａｓｅ' is not one of 'unverified'" in r.err, r.err
    r = cli("claim", "edit", "1", "--type", "ｆａｃｔｓ")
    assert r.code == 2 and "'ｆａｃｔｓ' is not one of" in r.err, r.err
    r = cli("claim", "list", "--priority", "ＵＲＧＥＮＴ")
    assert r.code == 2 and "'ＵＲＧＥＮＴ' is not one of" in r.err, r.err
    err_line(cli("claim", "priority", "1", "ＵＲＧＥＮＴ"), 2, "end with exactly one priority")
