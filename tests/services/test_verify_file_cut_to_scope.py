"""trial185: an export cut to its scope line (every event line removed) was reported as `the
events run seq None..None, the scope line says 1..5`: Python's None, in a report for an
outsider. The report says the file holds no event, and the seqs the scope line promised."""

from __future__ import annotations

from pathlib import Path

from tests.services.test_verify_file_workflow_rules import signed_off_desk, write
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def test_an_export_cut_to_its_scope_line_names_no_none(wb: Workbench, tmp_path: Path) -> None:
    signed_off_desk(wb)
    lines = export_text(wb, "jsonl").splitlines()
    report = verify_file(write(tmp_path, lines[:1]))
    assert report.broken is not None and not report.ok
    said = " ".join(report.broken.problems)
    assert "None" not in said, said
    assert f"the scope line says seq 1..{len(lines) - 1}" in said, said
