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


@pytest.mark.parametrize("name", ["ali\nce", "alice\u200b", "\u0430lice", "a\x1b[2Jb", "x" * 101])
def test_disguised_names_are_one_line_usage_errors(wbcli, name: str) -> None:  # type: ignore[no-untyped-def]
    # Wrong by itself, whatever the desk holds: bad usage (exit 2), as an empty --as is.
    r = wbcli("--as", name, "user", "list")
    assert r.code == 2 and r.crash is None
    assert r.err.count("\n") == 1 and r.err.startswith("error: --as")
    assert "\x1b" not in r.err
    r = wbcli("user", "list", user=name)
    assert r.code == 2 and r.err.startswith("error: WORKBENCH_USER")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["claim", "assign", "1", "--to", "pol\u0456ce"], "--to 'pol\u0456ce' mixes scripts"),
        (["claim", "assign", "1", "--to", "bo\u200bb"], "--to: character 3 is U+200B"),
        (["user", "add", "pol\u0456ce"], "NAME 'pol\u0456ce' mixes scripts"),
        (["user", "add", "bo\u200bb"], "NAME: character 3 is U+200B ZERO WIDTH SPACE"),
        (["claim", "list", "--assignee", "pol\u0456ce"], "--assignee 'pol\u0456ce' mixes"),
    ],
)
def test_a_name_wrong_by_itself_is_bad_usage_wherever_it_is_typed(  # type: ignore[no-untyped-def]
    wbcli, args: list[str], said: str
) -> None:
    """A trial: `claim tag 9 pol\u0456ce` (a Cyrillic і) exited 2, but the same name after
    --to, --as or `user add` exited 1, as if the desk had refused it. Checked before any
    database is opened: nothing is created."""
    r = wbcli(*args)
    assert r.code == 2 and r.out == "" and r.crash is None, r.err
    assert r.err.count("\n") == 1 and r.err.startswith(f"error: {said}"), r.err
    r = wbcli(*args, "--json")
    assert r.code == 2 and json.loads(r.err)["error"]["kind"] == "usage"


def test_a_name_like_a_registered_one_is_still_refused(wbcli) -> None:  # type: ignore[no-untyped-def]
    # Refused for what the desk holds (a registered look-alike): exit 1, not bad usage.
    assert wbcli("--as", "lin", "user", "add", "lin").code == 0
    r = wbcli("--as", "lin", "user", "add", "l1n")
    assert r.code == 1 and "looks like the registered user 'lin'" in r.err
    r = wbcli("--as", "l1n", "user", "list")
    assert r.code == 0  # a read needs no registered name
    r = wbcli("--as", "l1n", "user", "add", "mei")
    assert (
        r.code == 1 and "'l1n' looks like the registered user 'lin', written another way" in r.err
    )


def test_registered_users_gate_every_change(wbcli) -> None:  # type: ignore[no-untyped-def]
    r = wbcli(
        "--as", "maria", "user", "add", "Maria", "--display", "Maria Lopez", "--email", "m@x.org"
    )
    assert r.code == 0 and r.out == "registered maria (Maria Lopez)\n", r.err
    assert r.err == ""  # she registered herself: nobody else to register
    r = wbcli("user", "add", "editor")
    assert r.code == 1 and "'tester' is not a registered user" in r.err
    r = wbcli("--as", "MARIA", "user", "add", "editor", "--json")
    assert r.code == 0 and json.loads(r.out)["added_by"] == "maria"
    r = wbcli("--as", "\u0435ditor", "user", "add", "x")  # Cyrillic е
    assert r.code == 2 and "mixes scripts" in r.err
    r = wbcli("user", "list", "--json")
    assert [u["name"] for u in json.loads(r.out)] == ["editor", "maria"]
    r = wbcli("--as", "editor", "audit", "replay")
    assert r.code == 0 and r.out.startswith("consistent"), r.out + r.err


