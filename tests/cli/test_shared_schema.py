"""A newer workbench meeting an older schema: one person's SQLite file is migrated by any
command, a desk's shared PostgreSQL database only by `workbench db upgrade` (its owner's), and
a role that may not change the tables is told so in one line."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, pg_schema_of
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import database_revision, upgrade
from workbench.db.revision import ensure_current
from workbench.domain.errors import (
    SCHEMA_BEHIND,
    UPGRADE_NOT_PERMITTED,
    SchemaError,
    StorageError,
    step,
)
from workbench.services.context import Workbench
from workbench.services.database import upgrade_schema

OLDER = "0008_similar_meta"

Main = Callable[..., Result]


@pytest.fixture
def older_url(empty_db_url: str) -> str:
    """A database whose schema a workbench of the previous migration built."""
    upgrade(get_engine(empty_db_url), OLDER)
    assert database_revision(get_engine(empty_db_url)) == OLDER
    return empty_db_url


def one_line(r: Result) -> str:
    assert r.code == 1 and r.out == "", r
    assert r.err.count("\n") == 1 and "Traceback" not in r.err, r.err
    return r.err


def json_error(r: Result) -> dict[str, object]:
    error: dict[str, object] = json.loads(one_line(r))["error"]
    return error


@pytest.mark.skipif(bool(PG_URL), reason="SQLite: one person's file")
def test_sqlite_file_is_migrated_by_any_command(older_url: str, workbench_main: Main) -> None:
    r = workbench_main(["--db", older_url, "claim", "list", "--json"])
    assert (r.code, r.out.strip()) == (0, "[]"), r.err
    assert database_revision(get_engine(older_url)) == HEAD_REVISION
    # said once, on stderr: a file changed under its owner (older workbenches now refuse it)
    assert r.err == f"upgraded the database schema from {OLDER} to {HEAD_REVISION}\n"
    assert workbench_main(["--db", older_url, "claim", "list"]).err == ""
    status = json.loads(workbench_main(["--db", older_url, "db", "status", "--json"]).out)
    assert status["owner"] is None  # a file: whoever can write it upgrades it


@pytest.mark.skipif(not PG_URL, reason="a shared database is a PostgreSQL one")
@pytest.mark.parametrize(
    "args",
    [["claim", "list"], ["stats"], ["doc", "list"], ["doc", "add", "-"]],
    ids=["claim-list", "stats", "doc-list", "doc-add"],
)
def test_shared_database_is_not_upgraded_by_a_command(
    older_url: str, workbench_main: Main, args: list[str]
) -> None:
    r = workbench_main(["--db", older_url, *args], input="甲说。")
    line = one_line(r)
    assert line.startswith(
        f"error: the database's schema is at revision {OLDER} and this workbench needs "
        f"{HEAD_REVISION}"
    )
    assert line.rstrip().endswith("its owner (role postgres) runs `workbench db upgrade`")
    assert database_revision(get_engine(older_url)) == OLDER  # nothing changed


@pytest.mark.skipif(not PG_URL, reason="a shared database is a PostgreSQL one")
def test_the_refusal_reads_as_json_then_db_upgrade_upgrades(
    older_url: str, workbench_main: Main
) -> None:
    error = json_error(workbench_main(["--db", older_url, "claim", "list", "--json"]))
    assert error["kind"] == SchemaError.kind and error["reason"] == SCHEMA_BEHIND
    assert error["hint"] == {"kind": "run", "step": "upgrade_schema", "owner": "postgres"}
    status = workbench_main(["--db", older_url, "db", "status"])
    assert "state     behind: its owner (role postgres) runs `workbench db upgrade`" in status.out
    assert "owner     postgres (the role that upgrades the schema)" in status.out
    listed = json.loads(workbench_main(["--db", older_url, "db", "status", "--json"]).out)
    assert (listed["state"], listed["owner"]) == ("behind", "postgres")
    r = workbench_main(["--db", older_url, "db", "upgrade"])
    assert r.code == 0 and r.out.endswith(f": at {HEAD_REVISION}\n"), r.err
    r = workbench_main(["--db", older_url, "claim", "list", "--json"])
    assert (r.code, r.out.strip()) == (0, "[]"), r.err


def test_db_upgrade_migrates_an_older_schema(older_url: str, workbench_main: Main) -> None:
    """The explicit way, on both backends, said as any upgrade is."""
    r = workbench_main(["--db", older_url, "db", "upgrade"])
    assert r.code == 0, r.err
    assert database_revision(get_engine(older_url)) == HEAD_REVISION
    assert r.err == f"upgraded the database schema from {OLDER} to {HEAD_REVISION}\n"
    r = workbench_main(["--db", older_url, "db", "upgrade"])
    assert r.code == 0 and r.err == ""  # at the head already: nothing to say


@pytest.mark.skipif(bool(PG_URL), reason="SQLite: one person's file")
def test_a_trials_old_file_is_upgraded_by_doc_add_and_said(
    empty_db_url: str, workbench_main: Main
) -> None:
    """A trial's file at 0003 was upgraded to the head by `doc add` with nothing said."""
    upgrade(get_engine(empty_db_url), "0003_workflow")
    r = workbench_main(["--db", empty_db_url, "doc", "add", "-", "--json"], input="甲说。")
    assert r.code == 0, r.err
    assert json.loads(r.out)["id"] == 1  # stdout stays the result alone
    assert r.err.splitlines()[-1] == (
        f"upgraded the database schema from 0003_workflow to {HEAD_REVISION}"
    )
    assert r.err.count("upgraded") == 1


