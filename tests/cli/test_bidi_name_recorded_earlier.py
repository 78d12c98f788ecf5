"""A desk whose trail already holds a file name with a bidi control (recorded before fix282
refused one: `invoice\\u202etxt.exe` as a document's source) is history, not input: the rule
is asked where a name is recorded, never where one is read back. Its trail still verifies and
replays, a bundle of it is restored, and the name is shown escaped, never reordered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.services import documents

Run = Callable[..., Any]


def test_a_desk_holding_one_still_verifies_replays_restores_and_shows_it_escaped(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = tmp_path / "invoice\u202etxt.exe"
    named.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # recorded as given: short enough to show whole in a table
    with monkeypatch.context() as earlier:  # the workbench before the rule
        earlier.setattr(documents, "check_file_name", lambda name: None)
        assert cli("doc", "add", named.name).code == 0
    assert cli("audit", "verify").code == 0
    replay = cli("audit", "replay")
    assert (replay.code, replay.out.startswith("consistent:")) == (0, True), replay.out
    shown = cli("doc", "revisions", "1")
    assert shown.code == 0, shown.err
    assert "invoice\\u202etxt.exe" in shown.out
    assert "\u202e" not in shown.out
    bundle = tmp_path / "desk.json"
    assert cli("export", "bundle", str(bundle)).code == 0
    fresh = {"WORKBENCH_DB": f"sqlite:///{tmp_path / 'restored.db'}"}
    restored = cli("import", "bundle", str(bundle), env=fresh)
    assert restored.code == 0, restored.err
    assert cli("audit", "verify", env=fresh).code == 0
