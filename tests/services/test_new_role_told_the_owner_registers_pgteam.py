"""pgteam: on a PostgreSQL desk whose people are bound to their roles, a new colleague (ana,
given her login role and the grants of docs/identity.md, not yet registered) ran
`--as ana user add ana --role ana_role`, as docs/identity.md said a person registers
themselves. She was told "did you mean maria?", a name bound to maria's role that hers is
refused acting under, and to "have one of them `workbench user add` you", which from their
roles registers her bound to no role (binding her to hers is her own act or the owner's). The
refusal names the desk's owner's role and the registration that binds her."""

from __future__ import annotations

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
def test_a_new_colleague_is_told_the_owner_registers_her_bound_to_her_role(
    db_url: str, person: Callable[[str], str]
) -> None:
    owner_role = _role_of(db_url)
    # (One person's role a test: maria's name is bound to the owner's, another role than ana's.)
    maria_role = owner_role
    ana_url = person(db_url)
    ana_role = _role_of(ana_url)
    assert _run(db_url, "owner", "user", "add", "owner", "--role", owner_role).code == 0
    assert _run(db_url, "owner", "user", "add", "maria", "--role", maria_role).code == 0
    refused = _run(ana_url, "ana", "user", "add", "ana", "--role", ana_role)
    assert refused.code == 1
    # maria is bound to another role: ana's would be refused acting as her (role_mismatch).
    assert "maria" not in refused.err, refused.err
    assert f"role {owner_role}" in refused.err, refused.err
    assert f"workbench user add ana --role {ana_role}" in refused.err, refused.err
    # What it says works, run by the owner; then ana acts from her own role.
    assert _run(db_url, "owner", "user", "add", "ana", "--role", ana_role).code == 0
    assert _run(ana_url, "ana", "user", "add", "ana2", "--role", ana_role).code == 0


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_close_name_bound_to_no_role_is_still_offered(
    db_url: str, person: Callable[[str], str]
) -> None:
    """Only the names her role would be refused under are left out: a colleague registered
    unbound (`anna`) is one she may act as, and the one she may have meant."""
    owner_role = _role_of(db_url)
    ana_url = person(db_url)
    assert _run(db_url, "owner", "user", "add", "owner", "--role", owner_role).code == 0
    assert _run(db_url, "owner", "user", "add", "anna").code == 0
    refused = _run(ana_url, "ana", "note", "add", "1", "hi")
    assert refused.code == 1
    assert "did you mean anna?" in refused.err, refused.err


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_desk_sharing_one_role_is_not_told_of_roles(
    db_url: str, person: Callable[[str], str]
) -> None:
    """A desk that binds nobody (its people share a role) keeps the refusal it had."""
    ana_url = person(db_url)
    assert _run(db_url, "owner", "user", "add", "maria").code == 0
    refused = _run(ana_url, "ana", "note", "add", "1", "hi")
    assert refused.code == 1
    assert "--role" not in refused.err and "workbench user add" in refused.err, refused.err
