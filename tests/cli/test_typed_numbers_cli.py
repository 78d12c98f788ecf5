"""Numbers typed as a Chinese IME in full-width mode types them, and ids copied as the tool
writes them (trial58's lesser items): `--min-score ０．５` was "not a valid score" where
`０.５` passed, and `claim show #33` and `＃３３` were refused though every id is shown as #33."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome, ok, run_cli
from workbench.domain.inputs import id_or_none, read_count, read_id, read_number

Run = Callable[..., Outcome]


@pytest.fixture
def cli(db_url: str) -> Run:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}

    def run(*args: str, stdin: bytes = b"") -> Outcome:
        return run_cli(list(args), stdin=stdin, env=env)

    ok(run("doc", "add", "-", stdin="甲公司去年营收一百亿元。乙公司员工三千人。\n".encode()))
    ok(run("claim", "add", "1", "--text", "营收一百亿元", "--quote", "营收一百亿元"))
    return run


def test_the_library_reads_numbers_as_typed() -> None:
    assert [read_id(t) for t in ("33", "３３", "#33", "＃３３", " 33 ")] == [33] * 5
    assert read_number("０．５") == 0.5 and read_count("５") == 5 and read_count("-1") == -1
    # (a # among IDs and values is a value's: the tag #2024, review62)
    assert [id_or_none(t) for t in ("３", "#3", "+3", "3_0", "money", "", "9" * 30)] == [
        3,
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    for bad in ("3.5", "#", "x3", "##3", "①", "¹", "٣"):
        with pytest.raises(ValueError):
            read_id(bad)


def test_an_id_as_the_tool_writes_it_is_taken(cli: Run) -> None:
    for typed in ("#1", "＃１"):
        shown = json.loads(ok(cli("claim", "show", typed, "--json")).out)
        assert shown["id"] == 1


def test_full_width_scores_and_limits_are_taken(cli: Run) -> None:
    ok(cli("claim", "similar", "1", "--min-score", "０．５"))
    listed = ok(cli("claim", "list", "--limit", "１", "--json")).out
    assert len(json.loads(listed)) == 1
    refused = cli("claim", "list", "--limit", "－１")
    assert refused.code == 2 and "must be 0 or more (got -1)" in refused.err
