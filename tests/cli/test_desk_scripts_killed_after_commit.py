"""A cron job's `timeout` or `kill` (SIGTERM) that lands after a command committed, while it
writes its confirmation, ended it with exit 143 and no word on stderr: docs/errors.md reads 143
as "the open transaction is rolled back", so the desk's script retried, and a note was added
twice. Once seen for real: `import claims` killed under load exited 143 with its 30 claims
committed and its JSON printed.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

ARTICLE = "深圳市统计局3月2日发布数据，2025年全市地区生产总值达到3.9万亿元。\n"


def test_killed_after_the_commit_says_the_change_stands(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM while `note add` wrote its confirmation exited 143, silent, with the note
    committed: a script retrying on 143 added it a second time."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))

    import workbench.cli.note as note_cli

    def killed(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(note_cli, "json_or_line", killed)
    result = cli("note", "add", "1", "checked the bureau's release")
    assert result.code == 0, (result.code, result.err)
    assert result.err.startswith("warning: the change was made (note.added: note #1)"), result.err
    assert "stopped" in result.err, result.err
    monkeypatch.undo()
    notes = json.loads(ok(cli("note", "list", "1", "--json")).out)
    assert len(notes) == 1, notes


def test_killed_before_any_commit_is_still_143(cli: Any, tmp_path: Path) -> None:
    """(Unchanged) a kill with nothing committed stays 143, the transaction rolled back."""
    from workbench.cli.errors import _terminated

    with pytest.raises(SystemExit) as stopped:
        _terminated(signal.SIGTERM, None)
    assert stopped.value.code == 143


def test_ctrl_c_after_the_commit_does_not_say_nothing_was_committed(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while `note add` wrote its confirmation said "interrupted; nothing half-written
    was committed" and exited 130, with the note committed: it was added again."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "GDP 3.9 trillion", "--quote", "达到3.9万亿元"))

    import workbench.cli.note as note_cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(note_cli, "json_or_line", interrupted)
    result = cli("note", "add", "1", "checked the bureau's release")
    assert result.code == 0, (result.code, result.err)
    assert "nothing half-written" not in result.err, result.err
    assert result.err.startswith("warning: the change was made (note.added: note #1)"), result.err
