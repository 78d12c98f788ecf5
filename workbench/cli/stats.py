"""`workbench stats`"""

from __future__ import annotations

import click

from workbench.cli.common import workbench_from
from workbench.cli.options import board_limit_option, json_context
from workbench.cli.render import clip, json_out, table


@click.command()
@board_limit_option(
    "How many claims each list shows (oldest open, without evidence, overdue, flagged)."
)
@json_context
def stats(ctx: click.Context, limit: int, as_json: bool) -> None:
    """The desk board: counts by status, owner and type; what is old, unsupported or late,
    and verdicts flagged for re-review (their quote changed after the verdict).

    The lists show the first --limit claims of each, with how many there are in all.
    """
    from workbench.services.queries import stats as compute

    s = compute(workbench_from(ctx), limit)
    if json_out(as_json, s):
        return
    for title, counts in (
        ("by status", s.by_status),
        ("by owner", s.by_assignee),
        ("by type", s.by_type),
    ):
        table([title, "claims"], list(counts.items()))
    for label, listed in (
        ("oldest open", s.oldest_open),
        ("open, no evidence", s.open_without_evidence),
        ("overdue", s.overdue),
        ("flagged for re-review", s.flagged),
    ):
        claims = listed.claims
        table(
            ["id", "status", "owner", "due", "added", "claim"],
            [
                (c.id, c.status, c.assignee, c.due, c.created_at[:10], clip(c.text, 60))
                for c in claims
            ],
            title=f"{label} ({len(claims)} of {listed.total})",
            # --limit 0 lists none of a non-empty list: say how many there are.
            empty=f"{label}: none" if not listed.total else f"{label}: {listed.total}",
            droppable=("added", "due", "owner"),
        )
