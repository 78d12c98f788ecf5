"""Real UTF-8 is never taken for GBK read as UTF-8 (review rsheet of the trial sheet's check).

A tool that refuses a researcher's real UTF-8 file is as bad as one storing mojibake. The
hardest case is a file that is ASCII but for one name or word: its one stretch beyond ASCII
is all the check sees. A stretch that GBK reads as GB2312 Chinese was taken as GBK whenever
UTF-8 read it as two or more characters not of one 128-code-point page, so a word mixing
Latin-1 and Latin Extended-A letters (Polish różne, Turkish açık, Czech žít), a French
«été», a unit m²·s, or a two-character Chinese name in UTF-8 (马丽, whose bytes pair up as
GB2312 Chinese) was refused with "the file looks like GB18030/GBK".
"""

from __future__ import annotations

import unicodedata

import pytest

from workbench.domain.gbk_misread import gbk_read_as_utf8


def _one_word_file(word: str) -> bytes:
    return (
        "quote,text,speaker,note\r\n"
        f"prices rose,Prices rose 5% last year,{word},checked\r\n"
        "the firm grew,The firm grew,,\r\n"
    ).encode()


# Ordinary words and names of many languages, each alone in an otherwise ASCII file.
WORDS = [
    # French
    "José",
    "François",
    "Hélène",
    "Chloé",
    "Noël",
    "Anaïs",
    "Côte",
    "Œuvre",
    "«été»",
    "« Élysée »",
    "Crème brûlée",
    "Façade",
    # German
    "Müller",
    "Größe",
    "Straße",
    "Grüße",
    "Mädchen",
    "Füße",
    "Übermaß",
    "Zürich",
    # Spanish, Portuguese
    "Peña",
    "Señor",
    "Núñez",
    "¿Qué?",
    "João",
    "Conceição",
    "Camões",
    "Gonçalves",
    # Polish
    "Łukasz",
    "Wałęsa",
    "Różewicz",
    "Różycki",
    "różne",
    "podróż",
    "Jóźwiak",
    "Góźdź",
    "Dróżdż",
    "Świątek",
    "Łódź",
    "Woźniak",
    # Czech, Slovak
    "Dvořák",
    "Jiří",
    "žít",
    "používá",
    "Žížala",
    "Božíková",
    "Pražák",
    "Košík",
    "Růžička",
    "Ľubomír",
    "Kážu",
    # Turkish
    "Erdoğan",
    "Kılıç",
    "açıklama",
    "açık",
    "Açıkgöz",
    "çıktı",
    "Sıçan",
    "Kaçık",
    "Güçlü",
    "İmamoğlu",
    "Şahin",
    # Hungarian
    "Szőke",
    "Szűcs",
    "Fűzfő",
    "Orbán",
    "Győr",
    "Hódmezővásárhely",
    # Vietnamese
    "Nguyễn",
    "Trương",
    "người",
    "Đặng",
    "ươ",
    # Greek, Russian
    "Γιώργος",
    "Ωμέγα",
    "Иванов",
    "где",
    "Путин",
    # Nordic
    "Bjørn",
    "Håkon",
    "Guðmundsson",
    "Þór",
    "Ærø",
    # Signs: euro, copyright, degree, times, typographic quotes, non-breaking space
    "€5",
    "©2024",
    "30°C",
    "5×3",
    "“quoted”",
    "5\u00a0%",
    "m²·s",
    "²·",
    "±½",
    # Chinese names in UTF-8 whose bytes pair up as GB2312 in GBK
    "马丽",
    "马强",
    "赵平",
    "谢红",
    "许波",
    "彭浩",
    "任丽",
    "赵欣",
]


@pytest.mark.parametrize("word", WORDS)
def test_a_word_alone_in_an_ascii_file_is_read_as_utf8(word: str) -> None:
    assert gbk_read_as_utf8([_one_word_file(word)]) is None


# Every letter with a diacritic of Latin-1 Supplement and Latin Extended-A.
LETTERS = [
    chr(code)
    for code in range(0xC0, 0x180)
    if unicodedata.category(chr(code)).startswith("L")
    and len(unicodedata.normalize("NFD", chr(code))) > 1
]


@pytest.mark.parametrize("letter", LETTERS)
def test_one_latin_letter_with_a_diacritic_alone_is_read_as_utf8(letter: str) -> None:
    assert gbk_read_as_utf8([_one_word_file(f"Na{letter}e")]) is None


