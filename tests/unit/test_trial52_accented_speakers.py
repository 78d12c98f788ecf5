"""trial52: a speaker whose name has a non-ASCII Latin letter (RAMÍREZ, Muñoz, Nguyễn) is not
read as a speaker, so their words go to the speaker before them (the moderator)."""

from __future__ import annotations

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.transcript import read_transcript, speaker_lines

DEBATE = (
    "HOLT: Welcome to the debate tonight, everyone.\n"
    "RAMÍREZ: Unemployment fell to 3.5 percent in 2019, the lowest in fifty years.\n"
    "HOLT: Thank you for that answer.\n"
    "RAMÍREZ: Inflation hit 9.1 percent in June 2022.\n"
)


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("RAMÍREZ: Inflation hit 9.1 percent.", "RAMÍREZ"),
        ("Ramírez: Inflation hit 9.1 percent.", "Ramírez"),
        ("MUÑOZ: Inflation hit 9.1 percent.", "MUÑOZ"),
        ("José Díaz: Inflation hit 9.1 percent.", "José Díaz"),
        ("Ms. Nguyễn: Inflation hit 9.1 percent.", "Ms. Nguyễn"),
        ("ØSTERGAARD: Inflation hit 9.1 percent.", "ØSTERGAARD"),
    ],
)
def test_trial52_accented_latin_name_is_a_speaker(line: str, speaker: str) -> None:
    text = "HOLT: Welcome.\n" + line + "\nHOLT: Thanks.\n"
    assert [t.speaker for t in speaker_lines(text)] == ["HOLT", speaker, "HOLT"]


def test_trial52_accented_speakers_words_are_not_the_moderators() -> None:
    cands = [
        c
        for c in find_candidates(DEBATE, 0.3, transcript=read_transcript(DEBATE))
        if "percent" in c.text
    ]
    assert cands, "the two figures should be candidates"
    for c in cands:
        assert c.speaker == "RAMÍREZ", (c.speaker, c.text)
        assert not c.text.startswith("RAMÍREZ:"), c.text
