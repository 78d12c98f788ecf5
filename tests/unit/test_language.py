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


def _script_language_letter_by_letter(text: str) -> str | None:
    """What `script_language` says, read the plain way: each letter's script, words as runs of
    one alphabet's letters (itertools.groupby), CJK characters one by one."""
    import itertools

    from workbench.domain import language

    def script(ch: str) -> str | None:
        return language._script_of(ch) if ch.isalpha() else None

    scripts = [script(ch) for ch in text[: language.SCRIPT_SAMPLE]]
    cjk = {name: scripts.count(name) for name in ("han", "kana", "hangul")}
    words = {"latin": 0, "arabic": 0, "hebrew": 0, "other": 0}
    for name, _run in itertools.groupby(scripts):
        if name in words:
            words[name] += 1
    letters = sum(cjk.values())
    total = letters + 2 * sum(words.values())
    if total == 0:
        return None
    if 2 * letters > total:
        if 2 * cjk["hangul"] > letters:
            return "ko"
        kana = cjk["kana"]
        return "ja" if kana and kana >= language.KANA_SHARE * (cjk["han"] + kana) else "zh"
    for name in ("latin", "arabic", "hebrew"):
        if 4 * words[name] > total:
            return language.SCRIPT_LANGUAGE[name]
    return None


def test_a_fields_words_are_runs_of_one_alphabet_broken_by_anything_else() -> None:
    """A Chinese character, a digit, punctuation or another alphabet's letter between two
    Latin letters makes them two words (perf223 counts the runs in C rather than letter by
    letter): three Latin words against two Han characters is English, one would be none."""
    from workbench.domain.language import script_language

    assert script_language("ab中cd中ef") == "en"
    assert script_language("ab1cd1ef中中") == "en"
    assert script_language("ab.cd.ef中中") == "en"
    assert script_language("abcdef中中") is None
    # Cyrillic between Latin letters: a word of its own each time, of no language said here.
    assert script_language("abПрcdПр") is None
    assert script_language("ab cd ef Пр") == "en"
    # Only the first SCRIPT_SAMPLE characters are read.
    assert script_language("a " * 2_000 + "中" * 5_000) == "en"


def test_a_fields_script_reads_as_letter_by_letter_for_any_mix() -> None:
    """The year's report reads five million characters of notes and titles (perf223): the
    counting is done in C over a mark per letter; it says what reading each letter's script in
    turn says, for texts mixing every script, digits, marks, spaces and letters of no script
    told apart."""
    import random

    from workbench.domain.language import script_language

    pool = (
        "abcXYZéßĀǅ中文字々〆𠀀ひらカナｶ한국ㄱᄀمرحبﻼשלוםﭐПриветΩⅫ12３²,.!？_-\t\n\u0300\u202eＡｚ"
        + " " * 6
    )
    rng = random.Random(223)
    for _ in range(3_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert script_language(text) == _script_language_letter_by_letter(text), text


def test_a_fields_script_is_read_the_same_past_the_letters_it_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The marks of letters met are kept up to a bound, so that a text of every letter there
    is does not grow the table without end (perf223): a letter met after it is full is read
    just the same."""
    from workbench.domain import language

    monkeypatch.setattr(language, "_MARKS_KEPT", 3)
    monkeypatch.setattr(language, "_SCRIPT_MARKS", language._ScriptMarks())
    texts = ["ab", "中文字 abc", "Привет мир", "한국어 텍스트 ab", "東京都のテキスト", "שלום ab"]
    for text in texts:
        assert language.script_language(text) == _script_language_letter_by_letter(text)
    assert len(language._SCRIPT_MARKS) == 3
