"""Dispatch to the one module that holds a backend's specifics."""

from __future__ import annotations

from types import ModuleType

from sqlalchemy import Connection, text

from workbench.db import postgresql, sqlite


def module_for(dialect_name: str) -> ModuleType:
    return postgresql if dialect_name == "postgresql" else sqlite


def lock_event_appends(conn: Connection) -> None:
    module_for(conn.dialect.name).lock_event_appends(conn)


def create_append_only_triggers(conn: Connection) -> None:
    for statement in module_for(conn.dialect.name).APPEND_ONLY_DDL:
        conn.execute(text(statement))


def drop_append_only_triggers(conn: Connection) -> None:
    for statement in module_for(conn.dialect.name).DROP_APPEND_ONLY_DDL:
        conn.execute(text(statement))
