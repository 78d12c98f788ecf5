"""Inspecting and upgrading the schema on request (`workbench db ...`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DBAPIError

from workbench.db.backend import (
    lacks_privilege,
    lock_migrations,
    missing_append_only_triggers,
    restore_append_only_triggers,
    schema_owner,
)
from workbench.db.engine import get_engine
from workbench.db.revision import HEAD_REVISION, current_revision
from workbench.db.url import cannot_open, safe_url
from workbench.domain.errors import StorageError
from workbench.domain.json_fields import as_json
from workbench.services.context import Workbench


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    url: str
    current: str | None
    head: str
    known: bool = True
    # Append-only triggers on `events` that are missing: anyone could then edit the trail.
    missing_triggers: tuple[str, ...] = ()
    # The role to ask for `db upgrade` on a shared (PostgreSQL) database, which ordinary
    # commands do not upgrade; None for a SQLite file (anyone who can write it upgrades it).
    owner: str | None = None

    @property
    def state(self) -> str:
        if self.current is None:
            return "empty"
        if self.current == self.head:
            return "current"
        return "behind" if self.known else "newer"

    def to_json(self) -> dict[str, Any]:
        # `known` only tells "behind" from "newer", which `state` already says.
        stored = {name: value for name, value in as_json(self).items() if name != "known"}
        return {**stored, "state": self.state, "up_to_date": self.current == self.head}


def schema_status(wb: Workbench) -> SchemaStatus:
    """Read-only: `db status` must not create or migrate the database it reports on."""
    if wb.missing_file():
        return SchemaStatus(url=wb.url, current=None, head=HEAD_REVISION)
    try:
        current = current_revision(get_engine(wb.url))
    except DBAPIError as exc:
        raise StorageError(cannot_open(wb.url, exc.orig)) from None
    # Only an unknown revision needs the migrations read (migrate imports Alembic).
    if current is None or current == HEAD_REVISION:
        known = True
    else:
        from workbench.db.migrate import is_known

        known = is_known(current)
    missing: list[str] = []
    owner = None
    if current is not None:
        with get_engine(wb.url).connect() as conn:
            missing = missing_append_only_triggers(conn)
            owner = schema_owner(conn)
    return SchemaStatus(
        url=safe_url(wb.url),
        current=current,
        head=HEAD_REVISION,
        known=known,
        missing_triggers=tuple(missing),
        owner=owner,
    )


def upgrade_schema(wb: Workbench) -> list[str]:
    """Bring the schema to the head, and restore any append-only trigger that was dropped.
    Returns the triggers restored. The one way a shared (PostgreSQL) database's older schema
    is upgraded: ordinary commands refuse it (revision.ensure_current)."""
    engine = wb.engine(write=True, upgrade=True)
    try:
        with engine.begin() as conn:
            lock_migrations(conn)
            return restore_append_only_triggers(conn)
    except DBAPIError as exc:
        if not lacks_privilege(engine.dialect.name, exc):
            raise
        from workbench.db.migrate import not_permitted

        change = f"cannot restore the append-only triggers on events in {safe_url(wb.url)}"
        raise not_permitted(engine, exc, change) from None
