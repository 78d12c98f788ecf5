"""`workbench stats`"""

from __future__ import annotations

import click

from workbench.cli.common import workbench_from
from workbench.cli.options import json_option
from workbench.cli.render import clip, json_out, table
from workbench.domain.status import OPEN_NAMES

OPEN = OPEN_NAMES


@click.command()
@json_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """The desk board: counts by status, owner and type; what is old, unsupported or late."""
    from workbench.services.queries import stats as compute

    s = compute(workbench_from(ctx))
    if json_out(as_json, s):
        return
    for title, counts in (
        ("by status", s.by_status),
        ("by owner", s.by_assignee),
        ("by type", s.by_type),
    ):
        table([title, "claims"], list(counts.items()))
    open_total = sum(n for status, n in s.by_status.items() if status in OPEN)
    for label, of, claims in (
        ("oldest open", f" of {open_total}", s.oldest_open),
        ("open, no evidence", "", s.open_without_evidence),
        ("overdue", "", s.overdue),
    ):
        table(
            ["id", "status", "owner", "due", "added", "claim"],
            [
                (c.id, c.status, c.assignee, c.due, c.created_at[:10], clip(c.text, 60))
                for c in claims
            ],
            title=f"{label} ({len(claims)}{of})",
            empty=f"{label}: none",
            droppable=("added", "due", "owner"),
        )