def test_a_role_a_bundle_brought_to_a_sqlite_file_is_listed_as_not_enforced(
    wbcli, db_url: str
) -> None:  # type: ignore[no-untyped-def]
    """A trial: `user list` on a SQLite file showed the role bindings a bundle brought from
    PostgreSQL as if they held; the file has no roles, and anyone may act under the name."""
    if db_url.startswith("postgres"):
        pytest.skip("on PostgreSQL the binding holds (tests/cli/test_shared_schema.py)")
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    assert wbcli("--as", "maria", "user", "add", "maria").code == 0
    assert wbcli("--as", "maria", "user", "add", "tom").code == 0
    with get_engine(db_url).begin() as conn:  # as a bundle from PostgreSQL leaves it
        conn.execute(text("UPDATE users SET role = 'maria_role' WHERE name = 'maria'"))
    r = wbcli("--as", "maria", "user", "list")
    assert r.code == 0, r.err
    [maria] = [line for line in r.out.splitlines() if "maria_role" in line]
    assert "maria_role (not enforced on SQLite)" in maria and "tom" not in maria
    assert r.out.count("not enforced") == 1  # tom is bound to nothing
    listed = json.loads(wbcli("--as", "maria", "user", "list", "--json").out)
    assert [(u["name"], u["role"], u["role_enforced"]) for u in listed] == [
        ("maria", "maria_role", False),
        ("tom", None, False),
    ]


def test_the_first_registration_keeps_its_registrant_able_to_act(wbcli) -> None:  # type: ignore[no-untyped-def]
    """A trial: `--as rosa user add kwame` succeeded, then `--as rosa user add rosa` was
    refused: rosa had locked herself out. She is registered with kwame, and told so."""
    r = wbcli("--as", "rosa", "user", "add", "kwame")
    assert r.code == 0 and r.out == "registered kwame\n", r.err
    assert r.err == (
        "also registered rosa, who registered them: from now on only registered names act "
        "(`workbench user add` the others)\n"
    )
    r = wbcli("--as", "rosa", "user", "add", "mei")
    assert r.code == 0 and r.err == ""
    r = wbcli("--as", "li.", "user", "add", "mei")
    assert r.code == 1 and "not a registered user" in r.err


