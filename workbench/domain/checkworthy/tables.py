"""Table rows that are no claim: a header row, and a row of bare figures.

A table pasted as text (a results announcement, a report's appendix) arrives a row a line, its
cells split by spaces, tabs or bars. Read as prose, a header row (项目 2023年 2022年 同比变动)
scores for its years, and a row of figures alone (12.5 13.2 -5.3%) for its numbers; but
neither says what was measured: the header names the columns, and figures without their row's
name are no statement. A row that names what it measures (营业收入 1,234.56 1,000.00 23.46%)
is a figure a desk can check against its source, and is left to the model.

A header row is three cells or more, each a column name (Chinese words with no digit:
项目, 同比变动, 增减变动幅度（%）) or a period (2023年, 2024年1-6月, 本报告期, 第一季度), with a
period among them or a word that heads a table's first column (项目, 指标, 科目...): a line of
three Chinese words alone (星河电池 全球第一 储能电池企业) is no header. A row of bare figures is
two cells or more, each a figure (1,234.56, -5.3%, ¥1.2亿), a period or an empty mark (—, -,
N/A), one at least a figure. English words are no column name here: a line of English words
and numbers is prose as often as a row.

Each cell is short (`CELL_MAX`) and a row is one line of at most `ROW_MAX` characters, so
reading one costs time bounded by that, and every line of a text, time linear in it
(`nonclaims` asks it of each line that is one sentence).
"""

from __future__ import annotations

import re

from workbench.domain.cjk import BASIC_HAN

ROW_MAX = 200  # characters of a line read as a row: longer is prose
CELL_MAX = 16  # characters of a cell: 本年末比上年末增减（%） is 12

_BARS = str.maketrans("|｜", "  ")

_MONTH = "(?:1[0-2]|0?[1-9])"
_QUARTER = "(?:第?[一二三四1-4]季度|[上下]半年|前三季度|全年)"
# A period: a year and what narrows it (2023年, 2023年末, 2024年1-6月, 2023Q3, 2023-12-31),
# or a period named by its place in a report (本报告期, 上年同期, 期末, 第一季度).
_PERIOD = re.compile(
    rf"(?:19|20)[0-9]{{2}}(?:年度?末?|年?{_MONTH}(?:[-—~～至]{_MONTH})?月(?:末|底)?"
    rf"|年?{_QUARTER}末?|年[初末底]|[-/.]{_MONTH}(?:[-/.][0-9]{{1,2}})?|[AEH][12]?|Q[1-4])?"
    rf"|{_QUARTER}末?|(?:本|上)?报告期[初末]?|(?:上年|去年)同期末?|(?:本|上)(?:期|年度?)[初末]?"
    r"|期[初末]|年[初末]"
)
# A figure alone: a number with its sign, currency, thousands and unit; a loss in brackets.
_FIGURE = re.compile(
    r"[（(]?[-+−±]?[¥$￥€£]?[0-9][0-9,]*(?:\.[0-9]+)?"
    r"(?:%|％|‰|倍|pp|个百分点|万|亿|元|万元|亿元|美元)?[)）]?"
)
_EMPTY = frozenset(("-", "--", "—", "——", "/", "N/A", "NA", "n/a", "不适用", "无", "*"))
# A column name: Chinese words, a unit in brackets; no digit, and nothing that ends a clause.
_NAME = re.compile(rf"(?=[^{BASIC_HAN}]*[{BASIC_HAN}])[^0-9０-９，。,；;！？!?：:、“”\"]+")
# What heads a table's first column (a header row of names alone starts with one of these).
_FIRST_COLUMN_WORDS = (
    "项目 指标 科目 名称 类别 类型 序号 年份 年度 时间 日期 地区 省份 城市 产品 业务 分类"
    " 主要指标 主要会计数据 主要财务指标 财务指标 会计数据 股东名称 公司名称"
)
_FIRST_COLUMN = frozenset(_FIRST_COLUMN_WORDS.split())


def table_row(line: str) -> bool:
    """Whether `line` (one line, any spaces around it) is a table's header row or a row of bare
    figures (see the module's docstring)."""
    if len(line) > ROW_MAX:
        return False
    cells = line.translate(_BARS).split()
    if len(cells) < 2 or any(len(cell) > CELL_MAX for cell in cells):
        return False
    return _header(cells) or _figures(cells)


def _header(cells: list[str]) -> bool:
    if len(cells) < 3:
        return False
    dated = False
    for cell in cells:
        if _PERIOD.fullmatch(cell) is not None:
            dated = True
        elif _NAME.fullmatch(cell) is None:
            return False
    return dated or cells[0] in _FIRST_COLUMN


def _figures(cells: list[str]) -> bool:
    figures = 0
    for cell in cells:
        if _PERIOD.fullmatch(cell) is not None or cell in _EMPTY:
            continue
        if _FIGURE.fullmatch(cell) is None:
            return False
        figures += 1
    return figures > 0
