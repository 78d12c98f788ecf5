"""The guard triggers on `events` that `db status` watches and `db upgrade` puts back: the
append-only ones, and on PostgreSQL the identity trigger of migration 0013."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.db import postgresql
from workbench.db.engine import get_engine
from workbench.db.guards import reached
from workbench.db.migrate import upgrade
from workbench.domain.errors import UPGRADE_NOT_PERMITTED, StorageError
from workbench.services.context import Workbench
from workbench.services.database import schema_status, upgrade_schema

MIGRATION = Path(__file__).parents[2] / "migrations" / "versions" / "0013_event_identity.py"
pg_only = pytest.mark.skipif(not PG_URL, reason="the identity trigger is PostgreSQL's")


def test_the_repair_makes_the_identity_trigger_migration_0013_made() -> None:
    """The DDL `db upgrade` restores the identity trigger with is a copy (migrations are frozen
    history, live code does not import them): a copy drifting from 0013's would put back
    another guard than the one the docs describe."""
    spec = importlib.util.spec_from_file_location("m0013", MIGRATION)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert postgresql.IDENTITY_FUNCTION.strip() == module.FUNCTION.strip()
    assert postgresql.IDENTITY_TRIGGER == module.TRIGGER


def test_a_guard_is_expected_from_its_migration_on() -> None:
    assert reached("0013_event_identity", "0013_event_identity")
    assert not reached("0012_withdrawn", "0013_event_identity")
    assert reached("0014_later", "0002_audit_chain")
    assert reached("zzzz_future", "0013_event_identity")  # newer than this workbench


@pg_only
@pytest.mark.parametrize("how", ["DISABLE TRIGGER", "ENABLE REPLICA TRIGGER"])
def test_a_disabled_identity_trigger_is_reported_and_restored_once(db_url: str, how: str) -> None:
    """`db status` watched only the append-only triggers: with `events_identity` dropped or
    disabled it said "events are append-only" with exit 0, and `db upgrade` left it so
    (trial56), while a person's role could write events as another's. A trigger enabled for
    replication only fires in no ordinary session, so it counts as disabled."""
    with get_engine(db_url).begin() as conn:
        conn.execute(text(f"ALTER TABLE events {how} events_identity"))
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "owner"}
    r = run_cli(["db", "status"], env=env)
    assert r.code == 1, r.out
    line = next(x for x in r.out.splitlines() if x.startswith("triggers"))
    assert "MISSING events_identity: a person's role can write events as another" in line
    assert line.endswith("its owner (role postgres) runs `workbench db upgrade` to restore them")
    as_json = run_cli(["db", "status", "--json"], env=env)
    assert as_json.code == 1 and json.loads(as_json.out)["missing_triggers"] == ["events_identity"]
    r = run_cli(["db", "upgrade"], env=env)
    assert r.code == 0 and "restored the triggers events_identity on events" in r.out, r.out
    assert upgrade_schema(Workbench(url=db_url, actor="owner")) == ([], [])  # nothing left to do
    r = run_cli(["db", "status"], env=env)
    assert r.code == 0 and "each event is written from the role it records" in r.out, r.out


@pg_only
def test_a_person_cannot_restore_a_guard_and_is_told_whose_it_is(
    db_url: str, person: Callable[[str], str]
) -> None:
    """Restoring a guard is its owner's act: a person's `db upgrade` is refused in one line
    naming the owner, and leaves the trigger as it found it."""
    url = person(db_url)
    with get_engine(db_url).begin() as conn:
        conn.execute(text("DROP TRIGGER events_identity ON events"))
    with pytest.raises(StorageError) as refused:
        upgrade_schema(Workbench(url=url, actor="maria"))
    assert refused.value.reason == UPGRADE_NOT_PERMITTED
    assert "cannot restore the guard triggers on events" in str(refused.value)
    assert schema_status(Workbench(url=db_url, actor="o")).missing_triggers == ("events_identity",)


@pg_only
def test_an_older_schema_is_not_said_to_miss_a_later_guard(empty_db_url: str) -> None:
    """A schema from before migration 0013 has no identity trigger yet: that is its being
    behind (which `db status` says), not a guard gone missing."""
    upgrade(get_engine(empty_db_url), "0012_withdrawn")
    status = schema_status(Workbench(url=empty_db_url, actor="o"))
    assert status.state == "behind" and status.missing_triggers == ()
