"""A name of 65 to 100 characters an older release registered on a SQLite desk still acts there
(user add holds a new one to 64, the width of events.entity_id: 2700f224), but its `user.added`
event records it as the entity id, 70 characters in a column of 64. The bundle width check
refused that desk's own bundle on SQLite too, naming only "events row seq 2: its entity_id", so
the desk could be restored nowhere (the trail is never rewritten, a name never renamed). SQLite
restores it, as it stores the name; PostgreSQL, which cannot hold it, refuses in one line saying
what the value is and where the bundle goes (review rlast).

Run on SQLite, and on PostgreSQL with WORKBENCH_TEST_DATABASE_URL set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain import identity

Run = Callable[..., Any]
LEGACY = "l" * 70


def _legacy_desk_bundle(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundle of a SQLite desk holding a 70-character registered name, as releases before
    the registered name was held to 64 stored it; the name acted there after it too."""
    old = {"WORKBENCH_DB": f"sqlite:///{tmp_path / 'older.db'}"}
    with monkeypatch.context() as earlier:
        earlier.setattr(identity, "MAX_REGISTERED_NAME", identity.MAX_NAME)
        assert cli("--as", "ana", "user", "add", LEGACY, env=old).code == 0
    edited = cli("--as", "ana", "user", "edit", LEGACY, "--display", "Long", env=old)
    assert edited.code == 0, edited.err
    acted = cli("--as", LEGACY, "doc", "add", "-", "--title", "T", input="Text.\n", env=old)
    assert acted.code == 0, acted.err
    bundle = tmp_path / "older.json"
    assert cli("export", "bundle", str(bundle), env=old).code == 0
    return bundle


def test_a_sqlite_desks_longer_registered_name_restores_on_sqlite_else_one_line(
    cli: Run,
    counts: Callable[[], dict[str, int]],
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = _legacy_desk_bundle(cli, tmp_path, monkeypatch)
    before = counts()
    r = cli("import", "bundle", str(bundle))
    if db_url.startswith("sqlite"):
        assert r.code == 0, (r.out, r.err)
        edited = cli("--as", "ana", "user", "edit", LEGACY, "--display", "Longer")
        assert edited.code == 0, edited.err
        assert cli("--as", LEGACY, "claim", "list").code == 0
        return
    assert r.code == 1, (r.out, r.err)
    assert r.err.count("\n") == 1 and "database error" not in r.err, r.err
    assert "registered name" in r.err and "SQLite" in r.err, r.err
    assert counts() == before
