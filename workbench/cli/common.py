"""What every command needs from the root group: the workbench to run against."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from workbench.services.context import Workbench


def workbench_from(ctx: click.Context) -> Workbench:
    from workbench.services.context import Workbench

    opts = ctx.find_root().obj or {}
    return Workbench.open(opts.get("db"), opts.get("actor"))


def text_or_stdin(value: str | None) -> str | None:
    """`-` means: read the text from standard input (long notes, reasons written elsewhere)."""
    import sys

    return sys.stdin.read() if value == "-" else value
