"""`claim withdraw ID --note TEXT`, as `claim status ID withdrawn --note TEXT` takes it."""

from __future__ import annotations

import json

from tests.inprocess import ok, run_cli


def test_claim_withdraw_takes_its_reason_as_note_too(db_url: str) -> None:
    """Every other command that records why (`claim status ID withdrawn`, reopening, restoring,
    `claim reject`) takes the reason as --note, and so does the withdrawal's restore, but
    `claim withdraw 1 --note "duplicate of #2"` was refused, exit 2, "No such option: --note":
    the same reason named two ways. --reason stays; --note is the same option."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "mei"}
    ok(run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env))
    ok(run_cli(["claim", "add", "1", "--text", "营收一百亿元", "--quote", "营收一百亿元"], env=env))
    ok(run_cli(["claim", "add", "1", "--text", "营收一百亿", "--quote", "营收一百亿"], env=env))
    r = ok(run_cli(["claim", "withdraw", "2", "--note", "duplicate of #1"], env=env))
    assert r.out == "claim #2: unverified -> withdrawn\n", r.out
    ok(run_cli(["claim", "withdraw", "1", "--reason", "not a claim"], env=env))
    shown = json.loads(ok(run_cli(["note", "list", "2", "--json"], env=env)).out)
    assert [n["body"] for n in shown] == ["duplicate of #1"], shown


def test_a_reason_given_twice_is_bad_usage_not_half_kept(db_url: str) -> None:
    """`claim withdraw 1 --reason "不是事实陈述" --note "重复：见#2"` withdrew the claim with
    only the second as its reason: the first was dropped without a word (--note and --reason
    are one option, and the last given won). The help says the reason is kept as the note of
    the change, one reason: two are refused as bad usage (exit 2), nothing changed."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "mei"}
    ok(run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env))
    ok(run_cli(["claim", "add", "1", "--text", "营收一百亿元", "--quote", "营收一百亿元"], env=env))
    before = ok(run_cli(["audit", "head", "--json"], env=env)).out
    for twice in (
        ["--reason", "不是事实陈述", "--note", "重复：见#2"],
        ["--note", "不是事实陈述", "--reason", "重复：见#2"],
        ["--reason", "不是事实陈述", "--reason", "重复：见#2"],
    ):
        r = run_cli(["claim", "withdraw", "1", *twice], env=env)
        assert (r.code, r.out, r.crash) == (2, "", None), (r.code, r.out, r.err)
        # The rule every command's one-value options keep (test_option_given_twice.py).
        line = r.err.splitlines()[0]
        assert line.endswith(": give it once (see `workbench claim withdraw --help`)"), r.err
        assert "不是事实陈述 and " in line and line.count("重复：见#2") == 1, r.err
    assert ok(run_cli(["audit", "head", "--json"], env=env)).out == before
    shown = json.loads(ok(run_cli(["claim", "show", "1", "--json"], env=env)).out)
    assert shown["status"] == "unverified"
