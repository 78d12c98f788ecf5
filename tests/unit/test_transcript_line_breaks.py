"""Line breaks other than LF: claim discovery reads them as the line breaks they are.

A stored text is NFC with CR and CRLF made LF, and keeps every other character it was given:
Word's manual line break (Shift+Enter, a vertical tab when its text is copied out), NEL, and
Unicode's line and paragraph separators (U+2028, U+2029: pasted from web pages and exports).
Discovery read only LF as a line break: a debate whose lines were broken so was no transcript
to `extract`, and with `--speakers on` every candidate after the first line began with the next
speaker's name (`BIDEN: Unemployment rose...`), was listed as the first speaker's (TRUMP), and
the name itself moved the score (`words "trump" -0.30`); in prose a heading ran into the
sentence below it (`一、从零开始的工厂<U+2028>公司2023年营收...`).
"""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.transcript import read_transcript, speaker_lines

LINES = [
    "TRUMP: We created 7 million jobs in 2019.",
    "BIDEN: Unemployment rose 3.5 percent last year.",
    "TRUMP: China grew 6 percent in 2018.",
    "BIDEN: Wrong, it grew 2 percent in 2018.",
]
SPEAKERS = ["TRUMP", "BIDEN", "TRUMP", "BIDEN"]
BREAKS = ["\x0b", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("brk", BREAKS)
def test_a_debate_broken_by_another_line_break_is_a_transcript(brk: str) -> None:
    text = brk.join(LINES) + "\n"
    assert [t.speaker for t in speaker_lines(text)] == SPEAKERS
    transcript = read_transcript(text)
    assert transcript is not None
    assert len(transcript.masked) == len(text)
    found = find_candidates(text, 0.5, transcript=transcript)
    assert [c.speaker for c in found] == SPEAKERS
    for c, line in zip(found, LINES, strict=True):
        assert c.text == text[c.start : c.end] == line.split(": ", 1)[1]
        assert not any(f'"{name.lower()}"' in r for r in c.reasons for name in SPEAKERS)


@pytest.mark.parametrize("brk", BREAKS)
def test_with_speakers_on_no_candidate_holds_the_next_speakers_name(brk: str) -> None:
    text = brk.join(LINES)
    transcript = read_transcript(text, "on")
    assert transcript is not None
    found = find_candidates(text, 0.5, transcript=transcript)
    assert [c.speaker for c in found] == SPEAKERS
    assert not any(":" in c.text for c in found)


@pytest.mark.parametrize("brk", BREAKS)
def test_a_heading_does_not_run_into_the_sentence_below_it(brk: str) -> None:
    text = brk.join(["一、从零开始的工厂", "公司2023年营收达到5亿元，同比增长30%。", "记者 张三"])
    found = find_candidates(text, 0.0)
    assert [c.text for c in found] == text.split(brk)
    assert [c.score for c in found] == [
        c.score for c in find_candidates(text.replace(brk, "\n"), 0.0)
    ]
