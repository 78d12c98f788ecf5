"""A database error that no service wrapped was said by a rule of the CLI's own.

The CLI's last `except` for SQLAlchemy's errors knew a damaged SQLite file and nothing else:
a lock held too long, met outside a service's transaction, said `database error: database is
locked` under the kind `storage`, where the same lock inside a transaction is a `conflict`
with "try the command again". Now both places ask the library's one rule
(services.storage_errors.database_refusal).
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy.exc import ArgumentError, OperationalError

from tests.damaged_file import small_desk
from tests.inprocess import run_cli
from workbench.services.context import Workbench


def _locked(self: Workbench) -> None:
    raise OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))


def test_a_lock_met_outside_a_transaction_is_a_conflict_as_inside(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, env = small_desk(wb)
    monkeypatch.setattr(Workbench, "reader", _locked)
    r = run_cli(["claim", "list"], env=env)
    assert r.crash is None, r.crash
    assert r.code == 1, r
    assert r.err == "error: the database stayed locked by another writer; try the command again\n"
    j = run_cli(["claim", "list", "--json"], env=env)
    assert json.loads(j.err)["error"]["kind"] == "conflict", j.err


def test_an_error_not_the_drivers_keeps_its_own_words(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Workbench) -> None:
        raise ArgumentError("Could not parse SQLAlchemy URL from string 'x'")

    _, env = small_desk(wb)
    monkeypatch.setattr(Workbench, "reader", broken)
    r = run_cli(["claim", "list", "--json"], env=env)
    assert r.crash is None, r.crash
    error = json.loads(r.err)["error"]
    assert error["kind"] == "storage", error
    assert error["message"] == "database error: Could not parse SQLAlchemy URL from string 'x'"
