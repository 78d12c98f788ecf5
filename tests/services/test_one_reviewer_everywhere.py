"""Every reader of the one-reviewer rule gives the same answer for the same pair.

`claim approve` refuses an approval by the proposer, `claim status` on a claim in review tells
the proposer it is theirs, `claim list --approvable` leaves it out, and `claim show`, the
exports and `audit verify` / `audit replay` read one already in a trail as no second review.
Each once held its own copy of the rule, and they disagreed about the same pair (refactor280:
the queue listed 陈 静's verdict for her address; the trail's check knew the email rule only).
One table of pairs, each asked of every reader (review296).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.cli.test_names_stored_by_an_earlier_version import earlier_version
from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import proposed
from workbench.domain.errors import TransitionRefused
from workbench.domain.identity import skeleton
from workbench.services import review
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.publishing import iter_documents, unapproved
from workbench.services.queries import ClaimFilter, list_claims, show_claim
from workbench.services.replay import replay
from workbench.services.table_facts import table_claims
from workbench.services.users import _insert_user, add_user
from workbench.services.verify import verify_database

# (name, display name, email), registered as a workbench before today's rules let them be.
Person = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class Pair:
    proposer: str
    approver: str
    one: bool  # the rule reads them as one reviewer
    people: tuple[Person, ...] = ()
    earlier: bool = False  # the proposer recorded by an earlier version (`陈 静`)


PAIRS = {
    "case": Pair("alice", "Alice", True),
    "width": Pair("alice", "ａｌｉｃｅ", True),
    "digit for letter": Pair("maria", "mar1a", True),
    "cyrillic": Pair("alice", "\u0430\u04cf\u0456\u0441\u0435", True),
    "pinyin of hanzi": Pair("王芳", "wang fang", True),
    "hanzi of pinyin": Pair("wang fang", "王芳", True),
    "traditional": Pair("张伟", "張偉", True),
    "simplified": Pair("張偉", "张伟", True),
    "approver is the display": Pair(
        "wang", "王芳", True, (("wang", "王芳", None), ("王芳", None, None))
    ),
    "proposer is the display": Pair(
        "王芳", "wang", True, (("wang", "王芳", None), ("王芳", None, None))
    ),
    "approver is the address": Pair(
        "maria",
        "maria+review@example.org",
        True,
        (("maria", None, "maria@example.org"), ("maria+review@example.org", None, None)),
    ),
    "proposer is the address": Pair(
        "maria@example.org",
        "maria",
        True,
        (("maria@example.org", None, None), ("maria", None, "maria+desk@example.org")),
    ),
    # Two people at one mailbox (fix302): one address, or two names of one mailbox.
    "one address": Pair("ana", "bo", True, (("ana", None, "x@d.org"), ("bo", None, "X@d.org"))),
    "names of one mailbox": Pair(
        "ops@x.org", "ops+x@x.org", True, (("ops@x.org", None, None), ("ops+x@x.org", None, None))
    ),
    "earlier form": Pair("陈 静", "陈静", True, earlier=True),
    "earlier form's address": Pair(
        "陈 静",
        "cj@example.org",
        True,
        (("陈静", None, "cj@example.org"), ("cj@example.org", None, None)),
        earlier=True,
    ),
    "earlier form's display": Pair(
        "陈 静",
        "jenny chen",
        True,
        (("陈静", "Jenny Chen", None), ("jenny chen", None, None)),
        earlier=True,
    ),
    "unrelated": Pair("alice", "bob", False),
    "unrelated, with addresses": Pair(
        "maria",
        "tom",
        False,
        (("maria", None, "maria@example.org"), ("tom", None, "tom@example.org")),
    ),
    "unrelated, with displays": Pair(
        "wang", "li wei", False, (("wang", "王芳", None), ("li wei", "Li Wei", None))
    ),
}


def _desk(wb: Workbench, pair: Pair, monkeypatch: pytest.MonkeyPatch) -> int:
    """The pair's claim in review, proposed by `pair.proposer`, and its people registered (row
    and `user.added` event, no check) beside li, a second reviewer."""
    if pair.earlier:
        with earlier_version(monkeypatch):
            cid = proposed(wb, pair.proposer)
    else:
        cid = proposed(wb, pair.proposer)
    if pair.people:
        add_user(_as(wb, "li"), "li")
        with transaction(_as(wb, "li"), write=True) as tx:
            for name, display, email in pair.people:
                _insert_user(tx, name, skeleton(name), display=display, email=email)
    return cid


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS.keys())
def test_every_reader_of_the_rule_agrees(
    wb: Workbench, pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _desk(wb, pair, monkeypatch)
    approver = _as(wb, pair.approver)
    answers: dict[str, bool] = {}

    # `claim status` on the claim in review: told whether it is their own proposal.
    with pytest.raises(TransitionRefused) as hinted:
        set_status(approver, cid, "in_progress", note="again")
    assert hinted.value.hint is not None
    answers["claim status"] = bool(hinted.value.hint.facts["own_proposal"])

    listed = list_claims(approver, ClaimFilter(approvable_by=pair.approver))
    answers["claim list --approvable"] = cid not in [c.id for c in listed]

    try:
        review.approve(approver, cid)
    except TransitionRefused as refused:
        assert refused.reason == "own_verdict", refused
        answers["claim approve"] = True
        # In a trail all the same, as an older workbench let it through.
        with monkeypatch.context() as m:
            m.setattr("workbench.domain.transitions.one_reviewer", lambda *a: None)
            review.approve(approver, cid)
    else:
        answers["claim approve"] = False

    signed = show_claim(wb, cid).sign_off
    assert signed is not None and signed.given_by == pair.proposer
    answers["claim show"] = signed.approved_by is None
    [row] = [t for t in table_claims(wb) if t.view.id == cid]
    answers["export claims"] = row.approved_by is None
    [record] = [c for d in iter_documents(wb) for c in d.claims if c.claim.id == cid]
    answers["publishing"] = unapproved(record)

    # The trail's check: a warning naming the pair; or, the names being one as stored
    # (`Alice` acts as `alice`), replay's own_verdict difference, which `audit verify` of the
    # database leaves to replay as it leaves every workflow rule (rules_checked None).
    same = approver.actor == pair.proposer
    replayed = replay(wb).to_json()
    own = [d for d in replayed["differences"] if "(own_verdict)" in d["message"]]
    assert replayed["consistent"] == (not own) and len(own) == same, replayed
    for name, found in (("audit replay", replayed), ("audit verify", _verified(wb))):
        named = [(f["approver"], f["proposer"]) for f in found["one_person_approvals"]]
        assert named in ([], [(approver.actor, pair.proposer)]), found
        answers[name] = bool(named) or same

    assert answers == dict.fromkeys(answers, pair.one), answers


def _verified(wb: Workbench) -> dict[str, Any]:
    report = verify_database(wb)
    assert report.ok and report.rules_checked is None, report
    return report.to_json()
