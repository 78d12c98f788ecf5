"""The rewrites made before a text's bag of terms is read (`similarity.rewrites`): each tried
only where one of its guards is in the text, in the order of its table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.domain.similarity.rewrites import (
    BEFORE_CONCEPTS,
    BEFORE_FIGURES,
    Rewrite,
    rewritten,
)


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("三块二一斤", "3.2元一斤"),
        ("五角钱", "0.5元钱"),
        # 角 before 块: read the other way round, 2块5角 would be 2.5元 and a stray 角.
        ("2块5角", "2.5元"),
        ("三块五角钱", "3.5元钱"),
        ("a loaf at 85p", "a loaf at £0.85"),
        ("720p video", "720p video"),
        ("金牌被她收入囊中", "金牌被她夺得"),
        ("86kt of steel", "86 thousand tonnes of steel"),
    ],
)
def test_before_figures(text: str, restated: str) -> None:
    assert rewritten(text, BEFORE_FIGURES) == restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("the council raised the fare", "the council increased the fare"),
        ("原交通局长", "前任交通局长"),
        ("太原市长", "太原市长"),
        ("an ex-councillor", "an former councillor"),
        ("the waiting list for planned treatment", "the waiting list for elective treatment"),
        ("the army's planned operations", "the army's planned operations"),
        ("will close 38 branches", "will closes 38 branches"),
    ],
)
def test_before_concepts(text: str, restated: str) -> None:
    assert rewritten(text, BEFORE_CONCEPTS) == restated


def test_a_rewrite_is_tried_only_where_its_guard_is_and_in_order() -> None:
    seen: list[str] = []

    def note(name: str) -> Callable[[str], str]:
        def rewrite(s: str) -> str:
            seen.append(name)
            return s.replace("a", "b")

        return rewrite

    table: tuple[Rewrite, ...] = (
        (("a",), note("first")),
        (("b",), note("second")),
        (("z",), note("never")),
    )
    # The second's guard is in the text only once the first has run: guards are read as the
    # text stands then.
    assert rewritten("a", table) == "b"
    assert seen == ["first", "second"]


def test_the_tables_guards_in_order() -> None:
    # The order is part of the meaning (see above); a change to it is a change to this test.
    assert [guards for guards, _ in BEFORE_FIGURES] == [
        ("角",),
        ("块",),
        ("p",),
        ("goals",),
        ("球",),
        ("twenty",),
        ("kt",),
        ("收入囊中",),
    ]
    assert [guards for guards, _ in BEFORE_CONCEPTS] == [
        ("raised",),
        ("costs",),
        ("planned", "proposed"),
        ("平均每",),
        ("原",),
        ("ex",),
        ("cleared",),
        ("used to",),
        ("close", "open"),
        ("daily",),
    ]
