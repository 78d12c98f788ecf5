"""Where a sentence stands in a transcript: the context features, as training and `extract`
read them, and what they do to the candidates of a transcript (and not to prose)."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import pytest

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy import find_candidates
from workbench.domain.checkworthy.candidates import sentence_context
from workbench.domain.segment import split_sentences
from workbench.domain.transcript import read_transcript
from workbench.domain.turn_context import (
    CONTEXT_FEATURES,
    LABELS,
    ends_in_question,
    is_stage_direction,
    line_context,
)

DEBATE = """\
HOLT: Good evening from Hofstra University. How many jobs were lost in Ohio?
TRUMP: We lost 70,000 factory jobs in Ohio in 2015. That is a disgrace.
CLINTON: Wrong.
HOLT: Secretary Clinton, what would you do about it?
CLINTON: Unemployment in Ohio fell to 4.9 percent in 2016. I have a plan.
(APPLAUSE)
CLINTON: We will build on it.
"""


def test_line_context() -> None:
    lines = [
        ("HOLT", "Good evening."),
        ("HOLT", "How many jobs were lost?"),
        ("TRUMP", "We lost 70,000 jobs."),
        ("TRUMP", "It is a disgrace."),
        ("SYSTEM", "(APPLAUSE) (CHEERING)"),
        ("TRUMP", "A disgrace."),
        ("CLINTON", "Wrong."),
    ]
    assert line_context(lines) == [
        ("turn_start", "asker", "opening"),
        ("figure_nearby", "asker"),  # one question in two lines: an asker
        ("turn_start", "after_question"),
        ("figure_nearby",),
        (),  # a stage direction is no line: it neither cuts the turn nor is a neighbour
        (),
        ("turn_start", "one_line_turn"),
    ]
    # One line in twenty is the opening, one the closing.
    many = line_context([(f"S{i % 2}", "Yes.") for i in range(40)])
    assert [i for i, f in enumerate(many) if "opening" in f] == [0, 1]
    assert [i for i, f in enumerate(many) if "closing" in f] == [38, 39]
    assert line_context([]) == []


def test_questions_and_stage_directions() -> None:
    assert ends_in_question("Why?") and ends_in_question('He asked, "why?" ')
    assert ends_in_question("成立于哪一年？") and ends_in_question("(really?)")
    assert not ends_in_question("Why? Because.") and not ends_in_question("")
    assert is_stage_direction("(APPLAUSE)") and is_stage_direction(" [CROSSTALK] (LAUGHTER) ")
    assert is_stage_direction("（笑声）")
    assert not is_stage_direction("(APPLAUSE) Thank you.") and not is_stage_direction("")


def test_the_weights_file_has_the_context_section() -> None:
    raw = json.loads(
        resources.files("workbench.domain").joinpath(checkworthy_model.WEIGHTS_FILE).read_text()
    )
    assert set(raw["context"]["weights"]) == set(CONTEXT_FEATURES) == set(LABELS)
    assert checkworthy_model.load().context == raw["context"]["weights"]


def test_extract_reads_lines_as_training_does() -> None:
    # Training reads CheckThat! rows, one sentence each with its speaker; `extract` reads the
    # sentences of each turn of a transcript. Written as a transcript, the rows get the same
    # features (a stage direction inside a turn included).
    rows = [
        ("HOLT", "Good evening from Hofstra University."),
        ("HOLT", "How many jobs were lost in Ohio?"),
        ("TRUMP", "We lost 70,000 factory jobs in Ohio in 2015."),
        ("TRUMP", "That is a disgrace."),
        ("CLINTON", "Wrong."),
        ("HOLT", "Secretary Clinton, what would you do about it?"),
        ("CLINTON", "Unemployment in Ohio fell to 4.9 percent in 2016."),
        ("CLINTON", "I have a plan."),
        ("SYSTEM", "(APPLAUSE)"),
        ("CLINTON", "We will build on it."),
    ]
    transcript = read_transcript(DEBATE)
    assert transcript is not None
    masked = transcript.masked
    sentences = split_sentences(masked)
    assert [masked[s.start : s.end] for s in sentences] == [text for _, text in rows]
    weights = checkworthy_model.load().context
    expected = [tuple((f, weights[f]) for f in names) for names in line_context(rows)]
    assert sentence_context(masked, sentences, transcript) == expected


def test_text_outside_the_turns_has_no_context() -> None:
    text = "Transcript, 2016.\n\n" + DEBATE + "Note: edited for length in 2017.\n"
    transcript = read_transcript(text)
    assert transcript is not None
    found = find_candidates(text, 0.0, transcript=transcript)
    outside = [c for c in found if c.speaker is None]
    assert [c.text for c in outside] == ["Transcript, 2016.", "Note: edited for length in 2017."]
    assert not any(r.startswith("context ") for c in outside for r in c.reasons)
    assert any(r.startswith("context ") for c in found if c.speaker for r in c.reasons)


def _with_context(monkeypatch: pytest.MonkeyPatch, weights: dict[str, float]) -> None:
    model = dataclasses.replace(checkworthy_model.load(), context=weights)
    monkeypatch.setattr(checkworthy_model, "load", lambda: model)


def test_context_moves_the_scores_of_a_transcript_only(monkeypatch: pytest.MonkeyPatch) -> None:
    transcript = read_transcript(DEBATE)
    assert transcript is not None
    prose = find_candidates(DEBATE, 0.0)
    shipped = find_candidates(DEBATE, 0.0, transcript=transcript)
    # Without context weights, a transcript's sentences score as the same text read as prose
    # with the speakers' names left out (the masked text).
    _with_context(monkeypatch, {})
    assert find_candidates(DEBATE, 0.0) == prose
    bare = find_candidates(DEBATE, 0.0, transcript=transcript)
    # (a line that is one bracketed note, `(APPLAUSE)`, is never offered from a transcript)
    masked = [c for c in find_candidates(transcript.masked, 0.0) if c.text != "(APPLAUSE)"]
    assert [(c.start, c.end, c.score, c.reasons) for c in bare] == [
        (c.start, c.end, c.score, c.reasons) for c in masked
    ]
    assert [c.score for c in shipped] != [c.score for c in bare]
    # Each weight moves the sentences it fires on, and says so in their reasons.
    _with_context(monkeypatch, {"after_question": 5.0, "asker": -5.0})
    moved = find_candidates(DEBATE, 0.0, transcript=transcript)
    assert find_candidates(DEBATE, 0.0) == prose
    for before, after in zip(bare, moved, strict=True):
        assert (before.start, before.end) == (after.start, after.end)
        if after.speaker == "HOLT":
            assert after.score < before.score
            assert 'context "speaker who asks questions" -5.00' in after.reasons
        elif after.text.startswith(("We lost", "Unemployment")):
            assert after.score > before.score
            assert 'context "after a question" +5.00' in after.reasons
        else:
            assert after.score == before.score
            assert not any(r.startswith("context ") for r in after.reasons)


def test_reasons_list_the_context_after_the_length() -> None:
    transcript = read_transcript(DEBATE)
    assert transcript is not None
    weights = checkworthy_model.load().context
    (lost,) = [c for c in find_candidates(DEBATE, 0.0, transcript=transcript) if "70,000" in c.text]
    context = [r for r in lost.reasons if r.startswith("context ")]
    assert context == [
        f'context "{LABELS[f]}" {weights[f]:+.2f}' for f in ("turn_start", "after_question")
    ]
    at = lost.reasons.index(context[0])
    assert lost.reasons[at - 1].startswith("length ")
    assert lost.reasons[at + len(context)].startswith("words ")


def test_the_chinese_model_reads_no_context(monkeypatch: pytest.MonkeyPatch) -> None:
    interview = (
        "主持人：MiniMax成立于哪一年？\n"
        "闫俊杰：公司在2021年底创立，员工超过300人。\n"
        "主持人：你们的模型排名如何？\n"
        "闫俊杰：我们在2024年发布了首个视频模型，下载量超过1000万次。\n"
    )
    transcript = read_transcript(interview)
    assert transcript is not None
    _with_context(monkeypatch, {f: 5.0 for f in CONTEXT_FEATURES})
    found = find_candidates(interview, 0.0, transcript=transcript)
    assert found
    masked = find_candidates(transcript.masked, 0.0)
    assert [(c.start, c.end, c.score, c.reasons) for c in found] == [
        (c.start, c.end, c.score, c.reasons) for c in masked
    ]


def test_a_line_that_is_one_bracketed_note_is_never_offered() -> None:
    """trial52: a transcript's header line `[Transcript: ...]` scored 0.86 and was accepted as
    a claim, and `[applause]` lines were listed as the last speaker's. The transcriber's words
    are no one's claim; a note inside a speaker's line leaves the line a candidate."""
    text = (
        "[Transcript: Second gubernatorial debate, Harlan County Civic Center, October 14, 2025]\n"
        "HOLT: Welcome to the debate tonight.\n"
        "SMITH: Unemployment fell to 3.5 percent in 2019.\n"
        "[applause]\n"
        "HOLT: Thank you.\n"
        "SMITH: We created 2 million jobs in 2021 (applause) and more.\n"
        "（笑）\n"
        "HOLT: Next.\n"
    )
    transcript = read_transcript(text)
    assert transcript is not None
    found = find_candidates(text, 0.0, transcript=transcript)
    assert [c.text for c in found if c.score >= 0.5] == [
        "Unemployment fell to 3.5 percent in 2019.",
        "We created 2 million jobs in 2021 (applause) and more.",
    ]
    assert not any(c.text.startswith(("[", "(", "（")) for c in found)
