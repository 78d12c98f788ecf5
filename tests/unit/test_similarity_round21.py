"""Round 21 of "checked before?": claims translated between Chinese and English (see
docs/benchmarks.md): names read after a reporting verb or a quarter, ..."""

from __future__ import annotations

import pytest

from workbench.domain.similarity import claim_terms, explain, names, weigh


def _disagree(one: str, other: str) -> list[str]:
    a, b = (weigh(claim_terms(text, ""), {}) for text in (one, other))
    return [what for what, *_ in explain(a, b).disagree]


# ---- a reporting verb is no name; a quarter is no name either ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("据介绍，青岚市一季度新能源汽车产量位居全省第一。", "@青岚"),
        ("据了解,青岚市一季度新能源汽车产量位居全省第一。", "@青岚"),
        ("据悉，汀阳新开公交线路十二条。", "@汀阳"),
        ("据初步统计，2023年汀阳新开公交线路十二条。", "@汀阳"),
        ("一季度青岚市社会消费品零售总额512亿元。", "@青岚"),
        ("2024年上半年云杉电池营业收入为215亿元。", "@云杉"),
        ("前三季度澄岭汽车销量增长34%。", "@澄岭"),
        # 据 before a name still opens it
        ("据星渚科技称，其产量第一。", "@星渚"),
    ],
)
def test_the_name_after_a_reporting_verb_or_a_quarter_is_read(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    ["表示，今年产量位居全省第一。", "指出，一季度产量增长4.1%。", "介绍，全年营收增长。"],
)
def test_a_reporting_verb_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_reporting_verb_does_not_disagree_with_the_pinyin_of_the_name() -> None:
    # (the new user's trial: "other names (pinyin): qinglan / 介绍")
    assert "names across scripts" not in _disagree(
        "据介绍，青岚市一季度新能源汽车产量位居全省第一。",
        "Qinglan's new-energy vehicle output ranked first in the province in the first quarter.",
    )
