"""`db upgrade` recording `desk.guards_restored` under a name bound to another person's role
(review329).

Was: the owner's role ran `--as editor db upgrade`, editor being bound to her own login role,
and the trail said editor restored the guards: every other change under a bound name from
another role is refused (role_mismatch, docs/identity.md), the owner's role's included, so
that no role writes a change under another person's name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from tests.conftest import PG_URL, run_in_process
from workbench.db.backend import drop_append_only_triggers, module_for
from workbench.db.engine import get_engine
from workbench.db.models import Event
from workbench.services.context import Workbench
from workbench.services.database import schema_status


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_restore_is_not_recorded_under_a_name_bound_to_another_role(
    db_url: str, person: Callable[[str], str]
) -> None:
    ed_url = person(db_url)
    ed_role = ed_url.split("://", 1)[1].split("@", 1)[0]
    added = run_in_process(["--db", db_url, "--as", "editor", "user", "add", "editor"])
    assert added.code == 0, added.err
    bound = run_in_process(
        ["--db", db_url, "--as", "editor", "user", "bind", "editor", "--role", ed_role]
    )
    assert bound.code == 0, bound.err
    with get_engine(db_url).begin() as conn:
        drop_append_only_triggers(conn)
    dropped = sorted(module_for("postgresql").APPEND_ONLY_TRIGGERS)
    # The owner's role, under editor's name: refused as any change is, nothing restored.
    r = run_in_process(["--db", db_url, "--as", "editor", "db", "upgrade"])
    assert r.code == 1, r.out
    assert "acts from the database role" in r.err and "Traceback" not in r.err, r.err
    assert sorted(schema_status(Workbench(url=db_url, actor="x")).missing_triggers) == dropped
    with get_engine(db_url).connect() as conn:
        actions = conn.execute(select(Event.action)).scalars().all()
    assert "desk.guards_restored" not in actions
    # Under a name of its own (registered or not: the repair is the owner's), it restores.
    r = run_in_process(["--db", db_url, "--as", "dba", "db", "upgrade"])
    assert r.code == 0, r.err
    assert "recorded in the audit trail" in r.out, r.out
