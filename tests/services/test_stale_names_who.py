"""A trial (five checkers on one desk): two checkers edited the same claim at once with
--if-version; the one refused read "claim #2 was changed by someone else since version 7" and
had to open the claim's history to learn who had changed what, and when it was they themselves
(a second terminal) it still said "someone else". The refusal names what changed and who."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import Conflict, step
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.workflow import assign_owner, tag

TEXT = "只有四家公司。单次高达1500万美金。"
MakeDoc = Callable[..., Any]


@pytest.fixture
def cid(document_with_claims: MakeDoc) -> int:
    return int(document_with_claims(TEXT, ["只有四家公司"]).claims[0])


def as_(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def test_the_refusal_names_each_change_since_and_its_author(wb: Workbench, cid: int) -> None:
    seen = get_claim(wb, cid).version
    assign_owner(as_(wb, "cy"), [cid], "cy")
    edit_claim(as_(wb, "bo"), cid, text="four firms only")
    with pytest.raises(Conflict) as stale:
        set_status(as_(wb, "ana"), cid, "in_progress", expected_version=seen)
    assert stale.value.message == (
        f"claim #{cid} was changed since version {seen} (it is now at version {seen + 2}): "
        "assignee by cy, text by bo"
    )
    assert stale.value.hint == step("reread", claim_id=cid)


def test_ones_own_change_from_another_terminal_is_not_someone_elses(
    wb: Workbench, cid: int
) -> None:
    seen = get_claim(wb, cid).version
    tag(as_(wb, "ana"), [cid], ["ai"])
    with pytest.raises(Conflict) as stale:
        assign_owner(as_(wb, "ana"), [cid], "ana", expected_version=seen)
    assert "someone else" not in stale.value.message
    assert stale.value.message.endswith(": tags by ana")


def test_many_changes_are_counted_not_listed(wb: Workbench, cid: int) -> None:
    seen = get_claim(wb, cid).version
    for day in range(1, 7):
        tag(as_(wb, f"p{day}"), [cid], [f"t{day}"])
    with pytest.raises(Conflict) as stale:
        set_status(wb, cid, "in_progress", expected_version=seen)
    assert stale.value.message.endswith(": tags by p1, tags by p2, tags by p3 and 3 more changes")


def test_of_two_checkers_at_once_one_is_refused_naming_the_other(wb: Workbench, cid: int) -> None:
    """Two threads edit the claim read at one version: one change lands, the other is refused
    naming the one that landed (whichever it was)."""
    seen = get_claim(wb, cid).version
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def edit(name: str) -> None:
        start.wait()
        try:
            edit_claim(as_(wb, name), cid, text=f"{name}'s words", expected_version=seen)
            outcomes[name] = "done"
        except Conflict as refused:
            outcomes[name] = refused.message

    threads = [threading.Thread(target=edit, args=(n,)) for n in ("ana", "bo")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    [winner] = [n for n, o in outcomes.items() if o == "done"]
    [loser] = [n for n in outcomes if n != winner]
    assert outcomes[loser].endswith(f": text by {winner}")
    assert get_claim(wb, cid).text == f"{winner}'s words"
