"""`claim status` on a claim in review tells the sign-off's own people it is their verdict.

maria@example.org, registered before `user add` refused a name that is another person's
`--email`, tried `claim status` on maria's verdict in review: told "`workbench claim approve 1`
or `workbench claim reject 1 --note TEXT` it first", then refused by `claim approve` as maria
herself (fix259). So was `wang`, shown as 王芳, on 王芳's verdict. They are told it is their
verdict, which a second reviewer approves, and how to withdraw it (review264).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_in_process
from tests.services.test_sign_off_emails import _as, _registered_as_before
from tests.services.test_signoff import proposed
from workbench.domain.errors import TransitionRefused, step
from workbench.services.claims import set_status, withdraw
from workbench.services.context import Workbench

OWN = "a second reviewer approves or rejects it first; to withdraw it"


@pytest.mark.parametrize(
    ("proposer", "p_email", "actor", "a_email"),
    [
        ("maria", "maria@example.org", "maria@example.org", None),
        ("maria@example.org", None, "maria", "maria@example.org"),
    ],
)
def test_claim_status_tells_the_proposers_address_it_is_theirs(
    wb: Workbench, proposer: str, p_email: str | None, actor: str, a_email: str | None
) -> None:
    cid = proposed(wb, proposer)
    _registered_as_before(wb, (proposer, p_email), (actor, a_email))
    own = step("review", claim_id=cid, proposed_by=proposer, own_proposal=True)
    with pytest.raises(TransitionRefused) as refused:
        set_status(_as(wb, actor), cid, "in_progress", note="again")
    assert refused.value.hint == own
    with pytest.raises(TransitionRefused) as refused:
        withdraw(_as(wb, actor), cid, reason="a duplicate")
    assert refused.value.hint == own
    # li, a second reviewer, is told to review it
    with pytest.raises(TransitionRefused) as refused:
        set_status(_as(wb, "li"), cid, "in_progress", note="again")
    assert refused.value.hint == step(
        "review", claim_id=cid, proposed_by=proposer, own_proposal=False
    )


def test_claim_status_says_so_on_stderr(wb: Workbench, db_url: str) -> None:
    cid = proposed(wb, "maria")
    _registered_as_before(wb, ("maria", "maria@example.org"), ("maria@example.org", None))
    r = run_in_process(
        [
            "--db",
            db_url,
            "--as",
            "maria@example.org",
            "claim",
            "status",
            str(cid),
            "false",
            "--note",
            "n",
        ]
    )
    assert r.code == 1, r.out
    [line] = r.err.strip().splitlines()
    assert OWN in line and "claim approve" not in line, line


def test_a_name_shown_as_the_proposer_is_told_too(wb: Workbench, db_url: str) -> None:
    from tests.services.test_signoff import _registered_as_before as registered_shown

    cid = proposed(wb, "王芳")
    registered_shown(wb, ("wang", "王芳"), ("王芳", None), ("li", None))
    r = run_in_process(
        ["--db", db_url, "--as", "wang", "claim", "status", str(cid), "false", "--note", "n"]
    )
    assert r.code == 1, r.out
    assert OWN in r.err and "claim approve" not in r.err, r.err
