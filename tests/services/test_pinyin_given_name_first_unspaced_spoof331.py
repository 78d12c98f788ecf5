"""spoof331: a name in pinyin, given name first and written as one word, was another person
than the name in Chinese characters: `jingchen` (and `JingChen`, `fangwang`) approved the
verdicts of 陈静 and 王芳, and `user add jingchen` registered beside 陈静, though docs/identity.md
reads pinyin with spaces and case aside and in either order (`WangFang` and `fang wang` are
王芳), and `chenjing` and `jing chen` were refused."""

from __future__ import annotations

import pytest

from tests.conftest import Result, run_in_process
from tests.services.test_signoff import MUST, proposed
from workbench.domain.errors import TransitionRefused
from workbench.domain.identity import likeness, likeness_keys
from workbench.domain.name_index import NameIndex, share_a_key
from workbench.domain.reviewers import Registered, one_reviewer
from workbench.services import review
from workbench.services.context import Workbench

GIVEN_NAME_FIRST = [
    ("陈静", "jingchen"),
    ("王芳", "fangwang"),
    ("王芳", "fang2wang2"),
    ("刘德华", "dehualiu"),
    ("欧阳娜娜", "nanaouyang"),  # a surname of two characters
]


@pytest.mark.parametrize(("han", "latin"), GIVEN_NAME_FIRST)
def test_pinyin_given_name_first_in_one_word_reads_as_the_name(han: str, latin: str) -> None:
    assert likeness(latin, han) == "reads like", f"{latin!r} read as another than {han!r}"
    assert one_reviewer(han, latin, Registered()) is not None
    assert one_reviewer(latin, han, Registered()) is not None
    # found by the keys `audit verify` and the sign-off look pairs up by
    assert share_a_key(likeness_keys(han), likeness_keys(latin))
    index = NameIndex()
    index.add(han, han)
    assert han in index.near(latin)


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("王芳", "fangwan"),  # a syllable short
        ("刘德华", "huadeliu"),  # not a name's order: the given name's characters swapped
        ("王芳", "fang"),  # a part of the name
    ],
)
def test_other_spellings_stay_other_names(han: str, latin: str) -> None:
    assert likeness(latin, han) is None


def test_the_proposer_cannot_approve_as_her_name_given_name_first(wb: Workbench) -> None:
    cid = proposed(wb, "陈静")
    with pytest.raises(TransitionRefused) as refused:
        review.approve(Workbench(url=wb.url, actor="JingChen"), cid)
    assert MUST in refused.value.message, refused.value.message


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def test_the_name_given_name_first_is_not_registered_beside_her(db_url: str) -> None:
    assert _run(db_url, "陈静", "user", "add", "陈静").code == 0
    r = _run(db_url, "陈静", "user", "add", "jingchen")
    assert r.code == 1, f"jingchen registered beside 陈静: {r.out}"
    assert "陈静" in r.err and "\n" not in r.err.strip(), r.err
