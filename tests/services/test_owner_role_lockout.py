"""trial55: the editor set a PostgreSQL desk up from the owner's role and registered herself
first, bound to her own role; the owner's role was then left with no name it could act under."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, run_in_process
from workbench.db.engine import get_engine


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_owner_role_is_not_locked_out_by_binding_the_first_user_elsewhere(
    db_url: str, person: Callable[[str], str]
) -> None:
    """trial55: the editor registered herself first from the owner's role, bound to her own
    role (`--as editor user add editor --role ed`). From then on the owner's role could act
    under no name: `--as editor` was role_mismatch, any other name was not registered, so it
    could neither register the checkers with their roles (only the owner binds a name to
    another's role) nor change a setting; the refusals' advice (`user add NAME --role OWNER`)
    could not be run. Nothing said so when the registration was made."""
    ed_url = person(db_url)
    ed_role = ed_url.split("://", 1)[1].split("@", 1)[0]
    first = _run(db_url, "editor", "user", "add", "editor", "--role", ed_role)
    assert first.code == 0, first.err
    with get_engine(db_url).connect() as conn:
        owner_role = conn.execute(text("SELECT session_user")).scalar_one()
    r = _run(db_url, "desk", "user", "add", "desk", "--role", owner_role)
    assert r.code == 0, "the owner's role is locked out of its desk: " + r.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_owner_role_is_told_how_to_name_itself_and_then_runs_the_desk(
    db_url: str, person: Callable[[str], str]
) -> None:
    """trial55: the owner's role, refused as an unregistered name, was sent to the owner's role
    (itself). The refusal now gives the registration that lets it in, and under that name it
    registers the checkers with their roles and turns a safeguard of review off."""
    ed_url = person(db_url)
    ed_role = ed_url.split("://", 1)[1].split("@", 1)[0]
    assert _run(db_url, "editor", "user", "add", "editor", "--role", ed_role).code == 0
    with get_engine(db_url).connect() as conn:
        owner_role = conn.execute(text("SELECT session_user")).scalar_one()
    refused = _run(db_url, "owner", "config", "set", "review.required", "true")
    assert refused.code == 1
    assert f"workbench --as owner user add owner --role {owner_role}" in refused.err, refused.err
    assert _run(db_url, "owner", "user", "add", "owner", "--role", owner_role).code == 0
    assert _run(db_url, "owner", "config", "set", "review.required", "true").code == 0
    assert _run(db_url, "owner", "config", "set", "review.required", "false").code == 0
    # Only its own role: the owner's session binds no new name it does not act as this way.
    other = _run(db_url, "eve", "user", "add", "eve", "--role", ed_role)
    assert other.code == 1, other.out


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_slip_for_a_registered_name_is_not_offered_registration(
    db_url: str, person: Callable[[str], str]
) -> None:
    """trial58: the owner's role typed 王方 for the registered 王芳, and after "did you mean
    王芳?" was also told to run `workbench --as 王方 user add 王方 --role postgres`, registering
    the slip as a new person."""
    ed_url = person(db_url)
    ed_role = ed_url.split("://", 1)[1].split("@", 1)[0]
    assert _run(db_url, "王芳", "user", "add", "王芳", "--role", ed_role).code == 0
    refused = _run(db_url, "王方", "config", "set", "review.required", "true")
    assert refused.code == 1
    assert "did you mean 王芳" in refused.err and "user add 王方" not in refused.err, refused.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_owner_binding_its_own_name_away_is_told_at_once(
    db_url: str, person: Callable[[str], str]
) -> None:
    """people341: the editor, acting as ed from the owner's role (ed bound to it), typed `user
    bind ed --role ANA` for ana: "bound ed to role ANA (was OWNER)", and nothing more. Her next
    command was refused (ed acts from ANA), and ana's role could act as ed, the desk's first
    registered user. The bind itself now says that the name this session acts as went to
    another role, what the role acts as now, and how this session acts again."""
    ana_url = person(db_url)
    ana_role = ana_url.split("://", 1)[1].split("@", 1)[0]
    with get_engine(db_url).connect() as conn:
        owner_role = conn.execute(text("SELECT session_user")).scalar_one()
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ana", "--role", ana_role).code == 0
    slip = _run(db_url, "ed", "user", "bind", "ed", "--role", ana_role)
    assert slip.code == 0, slip.err
    assert f"warning: ed, the name this session acts as, now acts from the role {ana_role}" in (
        slip.err
    ), slip.err
    assert "(which acts as ana and ed)" in slip.err, slip.err
    assert f"`workbench --as NAME user add NAME --role {owner_role}`" in slip.err, slip.err
    # Bound to her own role from the owner's login (trial55's editor): said too, as it is so.
    assert _run(db_url, "ed2", "user", "add", "ed2", "--role", owner_role).code == 0
    moved = _run(db_url, "ed2", "user", "bind", "ed", "--role", owner_role, "--json")
    assert moved.code == 0, moved.err
    assert json.loads(moved.out)["session_acts_as"] is None, moved.out
    own = _run(db_url, "ed2", "user", "bind", "ed2", "--role", ana_role, "--json")
    assert own.code == 0, own.err
    assert json.loads(own.out)["session_acts_as"] == ["ed"], own.out


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_names_in_the_bind_warning_are_told_apart(
    db_url: str, person: Callable[[str], str]
) -> None:
    """review345: the warning listed the names a role acts as bare, joined by "and" and "or":
    a checker registered as `ana b` beside `ed` read "(which acts as ana b and ed)", three names
    or two; the refusal of a forgotten --as (people.RoleNames) quotes each for the shell."""
    ana_url = person(db_url)
    ana_role = ana_url.split("://", 1)[1].split("@", 1)[0]
    with get_engine(db_url).connect() as conn:
        owner_role = conn.execute(text("SELECT session_user")).scalar_one()
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ed b", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ana b", "--role", ana_role).code == 0
    slip = _run(db_url, "ed", "user", "bind", "ed", "--role", ana_role)
    assert slip.code == 0, slip.err
    assert "(which acts as 'ana b' and ed)" in slip.err, slip.err
    assert "this session's role acts as 'ed b': give --as 'ed b'" in slip.err, slip.err
