"""`workbench schema ...`: the formats the workbench reads, as JSON Schema."""

from __future__ import annotations

import click

from workbench.cli.render import emit_json


@click.group()
def schema() -> None:
    """Print the JSON Schema of a file format the workbench imports."""


@schema.command("claims")
def claims_command() -> None:
    """The claims file of `workbench import claims` (JSON; CSV uses the same column names)."""
    from workbench.services.exports import claims_schema

    emit_json(claims_schema())
