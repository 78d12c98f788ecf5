"""review200: `audit verify --file` on an export with a byte order mark opening a later line
(two files joined, the second saved by an editor that writes one) said that line was 'not JSON
(Unexpected UTF-8 BOM (decode using utf-8-sig))': Python's advice to a programmer, not a word
an editor can act on. The mark is named as such: only a file's first line may open with it."""

from __future__ import annotations

from pathlib import Path

from tests.services.test_verify_file_long_line import full_lines, write_bytes
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def test_a_mark_on_a_later_line_is_named(wb: Workbench, tmp_path: Path) -> None:
    lines = full_lines(wb)
    lines[3] = b"\xef\xbb\xbf" + lines[3]
    report = verify_file(write_bytes(tmp_path, lines))
    assert report.broken is not None
    (problem,) = report.broken.problems
    assert "utf-8-sig" not in problem, problem
    assert problem.startswith("line 4: opens with a byte order mark (U+FEFF)"), problem
    assert report.count == 2
