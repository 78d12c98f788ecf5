"""trial330: on a PostgreSQL desk with a login role for each person, a person who forgot
`--as` (acting under the OS account's name) was told to act as "one" of the registered users,
or, from the owner's role, to register the OS account's name bound to the owner's role: never
the name this very role is bound to, which is the one they meant."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, run_in_process
from workbench.db.engine import get_engine
from workbench.db.url import resolve_url


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def _role_of(url: str) -> str:
    with get_engine(url).connect() as conn:
        return str(conn.execute(text("SELECT session_user")).scalar_one())


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_checker_who_forgot_as_is_told_the_name_bound_to_her_role(
    db_url: str, person: Callable[[str], str]
) -> None:
    """trial330: ana's role, acting as `root` (her shell had no WORKBENCH_USER), was told
    "act as one with --as NAME (see `workbench user list`)": the desk's list, not that her
    role acts as ana."""
    owner_role = _role_of(db_url)
    ana_url = person(db_url)
    ana_role = _role_of(ana_url)
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ana", "--role", ana_role).code == 0
    refused = _run(ana_url, "root", "claim", "list", "--mine")
    assert refused.code == 1
    assert "--as ana" in refused.err, refused.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_owner_who_forgot_as_is_told_the_name_bound_to_the_owner_role(
    db_url: str, person: Callable[[str], str]
) -> None:
    """trial330: the editor, whose name ed is bound to the owner's role, forgot `--as` and was
    told to register `root` bound to the owner's role (`workbench --as root user add root
    --role OWNER`): a second name for the same person, in the trail for good, when `--as ed`
    was all it took."""
    owner_role = _role_of(db_url)
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    refused = _run(db_url, "root", "note", "add", "1", "forgot --as")
    assert refused.code == 1
    assert "--as ed" in refused.err, refused.err
    assert "user add root" not in refused.err, refused.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_name_bound_elsewhere_is_refused_naming_the_name_this_role_acts_as(
    db_url: str, person: Callable[[str], str]
) -> None:
    """trial330: the editor's role (the owner's, bound to ed), typing `--as ana`, was told
    "give --as your own name"; and once she had bound her own name to a checker's role by a
    slip (`user bind ed --role ANA`, for ana), told the same, though no name was the owner's
    role's any more: the way back (register a name bound to the owner's role, then `user bind
    ed` back to it) was not said."""
    owner_role = _role_of(db_url)
    ana_role = _role_of(person(db_url))
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ana", "--role", ana_role).code == 0
    refused = _run(db_url, "ana", "user", "add", "zoe")
    assert refused.code == 1
    assert "--as ed" in refused.err, refused.err
    assert _run(db_url, "ed", "user", "bind", "ed", "--role", ana_role).code == 0
    refused = _run(db_url, "ed", "user", "bind", "ed", "--role", owner_role)
    assert refused.code == 1
    assert f"user add NAME --role {owner_role}" in refused.err, refused.err


@pytest.fixture
def tom_role() -> Iterator[str]:
    """A second person's login role (the `person` fixture makes one per test), dropped after."""
    role = "wb_test_" + uuid.uuid4().hex[:8]
    admin = get_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
    try:
        yield role
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP ROLE {role}"))


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_slip_close_to_a_colleague_s_name_is_told_the_name_bound_to_her_role(
    db_url: str, person: Callable[[str], str], tom_role: str
) -> None:
    """people341: ana's role, acting as `tim` (the OS account's name, close to her colleague
    tom's), was asked "did you mean tom?" and sent to the desk's list: `--as tom` from her role
    is refused (tom is bound to his own), and the name her role acts as went unsaid. The same
    for her queue (`claim list --mine`). A close name bound to no role is still offered."""
    owner_role = _role_of(db_url)
    ana_url = person(db_url)
    ana_role = _role_of(ana_url)
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ana", "--role", ana_role).code == 0
    assert _run(db_url, "ed", "user", "add", "tom", "--role", tom_role).code == 0
    for args in (("user", "add", "zoe"), ("claim", "list", "--mine")):
        refused = _run(ana_url, "tim", *args)
        assert refused.code == 1, refused.out
        assert f"this session's database role {ana_role} acts as ana: give --as ana" in (
            refused.err
        ), refused.err
        assert "tom" not in refused.err, refused.err
    assert _run(db_url, "ed", "user", "add", "tima").code == 0
    refused = _run(ana_url, "tim", "user", "add", "zoe")
    assert refused.code == 1, refused.out
    assert "give --as ana" in refused.err and "tima" in refused.err, refused.err
    assert "tom" not in refused.err, refused.err
