"""A checker refused by a stale --if-version, four changes made since, read "assignee by
editor, priority by maria, tags by editor and 1 more changes": the count said in broken
English, where every other count of the CLI says "1 claim", "2 claims" (`plural`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import Conflict
from workbench.services.claims import get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.workflow import tag

MakeDoc = Callable[..., Any]


def test_one_change_past_the_listed_ones_is_one_more_change(
    wb: Workbench, document_with_claims: MakeDoc
) -> None:
    cid = int(
        document_with_claims("只有四家公司。单次高达1500万美金。", ["只有四家公司"]).claims[0]
    )
    seen = get_claim(wb, cid).version
    for day in range(1, 5):
        tag(Workbench(url=wb.url, actor=f"p{day}"), [cid], [f"t{day}"])
    with pytest.raises(Conflict) as stale:
        set_status(wb, cid, "in_progress", expected_version=seen)
    assert stale.value.message.endswith(": tags by p1, tags by p2, tags by p3 and 1 more change")
