"""The linear rewrites of two readings give what the code before them gave, compared on
random inputs with that code, copied here as it was (ab9a85c6^ and 63b463a7^): a Markdown
paragraph's wrapped lines joined (soft_join over the whole text so far), and the speaker a
quotation is given from the text before it (all of it then, its last LEAD characters now)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain import markdown
from workbench.domain.attribution import LEAD, quoted_speaker
from workbench.domain.markdown import _cjk, _joined, _spaced, soft_join


def _old_edge(text: str) -> str:
    return next((c for c in text[:4] if not (c.isascii() and not c.isalnum())), text[:1])


def _old_soft_join(left: str, right: str) -> str:
    a, b = _old_edge(left[::-1]), _old_edge(right)
    spaced = _spaced(a) or _spaced(b) or left[-1:] in frozenset(",.:;!?")
    glue = "" if (_cjk(a) or _cjk(b)) and not spaced else " "
    return left + glue + right


def _old_joined(lines: list[str]) -> str:
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out = _old_soft_join(out, line)
    return out


# Han, kana, Hangul, Latin, digits, the ASCII marks the rule looks past or spaces after, and
# full-width marks: short lines, empty ones too, so the edge often lies in an earlier line.
LINE = st.text("中文。，テaZé5%.,:;!?\"')(-“”한 \u3000", max_size=6)


@settings(max_examples=2_000)
@given(st.lists(LINE, max_size=12))
def test_lines_join_as_the_previous_code_joined_them(lines: list[str]) -> None:
    assert _joined(lines) == _old_joined(lines)
    if len(lines) == 2:
        assert soft_join(*lines) == _old_soft_join(*lines)


def test_the_edge_read_is_the_old_rule_s_whole_reach() -> None:
    assert markdown._EDGE == 4  # _old_edge reads 4 characters, no more


# A clause naming a speaker, ending in a colon, before a quotation on its own line, with
# text of any length before it, and a clause too long for the lead (no name is found in it).
FILLER = st.text("增长了3.2%，abc 。\n：“”", max_size=300)
SPEECH = st.tuples(
    FILLER,
    st.sampled_from(["局长王建华", "李明", "发言人张伟"]),
    st.sampled_from(["", "今天", "在新闻发布会上", "在" + "新闻" * 60 + "会上"]),
    st.sampled_from(["表示：", "说:", "表示", "表示。"]),
    st.sampled_from(["", "\n", " \n "]),
)


@settings(max_examples=1_000)
@given(SPEECH, st.sampled_from(["“增长了5%。”", "「达到1200万。」", '"It grew 5%."', "增长了5%。"]))
def test_a_quotation_s_speaker_is_found_from_the_lead_as_from_the_whole_text_before(
    parts: tuple[str, ...], sentence: str
) -> None:
    text = "".join(parts)
    start = len(text)
    whole = quoted_speaker(sentence, text[:start])  # the call before 63b463a7
    assert quoted_speaker(sentence, text[max(0, start - LEAD) : start]) == whole


def test_the_random_speeches_find_a_speaker_and_miss_one_past_the_lead() -> None:
    near = "局长王建华在新闻发布会上表示：\n"
    assert quoted_speaker("“增长了5%。”", "增长。" + near) == "王建华"
    far = "局长王建华在新闻发布会上" + "，" * LEAD + "表示：\n"
    assert quoted_speaker("“增长了5%。”", far) is None