def test_ensure_current_returns_the_revision_it_upgraded_from(older_url: str) -> None:
    engine = get_engine(older_url)
    assert ensure_current(engine, upgrade=True) == OLDER
    assert ensure_current(engine) is None  # at the head: nothing done


def test_ensure_current_creating_the_tables_is_no_upgrade(empty_db_url: str) -> None:
    assert ensure_current(get_engine(empty_db_url)) is None
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


def test_an_empty_database_is_set_up_by_its_first_command(
    empty_db_url: str, workbench_main: Main
) -> None:
    """Nobody shares a database with no tables yet: the first write creates them, as always
    (a read refuses one: tests/cli/test_read_on_empty_schema.py)."""
    r = workbench_main(["--db", empty_db_url, "doc", "add", "-"], input="甲说。")
    assert r.code == 0, r.err
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION


def test_ensure_current_upgrades_when_asked(older_url: str) -> None:
    engine = get_engine(older_url)
    if PG_URL:
        with pytest.raises(SchemaError) as refused:
            ensure_current(engine)
        assert refused.value.reason == SCHEMA_BEHIND
        assert database_revision(engine) == OLDER
    ensure_current(engine, upgrade=True)
    assert database_revision(engine) == HEAD_REVISION


def test_a_newer_schema_is_still_refused_when_asked_to_upgrade(db_url: str) -> None:
    engine = get_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zzzz_future'"))
    for upgrading in (False, True):
        with pytest.raises(SchemaError, match="newer workbench"):
            ensure_current(engine, upgrade=upgrading)


