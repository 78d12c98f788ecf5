"""A user who typed `stats --untouched-since 7d` and `claim list --updated-since 7d` then typed
`stats --since 7d` for the week's work and was refused (exit 2, "'7d' is not a valid date"),
as were `--until`, `audit export --since/--until` and `export claimreview --since/--until`:
the span options read a date or a date-time only. They read Nd too (N days before now), and a
filtered audit export states the moment 7d meant, so the file verifies next week as today."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def _desk(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="MiniMax在2021年底创业。智谱在2019年成立。\n"))
    ok(cli("claim", "add", "1", "--quote", "2021年底", "--text", "founded 2021"))


def test_stats_since_takes_a_number_of_days(cli: Run) -> None:
    _desk(cli)
    week = json.loads(ok(cli("stats", "--since", "7d", "--json")).out)["activity"]
    assert [p["person"] for p in week["people"]] == ["tester"]
    assert week["people"][0]["claims_added"] == 1
    # Up to yesterday: nothing yet (the desk was made today).
    before = json.loads(ok(cli("stats", "--since", "７天", "--until", "1d", "--json")).out)
    assert before["activity"]["people"] == []
    assert ok(cli("stats", "--by", "owner", "--since", "7d"))


def test_since_days_later_than_until_is_bad_usage(cli: Run) -> None:
    _desk(cli)
    r = cli("stats", "--since", "1d", "--until", "7d")
    assert r.code == 2, r.out + r.err
    assert "is later than --until" in r.err


def test_a_bad_since_names_the_day_form_too(cli: Run) -> None:
    r = cli("stats", "--since", "a week")
    assert r.code == 2, r.out + r.err
    assert "Nd" in r.err


def test_audit_export_since_days_verifies(cli: Run, tmp_path: Path) -> None:
    _desk(cli)
    out = tmp_path / "week.jsonl"
    ok(cli("audit", "export", "--since", "7d", "-o", str(out)))
    scope = json.loads(out.read_text(encoding="utf-8").splitlines()[0])["export"]
    assert scope["filters"]["since"].endswith("Z") and scope["count"] > 0
    ok(cli("audit", "verify", "--file", str(out)))


def test_claimreview_since_takes_a_number_of_days(cli: Run) -> None:
    _desk(cli)
    r = cli(
        "export",
        "claimreview",
        "--org",
        "Desk",
        "--org-url",
        "https://desk.example",
        "--since",
        "7d",
        "--until",
        "1d",
    )
    assert r.code != 2, r.out + r.err
