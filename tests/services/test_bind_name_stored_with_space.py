"""A name registered by an earlier version in that version's normal form (`王 芳`, before a
space between Chinese characters left a name) is the person typed `王芳` today: the desk's
owner binds it to a login role (PostgreSQL) as any registered name."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.services.context import Workbench
from workbench.services.users import add_user, bind_user


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_binding_a_name_stored_with_a_space_found_no_one(wb: Workbench) -> None:
    """`user bind 王芳 --role ROLE` said "no registered user '王芳'" for a person registered as
    `王 芳` by an earlier version, and `user add 王芳` that it looked like '王 芳': typed with
    its space the name is 王芳 again, so nobody could bind the person's name to a role."""
    owner = Workbench(url=wb.url, actor="owner")
    add_user(owner, "owner")
    add_user(owner, "王芳")
    with get_engine(wb.url).begin() as conn:  # as an earlier version registered it
        conn.execute(text("UPDATE users SET name = '王 芳' WHERE name = '王芳'"))
    bound = bind_user(owner, "王芳", "postgres")
    assert (bound.user.role, bound.before, bound.changed) == ("postgres", None, True)
    assert bind_user(owner, "王 芳", "postgres").changed is False
