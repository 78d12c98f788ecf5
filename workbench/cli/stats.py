"""`workbench stats`"""

from __future__ import annotations

import click

from workbench.cli.common import workbench_from
from workbench.cli.render import clip, emit_json, json_option, table


@click.command()
@json_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """The desk board: counts by status, owner and type; what is old, unsupported or late."""
    from workbench.services.queries import stats as compute

    s = compute(workbench_from(ctx))
    if as_json:
        emit_json(s.to_json())
        return
    for title, counts in (
        ("by status", s.by_status),
        ("by owner", s.by_assignee),
        ("by type", s.by_type),
    ):
        table([title, "claims"], list(counts.items()))
    for title, claims in (
        ("oldest open", s.oldest_open),
        ("open, no evidence", s.open_without_evidence),
        ("overdue", s.overdue),
    ):
        table(
            ["id", "status", "owner", "due", "claim"],
            [(c.id, c.status, c.assignee, c.due, clip(c.text, 60)) for c in claims],
            title=f"{title} ({len(claims)})",
        )
