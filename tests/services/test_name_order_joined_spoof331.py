"""spoof331: a name's words joined by a hyphen, an underscore or a dot were one word to the
word-order rule, though a reader reads them as words and the look-alike rule leaves the joiner
out. So `jing-chen` (陈静 given name first, as English writes it) approved 陈静's verdict, while
`jing chen` and `chen-jing` were refused; `okafor-ben` was another person than `Ben Okafor`,
though `okafor ben` and `ben-okafor` were him; and `user add cj --display Jing_Chen` beside 陈静
(shown as `陈静 (Chen Jing)`) and `--display Lopez_Maria` beside maria shown as Maria Lopez were
registered, while `Jing Chen` and `Lopez Maria` were refused."""

from __future__ import annotations

import pytest

from tests.conftest import Result, run_in_process
from tests.services.test_signoff import MUST, proposed
from workbench.domain.errors import TransitionRefused
from workbench.domain.identity import likeness
from workbench.domain.reviewers import Registered, one_reviewer
from workbench.services import review
from workbench.services.context import Workbench

# (proposer, approver): one person, the approver's words joined otherwise and in another order.
JOINED = [
    ("陈静", "jing-chen"),
    ("陈静", "jing_chen"),
    ("陈静", "jing.chen"),
    ("王芳", "fang-wang"),
    ("ben okafor", "okafor-ben"),
    ("ben okafor", "okafor_ben"),
    ("ben-okafor", "okafor ben"),
    ("ben_okafor", "okafor.ben"),
]


@pytest.mark.parametrize(("proposer", "approver"), JOINED)
def test_words_joined_by_punctuation_are_words_in_another_order(
    proposer: str, approver: str
) -> None:
    assert likeness(approver, proposer) is not None, (
        f"{approver!r} read as another than {proposer!r}"
    )
    assert one_reviewer(proposer, approver, Registered()) is not None


def test_joined_words_still_need_the_same_words() -> None:
    """The joiner splits words; it does not make a part of a name the name."""
    assert likeness("okafor-benjamin", "ben okafor") is None
    assert likeness("jing-chen-li", "陈静") is None
    assert likeness("wang-li", "王芳") is None


@pytest.mark.parametrize("approver", ["jing-chen", "jing_chen", "Jing.Chen"])
def test_the_proposer_cannot_approve_under_the_name_joined_in_another_order(
    wb: Workbench, approver: str
) -> None:
    cid = proposed(wb, "陈静")
    with pytest.raises(TransitionRefused) as refused:
        review.approve(Workbench(url=wb.url, actor=approver), cid)
    assert MUST in refused.value.message, refused.value.message


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


@pytest.mark.parametrize(
    ("first", "display", "shown"),
    [
        ("陈静", "陈静 (Chen Jing)", "Jing_Chen"),
        ("陈静", "陈静 (Chen Jing)", "Jing-Chen"),
        ("maria", "Maria Lopez", "Lopez_Maria"),
        ("maria", "Maria Lopez", "Lopez-Maria"),
    ],
)
def test_a_display_name_joined_in_another_order_is_refused(
    db_url: str, first: str, display: str, shown: str
) -> None:
    assert _run(db_url, first, "user", "add", first, "--display", display).code == 0
    r = _run(db_url, first, "user", "add", "cj", "--display", shown)
    assert r.code == 1, f"cj registered shown as {shown!r} beside {first} ({display}): {r.out}"
    assert "display name" in r.err, r.err
    assert "\n" not in r.err.strip(), r.err


def test_a_name_joined_in_another_order_is_refused_registration(db_url: str) -> None:
    assert _run(db_url, "ben", "user", "add", "ben", "--display", "Ben Okafor").code == 0
    r = _run(db_url, "ben", "user", "add", "okafor-ben")
    assert r.code == 1, f"okafor-ben registered beside ben shown as Ben Okafor: {r.out}"
    assert "ben" in r.err, r.err
