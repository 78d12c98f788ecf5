"""The language read from a text's script, for texts that say none."""

from __future__ import annotations

import pytest

from workbench.domain.language import guess_language


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