# ---- a person's own role on a desk's database (docs/identity.md) ----------------------------


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_role_that_owns_no_table_is_told_what_it_lacks(
    older_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    url = person(older_url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    error = json_error(workbench_main(["--db", url, "claim", "list", "--json"]))
    assert error["reason"] == SCHEMA_BEHIND  # an ordinary command still tries nothing
    r = workbench_main(["--db", url, "db", "upgrade"])
    line = one_line(r)
    assert f"from {OLDER} to {HEAD_REVISION}: the role {role} lacks the privilege (" in line
    assert "must be owner of table" in line
    assert line.rstrip().endswith("its owner (role postgres) runs `workbench db upgrade`")
    with pytest.raises(StorageError) as refused:
        upgrade_schema(Workbench(url=url, actor="maria"))
    assert refused.value.reason == UPGRADE_NOT_PERMITTED
    assert refused.value.hint == step("upgrade_schema", owner="postgres")
    assert database_revision(get_engine(older_url)) == OLDER  # nothing half-done
    # Its owner upgrades; the person's role then works on the new schema (with the grants run
    # again for any table the upgrade added, docs/identity.md).
    assert workbench_main(["--db", older_url, "db", "upgrade"]).code == 0
    url = person(older_url)
    r = workbench_main(["--db", url, "claim", "list", "--json"])
    assert (r.code, r.out.strip()) == (0, "[]"), r.err


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_role_that_may_not_create_tables_is_told_so(
    empty_db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    url = person(empty_db_url)
    line = one_line(workbench_main(["--db", url, "doc", "add", "-"], input="甲说。"))
    assert "cannot create the workbench's tables in " in line
    assert "lacks the privilege (permission denied for schema" in line
    assert database_revision(get_engine(empty_db_url)) is None


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_role_without_the_grants_is_told_whose_they_are_to_give(
    db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    """A trial: a role the owner had granted nothing got "permission denied for table
    alembic_version", and one without the sequences' grant "permission denied for sequence
    notes_id_seq", with nothing pointing to docs/identity.md."""
    url = person(db_url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    schema = pg_schema_of(db_url)
    assert workbench_main(["--db", db_url, "doc", "add", "-"], input="甲说。").code == 0
    assert workbench_main(["--db", db_url, "claim", "add", "1", "--quote", "甲说",
                           "--text", "x"]).code == 0  # fmt: skip
    with get_engine(db_url).begin() as conn:
        conn.execute(
            # the names are the test's own (a uuid role, a test schema)
            text(f'REVOKE USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {role}')  # noqa: S608
        )
    line = one_line(workbench_main(["--db", url, "--as", "maria", "note", "add", "1", "a note"]))
    assert "permission denied for sequence" in line
    assert line.rstrip().endswith(
        "the database's owner grants your role what docs/identity.md lists"
    )
    with get_engine(db_url).begin() as conn:
        conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}'))
    line = one_line(workbench_main(["--db", url, "claim", "list"]))
    assert "cannot open database" in line and "permission denied for table" in line
    assert line.rstrip().endswith(
        "its owner (role postgres) grants your role what docs/identity.md lists"
    )


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_name_bound_to_a_role_acts_from_that_role_only(
    db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    """A trial's checker, connected as her own role, typed `--as carol` and approved a verdict
    the trail then gave to carol."""
    url = person(db_url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    owner = ["--db", db_url, "--as", "owner"]
    assert workbench_main([*owner, "user", "add", "owner"]).code == 0
    r = workbench_main([*owner, "user", "add", "maria", "--role", role])
    assert r.code == 0 and f"acting from role {role}" in r.out
    r = workbench_main([*owner, "user", "add", "carol", "--role", "wb_nobody"])
    assert r.code == 1 and "the server has no login role of that name" in r.err
    assert workbench_main([*owner, "user", "add", "carol", "--role", "postgres"]).code == 0
    assert workbench_main([*owner, "doc", "add", "-"], input="甲说。").code == 0
    assert workbench_main([*owner, "claim", "add", "1", "--quote", "甲说", "--text", "x"]).code == 0
    ok = workbench_main(["--db", url, "--as", "maria", "note", "add", "1", "mine"])
    assert ok.code == 0, ok.err
    r = workbench_main(["--db", url, "--as", "carol", "note", "add", "1", "hers", "--json"])
    assert r.code == 1
    error = json.loads(r.err)["error"]
    assert error["reason"] == "role_mismatch" and "'postgres'" in error["message"]
    # from the owner's role, maria's name is refused too; an unbound name acts from any role
    assert workbench_main([*owner[:2], "--as", "maria", "note", "add", "1", "x"]).code == 1
    assert workbench_main(["--db", url, "--as", "owner", "note", "add", "1", "x"]).code == 0
    listed = json.loads(workbench_main([*owner, "user", "list", "--json"]).out)
    assert {u["name"]: (u["role"], u["role_enforced"]) for u in listed} == {
        "carol": ("postgres", True),
        "maria": (role, True),
        "owner": (None, False),
    }
    table = workbench_main([*owner, "user", "list"]).out
    assert "not enforced" not in table and f" {role} " in table
    r = workbench_main([*owner, "audit", "replay"])
    assert r.code == 0 and r.out.startswith("consistent"), r.out + r.err


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_person_binds_a_name_to_their_own_role_only(
    db_url: str, workbench_main: Main, person: Callable[[str], str]
) -> None:
    """A trial: any registered person could `user add NAME --role ROLE` with another person's
    role; binding is that role's own act or the desk's owner's."""
    url = person(db_url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    assert workbench_main(["--db", db_url, "--as", "owner", "user", "add", "owner"]).code == 0
    maria = ["--db", url, "--as", "owner"]
    r = workbench_main([*maria, "user", "add", "carol", "--role", "postgres"])
    assert one_line(r) == (
        f"error: this session is the role {role!r}: a name is bound to the role 'postgres' "
        "from that role itself or by the desk's owner (role postgres)\n"
    )
    error = json_error(workbench_main([*maria, "user", "add", "carol", "--role", "postgres",
                                       "--json"]))  # fmt: skip
    assert (error["kind"], error["reason"]) == ("invalid_input", "binding_not_permitted")
    listed = json.loads(workbench_main([*maria, "user", "list", "--json"]).out)
    assert [u["name"] for u in listed] == ["owner"]  # nothing written
    r = workbench_main([*maria, "user", "add", "maria", "--role", role])
    assert r.code == 0 and f"acting from role {role}" in r.out, r.err
