"""Settings stored in the database they govern, so every user of a shared database obeys them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from workbench.db.backend import machine_identity, refused_privilege, schema_owner
from workbench.db.engine import get_engine
from workbench.db.models import Setting
from workbench.domain.clock import iso, now
from workbench.domain.errors import SETTING_NOT_PERMITTED, StorageError, step
from workbench.domain.json_fields import JsonFields
from workbench.domain.payloads import set_payload, setting_payload
from workbench.domain.settings import SETTINGS, spec_for
from workbench.services.context import Tx, Workbench, mutation, transaction


@dataclass(frozen=True, slots=True)
class SettingView(JsonFields):
    key: str
    value: bool
    default: bool
    is_default: bool
    help: str
    updated_by: str | None
    updated_at: str | None


def setting_value(tx: Tx, key: str) -> bool:
    spec = spec_for(key)
    row = tx.session.get(Setting, key)
    return spec.default if row is None else bool(json.loads(row.value))


def _view(key: str, row: Setting | None) -> SettingView:
    spec = spec_for(key)
    return SettingView(
        key=key,
        value=spec.default if row is None else bool(json.loads(row.value)),
        default=spec.default,
        is_default=row is None,
        help=spec.help,
        updated_by=row.updated_by if row else None,
        updated_at=iso(row.updated_at) if row else None,
    )


def get_config(wb: Workbench, key: str) -> SettingView:
    spec_for(key)
    with transaction(wb) as tx:
        return _view(key, tx.session.get(Setting, key))


def list_config(wb: Workbench) -> list[SettingView]:
    with transaction(wb) as tx:
        rows = {r.key: r for r in tx.session.scalars(select(Setting))}
        return [_view(key, rows.get(key)) for key in SETTINGS]


@mutation
def set_config(wb: Workbench, key: str, raw: str) -> SettingView:
    """Set a desk setting, audited. On a shared database the settings are the owner's: a
    person's role granted as docs/identity.md says may read them, not change them (else the
    proposer of a verdict could turn off the rule that a second role signs it off)."""
    try:
        return _set_config(wb, key, raw)
    except StorageError as exc:
        cause = exc.__cause__
        if not isinstance(cause, DBAPIError) or not refused_privilege(cause):
            raise
        with get_engine(wb.url).connect() as conn:
            role, owner = machine_identity(conn), schema_owner(conn)
        raise StorageError(
            f"the desk's settings are its owner's to change, and the role {role} may not "
            f"({str(cause.orig).strip().splitlines()[0]})",
            hint=step("change_setting", key=key, **({"owner": owner} if owner else {})),
            reason=SETTING_NOT_PERMITTED,
        ) from None


def _set_config(wb: Workbench, key: str, raw: str) -> SettingView:
    spec = spec_for(key)
    value = spec.parse(raw)
    with transaction(wb, write=True) as tx:
        row = tx.session.get(Setting, spec.key)
        before = spec.default if row is None else bool(json.loads(row.value))
        if row is not None and before == value:
            return _view(spec.key, row)
        if row is None:
            row = Setting(key=spec.key, value="", updated_by=tx.actor, updated_at=now())
            tx.session.add(row)
        row.value = json.dumps(value)
        row.updated_by = tx.actor
        row.updated_at = now()
        tx.session.flush()
        tx.record(
            "setting.changed",
            "setting",
            spec.key,
            set_payload({"value": before}, setting_payload(row, value)),
        )
        return _view(spec.key, row)
