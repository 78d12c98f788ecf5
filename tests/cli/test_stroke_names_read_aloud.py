"""A name written with a CJK stroke drawn as a whole ideograph (`王㇐`, CJK STROKE H for 一)
is that ideograph's name read aloud too: `wang yi` is 王一 and so 王㇐."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli
from workbench.domain.identity import likeness, reads_alike, same_person

# (a stroke drawn as an ideograph, the ideograph's pinyin): CJK STROKE H (一 yi), S (丨 gun),
# SP (丿 pie) and D (丶 zhu), and CJK RADICAL PERSON (亻 ren), whose look-alike classes
# confusables.txt represents by a Hangul vowel, a slash or a katakana letter.
READ = [
    ("王\u31d0", "wang yi"),
    ("王\u31d1", "wang gun"),
    ("王\u31d3", "wang pie"),
    ("王\u31d4", "wang zhu"),
    ("王\u2e85", "wang ren"),
]


@pytest.mark.parametrize(("name", "pinyin"), READ)
def test_a_stroke_drawn_as_an_ideograph_was_read_as_nothing(name: str, pinyin: str) -> None:
    """`reads_alike("王㇐", "wang yi")` was False while 王㇐ looks like 王一 and 王一 reads
    like `wang yi`: a stroke's look-alike class is represented by a Hangul vowel (ᅳ), not by
    the ideograph, so the reading side kept the stroke and read it as nothing."""
    assert reads_alike(name, pinyin)
    assert likeness(name, pinyin) == "reads like"
    assert same_person(name, pinyin)


@pytest.fixture
def desk(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str, user: str = "boss") -> Outcome:
        return run_cli(list(args), stdin=b"", env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": user})

    article = tmp_path / "a.txt"
    article.write_text("全年国内生产总值比上年增长5.2%。\n", encoding="utf-8")
    for args in (
        ["user", "add", "boss"],
        ["user", "add", "wang yi"],
        ["config", "set", "review.required", "true"],
        ["config", "set", "review.distinct_roles", "false"],  # one role for all (PostgreSQL)
        ["doc", "add", str(article)],
        ["claim", "add", "1", "--quote", "比上年增长5.2%", "--text", "GDP增长5.2%"],
        ["evidence", "add", "1", "--url", "https://stats.gov.cn/x", "--stance", "supports"],
    ):
        assert run(*args).code == 0, args
    assert run("claim", "status", "1", "verified", "--note", "与公报一致", user="wang yi").code == 0
    return run


def test_a_stroke_name_registered_beside_its_pinyin_approved_its_verdict(desk) -> None:  # type: ignore[no-untyped-def]
    """`user add 王㇐` beside a registered `wang yi` went through (`user add 王一` is refused:
    it reads like `wang yi`), and `--as 王㇐ claim approve` signed off wang yi's verdict as a
    second person. Now the name is refused as 王一 is, and so is its approval on a desk that
    registered nobody by that name."""
    r = desk("user", "add", "王㇐")
    assert r.code == 1
    assert r.err == (
        "error: '王㇐' reads like the registered user 'wang yi'; choose a name that cannot be "
        "mistaken for theirs\n"
    )
    r = desk("claim", "approve", "1", user="王㇐")
    assert r.code != 0
    assert desk("claim", "approve", "1", user="boss").code == 0
