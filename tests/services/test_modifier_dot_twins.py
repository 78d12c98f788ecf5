"""names2: `欧阳ˑ娜娜` (U+02D1 MODIFIER LETTER HALF TRIANGULAR COLON between surname and given
name) was registered beside 欧阳娜娜 and approved her verdict. The skeleton leaves out
punctuation, symbols and a letter drawn as a middle dot, but U+02D1 is a modifier *letter*
(Lm) that the TR39 data pairs with nothing, so it stayed in the name and made another person;
so did the other spacing modifier letters drawn as a mark, not a letter (ˌ, ˇ, ˉ, ʿ...), and
the Hangul ARAEA `ㆍ`, drawn as a middle dot and typed for one (`마이클ㆍ잭슨`)."""

from __future__ import annotations

import pytest

from tests.services.test_replay_self_approval import _ok, _proposal, _run
from workbench.domain.identity import likeness, normalise_name, skeleton

PAIRS = [
    ("欧阳娜娜", "欧阳\u02d1娜娜"),  # ˑ MODIFIER LETTER HALF TRIANGULAR COLON
    ("欧阳娜娜", "欧阳\u02cc娜娜"),  # ˌ MODIFIER LETTER LOW VERTICAL LINE
    ("王芳", "王\u02c9芳"),  # ˉ MODIFIER LETTER MACRON
    ("rosa", "ro\u02d1sa"),
    ("said", "sa\u02bfid"),  # ʿ MODIFIER LETTER LEFT HALF RING, as ʾ and ʻ already are
    ("마이클·잭슨", "마이클\u318d잭슨"),  # ㆍ HANGUL LETTER ARAEA
]


@pytest.mark.parametrize(("name", "twin"), PAIRS)
def test_a_modifier_drawn_as_a_mark_is_left_out(name: str, twin: str) -> None:
    assert skeleton(normalise_name(twin)) == skeleton(normalise_name(name))


def test_a_letter_drawn_by_a_modifier_stays() -> None:
    """A modifier that is a letter stays one: the iteration mark of 佐々木, the katakana
    prolonged sound mark, a superscript letter (folded to its letter by NFKC)."""
    assert skeleton(normalise_name("佐々木")) != skeleton(normalise_name("佐木"))
    assert skeleton(normalise_name("ルーシー")) != skeleton(normalise_name("ルシ"))
    assert skeleton(normalise_name("a\u02b0b")) != skeleton(normalise_name("ab"))


def test_the_pinyin_of_the_name_reads_through_the_mark() -> None:
    assert likeness(normalise_name("nana ouyang"), normalise_name("欧阳\u02d1娜娜")) is not None


def test_the_twin_is_not_registered_and_cannot_approve(db_url: str) -> None:
    cid = _proposal(db_url, "欧阳娜娜")
    _ok(_run(db_url, "欧阳娜娜", "user", "add", "欧阳娜娜"))
    r = _run(db_url, "欧阳娜娜", "user", "add", "欧阳\u02d1娜娜")
    assert r.code == 1, f"欧阳ˑ娜娜 registered beside 欧阳娜娜: {r.out}{r.err}"
    assert "looks like the registered user '欧阳娜娜'" in r.err, r.err
    r = _run(db_url, "欧阳\u02d1娜娜", "claim", "approve", str(cid), "--note", "ok")
    assert r.code == 1, f"欧阳ˑ娜娜 approved 欧阳娜娜's verdict: {r.out}"


# rnames: the mark was left out of the name's pinyin where the index reads it (_readings_of)
# and where the surname is moved to the end (_given_name_first), but not where the reading is
# matched (romanise.spelled_as skipped punctuation, symbols and spaces alone): `wangfang`, one
# word with no surname to turn, read like 王·芳 and not like 王ˉ芳 or 王ㆍ芳.
JOINED = [
    ("wangfang", "王\u02c9芳"),  # ˉ MODIFIER LETTER MACRON
    ("wangfang", "王\u318d芳"),  # ㆍ HANGUL LETTER ARAEA
    ("ouyangnana", "欧阳\u02d1娜娜"),  # ˑ MODIFIER LETTER HALF TRIANGULAR COLON
]


@pytest.mark.parametrize(("latin", "han"), JOINED)
def test_the_pinyin_in_one_word_reads_through_the_mark(latin: str, han: str) -> None:
    assert likeness(normalise_name(latin), normalise_name(han)) is not None


def test_the_pinyin_in_one_word_cannot_approve(db_url: str) -> None:
    cid = _proposal(db_url, "王\u02c9芳")
    r = _run(db_url, "wangfang", "claim", "approve", str(cid), "--note", "ok")
    assert r.code == 1, f"wangfang approved 王ˉ芳's verdict: {r.out}"


# rnames: the ARABIC TATWEEL (U+0640, a modifier letter by its category) only stretches the
# join between two letters (kashida), as a typesetter justifies a line: `محمـد` is محمد drawn
# wider, and was registered beside him, as was `أحمـد` beside أحمد. So is the NKo
# LAJANYALAN, the same stretch in NKo.
STRETCHED = [
    ("محمد", "محمـد"),
    ("أحمد", "أحمـــد"),  # three, a wider stretch
    ("ߊߡߊߘߎ", "ߊߡߊߺߘߎ"),  # NKo LAJANYALAN
]


@pytest.mark.parametrize(("name", "twin"), STRETCHED)
def test_a_stretch_between_letters_is_left_out(name: str, twin: str) -> None:
    assert skeleton(normalise_name(twin)) == skeleton(normalise_name(name))


def test_a_stretch_is_inside_a_word() -> None:
    """Left out as a space between words, the stretch made `محمـد علي` three words, and not
    `علي محمد` in another order."""
    assert likeness(normalise_name("محمـد علي"), normalise_name("علي محمد")) is not None


def test_the_stretched_name_is_not_registered_beside_the_name(db_url: str) -> None:
    _ok(_run(db_url, "محمد", "user", "add", "محمد"))
    r = _run(db_url, "محمد", "user", "add", "محمـد")
    assert r.code == 1, f"محمـد registered beside محمد: {r.out}{r.err}"
    assert "looks like the registered user 'محمد'" in r.err, r.err
