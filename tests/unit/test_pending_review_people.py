"""A claim in review tells the person who tries to change it whether the verdict is theirs.

`claim status` (or `claim withdraw`) on a claim in review is refused with a hint: to its
proposer, that a second reviewer approves it and they may withdraw it by rejecting it; to anyone
else, `claim approve` or `claim reject`. The hint read the proposer by name and look-alike only,
not by the rules the sign-off holds an approval to since: the proposer's display name (`wang`
shown as 王芳, registered before registration refused it) and the email rule (fix259:
`maria@example.org`, whose address is maria's) were told to `claim approve` a verdict that
`claim approve` then refuses as their own (review264).
"""

from __future__ import annotations

import pytest

from workbench.domain.errors import TransitionRefused, step
from workbench.domain.reviewers import Registered
from workbench.domain.status import Status
from workbench.domain.transitions import ClaimState, Move, Refusal, Request, decide

PROPOSED = ClaimState(
    id=7,
    status=Status.IN_REVIEW,
    evidence_count=1,
    proposed_status=Status.FALSE,
    proposed_by="maria",
)


def _hint(request: Request) -> object:
    with pytest.raises(TransitionRefused) as refused:
        decide(PROPOSED, request)
    assert refused.value.reason == Refusal.PENDING_REVIEW
    return refused.value.hint


OWN = step("review", claim_id=7, proposed_by="maria", own_proposal=True)
OTHERS = step("review", claim_id=7, proposed_by="maria", own_proposal=False)


@pytest.mark.parametrize(
    ("actor", "displays", "emails"),
    [
        # her own address, registered as a name before user add refused it, and a +tag of it
        ("maria@example.org", {}, {"maria": "maria@example.org"}),
        ("maria+desk@example.org", {}, {"maria": "maria@example.org"}),
        # her address as she registered it, in capitals and full-width letters
        ("maria@example.org", {}, {"maria": "MARIA@\uff25xample.org"}),
        # a name shown as the proposer's name
        ("mlopez", {"mlopez": "Maria"}, {}),
    ],
)
def test_the_sign_off_s_people_are_told_the_verdict_is_theirs(
    actor: str, displays: dict[str, str], emails: dict[str, str]
) -> None:
    people = Registered(emails, displays)
    for request in (
        Request(Move.SET, actor, target=Status.IN_PROGRESS, note="n", people=people),
        Request(Move.WITHDRAW, actor, note="a duplicate", people=people),
    ):
        assert _hint(request) == OWN


def test_someone_else_is_told_to_review_it() -> None:
    people = Registered(emails={"maria": "maria@example.org", "tom": "tom@example.org"})
    request = Request(Move.SET, "tom", target=Status.IN_PROGRESS, note="n", people=people)
    assert _hint(request) == OTHERS
    # a person with no address, beside a proposer with none either
    assert _hint(Request(Move.SET, "li", target=Status.IN_PROGRESS, note="n")) == OTHERS
