"""names2: `vvang` was registered beside wang and approved wang's verdict. Unicode's TR39
confusables draw `w` as the two letters `vv` (as they draw `m` as `rn`), but the data the
workbench reads (the `confusable_homoglyphs` package) lacks the pair, and the skeleton folded
`rn` alone: `user add vvang` beside wang, `claim approve` by vvang of wang's verdict and `audit
verify` all passed. A name's skeleton reads `vv` as `w`, as it reads `rn` as `m`; a tag's
(compared as a word) is left as written."""

from __future__ import annotations

import json

import pytest

from tests.services.test_replay_self_approval import _ok, _proposal, _run
from tests.services.test_trail_look_alikes import look_alikes, registered_at
from workbench.domain.identity import normalise_name, skeleton
from workbench.services.context import Workbench, transaction
from workbench.services.users import _insert_user, add_user
from workbench.services.verify import verify_database

PAIRS = [
    ("wang", "vvang"),
    ("vvang", "wang"),
    ("wu", "VVu"),
    ("owen", "ovven"),
    ("wei", "\u1d20\u1d20ei"),  # LATIN LETTER SMALL CAPITAL V, twice
    ("wei", "v.vei"),  # a dot between the two, which the skeleton leaves out
    ("wang", "\uff56\uff56ang"),  # full-width v, twice (NFKC: vv)
]


@pytest.mark.parametrize(("name", "twin"), PAIRS)
def test_vv_is_drawn_as_w_in_a_name(name: str, twin: str) -> None:
    assert skeleton(normalise_name(twin)) == skeleton(normalise_name(name))


def test_a_tag_keeps_vv_as_written() -> None:
    assert skeleton("savvy", skim=False) != skeleton("sawy", skim=False)


@pytest.mark.parametrize(("proposer", "approver"), PAIRS[:3])
def test_a_vv_twin_cannot_approve(db_url: str, proposer: str, approver: str) -> None:
    cid = _proposal(db_url, proposer)
    r = _run(db_url, approver, "claim", "approve", str(cid), "--note", "ok")
    assert r.code == 1, f"{approver!r} approved {proposer}'s verdict: {r.out}"
    shown = _ok(_run(db_url, approver, "claim", "list", "--approvable", "--json"))
    assert [c["id"] for c in json.loads(shown.out)] == [], shown.out


def test_a_vv_twin_is_not_registered_beside_the_name(db_url: str) -> None:
    _ok(_run(db_url, "wang", "user", "add", "wang"))
    r = _run(db_url, "wang", "user", "add", "vvang")
    assert r.code == 1, f"'vvang' registered beside wang: {r.out}{r.err}"
    assert "looks like the registered user 'wang'" in r.err, r.err


def test_a_pair_registered_before_the_rule_is_a_warning(wb: Workbench) -> None:
    """A desk that registered vvang beside wang before this rule (the row and its event, as
    that workbench wrote them): its trail still verifies, and `audit verify` names the pair."""
    wang = Workbench(url=wb.url, actor="wang")
    add_user(wang, "wang")
    with transaction(wang, write=True) as tx:
        _insert_user(tx, "vvang", "vvang")
    report = verify_database(wb)
    assert report.ok, report.to_json()
    found = look_alikes(report)
    assert found is not None, report.to_json()
    assert [(f["seq"], f["other_seq"]) for f in found] == [
        (registered_at(wb, "vvang"), registered_at(wb, "wang"))
    ], found


def test_cl_and_d_stay_two_people(db_url: str) -> None:
    """TR39 draws d as cl too, but that pair is left apart by decision (docs/identity.md):
    Clara and Dara are two colleagues, who register side by side and approve each other's
    verdicts."""
    assert skeleton("clara") != skeleton("dara")
    cid = _proposal(db_url, "dara")
    _ok(_run(db_url, "dara", "user", "add", "dara"))
    _ok(_run(db_url, "dara", "user", "add", "clara"))
    _ok(_run(db_url, "clara", "claim", "approve", str(cid), "--note", "ok"))
