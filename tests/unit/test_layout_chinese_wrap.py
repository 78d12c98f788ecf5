"""Wrapping Chinese text in a narrow table: full-width figures and curly quotes.

`workbench.cli.layout._tokens` makes every wide character a token of its own, so a figure
typed in full-width digits (２００, ２０２４, as Chinese news often prints them) is broken
across lines like any run of Han characters, while the same figure in ASCII digits stays
whole; and the curly quotes “ ” (East Asian width "ambiguous", so not wide) are missing from
the line-edge rules, so “ may end a line and ” start one.
"""

from __future__ import annotations

from workbench.cli.layout import wrap


def test_a_full_width_figure_is_not_broken_across_lines() -> None:
    """`stats` at 80 columns showed claim 9 as "员工人数约为２" over "００人": the figure
    the claim is about read as ２ and ００ (the ASCII 200 stayed whole)."""
    text = "目前，月之暗面的员工人数约为２００人，其中超过八成是研发人员。"
    assert wrap(text.replace("２００", "200"), 30)[1].startswith("200人")
    lines = wrap(text, 30)
    assert not any(line.endswith("２") for line in lines), lines
    assert any("２００" in line for line in lines), lines


def test_a_full_width_year_is_not_broken_across_lines() -> None:
    """ "在２０２" over "４年第一季度": the year was cut in two."""
    lines = wrap("在流量投放方面，Kimi仅在２０２４年第一季度", 30)
    assert any("２０２４" in line for line in lines), lines


def test_curly_quotes_keep_to_the_words_they_quote() -> None:
    """An opening “ was left at the end of a line ("杨植麟表示：“"), and a closing ” began
    one alone, as the rule already keeps 「 and 」."""
    text = "杨植麟表示：“我们相信长文本是通往通用人工智能的必经之路。”"
    for width in (10, 13, 14):
        lines = wrap(text, width)
        assert not any(line.endswith("“") for line in lines), (width, lines)
        assert not any(line.startswith("”") for line in lines), (width, lines)


def test_a_full_width_decimal_and_date_stay_whole() -> None:
    """A figure typed in full width holds its own punctuation: "１．５亿" was open to a break
    after "１．" and "２０２４－０３－０１" after every digit, as "1.5" and "2024-03-01" are
    not."""
    for figure in ("１．５", "２０２４－０３－０１", "１.５"):
        for width in range(len(figure) * 2, 24):
            lines = wrap(f"在流量投放方面投入了{figure}亿元", width)
            assert any(figure in line for line in lines), (figure, width, lines)


def test_a_quoted_chinese_character_keeps_its_quotes() -> None:
    """`extract`'s reasons column split `chars "月" +0.65` as `chars "` over `月" +0.65`: a
    straight quote touching a Chinese character was a break of its own."""
    for width in range(5, 16):
        lines = wrap('chars "月" +0.65, chars "A" +0.61', width)
        assert not any(line.endswith('"') and line.count('"') == 1 for line in lines), lines
        assert '"月"' in lines or any('"月"' in line for line in lines), (width, lines)


def test_an_ascii_comma_after_a_chinese_character_does_not_start_a_line() -> None:
    """ "到了10月" over ",随着M2模型": the rule kept `，` off a line's start but not `,`."""
    for width in range(6, 30):
        lines = wrap("3. 定义交互的新标准:到了10月,随着M2模型的发布,MiniMax首次将", width)
        assert not any(line.startswith((",", ":")) for line in lines), (width, lines)