def test_a_registration_warns_of_claims_owned_by_unregistered_names(  # type: ignore[no-untyped-def]
    wbcli, tmp_path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kwame said three things. Mei said four.", encoding="utf-8")
    assert wbcli("doc", "add", str(article)).code == 0
    for quote in ("three things", "four"):
        assert wbcli("claim", "add", "1", "--quote", quote, "--text", quote).code == 0
    r = wbcli("claim", "assign", "1", "2", "--to", "kwmae")
    assert r.code == 0, r.err
    r = wbcli("user", "add", "kwame")
    assert r.code == 0, r.err
    assert (
        "warning: claims owned by unregistered names: kwmae (2); reassign with "
        "`workbench claim assign ID... --to NAME` (`workbench claim list --assignee NAME` lists "
        "them)\n"
    ) in r.err
    r = wbcli("claim", "assign", "1", "2", "--to", "kwame")
    assert r.code == 0, r.err
    r = wbcli("user", "add", "mei", "--json")
    assert r.code == 0 and "warning" not in r.err
    assert json.loads(r.out)["unregistered_owners"] == []


def test_a_name_and_its_pinyin_or_display_name_are_one_person(  # type: ignore[no-untyped-def]
    wbcli, db_url: str, tmp_path
) -> None:
    """The trial: `user add wang --display 王芳`, `user add 王芳` and `user add 'wang fang'`
    were all accepted, and `wang fang` and 王芳 signed off each other's verdicts."""
    r = wbcli("--as", "wang", "user", "add", "wang", "--display", "王芳")
    assert r.code == 0, r.err
    r = wbcli("--as", "wang", "user", "add", "王芳")
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        "error: '王芳' is the display name of the registered user 'wang'; choose a name that "
        "cannot be mistaken for theirs\n"
    )
    r = wbcli("--as", "wang", "user", "add", "Wáng Fāng", "--json")
    assert r.code == 1
    assert json.loads(r.err)["error"]["message"] == (
        "'wáng fāng' reads like '王芳', the display name of the registered user 'wang'; choose "
        "a name that cannot be mistaken for theirs"
    )
    assert wbcli("--as", "wang", "user", "add", "lin").code == 0
    r = wbcli("--as", "wang", "user", "add", "林")
    assert r.code == 1 and "'林' reads like the registered user 'lin'" in r.err
    r = wbcli("--as", "wang", "user", "add", "tom", "--display", "Lin")
    assert r.code == 1 and "the display name 'Lin' is the name of the registered user 'lin'" in (
        r.err
    )
    assert wbcli("--as", "wang", "user", "add", "汪芳").code == 0  # a homophone: another name
    listed = json.loads(wbcli("--as", "wang", "user", "list", "--json").out)
    assert [u["name"] for u in listed] == ["lin", "wang", "汪芳"]

    # Two registered before this rule (rows as an older workbench left them) stay one person
    # to the sign-off.
    from sqlalchemy import text

    from workbench.db.engine import get_engine
    from workbench.domain.identity import skeleton

    with get_engine(db_url).begin() as conn:
        for name in ("wang fang", "王芳"):
            conn.execute(
                text(
                    "INSERT INTO users (name, skeleton, added_by, created_at) "
                    "VALUES (:name, :key, 'wang', CURRENT_TIMESTAMP)"
                ),
                {"name": name, "key": skeleton(name)},
            )
    article = tmp_path / "a.txt"
    article.write_text("MiniMax在2021年底创业。", encoding="utf-8")
    for args in (
        ("doc", "add", str(article)),
        ("claim", "add", "1", "--quote", "2021年底", "--text", "founded 2021"),
        ("config", "set", "review.required", "true"),
        ("config", "set", "review.distinct_roles", "false"),  # one test role on PostgreSQL
    ):
        r = wbcli("--as", "wang", *args)
        assert r.code == 0, r.err
    r = wbcli("--as", "wang fang", "claim", "status", "1", "unverifiable", "--note", "no record")
    assert r.code == 0, r.err
    for approver in ("王芳", "wang"):  # the pinyin's Chinese name, and whose display name it is
        r = wbcli("--as", approver, "claim", "approve", "1")
        assert r.code == 1 and r.err == (
            f"error: {approver} is too like wang fang, who proposed this verdict; a different "
            "reviewer must approve it\n"
        )
    r = wbcli("--as", "汪芳", "claim", "approve", "1")  # wang fang spells 汪芳 as well
    assert r.code == 1 and "汪芳 is too like wang fang" in r.err
    r = wbcli("--as", "lin", "claim", "approve", "1")
    assert r.code == 0, r.err
    shown = wbcli("--as", "wang", "claim", "show", "1").out
    assert "sign-off unverifiable given by wang fang, approved by lin" in shown


def test_only_the_desks_owner_turns_review_off(wbcli) -> None:  # type: ignore[no-untyped-def]
    """The trial: `--as tom config set review.required false` went through right after tom
    proposed a verdict. The desk's owner is its first registered user (wang here)."""
    assert wbcli("--as", "wang", "user", "add", "wang").code == 0
    assert wbcli("--as", "wang", "user", "add", "tom").code == 0
    assert wbcli("--as", "tom", "config", "set", "review.required", "true").code == 0
    r = wbcli("--as", "tom", "config", "set", "review.required", "false")
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        "error: tom may not turn review.required off: that relaxes a safeguard of review, "
        "which only the desk's owner (its first registered user) may; wang, the desk's owner, "
        "runs `workbench config set review.required false`\n"
    )
    r = wbcli("--as", "tom", "config", "set", "review.distinct_roles", "no", "--json")
    error = json.loads(r.err)["error"]
    assert r.code == 1 and (error["kind"], error["reason"]) == ("invalid_input", "not_desk_owner")
    assert error["hint"] == {
        "kind": "run",
        "step": "change_setting",
        "key": "review.distinct_roles",
        "value": "false",
        "owner_name": "wang",
    }
    assert wbcli("--as", "tom", "config", "get", "review.required").out == "true\n"
    r = wbcli("--as", "wang", "config", "set", "review.required", "false")
    assert (r.code, r.out) == (0, "review.required = false\n")
    r = wbcli("--as", "wang", "audit", "export", "--format", "jsonl")
    changed = [json.loads(line) for line in r.out.splitlines()[1:]]  # after the header
    assert [(e["actor"], e["entity_id"]) for e in changed if e["action"] == "setting.changed"] == [
        ("tom", "review.required"),
        ("wang", "review.required"),
    ]