def test_no_two_latin_letters_side_by_side_are_taken_for_gbk() -> None:
    # As Polish ó+ż, Turkish ç+ı or Czech ž+í stand in a word: 36,100 pairs.
    letters = [chr(c) for c in range(0xC0, 0x180) if unicodedata.category(chr(c)).startswith("L")]
    refused = [
        a + b
        for a in letters
        for b in letters
        if gbk_read_as_utf8([_one_word_file(f"Na{a}{b}e")]) is not None
    ]
    assert refused == []


# Review rrsheet: real words from glibc's locale files (/usr/share/i18n/locales: month and day
# names, digits) and transliteration, each alone in an otherwise ASCII file, were refused as
# GBK: a digit or a sign of a script beyond Latin counted as a sign "no text writes", and so
# did the transliteration's ʿ ʾ ʹ ʺ (ALA-LC, DIN 31635, ISO 9) and ÷ beside a number.
WORDS_BEYOND_LATIN = [
    "۱۳۹۸",  # a year in Persian digits (fa_IR), every one of them GB2312 in GBK
    "۲۰",
    "١٢",  # Arabic-Indic digits
    "تش١",  # Arabic month abbreviation with its digit (ar_SY)
    "٢٪",  # Arabic percent sign
    "୧୨",  # Oriya digits (or_IN)
    "दिस॰",  # Devanagari abbreviation sign (hi_IN's Dec.)
    "ש״ס",  # Hebrew gershayim in an abbreviation (the party Shas)
    "Saʿīd",  # ALA-LC ayn
    "Masʿūd",
    "Mašʿal",  # DIN 31635
    "ʿĪd",
    "ʾī",
    "Ilʹâ",  # ISO 9 for Илья
    "Tatʹâna",
    "x²÷2",
    "½÷¼",
]


@pytest.mark.parametrize("word", WORDS_BEYOND_LATIN)
def test_digits_and_signs_of_other_scripts_and_transliteration_are_read(word: str) -> None:
    assert gbk_read_as_utf8([_one_word_file(word)]) is None


# Signs researchers type, as the review's brief lists them (°C ± µ ² € ... ×÷ ¼½¾ №).
SIGNS = (
    "°C ± µ ² € £ ¥ © ® ™ § ¶ • … – — “ ” ‘ ’ « » ‹ › ¿ ¡ · × ÷ ¼ ½ ¾ № ³ ¹ º ª ¢ ‰ ′ ″"
    " \u00a0 \u00ad"
)


def test_no_two_signs_side_by_side_are_taken_for_gbk() -> None:
    signs = SIGNS.split(" ")
    refused = [
        a + b
        for a in signs
        for b in signs
        if gbk_read_as_utf8([_one_word_file(f"5{a}{b}5")]) is not None
    ]
    assert refused == []


# Review rrsheet: CLDR's names of languages and countries (babel's locale data, 145,000 words
# of 1,147 locales) hold living languages' letters of Latin Extended-B and IPA that GBK's
# Chinese shows too, and were refused as letters no text writes: Yoruba Póláǹdì (Poland),
# Lakota Itóǧata, Laz İǩinaçxa, Nuer ɣändini, Langi Kɨɨngeréesa, Anii gɩcɩɩca.
WORDS_OF_LIVING_ORTHOGRAPHIES = [
    "Póláǹdì",
    "Máǹkì",
    "Itóǧata",
    "İǩinaçxa",
    "ɣändini",
    "Kɨúrdu",
    "Kɨɨngeréesa",
    "gɩcɩɩca",
    "Fɩrjɩɩn",
]


@pytest.mark.parametrize("word", WORDS_OF_LIVING_ORTHOGRAPHIES)
def test_words_of_african_and_american_orthographies_are_read(word: str) -> None:
    assert gbk_read_as_utf8([_one_word_file(word)]) is None


# The letters beyond Latin Extended-A that CLDR's data writes for a living language and GBK's
# Chinese may show (Vietnamese, Anii, Berber and Lakota, Laz and Sami, Yoruba and Basaa,
# Ewe and Nuer, Maasai, Bambara, Kaingang), beside a letter with a tone mark.
LIVING_LETTERS = "ƠơƯưƱǦǧǩǸǹɣɨɩɲʰʷ"


@pytest.mark.parametrize("letter", LIVING_LETTERS)
def test_a_living_orthographys_letter_beside_an_accented_one_is_read(letter: str) -> None:
    for word in (f"á{letter}", f"{letter}á", f"{letter}{letter}"):
        assert gbk_read_as_utf8([_one_word_file(word)]) is None, word
