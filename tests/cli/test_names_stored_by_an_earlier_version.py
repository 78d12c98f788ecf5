"""A desk an earlier version kept, whose names are stored in that version's normal form (`王 芳`,
before a space between Chinese characters left a name: trial68), read by today's version: the
person is the one typed `王芳` today in every comparison of names, not two people."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.domain import identity

Run = Callable[..., Any]

TEXT = "宁德时代2024年营收4009亿元。\n公司表示，其海螺AI在全球拥有超过一亿用户。\n另有三千万人。\n"
QUOTES = ("营收4009亿元", "海螺AI在全球拥有超过一亿用户", "三千万人")


@contextmanager
def earlier_version(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Names read as the earlier version read them: a space between Chinese characters kept
    (so what it stored, events and their hashes included, is what that version wrote)."""
    with monkeypatch.context() as patched:
        patched.setattr(identity, "join_han", lambda name: name)
        yield


@pytest.fixture
def old_desk(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """王 芳 (the desk's owner) and 陈 静 registered by the earlier version, with amy chen and
    li wei; three claims, 1 and 2 owned by 王 芳, 2 proposed false by 王 芳, 1 with her note."""
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    with earlier_version(monkeypatch):

        def wang(*args: str) -> Any:
            return ok(cli("--as", "王 芳", *args))

        for name in ("王 芳", "陈 静", "amy chen", "li wei"):
            wang("user", "add", name)
        wang("doc", "add", str(source))
        for quote in QUOTES:
            wang("claim", "add", "1", "--text", quote, "--quote", quote)
        wang("config", "set", "review.required", "true")
        # One database role for the whole desk in the tests (PostgreSQL would refuse approvals).
        wang("config", "set", "review.distinct_roles", "false")
        wang("claim", "assign", "1", "2", "--to", "王 芳")
        wang("evidence", "add", "2", "--citation", "年报", "--stance", "refutes")
        wang("claim", "status", "2", "false", "--note", "公报")
        wang("note", "add", "1", "called the bureau")


def test_a_display_name_of_a_name_stored_with_a_space_was_not_its_person(
    cli: Run, old_desk: None, wb: Any
) -> None:
    """陈 静, registered by the earlier version and shown as Amy Chen (set before a display name
    like another person's name was refused), approved amy chen's verdict acting as `陈静`, and
    `claim list --approvable` offered it to her: the sign-off read display names by the name
    exactly as stored, so `陈静` had none. Now the display name is the person's whichever form
    of the name is stored: refused as for a name stored today, and not offered."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    with get_engine(wb.url).begin() as conn:  # before such a display name was refused
        conn.execute(text("UPDATE users SET display = 'Amy Chen' WHERE name = '陈 静'"))
    ok(cli("--as", "amy chen", "evidence", "add", "3", "--citation", "公报", "--stance", "refutes"))
    ok(cli("--as", "amy chen", "claim", "status", "3", "false", "--note", "统计局"))
    r = ok(cli("--as", "陈静", "claim", "list", "--approvable", "--json"))
    assert [c["id"] for c in json.loads(r.out)] == [2]
    r = cli("--as", "陈静", "claim", "approve", "3")
    assert r.code == 1, r.out
    assert r.err == (
        "error: 陈静 is too like amy chen, who proposed this verdict; a different reviewer "
        "must approve it\n"
    )
    ok(cli("--as", "li wei", "claim", "approve", "3"))


def test_the_board_counted_one_owner_and_one_person_twice(cli: Run, old_desk: None) -> None:
    """After `claim assign 1 --to 王芳` (claim 2 still owned by 王 芳, as the earlier version
    stored it), `stats` showed 王 芳 and 王芳 as two owners, each with one claim, in its
    counts by owner and in `stats --by owner`; and `stats --since` two people, each with part
    of the work, though `claim list --assignee 王芳` lists both claims as hers. Now one row
    each, under the name's form today."""
    ok(cli("--as", "王芳", "claim", "assign", "1", "--to", "王芳"))
    ok(cli("--as", "王芳", "note", "add", "2", "checked the annual report"))
    r = ok(cli("--as", "王芳", "stats", "--since", "2000-01-01", "--json"))
    stats = json.loads(r.out)
    assert stats["by_assignee"] == {"王芳": 2, "(unassigned)": 1}
    assert stats["by_owner"]["王芳"] == {
        "to_check": 1,
        "awaiting_approval": 1,
        "flagged": 0,
        "total": 2,
    }
    assert list(stats["by_owner"]) == ["王芳", "(unassigned)"]
    people = stats["activity"]["people"]
    assert [p["person"] for p in people] == ["王芳"]
    assert people[0]["notes"] == 3 and people[0]["claims_added"] == 3
    r = ok(cli("--as", "王芳", "stats", "--by", "owner", "--json"))
    rows = json.loads(r.out)
    assert [(row["owner"], row["claims"], row["in_review"]) for row in rows] == [
        ("王芳", 2, 1),
        (None, 1, 0),
    ]


def test_registering_someone_warned_of_an_owner_registered_with_a_space(
    cli: Run, old_desk: None
) -> None:
    """`user add zhao` warned "claims owned by unregistered names: 王芳 (1)" once a claim was
    assigned to 王芳 today: the owners were compared with the registered names as stored, and
    王芳 is registered as `王 芳`. Now an owner is registered whichever form is stored."""
    ok(cli("--as", "王芳", "claim", "assign", "1", "--to", "王芳"))
    r = ok(cli("--as", "王芳", "user", "add", "zhao", "--json"))
    assert json.loads(r.out)["unregistered_owners"] == []
    assert r.err == ""


def test_audit_export_by_actor_missed_what_an_earlier_version_recorded(
    cli: Run, old_desk: None
) -> None:
    """`audit export --actor 王芳` exported none of the events the earlier version recorded
    under `王 芳` and warned that no event is by 王芳, though `--as 王芳` acts as her: the
    filter matched the name as typed and its key, and the trail holds the name as it was
    stored. Now it exports her events under either form (and only hers)."""
    ok(cli("--as", "王芳", "note", "add", "1", "checked the annual report"))
    everything = ok(cli("audit", "export")).out.splitlines()[1:]
    hers = [line for line in everything if json.loads(line)["actor"] in ("王 芳", "王芳")]
    r = ok(cli("audit", "export", "--actor", "王芳"))
    assert r.out.splitlines()[1:] == hers and len(hers) > 1
    assert r.err == ""
    r = ok(cli("audit", "export", "--actor", "王 芳", "--action", "claim.review_requested"))
    assert [json.loads(line)["claim_id"] for line in r.out.splitlines()[1:]] == [2]


def test_a_name_bound_to_the_owners_role_with_a_space_could_not_relax_review(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a name bound to a role, acting from the desk owner's role, turns a
    safeguard of review off; 陈 静, registered and bound by an earlier version, was refused
    ("only the desk's owner (its first registered user) may") acting as 陈静: the owner's check
    looked the actor's binding up by the name exactly as stored. Now by the person's name in
    either form, as check_actor finds the binding."""
    from tests.inprocess import run_cli

    def run(*args: str, user: str) -> Any:
        return run_cli(list(args), env={"WORKBENCH_DB": postgres_url, "WORKBENCH_USER": user})

    with earlier_version(monkeypatch):
        ok(run("user", "add", "boss", user="boss"))
        ok(run("user", "add", "陈 静", "--role", "postgres", user="boss"))
        ok(run("config", "set", "review.required", "true", user="boss"))
    r = ok(run("config", "set", "review.required", "false", user="陈静"))
    assert r.out == "review.required = false\n"
