"""`gbk_read_as_utf8`: GBK bytes that are valid UTF-8 too are told (trial sheet), and what
real UTF-8 writes beyond ASCII is not taken for them."""

from __future__ import annotations

import pytest

from workbench.domain.gbk_misread import gbk_read_as_utf8


def _chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 64])
def test_gbk_read_as_utf8_is_told_wherever_the_chunks_break(size: int) -> None:
    data = "quote,text,speaker\nx,y,z\nprices,P,卢某\n".encode("gbk")
    found = gbk_read_as_utf8(_chunks(data, size))
    assert found is not None
    assert (found.line, found.gbk, found.utf8) == (3, "卢某", "¬ĳ")


@pytest.mark.parametrize(
    "text",
    [
        "quote,text\n£5 million,Costs £5 million\n",  # one character alone: £ is 拢 in GBK
        "quote,text\n30°C,It was 30° at noon\n",
        "quote,text\nCafé,At the Café\n",
        "quote,text\nгде,где\n",  # a word of one script (где is 谐写械 in GBK)
        "quote,text\n卢某,“卢某” said\n",  # real Chinese UTF-8: no GB2312 in GBK
        "quote,text\nDvořák,Dvořák\n",
        "quote,text\nplain,ascii only\n",
        "",
    ],
)
def test_real_utf8_is_not_taken_for_gbk(text: str) -> None:
    assert gbk_read_as_utf8(_chunks(text.encode("utf-8"), 7)) is None


def test_one_stretch_of_real_utf8_clears_the_file() -> None:
    # ¬ĳ would be evidence, but 中 (UTF-8, not GB2312 in GBK) shows the file is UTF-8.
    assert gbk_read_as_utf8(["a,¬ĳ\n".encode(), "b,中\n".encode()]) is None


def test_bytes_that_are_not_utf8_are_left_to_the_reader() -> None:
    assert gbk_read_as_utf8(["a,甲说\n".encode("gbk")]) is None


def test_gb2312_pairs_on_bytes_is_in_gb2312_on_characters() -> None:
    # Review rsheet: the check tells GB2312 on a stretch's bytes (fast), decoding.in_gb2312 on
    # its characters; the two must be one rule, for every pair of bytes GB18030 decodes.
    from workbench.domain.decoding import GB2312_PAIRS, in_gb2312

    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            pair = bytes((lead, trail))
            try:
                text = pair.decode("gb18030")
            except UnicodeDecodeError:
                continue
            by_chars = all(map(in_gb2312, text))
            assert (GB2312_PAIRS.fullmatch(pair) is not None) == by_chars, pair


@pytest.mark.parametrize(
    ("name", "utf8"),
    [("卢某", "¬ĳ"), ("谢伟", "лΰ"), ("谢梅", "л÷"), ("平台", "ƽ̨")],
)
def test_gbk_names_that_read_as_no_text_are_still_told(name: str, utf8: str) -> None:
    # The misses' side (review rrsheet): ÷ is text beside a number (x²÷2), not beside a letter
    # (梅 is ÷ in UTF-8, 谢梅 `л÷`); a common name's sign or two scripts stay evidence.
    found = gbk_read_as_utf8([f"quote,text,speaker\nx,y,{name}\n".encode("gbk")])
    assert found is not None and (found.gbk, found.utf8) == (name, utf8)


@pytest.mark.parametrize(("name", "utf8"), [("史伟", "ʷΰ"), ("史英", "ʷӢ"), ("千伟", "ǧΰ")])
def test_a_written_modifier_or_letter_beside_another_script_is_still_told(
    name: str, utf8: str
) -> None:
    # Review rrsheet: ʷ (Berber), ǧ (Lakota) are now letters text writes; beside a letter of
    # another script they are still GBK's 史 and 千.
    found = gbk_read_as_utf8([f"quote,text,speaker\nx,y,{name}\n".encode("gbk")])
    assert found is not None and (found.gbk, found.utf8) == (name, utf8)
