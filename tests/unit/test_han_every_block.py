"""The questions "is this a Chinese character?" asked of names, speakers, tags and a text's
language: each place had its own list of blocks, and most left out the ideographs beyond the
Basic Multilingual Plane (extension B on: 𠮷 of 𠮷田, 𪚥) or the compatibility ones that NFC
keeps (﨑 of 山﨑). All now ask workbench.domain.cjk.is_han."""

from __future__ import annotations

from workbench.domain import attribution, desk, identity, transcript
from workbench.domain.language import read_language


def test_a_surname_after_an_extension_b_character_was_taken_for_a_name() -> None:
    """attribution read 王明 out of 𠮷王明 (extension B was no CJK character to it), where it
    reads no name out of 吉王明."""
    assert attribution._named_in("记者王明说：") == "王明"
    assert attribution._named_in("记者吉王明说：") is None
    assert attribution._named_in("记者𠮷王明说：") is None


def test_a_speaker_in_extension_b_characters_was_a_latin_surname() -> None:
    """transcript's speaker rules took a speaker written in extension B (𠮷) for a surname of
    Latin letters."""
    assert transcript._surname("Whitfield") == "whitfield"
    assert transcript._surname("𠮷𠮷") is None


def test_a_text_in_extension_b_characters_was_no_chinese() -> None:
    """read_language counted extension B ideographs as words of no language said: a text of
    them guessed no language."""
    assert read_language("吉，" * 40 + "是中文").language == "zh"
    assert read_language("𠮷，" * 40 + "是中文").language == "zh"


def test_a_compatibility_ideograph_was_no_han_to_names() -> None:
    """identity asked the character's Unicode name, and 﨑 (U+FA11, kept by NFC) is named a
    compatibility ideograph, not a unified one."""
    assert identity._has_han("﨑") and identity._has_han("崎") and identity._has_han("𠮷")
    assert not identity._has_han("あ")


def test_a_tag_in_any_block_of_ideographs_reads_simplified() -> None:
    """desk kept its own list of Han blocks (with the Yijing hexagrams and every code point
    from U+20000 up, private use too); it asks is_han now, and reads the same tags as Chinese."""
    assert desk.tag_key("融資") == "融资"
    assert desk.tag_key("𠮷融資") == "𠮷融资"
    assert desk.tag_key("䷀") == "䷀"
