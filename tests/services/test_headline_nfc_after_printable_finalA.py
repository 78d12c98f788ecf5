"""finalA: rr306's recorded_headline put a title in NFC *before* leaving out the characters that
do not print, so a title whose left-out character (a bidi mark, a zero-width space, a control)
stood between a letter and its combining accent was recorded as the two, not NFC: the very
headline replay's `is_recorded_headline` calls forged, on the trail the workbench wrote."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from workbench.domain.recorded_headline import is_recorded_headline, recorded_headline
from workbench.services.context import Workbench
from workbench.services.documents import add_from
from workbench.services.replay import replay

# A letter, a character that does not print, then a combining accent: NFC cannot join the two
# across the middle one, and leaving it out leaves them side by side.
TITLES = ["Cafe\u200e\u0301 prices rose", "A\u200b\u030angstr\u00f6m", "\u1100\u200b\u1161 report"]

FILE = """# {title}

The statistics office said the city's population passed twenty million for the first time.

Analysts said this would put new pressure on transport, schools and health services.
"""


@pytest.mark.parametrize("title", TITLES)
def test_a_headline_is_recorded_as_replay_holds_it(title: str) -> None:
    recorded = recorded_headline(title)
    assert recorded is not None and unicodedata.is_normalized("NFC", recorded)
    assert is_recorded_headline(recorded)


def test_a_file_headed_so_replays_consistent(wb: Workbench, tmp_path: Path) -> None:
    """A Markdown file's heading is its headline (a page's <title> reaches the rule already
    cleaned by the extractor)."""
    page = tmp_path / "notes.md"
    page.write_text(FILE.format(title=TITLES[0]), encoding="utf-8")
    title = add_from(wb, str(page)).document.title
    assert title == "Caf\u00e9 prices rose"
    report = replay(wb)
    assert report.consistent, [d.message[:200] for d in report.differences]
