"""review335: spoof331 made a Chinese name written with a variant drawn like the usual form
(﨑 for 崎, 𠮷 for 吉, 靑 for 青) the same name to the sign-off, but only beside the name in
Chinese characters: its pinyin was read from the variant, and pypinyin has no reading of 﨑 or
𠮷 and fewer of 靑 (qing, not jing), 槪 and 吿. So `wang qi` could not approve 王崎's verdict
but approved 王﨑's, and `ji tian` registered beside 𠮷田 as it could not beside 吉田. A
variant is read aloud as its usual form is."""

from __future__ import annotations

import pytest

from tests.services.test_signoff import proposed
from workbench.domain.errors import InvalidInput
from workbench.domain.identity import likeness, normalise_name
from workbench.services import review
from workbench.services.context import Workbench

PAIRS = [
    ("王﨑", "wang qi"),
    ("𠮷田", "ji tian"),
    ("𠮷田", "tianji"),
    ("陈靑", "chen jing"),  # 青 reads jing too, as 陈青's pinyin does
    ("王吿", "wang gu"),
]


@pytest.mark.parametrize(("han", "latin"), PAIRS)
def test_a_variant_reads_as_its_usual_form(han: str, latin: str) -> None:
    usual = han.replace("﨑", "崎").replace("𠮷", "吉").replace("靑", "青").replace("吿", "告")
    assert likeness(normalise_name(latin), normalise_name(usual)) == "reads like"
    assert likeness(normalise_name(latin), normalise_name(han)) == "reads like"


def test_its_reading_cannot_approve_the_verdict(wb: Workbench) -> None:
    cid = proposed(wb, "王﨑")
    with pytest.raises(InvalidInput) as refused:
        review.approve(Workbench(url=wb.url, actor="wang qi"), cid)
    assert refused.value.reason == "own_verdict", refused.value.message
