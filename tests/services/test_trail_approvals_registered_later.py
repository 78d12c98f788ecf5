"""An approval made before its two people were registered, read by the people registered since.

On a desk that registered no one yet, `maria@example.org` approved maria's verdict (nothing
tied the two then), and the desk later registered maria with that address; or `王芳` approved
`wang`'s, registered since as shown as 王芳. `claim show` and every export read the people as
they are registered now, and so read each approval as no second reviewer's; `audit verify`
and `audit replay` held it to the registrations before it, none, and said nothing (review296).
"""

from __future__ import annotations

import pytest

from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import proposed
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import show_claim
from workbench.services.replay import replay
from workbench.services.users import add_user
from workbench.services.verify import verify_database


@pytest.mark.parametrize(
    ("proposer", "approver", "email", "display", "fact"),
    [
        ("maria", "maria@example.org", "maria@example.org", None, "the email address of"),
        ("wang", "王芳", None, "王芳", "the display name of"),
        # and an unrelated approval stays unnamed
        ("maria", "tom", "maria@example.org", None, None),
    ],
)
def test_people_registered_after_an_approval_are_read_as_the_sign_off_reads_them(
    wb: Workbench,
    proposer: str,
    approver: str,
    email: str | None,
    display: str | None,
    fact: str | None,
) -> None:
    cid = proposed(wb, proposer)
    review.approve(_as(wb, approver), cid)  # no one is registered: nothing ties the two
    add_user(_as(wb, "li"), proposer, email=email, display=display)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None
    assert (signed.approved_by is None) == (fact is not None)
    replayed = replay(wb)
    assert replayed.consistent
    for report in (replayed, verify_database(wb)):
        found = report.to_json()
        named = [
            (f["claim_id"], f["approver"], f["proposer"]) for f in found["one_person_approvals"]
        ]
        assert named == ([(cid, approver, proposer)] if fact else []), found
        assert found["one_person_approval_count"] == len(named)
        if fact:
            assert fact in found["one_person_approvals"][0]["message"], found


def test_those_found_at_the_end_are_named_in_seq_order_and_counted() -> None:
    from workbench.domain.trail_people import LOOK_ALIKES_KEPT, Registrations

    trail = Registrations()

    def approved(seq: int, approver: str, proposer: str) -> None:
        payload = {"before": {"proposed_by": proposer}, "after": {"status": "false"}}
        trail.feed(seq, "claim.approved", payload, approver, seq)

    # maria@example.org approves maria's verdicts before either is registered: named by the
    # first, each counted (fix302: the pair is judged once)...
    for seq in range(1, 4):
        approved(seq, "maria@example.org", "maria")
    # ...as are more pairs than are named, each once (Maria7 is maria7 by case)...
    for n in range(LOOK_ALIKES_KEPT + 1):
        approved(10 + n, f"Maria{n}", f"maria{n}")
    for seq, (name, email) in enumerate(
        (("maria", "maria@example.org"), ("maria@example.org", None), ("mar1a", None)),
        start=5000,
    ):
        trail.feed(seq, "user.added", {"after": {"name": name, "email": email}}, name)
    # ...and a look-alike after both were, judged as it comes
    approved(6000, "mar1a", "maria")
    trail.finish()
    assert trail.approval_total == 3 + LOOK_ALIKES_KEPT + 1 + 1
    assert [a.seq for a in trail.approvals] == [1, *range(10, 10 + LOOK_ALIKES_KEPT - 1)]
    assert trail.approvals[0].approver == "maria@example.org"
    trail.finish()  # (once more changes nothing)
    assert trail.approval_total == 3 + LOOK_ALIKES_KEPT + 1 + 1


def test_a_pair_named_once_says_how_many_approvals_it_stands_for() -> None:
    """A pair found at the trail's end is listed once, by its first approval, and counted for
    all (fix302): audit verify read "the trail holds 3 approvals ..." over one line naming one
    claim, and --json listed one entry, with nothing saying the other two claims were theirs
    (rr310). The line and the entry say how many it stands for."""
    from workbench.domain.trail_people import Registrations

    trail = Registrations()

    def approved(seq: int, approver: str, proposer: str) -> None:
        payload = {"before": {"proposed_by": proposer}, "after": {"status": "false"}}
        trail.feed(seq, "claim.approved", payload, approver, seq)

    for seq in (1, 2, 3):
        approved(seq, "maria@example.org", "maria")
    for seq, name in ((4, "maria"), (5, "mar1a")):
        email = "maria@example.org" if name == "maria" else None
        trail.feed(seq, "user.added", {"after": {"name": name, "email": email}}, name)
    approved(6, "mar1a", "maria")
    trail.finish()
    first, later = trail.approvals
    assert (first.to_json()["approvals"], later.to_json()["approvals"]) == (3, 1)
    assert first.message().endswith(
        " (the first of 3 approvals by these two made before they were registered, each a "
        "verdict with no second reviewer)"
    ), first.message()
    assert later.message().endswith("'mar1a' looks like 'maria'"), later.message()
