"""The language read from a text's script, for texts that say none."""

from __future__ import annotations

import re

import pytest

from workbench.domain.language import guess_language, read_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("星衡科技2023年营收为12.5亿元，同比增长35%，CEO Lisa Wong表示将扩产。", "zh"),
        ("政府は2024年に公共支出を12%増やすと発表した。", "ja"),
        ("정부는 2024년 공공 지출을 12% 늘린다고 발표했다.", "ko"),
        ("The council said the new bridge would cost $12 million and open in 2026.", "en"),
        # an English article quoting a Chinese name stays English
        ("The founder, 闫俊杰, said the company was worth more than it had been in 2023.", "en"),
    ],
)
def test_a_script_that_settles_the_language(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a annoncé une hausse de 12 % des dépenses publiques en 2024.",
        "Die Regierung hat im Jahr 2024 die Ausgaben um 12 Prozent erhöht, sagte der Minister.",
        "El gobierno anunció un aumento del 12% en el gasto público en 2024.",
        "Правительство объявило о росте расходов на 12% в 2024 году.",
        "2024: 12%, 35%, 1.2",
        "",
        "Acme GmbH Q3",  # too few words to tell
    ],
)
def test_no_language_where_the_script_does_not_settle_it(text: str) -> None:
    # A wrong tag published (ClaimReview's inLanguage) is worse than none.
    assert guess_language(text) is None


# A trial's Markdown file: a Chinese headline and byline over an English paragraph and a
# Chinese one, 51 Han characters against 28 English words. Counted by letters it was 74%
# Latin, so stored `en` and published as inLanguage en.
TRIAL = (
    "港口扩建计划获市议会批准\n\n记者 王晓明\n\n"
    "The city council approved the harbour expansion on Tuesday by a vote of nine to two, and "
    "the mayor said the project would create four hundred new jobs.\n\n"
    "市长表示，该项目将在明年三月开工，预计两年内完工，总投资约为一亿两千万欧元。\n"
)


def test_the_trials_proportions_guess_no_language_and_name_both() -> None:
    han = sum("\u4e00" <= c <= "\u9fff" for c in TRIAL)
    words = len(re.findall("[A-Za-z]+", TRIAL))
    assert (han, words) == (51, 28)
    # 51 Han characters are some 34 words against 28: neither holds 60% of the text.
    guess = read_language(TRIAL)
    assert guess.language is None and guess.mixed == ("zh", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a Chinese headline over a long English article: English
        ("港口扩建计划获市议会批准\n\n" + TRIAL.split("\n\n")[2] * 4, "en"),
        # an English headline over a Chinese article: Chinese
        ("Harbour expansion approved\n\n" + TRIAL.split("\n\n")[3] * 3, "zh"),
        # the trial's text with its English paragraph gone: Chinese
        (TRIAL.replace(TRIAL.split("\n\n")[2], ""), "zh"),
    ],
)
def test_a_clear_majority_of_words_settles_it(text: str, language: str) -> None:
    assert read_language(text).language == language and read_language(text).mixed == ()


def test_a_language_the_text_does_not_settle_is_not_named_as_sharing_it() -> None:
    # French beside Chinese: only Chinese is a language read here, and it holds no majority.
    text = (
        "Le conseil municipal a approuvé l'extension du port mardi par neuf voix contre deux.\n"
        "市长表示，该项目将在明年三月开工。"
    )
    assert read_language(text).language is None and read_language(text).mixed == ()


def test_a_fields_script_says_its_language_by_a_majority_of_its_letters() -> None:
    """What the report marks a claim's text, note, title or quote with (fix174): digits and
    punctuation do not count; a mix, or a script not told apart, says none."""
    from workbench.domain.language import differs, script_language

    assert script_language("We will make America great again.") == "en"
    assert script_language("2024年全市GDP增长5.0%") == "zh"  # five Han letters, one Latin word
    assert script_language("東京都のテキスト") == "ja"
    assert script_language("한국어 텍스트") == "ko"
    assert script_language("مرحبا بالعالم") == "ar"
    assert script_language("שלום עולם") == "he"
    assert script_language("GDP 年报") is None  # a word and two characters (review177)
    assert script_language("2024：5.0%！") is None
    assert script_language("Привет мир") is None
    assert differs("en", "zh-Hans") and differs("zh", "en") and differs("en", "ru")
    assert not differs("zh", "ja") and not differs("en", "fr") and not differs("zh", "xx")
