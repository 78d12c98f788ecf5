"""The CLI reference in docs/ is generated from --help and must be current."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli import cli
from workbench.cli.reference import _walk, render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `python -m workbench.cli.reference > docs/cli.md`"
    )


def test_every_command_has_help_text() -> None:
    for path, command in _walk(cli, ["workbench"]):
        assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in {"help", "version"}:
                has_type_hint = param.type is not click.STRING or param.metavar
                assert param.help or has_type_hint, f"{' '.join(path)} {param.opts} lacks help"
