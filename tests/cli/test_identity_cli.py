"""`--as`, WORKBENCH_USER and `workbench user`, through the real entry point (in process)."""

from __future__ import annotations

import json

import pytest

from tests.inprocess import Outcome, run_cli


@pytest.fixture
def wbcli(db_url: str):  # type: ignore[no-untyped-def]
    def run(*args: str, user: str | None = "tester", stdin: bytes | None = b"") -> Outcome:
        env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": user}
        return run_cli(list(args), stdin=stdin, env=env)

    return run


def test_empty_workbench_user_is_refused_like_empty_as(wbcli) -> None:  # type: ignore[no-untyped-def]
    # Bad usage (exit 2), as an empty --db / WORKBENCH_DB is (tests/cli/test_usage_cli.py).
    for r in (wbcli("user", "list", user=""), wbcli("user", "list", user="  ")):
        assert r.code == 2 and r.crash is None
        assert r.err.startswith("error: WORKBENCH_USER is set but empty")
    r = wbcli("--as", "", "user", "list")
    assert r.code == 2 and "needs a name" in r.err


@pytest.mark.parametrize("name", ["ali\nce", "alice\u200b", "\u0430lice", "a\x1b[2Jb"])
def test_disguised_names_are_one_line_refusals(wbcli, name: str) -> None:  # type: ignore[no-untyped-def]
    r = wbcli("--as", name, "user", "list")
    assert r.code == 1 and r.crash is None
    assert r.err.count("\n") == 1 and r.err.startswith("error: --as")
    assert "\x1b" not in r.err


def test_registered_users_gate_every_change(wbcli) -> None:  # type: ignore[no-untyped-def]
    r = wbcli("user", "add", "Maria", "--display", "Maria Lopez", "--email", "m@example.org")
    assert r.code == 0 and r.out == "registered maria (Maria Lopez)\n", r.err
    r = wbcli("user", "add", "editor")
    assert r.code == 1 and "'tester' is not a registered user" in r.err
    r = wbcli("--as", "MARIA", "user", "add", "editor", "--json")
    assert r.code == 0 and json.loads(r.out)["added_by"] == "maria"
    r = wbcli("--as", "\u0435ditor", "user", "add", "x")  # Cyrillic е
    assert r.code == 1 and "mixes scripts" in r.err
    r = wbcli("user", "list", "--json")
    assert [u["name"] for u in json.loads(r.out)] == ["editor", "maria"]
    r = wbcli("--as", "editor", "audit", "replay")
    assert r.code == 0 and r.out.startswith("consistent"), r.out + r.err
