"""Settings stored in the database they govern, so every user of a shared database obeys them."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from workbench.db.backend import (
    machine_identity,
    refused_privilege,
    schema_owner,
)
from workbench.db.engine import get_engine
from workbench.db.models import Setting
from workbench.domain.actions import SETTING_CHANGED
from workbench.domain.clock import iso, now
from workbench.domain.errors import SETTING_NOT_PERMITTED, InvalidInput, StorageError, step
from workbench.domain.json_fields import JsonFields
from workbench.domain.payloads import set_payload, setting_payload
from workbench.domain.settings import SETTINGS, spec_for, stored_or_none, stored_setting
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.desk_ownership import NOT_DESK_OWNER, not_desk_owner


@dataclass(frozen=True, slots=True)
class SettingView(JsonFields):
    key: str
    value: bool
    default: bool
    is_default: bool
    help: str
    updated_by: str | None
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class SettingSet(SettingView):
    # False: the setting already had the value, and nothing was written (no event).
    changed: bool = True


def setting_value(tx: Tx, key: str) -> bool:
    row = tx.session.get(Setting, key)
    return stored_setting(key, None if row is None else row.value)


def _view(key: str, row: Setting | None) -> SettingView:
    spec = spec_for(key)
    return SettingView(
        key=key,
        value=stored_setting(key, None if row is None else row.value),
        default=spec.default,
        is_default=row is None,
        help=spec.help,
        updated_by=row.updated_by if row else None,
        updated_at=iso(row.updated_at) if row else None,
    )


def get_config(wb: Workbench, key: str) -> SettingView:
    # Read by the key it names, not as typed: ' review.required' (or ＲＥＶＩＥＷ．…) read no
    # row and said the default whatever was set.
    key = spec_for(key).key
    with transaction(wb) as tx:
        return _view(key, tx.session.get(Setting, key))


def list_config(wb: Workbench) -> list[SettingView]:
    with transaction(wb) as tx:
        rows = {r.key: r for r in tx.session.scalars(select(Setting))}
        return [_view(key, rows.get(key)) for key in SETTINGS]


@mutation
def set_config(wb: Workbench, key: str, raw: str) -> SettingSet:
    """Set a desk setting, audited. On a shared database the settings are the owner's: a
    person's role granted as docs/identity.md says may read them, not change them (else the
    proposer of a verdict could turn off the rule that a second role signs it off). Setting
    the value it already has changes nothing and records nothing, whoever asks."""
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


def _set_config(wb: Workbench, key: str, raw: str) -> SettingSet:
    spec = spec_for(key)
    value = spec.parse(raw)
    with transaction(wb, write=True) as tx:
        row = tx.session.get(Setting, spec.key)
        stored = None if row is None else row.value
        if row is not None and stored_or_none(stored) is None:
            # A value written outside the workbench (DamagedRecord everywhere it is read) is
            # written over, and the event says what was there. Held as on for a safeguard:
            # turning one off from such a value is still the owner's.
            before: bool | str = row.value
            relaxes = spec.relaxes(True, value)
        else:
            before = stored_setting(spec.key, stored)
            relaxes = spec.relaxes(before, value)
        if before == value:
            # The default counts as held (trial56: a non-owner's `config set review.required
            # false` on a desk that never set it wrote a setting.changed event by them, false
            # to false, as if they had turned review off), as `doc edit` records no event for
            # values a document already has.
            return _set(spec.key, row, changed=False)
        if relaxes:
            _check_desk_owner(tx, spec.key)
        if row is None:
            row = Setting(key=spec.key, value="", updated_by=tx.actor, updated_at=now())
            tx.session.add(row)
        row.value = json.dumps(value)
        row.updated_by = tx.actor
        row.updated_at = now()
        tx.session.flush()
        tx.record(
            SETTING_CHANGED,
            "setting",
            spec.key,
            set_payload({"value": before}, setting_payload(row, value)),
        )
        return _set(spec.key, row, changed=True)


def _set(key: str, row: Setting | None, *, changed: bool) -> SettingSet:
    return SettingSet(**asdict(_view(key, row)), changed=changed)


def _check_desk_owner(tx: Tx, key: str) -> None:
    """Turning a safeguard of review off (`SettingSpec.safeguard`) is the desk's owner's act
    (services.desk_ownership): otherwise whoever proposed a verdict could turn off the rule that
    a second person signs it off (a new-user trial: `--as tom config set review.required
    false`, right after tom proposed one)."""
    why = not_desk_owner(tx)
    if why is None:
        return
    if why.not_owning_role:
        raise InvalidInput(
            f"this session's role {tx.machine!r} may not turn {key} off: that relaxes a "
            "safeguard of review, which only the desk's owner (the role owning the workbench's "
            "tables, a member of it, or a superuser) may",
            reason=NOT_DESK_OWNER,
            hint=step(
                "change_setting",
                key=key,
                value="false",
                **({"owner": why.owner_role} if why.owner_role else {}),
            ),
        )
    if why.owner_bound is not None:
        raise InvalidInput(
            f"{tx.actor} may not turn {key} off: that relaxes a safeguard of review, which the "
            f"owner's role does {why.bound_away(tx.machine)}",
            reason=NOT_DESK_OWNER,
        )
    raise InvalidInput(
        f"{tx.actor} may not turn {key} off: that relaxes a safeguard of review, which only "
        "the desk's owner (its first registered user) may",
        reason=NOT_DESK_OWNER,
        hint=step("change_setting", key=key, value="false", owner_name=why.owner),
    )
