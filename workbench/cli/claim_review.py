"""`workbench claim approve|reject`: the second reviewer's side of the two-person rule."""

from __future__ import annotations

import click

from workbench.cli.claim_words import say_quote_gone, say_stale_figures
from workbench.cli.common import text_or_stdin, usage_unless_none, workbench_from
from workbench.cli.once import Command
from workbench.cli.options import ID, claim_id_argument, if_version_option, json_context
from workbench.cli.render import emit_json, json_or_line


@click.command("approve", cls=Command)
@click.argument("claim_ids", metavar="ID...", type=ID, nargs=-1, required=True)
@click.option("--note", help="Why the verdict stands (optional); - reads stdin.")
@if_version_option
@json_context
def approve(
    ctx: click.Context,
    claim_ids: tuple[int, ...],
    note: str | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Apply proposed verdicts; refused for their proposer, and over items added since.

    Evidence, or a note by anyone but the approver, added after the verdict was proposed was
    not weighed by the proposal: reject it, so that the verdict is proposed again on the full
    record. Several IDs are approved together or, when one is refused (the error names it),
    not at all; --json then prints an array (one ID: its object).
    """
    from workbench.services.claim_updates import version_problem
    from workbench.services.review import approvals

    usage_unless_none(version_problem(claim_ids, expected_version))
    results = approvals(
        workbench_from(ctx),
        claim_ids,
        note=text_or_stdin(note, "the note"),
        expected_version=expected_version,
    )
    if as_json:
        claims = [r.claim.to_json() for r in results]
        emit_json(claims[0] if len(claims) == 1 else claims)
    for result in results:
        c = result.claim
        if not as_json:
            click.echo(f"claim #{c.id}: approved, now {c.status}")
        # The approver publishes: told as the proposer was (review51, trial52).
        say_quote_gone(c)
        say_stale_figures(result)


@click.command("reject", cls=Command)
@claim_id_argument
@click.option(
    "--note", required=True, help="Why the proposed verdict does not stand; - reads stdin."
)
@if_version_option
@json_context
def reject(
    ctx: click.Context, claim_id: int, note: str, expected_version: int | None, as_json: bool
) -> None:
    """Send a proposed verdict back to in_progress."""
    from workbench.services.review import reject as reject_claim

    c = reject_claim(
        workbench_from(ctx),
        claim_id,
        note=text_or_stdin(note, "the note") or "",
        expected_version=expected_version,
    )
    json_or_line(as_json, c, f"claim #{c.id}: rejected, back to {c.status}")
