"""`workbench audit ...`"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from workbench.cli.common import workbench_from
from workbench.cli.render import message


@click.group()
def audit() -> None:
    """Export the audit trail."""


@audit.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--claim", "claim_id", type=int, metavar="ID", help="Only events about claim ID.")
@click.option("--since", metavar="DATE", help="Only events at or after DATE (UTC).")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE (atomically) instead of stdout.",
)
@click.pass_context
def export(
    ctx: click.Context, fmt: str, claim_id: int | None, since: str | None, output: str | None
) -> None:
    """Export events oldest first, streamed: timestamps are UTC ISO 8601."""
    from workbench.services.audit import EventFilter, export_csv, export_jsonl

    writer = export_jsonl if fmt == "jsonl" else export_csv
    flt = EventFilter(claim_id=claim_id, since=since)
    wb = workbench_from(ctx)
    if output is None:
        writer(wb, sys.stdout, flt)
        return
    target = Path(output)
    # Write beside the target and rename, so a failed export never leaves a truncated file.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = writer(wb, out, flt)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    message(f"wrote {count} events to {output}")
