"""trial185: the outsider given the Markdown timeline (`audit export --format md`) ran `audit
verify --file` on it and read "BROKEN: line 1: the first line is not a scope line ... (export it
again)", as if the file had been cut; the CSV export is told apart and named (trial47), the
timeline was not. It is named too: a reading of the trail, which is not verified, and the JSONL
export is the one to verify."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.test_verify_file_workflow_rules import signed_off_desk
from workbench.domain.errors import InvalidInput
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.verify import verify_file


def test_the_markdown_timeline_is_named_not_broken(wb: Workbench, tmp_path: Path) -> None:
    signed_off_desk(wb)
    path = tmp_path / "trail.md"
    path.write_text(export_text(wb, "md"), encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        verify_file(str(path))
    said = str(refused.value)
    assert "Markdown timeline" in said
    assert "--format jsonl" in said
