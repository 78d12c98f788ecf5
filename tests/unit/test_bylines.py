"""Bylines and the author's name in them (workbench.domain.bylines), and Markdown's soft line
breaks and leading byline in Chinese text (workbench.domain.markdown). A new-user trial: a
page's "文/王晓明" became the author "文; 王晓明" (and ClaimReview would publish it), and a
Markdown article's byline line ran into the headline above it with a space, so it was neither
the author nor left out."""

from __future__ import annotations

import pytest

from workbench.domain.bylines import author_name, credit
from workbench.domain.markdown import read_markdown, soft_join


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("文/王晓明\u30002025年3月12日 09:30", ("王晓明",)),
        ("文｜王晓明", ("王晓明",)),
        ("撰文：王晓明", ("王晓明",)),
        ("作者：王晓明 李四", ("王晓明", "李四")),
        ("记者 王晓明 报道", ("王晓明",)),
        ("本报记者王晓明报道", ("王晓明",)),
        ("新华社记者 王晓明 摄", ("王晓明",)),
        ("（记者 王晓明）", ("王晓明",)),
        ("记者 李明 | 2025年1月15日", ("李明",)),
        ("来源：南岭财经网 作者：王晓明", ("王晓明",)),
        ("文/Jane Smith", ("Jane Smith",)),
        ("By Jane Okafor | March 2, 2025", ("Jane Okafor",)),
        # fields with no author: a dateline, a source, an editor
        ("2025年3月12日 09:30", ()),
        ("2025-03-12 09:30 来源：新华社", ()),
        ("发布时间：2025-03-12 09:30", ()),
        ("编辑：李四", ()),
    ],
)
def test_a_byline_line_and_the_authors_it_names(line: str, authors: tuple[str, ...]) -> None:
    found = credit(line)
    assert found is not None and found.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "澜汐电器海外收入首超四成",
        "澜汐电器2024年营收创新高，净利润增长15% 记者 王晓明 报道",
        "本报讯（记者 张三）1月22日，市统计局发布数据",
        "2025年3月12日，澜汐电器在深圳发布2024年度财报。",
        "文化新闻",
        "图文直播",
        "记者会",
        "图：澜汐电器越南海防市新工厂的效果图",
        "By 2030, the pool will be 62 years old.",
        "By Election Day, turnout had reached 61 percent.",
        "",
    ],
)
def test_a_sentence_or_headline_is_no_byline(line: str) -> None:
    assert credit(line) is None


@pytest.mark.parametrize(
    ("given", "name"),
    [
        # trafilatura splits the byline at its slash and joins the parts with "; "
        ("文; 王晓明", "王晓明"),
        ("文/王晓明", "王晓明"),
        ("文｜王晓明", "王晓明"),
        ("撰文：王晓明", "王晓明"),
        ("作者：王晓明", "王晓明"),
        ("记者 王晓明 报道", "王晓明"),
        ("本报记者 王晓明", "王晓明"),
        ("来源：新华社", "新华社"),
        ("By Jane Smith", "Jane Smith"),
        ("Author: Jane Smith", "Jane Smith"),
        # a name alone, or several, stays as given
        ("王晓明", "王晓明"),
        ("阿卜杜拉·阿齐兹", "阿卜杜拉·阿齐兹"),
        ("Jane Smith; John Doe", "Jane Smith; John Doe"),
        ("记者会组委会", "记者会组委会"),
        # only a label is no name
        ("文", None),
        ("记者", None),
    ],
)
def test_the_author_is_the_name_not_the_byline(given: str, name: str | None) -> None:
    assert author_name(given) == name


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("一年。", "据介绍", "一年。据介绍"),
        ('一年。"', "据介绍", '一年。"据介绍'),
        ("占比约18%。", "2024年，公司", "占比约18%。2024年，公司"),
        ("增长", "15%", "增长15%"),
        ("增长约23.4%", "（含税）", "增长约23.4%（含税）"),
        ("60%.", "对此", "60%. 对此"),
        ("note #2:", "年报", "note #2: 年报"),
        ("family (父亲, 妻子,", "女儿)", "family (父亲, 妻子, 女儿)"),
        ("revenue 3.6亿", "against", "revenue 3.6亿 against"),
        ("日本の", "ニュース", "日本のニュース"),
        # a spaced script's letter keeps its space: Latin beside Chinese, Korean
        ("使用", "Python", "使用 Python"),
        ("scene:", "小时候", "scene: 小时候"),
        ("he said.", "他说", "he said. 他说"),
        ("Python", "开发", "Python 开发"),
        ("한국어", "문장", "한국어 문장"),
        ("The council", "voted", "The council voted"),
    ],
)
def test_a_soft_break_next_to_chinese_adds_no_space(left: str, right: str, joined: str) -> None:
    assert soft_join(left, right) == joined


ZH_ARTICLE = (
    "澜汐电器2024年营收创新高，净利润增长15%\n"
    "记者 王晓明 报道\n"
    "\n"
    "2025年3月12日，澜汐电器在深圳发布2024年度财报。\n"
    "财报显示，公司全年营收达到128.6亿元，同比增长15%。\n"
    '公司董事长陈立新表示："这是我们成立以来最好的一年。"\n'
    "据介绍，澜汐电器成立于2009年。\n"
)


def test_a_chinese_markdown_article_joins_its_lines_and_leaves_its_byline_out() -> None:
    md = read_markdown(ZH_ARTICLE)
    assert md.author == "王晓明"
    assert md.text == (
        "澜汐电器2024年营收创新高，净利润增长15%\n\n"
        "2025年3月12日，澜汐电器在深圳发布2024年度财报。财报显示，公司全年营收达到128.6亿元，"
        '同比增长15%。公司董事长陈立新表示："这是我们成立以来最好的一年。"据介绍，澜汐电器成立'
        "于2009年。\n"
    )
    # What the reading before stored for the same file is still recognised (Markdown.earlier).
    assert any("15% 记者 王晓明 报道\n\n" in e for e in md.earlier)
    assert any('一年。" 据介绍' in e for e in md.earlier)


@pytest.mark.parametrize(
    ("source", "text", "author"),
    [
        # a byline in a paragraph of its own, under a heading
        ("# 标题\n\n文/王晓明　2025年3月12日\n\n正文。\n", "标题\n\n正文。\n", "王晓明"),
        # the byline and a dateline between a headline line and the body, no blank line
        (
            "澜汐电器营收创新高\n记者 王晓明 报道\n2025年3月12日 09:30\n正文第一句。\n第二句。\n",
            "澜汐电器营收创新高\n\n正文第一句。第二句。\n",
            "王晓明",
        ),
        # a source's line names no author but is no text either
        ("# 标题\n\n来源：新华社\n\n正文。\n", "标题\n\n正文。\n", None),
        # an English byline under a headline line, its role on the next line
        (
            "Council votes\nBy Jane Smith\nStaff Writer\n\nBody.\n",
            "Council votes\n\nBody.\n",
            "Jane Smith",
        ),
        # a sentence before it: a credit further down is part of the text
        ("第一句。\n记者 王晓明 报道\n", "第一句。记者 王晓明 报道\n", None),
        # prose hard-wrapped before "By ...": no byline
        (
            "# T\n\nIt was designed\nBy Frank Lloyd Wright\nand built in 1937.\n",
            "T\n\nIt was designed By Frank Lloyd Wright and built in 1937.\n",
            None,
        ),
    ],
)
def test_a_leading_byline_line_is_the_author(source: str, text: str, author: str | None) -> None:
    md = read_markdown(source)
    assert (md.text, md.author) == (text, author)
