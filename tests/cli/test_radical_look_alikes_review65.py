"""Names written with a CJK radical drawn like a whole ideograph (review65): `⺩芳` for `王芳`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli
from workbench.domain.identity import likeness, same_person

# (look-alike, the name it imitates): CJK RADICALS SUPPLEMENT characters, drawn as the
# ideograph; some confusables.txt pairs with it (⻢, ⻩), some it lacks (⺩, ⻦); a stroke
# drawn as one (㇐, CJK STROKE H, as 一) too.
TWINS = [
    ("⺩芳", "王芳"),
    ("⻢丽", "马丽"),
    ("⻩伟", "黄伟"),
    ("⻓江", "长江"),
    ("⻦飞", "鸟飞"),
    ("王㇐", "王一"),
]


@pytest.mark.parametrize(("twin", "name"), TWINS)
def test_a_radical_drawn_as_an_ideograph_was_another_person(twin: str, name: str) -> None:
    """The skeleton left every symbol out, radicals too: `⺩芳` was `芳` and so not `王芳`,
    though the two are drawn alike."""
    assert likeness(twin, name) == "looks like"
    assert same_person(twin, name)


def test_a_radical_was_left_out_of_the_name() -> None:
    """A radical was left out of the skeleton as a symbol: `⻢丽` was the twin of `丽`, a name
    it is not drawn as; it counts as the ideograph it is drawn as, and only as that."""
    assert likeness("⺩芳", "玉芳") is None
    assert likeness("⻢丽", "丽") is None


@pytest.fixture
def wbcli(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str, user: str = "王芳") -> Outcome:
        return run_cli(list(args), stdin=b"", env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": user})

    article = tmp_path / "a.txt"
    article.write_text("全年国内生产总值比上年增长5.2%。\n", encoding="utf-8")
    for args in (
        ["user", "add", "王芳"],
        ["user", "add", "ben"],
        ["config", "set", "review.required", "true"],
        ["doc", "add", str(article), "--title", "公报"],
        ["claim", "add", "1", "--quote", "比上年增长5.2%", "--text", "GDP增长5.2%"],
        ["evidence", "add", "1", "--url", "https://stats.gov.cn/x", "--stance", "supports"],
        ["claim", "status", "1", "verified", "--note", "与公报一致"],
    ):
        assert run(*args).code == 0, args
    return run


def test_a_radical_twin_was_registered_and_approved_its_own_verdict(wbcli) -> None:  # type: ignore[no-untyped-def]
    """`user add ⺩芳` (CJK RADICAL JADE, drawn as 王) was registered beside 王芳, and
    `--as ⺩芳 claim approve` approved 王芳's own verdict: `claim show` read "approved by ⺩芳"."""
    r = wbcli("user", "add", "⺩芳", user="ben")
    assert r.code == 1 and r.crash is None and r.err.count("\n") == 1, r.err
    assert "looks like the registered user '王芳'" in r.err
    shown = json.loads(wbcli("claim", "show", "1", "--json").out)
    assert shown["status"] == "in_review"


# Bopomofo letters made from the ideographs they are drawn as (ㄚ from 丫, ㄧ from 一).
BOPOMOFO_TWINS = [
    ("丫丫", "ㄚㄚ"),
    ("王一", "王ㄧ"),
    ("李儿", "李ㄦ"),
    ("厂明", "ㄏ明"),
    ("王乂", "王ㄨ"),
]


@pytest.mark.parametrize(("name", "twin"), BOPOMOFO_TWINS)
def test_a_bopomofo_letter_drawn_as_an_ideograph_was_another_person(name: str, twin: str) -> None:
    """`王ㄧ` (BOPOMOFO LETTER I) was registered beside `王一` and could approve its verdict:
    TR39 pairs the katakana drawn as ideographs (ハ, ニ, エ) but no Bopomofo letter."""
    assert likeness(twin, name) == "looks like"


@pytest.mark.parametrize(
    ("latin", "drawn"),
    [("ma li", "⻢丽"), ("wang fang", "⺩芳"), ("huang wei", "⻩伟"), ("wang yi", "王ㄧ")],
)
def test_a_look_alike_was_read_without_its_radical(latin: str, drawn: str) -> None:
    """The pinyin of a name was read from its ideographs only: `⺩芳` was read `fang`, so
    `wang fang` was not it (and could approve its verdict) while `fang` was."""
    assert likeness(latin, drawn) == "reads like"
    assert likeness("fang", "⺩芳") is None
