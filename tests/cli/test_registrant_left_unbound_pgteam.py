"""pgteam: the desk's owner, following docs/identity.md on PostgreSQL, registered each person
bound to their role from the owner's login (`--as owner user add maria --role maria`). The first
registration registered `owner` with them, unbound, and said only "also registered owner":
tom's role then wrote a note under the owner's name, which no role is held to. The notice says
the name is bound to no role, that any role may act under it, and the `user bind` that closes
it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, run_in_process
from workbench.db.engine import get_engine


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def _role_of(url: str) -> str:
    with get_engine(url).connect() as conn:
        return str(conn.execute(text("SELECT session_user")).scalar_one())


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_owner_registered_with_a_bound_person_is_told_to_bind_the_owner_name(
    db_url: str, person: Callable[[str], str]
) -> None:
    owner_role = _role_of(db_url)
    tom_url = person(db_url)
    tom_role = _role_of(tom_url)
    added = _run(db_url, "owner", "user", "add", "tom", "--role", tom_role)
    assert added.code == 0, added.err
    # What the notice warns of: tom's role acts under the owner's name, unbound.
    assert _run(tom_url, "owner", "user", "add", "zoe").code == 0
    bind = f"workbench --as owner user bind owner --role {owner_role}"
    assert "bound to no login role" in added.err, added.err
    assert bind in added.err, added.err
    # The command said closes it: tom's role no longer acts as owner.
    assert _run(db_url, *bind.split()[2:]).code == 0
    refused = _run(tom_url, "owner", "user", "add", "bo")
    assert refused.code == 1 and "acts from the database role" in refused.err, refused.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_json_names_the_role_the_registrant_is_bound_to_by_the_command(
    db_url: str, person: Callable[[str], str]
) -> None:
    owner_role = _role_of(db_url)
    tom_role = _role_of(person(db_url))
    added = _run(db_url, "owner", "user", "add", "tom", "--role", tom_role, "--json")
    assert added.code == 0, added.err
    got = json.loads(added.out)
    assert got["also_registered"] == "owner"
    assert got["registrant_role"] == owner_role


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_registrant_registering_itself_bound_is_told_nothing_of_it(db_url: str) -> None:
    """The way docs/identity.md now sets a desk up: the owner's own name bound first."""
    owner_role = _role_of(db_url)
    added = _run(db_url, "owner", "user", "add", "owner", "--role", owner_role)
    assert added.code == 0, added.err
    assert "bound to no login role" not in added.err, added.err
