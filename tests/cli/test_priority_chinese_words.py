"""A priority given as 高, 中 or 低 is high, normal or low.

What the user met: a Chinese desk's sheet whose priority cells say 高/中/低 was refused
"unknown priority '高'; valid priorities: high, normal, low" on every row, and `claim priority
1 高` was "end with exactly one priority". The desk's priorities are three fixed English words;
the three Chinese words name them one to one (中 is the middle one, normal), so they are taken
as input and stored as the English word, which every output and export keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import ok, run_cli
from workbench.domain.errors import InvalidInput


def test_the_chinese_words_name_the_three_priorities() -> None:
    from workbench.domain.desk import Priority, parse_priority

    assert [parse_priority(w) for w in ("高", " 中 ", "低")] == [
        Priority.HIGH,
        Priority.NORMAL,
        Priority.LOW,
    ]
    for other in ("高中", "中等", "最高", "普通"):
        with pytest.raises(InvalidInput, match="valid priorities: high, normal, low"):
            parse_priority(other)


def test_claim_priority_list_and_import_take_them(db_url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "mei"}
    ok(
        run_cli(
            ["doc", "add", "-"], stdin="甲公司去年营收一百亿元，利润十亿元。\n".encode(), env=env
        )
    )
    ok(run_cli(["claim", "add", "1", "--text", "营收百亿", "--quote", "营收一百亿元"], env=env))
    r = ok(run_cli(["claim", "priority", "1", "高"], env=env))
    assert r.out == "claim #1: priority high\n", r.out
    listed = json.loads(ok(run_cli(["claim", "list", "--priority", "高", "--json"], env=env)).out)
    assert [(c["id"], c["priority"]) for c in listed] == [(1, "high")]
    sheet = tmp_path / "c.csv"
    sheet.write_text("text,quote,priority\n利润十亿,利润十亿元,低\n", encoding="utf-8")
    ok(run_cli(["import", "claims", str(sheet), "--doc", "1"], env=env))
    shown = json.loads(ok(run_cli(["claim", "show", "2", "--json"], env=env)).out)
    assert shown["priority"] == "low"


def test_a_word_not_taken_is_refused_naming_the_chinese_words_too(
    db_url: str, tmp_path: Path
) -> None:
    """A sheet's priority 最高 was refused "valid priorities: high, normal, low" alone, though
    高, 中 and 低 are taken (`claim priority` names them: 'or 高, 中, 低'): the editor of a
    Chinese sheet was told to retype every cell in English."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "mei"}
    ok(run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env))
    sheet = tmp_path / "c.csv"
    sheet.write_text("text,quote,priority\n营收百亿,营收一百亿元,最高\n", encoding="utf-8")
    r = run_cli(["import", "claims", str(sheet), "--doc", "1"], env=env)
    assert r.code == 1, (r.code, r.err)
    assert (
        "row 2: unknown priority '最高'; valid priorities: high, normal, low (or 高, 中, 低)"
        in r.err
    ), r.err
