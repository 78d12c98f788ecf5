"""A Chinese interview transcript's header and credit lines name no speaker.

Chinese interview transcripts open with their setting (采访时间：2024年3月1日, 采访地点：…,
整理：赵敏) and end with a credit (责任编辑：王丽). These were read as speakers: with enough
turns below them the document reads as a transcript, the date line was offered as a claim
said by "采访时间" (0.594) and `--accept` recorded that speaker on it; `--speakers on` gave a
press release's paragraphs to "发布地点". Now a label that names a time, a date or a place (…时间,
…日期, …地点, …地址) and the credit labels (责任编辑, 整理, 撰文, 摄影...) are labels, as 注：
and 来源： are: no speaker, and the lines after them up to the next speaker have none.
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.transcript import read_transcript, speaker_lines

INTERVIEW = """\
采访时间：2024年3月1日
采访地点：澜汐电器广州总部
整理：赵敏

记者：澜汐电器是从什么时候开始做海外市场的？
林秋实：我们是2014年开始出海的，第一站是越南。
记者：现在海外业务的规模有多大？
林秋实：去年我们海外收入是27.6亿元，占总营收的比重达到了46%。

责任编辑：王丽
"""


@pytest.mark.parametrize(
    "line",
    [
        "采访时间：2024年3月1日",
        "发布时间：2024年3月18日 10:00",
        "会议日期：2024年3月18日",
        "采访地点：澜汐电器广州总部",
        "发布地点：市政府新闻发布厅",
        "通讯地址：临江市人民路1号",
        "整理：赵敏",
        "责任编辑：王丽",
        "编辑：王丽",
        "撰文：赵敏",
        "摄影：陈立新",
        "校对：李明",
    ],
)
def test_a_header_or_credit_label_is_no_speaker(line: str) -> None:
    assert speaker_lines(line + "\n") == []


def test_the_interviews_speakers_are_its_people_only() -> None:
    transcript = read_transcript(INTERVIEW)
    assert transcript is not None
    assert {t.speaker for t in transcript.turns if t.speaker} == {"记者", "林秋实"}


def test_the_header_date_is_no_one_s_claim() -> None:
    candidates = find_candidates(INTERVIEW, min_score=0.0, transcript=read_transcript(INTERVIEW))
    by_text = {c.text: c for c in candidates}
    assert all(c.speaker != "采访时间" for c in candidates)
    assert by_text["我们是2014年开始出海的，第一站是越南。"].speaker == "林秋实"


def test_a_press_release_read_as_a_transcript_gives_its_paragraphs_to_no_label() -> None:
    text = (
        "发布时间：2024年3月18日 10:00\n"
        "发布地点：市政府新闻发布厅\n\n"
        "全年城镇新增就业12.6万人，城镇调查失业率平均为4.9%。\n\n"
        "记者：今年一季度经济运行情况如何？\n"
        "周建国：1至2月规模以上工业增加值同比增长6.9%。\n"
    )
    candidates = find_candidates(text, min_score=0.0, transcript=read_transcript(text, "on"))
    by_text = {c.text: c.speaker for c in candidates}
    assert by_text["全年城镇新增就业12.6万人，城镇调查失业率平均为4.9%。"] is None
    assert by_text["1至2月规模以上工业增加值同比增长6.9%。"] == "周建国"
