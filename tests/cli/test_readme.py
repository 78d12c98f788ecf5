"""The README keeps its promises: the two set-up commands and the status list are current."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.status import STATUS_MEANINGS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_setup_commands_are_exact() -> None:
    assert "pip install -e . && workbench demo" in README
    assert "pip install -e '.[dev]' && pytest" in README


def test_status_table_matches_the_code() -> None:
    for status, meaning in STATUS_MEANINGS.items():
        assert f"| `{status.value}` | {meaning} |" in README
