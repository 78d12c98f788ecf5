"""`claim show` of a claim whose quote a revision took out says what to do with it.

newuser's first hour: a paragraph dropped from the page left claim #6 orphaned; `claim show`
said "the quote is gone from the latest revision" and stopped there, while a flagged verdict
on the same page got the commands that settle it. The README's answers are `claim edit ID
--quote` (pinned anew in the latest revision) or `claim withdraw ID --reason`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

OLD = (
    "市统计局3月1日发布的数据显示，2025年本市地区生产总值达到2.8万亿元，同比增长5.2%。\n"
    "据统计，全市常住人口达到2200万人，比2020年增加了180万人。人均可支配收入为7.6万元。\n"
)
NEW = OLD.replace("人均可支配收入为7.6万元。", "")


def _orphaned(cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    added = cli("claim", "add", "1", "--quote", "人均可支配收入为7.6万元", "--text", "收入7.6万元")
    assert added.code == 0
    assert cli("doc", "update", "1", str(new), "--force").code == 0


def test_an_orphaned_claim_says_how_to_pin_it_anew_or_withdraw_it(cli: Run, tmp_path: Path) -> None:
    _orphaned(cli, tmp_path)
    shown = cli("claim", "show", "1")
    assert shown.code == 0
    assert "the quote is gone" in shown.out
    assert "workbench claim edit 1 --quote" in shown.out, shown.out
    assert "workbench claim withdraw 1 --reason" in shown.out, shown.out


def test_the_command_it_names_pins_the_claim_anew(cli: Run, tmp_path: Path) -> None:
    _orphaned(cli, tmp_path)
    pinned = cli("claim", "edit", "1", "--quote", "比2020年增加了180万人", "--note", "moved")
    assert pinned.code == 0, pinned.err
    shown = cli("claim", "show", "1")
    assert "the quote is gone" not in shown.out and "claim edit 1 --quote" not in shown.out
