"""Chinese numerals written another way, in the forms the readers of figures know.

Every reader of figures, units and classifiers (`figures`, `quantities`, `measures`) knows the
simplified forms only: 亿 万 两 点 个, and 一 to 九 with 十 百 千. A report from Taiwan or Hong
Kong writes 25億美元 for 25亿美元 (trial58: 25億 was read as the bare figure 25, and the same
claim scored as one giving another figure, halved), and a contract or a cheque writes its sum in
the capital numerals (人民币壹佰伍拾万元: 1.5 million yuan) that cannot be altered by a stroke.

- The traditional forms of the numerals (億 萬 兩 點), of the classifier of 六個月, and of the
  characters the figure readers read a figure's hedge, bound or "-odd" by (約為 近 將近: about;
  超過 高於 未達到 沒有超過: above or below; 千餘萬: 10 million odd) are each always that one
  character in simplified Chinese, wherever they stand (as OpenCC's t2s writes them), so they
  are written so everywhere. The rest of a traditional text is left as written: no character
  table is loaded to compare two claims.
- The capital numerals are also ordinary characters (陆 is land: 大陆; 拾 picks up: 收拾; 伍 is
  a surname), so only a run of them that is a number is written in ordinary numerals: a run
  of numerals with a capital digit (壹 to 玖) and a capital unit (拾 佰 仟) in it, of three
  numerals or more, or of two before the unit of a sum (陆拾元).
"""

from __future__ import annotations

import re

_TRADITIONAL = "億萬兩點個約為將過沒達於餘"
_SIMPLE = str.maketrans(_TRADITIONAL, "亿万两点个约为将过没达于余")
_TRADITIONAL_FORM = re.compile(f"[{_TRADITIONAL}]")

_CAPITAL_DIGITS = "壹贰貳弍叁參叄肆伍陆陸柒捌玖"
_CAPITAL_UNITS = "拾佰仟"
_CAPITALS = str.maketrans(
    _CAPITAL_DIGITS + _CAPITAL_UNITS, "一二二二三三三四五六六七八九" + "十百千"
)
_CAPITAL = re.compile(f"[{_CAPITAL_DIGITS}{_CAPITAL_UNITS}]")
# (a run of numerals, capital or not: 壹佰伍拾万, 叁仟零伍拾; its 万 and 亿 are the plain ones)
_RUN = re.compile(f"[{_CAPITAL_DIGITS}{_CAPITAL_UNITS}零〇一二两三四五六七八九十百千万亿]{{2,}}")
_HAS_DIGIT = re.compile(f"[{_CAPITAL_DIGITS}]")
_HAS_UNIT = re.compile(f"[{_CAPITAL_UNITS}]")


# What a sum in capital numerals is of: its currency's unit, or the 整 a cheque ends it with.
_SUM_ENDS = frozenset("元圆角分整")


def _capital(m: re.Match[str]) -> str:
    """A run of two numerals is a number only before a sum's end (陆拾元): two words can meet
    in one (大陆 + 拾荒 held 陆拾, review62; the singer 伍佰). Three or more are."""
    run = m.group()
    if not (_HAS_DIGIT.search(run) and _HAS_UNIT.search(run)):
        return run
    after = m.string[m.end() : m.end() + 1]
    if len(run) < 3 and after not in _SUM_ENDS:
        return run
    return run.translate(_CAPITALS)


def plain_numerals(text: str) -> str:
    """`text` with its traditional and capital numerals in plain simplified ones (see above)."""
    if _TRADITIONAL_FORM.search(text):
        text = text.translate(_SIMPLE)
    if _CAPITAL.search(text):
        text = _RUN.sub(_capital, text)
    return text
