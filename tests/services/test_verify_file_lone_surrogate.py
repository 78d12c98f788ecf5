"""trial185: an exported line whose JSON escapes a lone surrogate (`"actor":"\\ud800"`, which
no text holds: the file itself is valid UTF-8) made `audit verify --file` say `error: the input
is not valid UTF-8 text (check the terminal's or the file's encoding)`, with no line: the
outsider checked the file's encoding, which was fine. It is a broken line now, named, and the
report says what is wrong with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.services.test_verify_file_workflow_rules import signed_off_desk, write
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def _escaped_surrogate(wb: Workbench) -> list[str]:
    signed_off_desk(wb)
    lines = export_text(wb, "jsonl").splitlines()
    assert '"actor":"tester"' in lines[1]
    lines[1] = lines[1].replace('"actor":"tester"', '"actor":"\\ud800"', 1)
    return lines


def test_a_lone_surrogate_is_a_broken_line(wb: Workbench, tmp_path: Path) -> None:
    report = verify_file(write(tmp_path, _escaped_surrogate(wb)))
    assert report.broken is not None and not report.ok
    (problem,) = report.broken.problems
    assert problem.startswith("line 2: ")
    assert "surrogate" in problem


def test_audit_verify_names_the_line_not_the_encoding(
    cli: Callable[..., Result], wb: Workbench, tmp_path: Path
) -> None:
    r = cli("audit", "verify", "--file", write(tmp_path, _escaped_surrogate(wb)))
    assert r.code == 1, r.out + r.err
    assert "line 2: " in r.out + r.err
    assert "not valid UTF-8" not in r.out + r.err