def test_with_nobody_registered_anyone_turns_review_off(wbcli) -> None:  # type: ignore[no-untyped-def]
    assert wbcli("--as", "tom", "config", "set", "review.required", "true").code == 0
    r = wbcli("--as", "tom", "config", "set", "review.required", "false")
    assert (r.code, r.out, r.err) == (0, "review.required = false\n", "")


def test_user_bind_says_what_it_did(wbcli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    assert wbcli("--as", "owner", "user", "add", "owner").code == 0
    assert wbcli("--as", "owner", "user", "add", "maria").code == 0
    r = wbcli("--as", "owner", "user", "bind", "maria")
    assert r.code == 2 and "Missing option '--role'" in r.err
    r = wbcli("--as", "owner", "user", "bind", "maria", "--role", "postgres")
    if not db_url.startswith("postgres"):
        assert (r.code, r.out) == (1, "")
        assert r.err == (
            "error: a SQLite file has no roles to bind a name to (there --as is taken on "
            "trust: docs/identity.md)\n"
        )
        return
    assert (r.code, r.out, r.err) == (0, "bound maria to role postgres\n", "")
    r = wbcli("--as", "maria", "user", "bind", "maria", "--role", "postgres", "--json")
    assert r.code == 0 and json.loads(r.out)["changed"] is False
    # Nothing changed is said on stderr, as every command says it (trial137: stdout here).
    r = wbcli("--as", "maria", "user", "bind", "maria", "--role", "postgres")
    assert (r.code, r.out) == (0, "")
    assert r.err == "maria already acts from role postgres; nothing changed\n"
    r = wbcli("--as", "owner", "user", "add", "tom", "--role", "postgres")
    assert r.code == 0
    r = wbcli("--as", "owner", "user", "list", "--json")
    assert {u["name"]: u["role"] for u in json.loads(r.out)} == {
        "maria": "postgres",
        "owner": None,
        "tom": "postgres",
    }
    r = wbcli("--as", "owner", "audit", "export", "--format", "jsonl")
    bound = [json.loads(line) for line in r.out.splitlines() if '"user.bound"' in line]
    assert [e["payload"] for e in bound] == [
        {"before": {"role": None}, "after": {"role": "postgres"}, "note": None}
    ]


def test_a_one_value_option_of_claim_list_given_twice_is_bad_usage(wbcli) -> None:  # type: ignore[no-untyped-def]
    """trial49: `claim list --doc 5 --doc 6` listed document 6 alone, silently."""
    for args, said in (
        (["--doc", "5", "--doc", "6"], "--doc is given 2 times (5 and 6): give it once"),
        (["--type=fact", "--type", "quantity"], "--type is given 2 times (fact and quantity)"),
        (["--assignee", "a", "--assignee", "b"], "--assignee is given 2 times (a and b)"),
    ):
        r = wbcli("claim", "list", *args)
        assert r.code == 2 and r.out == "" and said in r.err, r.err
    # repeatable ones still repeat
    assert wbcli("claim", "list", "--status", "unverified", "--status", "in_progress").code == 0


def test_help_is_answered_though_an_option_is_given_twice(wbcli) -> None:  # type: ignore[no-untyped-def]
    """review50: `claim list --doc 1 --doc 2 --help` was refused instead of helped."""
    r = wbcli("claim", "list", "--doc", "1", "--doc", "2", "--help")
    assert r.code == 0 and r.out.startswith("Usage: workbench claim list")
