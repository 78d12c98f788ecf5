"""spoof331: a Chinese name written with a variant form of one of its characters, drawn like
the usual one but for a stroke (靑 for 青, 髙 for 高, 徳 for 德, 﨑 for 崎, 𠮷 for 吉), was
another person: `陈靑` approved 陈青's verdict and `user add 髙洁` registered beside 高洁, though
the trail shows the two names alike and `陳青`, the same name in traditional characters, was
refused. Names that only sound alike, or differ by a character a reader tells apart, stay two
people's."""

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

VARIANTS = [
    ("陈青", "陈靑"),
    ("李清", "李淸"),
    ("高洁", "髙洁"),
    ("王德", "王徳"),
    ("山崎", "山﨑"),
    ("吉田", "𠮷田"),
    ("曹操", "曺操"),
    ("陳青", "陈靑"),  # and in the other set of characters
    ("衛青", "衞青"),  # Hong Kong's form
    ("卫青", "衞青"),
]


@pytest.mark.parametrize(("usual", "variant"), VARIANTS)
def test_a_variant_form_drawn_alike_is_the_same_name(usual: str, variant: str) -> None:
    assert likeness(variant, usual) == "is the same name as", (variant, usual)
    assert one_reviewer(usual, variant, Registered()) is not None
    assert one_reviewer(variant, usual, Registered()) is not None
    assert share_a_key(likeness_keys(usual), likeness_keys(variant))
    index = NameIndex()
    index.add(usual, usual)
    assert usual in index.near(variant)


@pytest.mark.parametrize(("a", "b"), [("王芳", "汪芳"), ("陈青", "陈晴"), ("高洁", "郭洁")])
def test_other_characters_stay_other_names(a: str, b: str) -> None:
    assert likeness(a, b) is None


def test_the_proposer_cannot_approve_under_a_variant_form(wb: Workbench) -> None:
    cid = proposed(wb, "陈青")
    with pytest.raises(TransitionRefused) as refused:
        review.approve(Workbench(url=wb.url, actor="陈靑"), cid)
    assert MUST in refused.value.message, refused.value.message


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def test_a_variant_form_is_not_registered_beside_the_name(db_url: str) -> None:
    assert _run(db_url, "高洁", "user", "add", "高洁").code == 0
    r = _run(db_url, "高洁", "user", "add", "髙洁")
    assert r.code == 1, f"髙洁 registered beside 高洁: {r.out}"
    assert "高洁" in r.err and "\n" not in r.err.strip(), r.err
