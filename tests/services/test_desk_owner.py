"""Turning a safeguard of review off is the desk's owner's: a new-user trial's tom proposed a
verdict, then `--as tom config set review.required false` went through."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, pg_schema_of
from workbench.db.engine import get_engine
from workbench.domain.errors import InvalidInput, step
from workbench.services.context import Workbench
from workbench.services.settings import NOT_DESK_OWNER, get_config, set_config
from workbench.services.users import add_user

SAFEGUARDS = ["review.required", "review.distinct_roles"]


def as_(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def changes(wb: Workbench) -> list[tuple[str, str]]:
    """The settings' changes in the trail: (who, which)."""
    with get_engine(wb.url).connect() as conn:
        rows = conn.execute(
            text(
                "SELECT actor, entity_id FROM events WHERE action = 'setting.changed' ORDER BY seq"
            )
        )
        return [(str(actor), str(key)) for actor, key in rows]


@pytest.mark.parametrize("key", SAFEGUARDS)
def test_only_the_first_registered_user_turns_a_safeguard_off(
    wb: Workbench, key: str, counts: Callable[[], dict[str, int]]
) -> None:
    rosa = as_(wb, "rosa")
    add_user(rosa, "kwame")  # rosa made the desk's first registration: registered first
    add_user(rosa, "tom")
    set_config(as_(wb, "tom"), key, "true")  # turning it on is anyone's
    before = counts()
    for name in ("tom", "KWAME"):
        with pytest.raises(InvalidInput) as refused:
            set_config(as_(wb, name), key, "false")
        assert refused.value.reason == NOT_DESK_OWNER
        assert refused.value.message == (
            f"{name.lower()} may not turn {key} off: that relaxes a safeguard of review, which "
            "only the desk's owner (its first registered user) may"
        )
        assert refused.value.hint == step(
            "change_setting", key=key, value="false", owner_name="rosa"
        )
    assert counts() == before  # nothing written, no event
    assert get_config(wb, key).value is True
    assert set_config(rosa, key, "false").value is False
    assert changes(wb)[-1] == ("rosa", key)  # audited as any change
    # turning it off again changes nothing, and so refuses nobody
    assert set_config(as_(wb, "tom"), key, "false").value is False
    assert set_config(as_(wb, "tom"), key, "true").value is True


def test_whoever_registers_themselves_first_is_the_owner(wb: Workbench) -> None:
    maria = as_(wb, "maria")
    add_user(maria, "maria")
    add_user(maria, "editor")
    set_config(maria, "review.required", "true")
    with pytest.raises(InvalidInput, match=r"editor may not turn review\.required off"):
        set_config(as_(wb, "editor"), "review.required", "false")
    assert set_config(maria, "review.required", "false").value is False


def test_on_a_desk_with_nobody_registered_any_name_turns_a_safeguard_off(wb: Workbench) -> None:
    """Nobody is registered: any name acts (docs/identity.md), and there is no name to tell
    the owner by; on PostgreSQL the session's role still must be the owner's (below). The
    trail records who did it."""
    for key in SAFEGUARDS:
        set_config(as_(wb, "tom"), key, "true")
        assert set_config(as_(wb, "tom"), key, "false").value is False
    assert changes(wb)[-1] == ("tom", "review.distinct_roles")


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_name_bound_to_the_owners_role_acts_as_the_owner(wb: Workbench) -> None:
    """On PostgreSQL a name bound to a role is proved by it: bound to the owner's role, it is
    the owner's name, though another was registered first."""
    owner = as_(wb, "owner")
    add_user(owner, "owner")
    add_user(owner, "boss", role="postgres")
    set_config(owner, "review.required", "true")
    assert set_config(as_(wb, "boss"), "review.required", "false").value is False


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_role_that_is_not_the_owners_is_refused_whatever_its_grants(
    wb: Workbench, person: Callable[[str], str]
) -> None:
    """A desk whose people share a role granted the settings too: the role is not the owner's,
    so it may turn a safeguard on but not off, even with nobody registered."""
    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    with get_engine(wb.url).begin() as conn:
        conn.execute(
            text(f'GRANT INSERT, UPDATE, DELETE ON "{pg_schema_of(wb.url)}".settings TO {role}')
        )
    shared = Workbench(url=url, actor="tom")
    set_config(wb, "review.required", "false")
    assert set_config(shared, "review.required", "true").value is True
    with pytest.raises(InvalidInput) as refused:
        set_config(shared, "review.required", "false")
    assert refused.value.reason == NOT_DESK_OWNER
    assert refused.value.message.startswith(
        f"this session's role {role!r} may not turn review.required off"
    )
    assert refused.value.hint == step(
        "change_setting", key="review.required", value="false", owner="postgres"
    )
    assert get_config(wb, "review.required").value is True


@pytest.mark.parametrize("key", SAFEGUARDS)
def test_setting_the_value_already_held_writes_nothing_whoever_asks(
    wb: Workbench, key: str, counts: Callable[[], dict[str, int]]
) -> None:
    """A value held by default counted as a change: a non-owner's `config set
    review.required false` on a desk that never set it went through and wrote a
    setting.changed event by them, false to false, so the trail showed a non-owner turning
    review off (trial56). Setting the value already held, the default included, now changes
    nothing and records nothing, for the owner and anyone else alike."""
    rosa = as_(wb, "rosa")
    add_user(rosa, "tom")
    default = "true" if get_config(wb, key).default else "false"
    before = counts()
    for who in (as_(wb, "tom"), rosa):
        result = set_config(who, key, default)
        assert (result.changed, result.is_default) == (False, True)
    assert counts() == before and changes(wb) == []
    other = "false" if default == "true" else "true"
    assert set_config(rosa, key, other).changed
    assert not set_config(rosa, key, other).changed
    assert changes(wb) == [("rosa", key)]


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_persons_role_setting_the_value_held_is_no_change(
    wb: Workbench, person: Callable[[str], str]
) -> None:
    """With docs/identity.md's grants a person's role may not write the settings; setting the
    value already held writes nothing, so it is no change rather than a refusal (as it is
    for anyone); a real change is still refused, naming the owner's role."""
    from workbench.domain.errors import SETTING_NOT_PERMITTED, StorageError

    shared = Workbench(url=person(wb.url), actor="tom")
    assert not set_config(shared, "review.required", "false").changed
    assert changes(wb) == []
    with pytest.raises(StorageError) as refused:
        set_config(shared, "review.required", "true")
    assert refused.value.reason == SETTING_NOT_PERMITTED
