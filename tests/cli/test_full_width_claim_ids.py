"""Claim IDs typed with a Chinese IME's full-width digits (`３３`) in the desk commands.

`claim show ３３`, `claim assign ３３`, `claim status ３３`, `note add ２` and
`claim approve ２` all take full-width digits as the claim ID, but `claim tag`, `claim untag`,
`claim priority` and `claim due` split their arguments into IDs and values by ASCII digits only
(`workbench/cli/claim_desk.py`, `_split_ids`: `value.isascii() and value.isdigit()`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "月之暗面的估值达到２５亿美元。\n公司员工人数约为２００人。\n"


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "估值２５亿美元",
            "--quote",
            "月之暗面的估值达到２５亿美元",
        )
    )
    ok(cli("claim", "add", "1", "--text", "员工２００人", "--quote", "公司员工人数约为２００人"))


def test_claim_tag_takes_full_width_ids(cli: Any, tmp_path: Path) -> None:
    """`workbench claim tag １ ２ 融资` refused with "name at least one claim ID", though
    `claim show １` and `claim assign １` take the same full-width digits as the claim's ID."""
    _desk(cli, tmp_path)
    ok(cli("claim", "show", "１"))
    r = cli("claim", "tag", "１", "２", "融资")
    assert r.code == 0, (r.code, r.out, r.err)
    assert "claim #1: tags 融资" in r.out and "claim #2: tags 融资" in r.out


def test_claim_tag_does_not_call_a_full_width_id_a_tag(cli: Any, tmp_path: Path) -> None:
    """`workbench claim tag 1 ２ 融资` refused the ID `２` as a tag, saying "tag '2' is only
    digits, which are read as claim IDs", although it had just not been read as one."""
    _desk(cli, tmp_path)
    r = cli("claim", "tag", "1", "２", "融资")
    assert r.code == 0, (r.code, r.out, r.err)
    assert "claim #2: tags 融资" in r.out


def test_claim_priority_due_untag_take_full_width_ids(cli: Any, tmp_path: Path) -> None:
    """`claim priority １ high`, `claim due １ 2027-03-20` and `claim untag １ 融资` refused
    with "name at least one claim ID"."""
    _desk(cli, tmp_path)
    ok(cli("claim", "tag", "1", "融资"))
    for args in (
        ("claim", "priority", "１", "high"),
        ("claim", "due", "１", "2027-03-20"),
        ("claim", "untag", "１", "融资"),
    ):
        r = cli(*args)
        assert r.code == 0, (args, r.code, r.out, r.err)
