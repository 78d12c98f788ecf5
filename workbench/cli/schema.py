"""`workbench schema ...`: the formats the workbench reads, as JSON Schema."""

from __future__ import annotations

import click

from workbench.cli.once import Group
from workbench.cli.render import emit_json


@click.group(cls=Group)
def schema() -> None:
    """Print the JSON Schema of a file format the workbench imports."""


@schema.command("claims")
def claims_command() -> None:
    """The claims file `import claims` reads and `export claims --format json` writes.

    A JSON list of row objects; a CSV claims file uses the same names as its header row.
    """
    from workbench.services.exports import claims_schema

    emit_json(claims_schema())
