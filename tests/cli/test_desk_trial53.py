"""Trial 53 (a Chinese-language desk's research editor): what it found in `user add`'s warning
and `claim show`'s history."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.inprocess import ok
from tests.trial53_desk import Run, desk, listed


def test_unregistered_owner_warning_leaves_out_withdrawn(cli: Run, tmp_path: Path) -> None:
    """`user add` warned of claims owned by unregistered names counting withdrawn claims
    ("nobody's work"), and pointed at `claim list --assignee NAME`, which lists none of them."""
    desk(cli, tmp_path)
    ok(cli("claim", "assign", "1", "2", "--to", "kwame"))
    ok(cli("claim", "withdraw", "1", "--reason", "重复"))
    assert listed(cli, "--assignee", "kwame") == [2]
    r = ok(cli("user", "add", "tester"))
    assert "kwame (1)" in r.err, r.err
    ok(cli("claim", "withdraw", "2", "--reason", "重复"))
    r = ok(cli("user", "add", "other"))
    assert "kwame" not in r.err, r.err


def test_history_actions_line_up_with_chinese_actors(cli: Run, tmp_path: Path) -> None:
    """`claim show`'s history padded the actor by code points, so a Chinese name (two columns
    a character) pushed the action two columns right per character."""
    desk(cli, tmp_path)
    ok(cli("--as", "王芳", "note", "add", "1", "核实中"))
    out = ok(cli("claim", "show", "1")).out
    lines = [ln for ln in out.splitlines() if "claim.added" in ln or "note.added" in ln]
    assert len(lines) == 2, out

    def column(line: str, word: str) -> int:
        before = line[: line.index(word)]
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in before)

    assert column(lines[0], "claim.added") == column(lines[1], "note.added"), lines


def test_speaker_filter_ignores_spacing_in_a_chinese_name_and_finds_a_glossed_one(
    cli: Run, tmp_path: Path
) -> None:
    """`claim list --speaker`, documented as matching in any case or spacing, found nothing by
    `王 伟` for 王伟, nor by either form of the seed's `Yan Junjie (闫俊杰)`."""
    desk(cli, tmp_path)
    ok(cli("claim", "edit", "1", "--speaker", "王伟"))
    ok(cli("claim", "edit", "2", "--speaker", "Yan Junjie (闫俊杰)"))
    assert listed(cli, "--speaker", "王伟") == [1]
    assert listed(cli, "--speaker", "王 伟") == [1]
    for typed in ("闫俊杰", "yan junjie", "Yan Junjie (闫俊杰)", "YAN JUNJIE（闫俊杰）"):
        assert listed(cli, "--speaker", typed) == [2], typed
    assert listed(cli, "--speaker", "Yan") == []


def test_a_page_of_claims_says_what_it_is_a_part_of(cli: Run, tmp_path: Path) -> None:
    """`claim list --limit 20` never said how many match, and `--offset 99999` said "no claims
    match", which reads as if the filters matched nothing."""
    desk(cli, tmp_path)
    r = ok(cli("claim", "list", "--limit", "1"))
    assert r.err == "claims 1–1 of 2\n"
    r = ok(cli("claim", "list", "--limit", "5", "--offset", "1"))
    assert r.err == "claims 2–2 of 2\n"
    r = ok(cli("claim", "list", "--offset", "99999"))
    assert "no claims at offset 99,999: 2 claims match" in r.out + r.err
    assert ok(cli("claim", "list")).err == ""  # the whole list is its own total
    assert ok(cli("claim", "list", "--limit", "1", "--json")).err == ""  # a script counts
