"""`workbench claim ...`"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.common import workbench_from
from workbench.cli.render import clip, emit_json, highlighted, json_option, message, table
from workbench.domain.status import CLAIM_TYPE_NAMES, STATUS_NAMES

if TYPE_CHECKING:
    from workbench.services.views import ClaimView

STATUS = click.Choice(STATUS_NAMES)
TYPE = click.Choice(CLAIM_TYPE_NAMES)


@click.group()
def claim() -> None:
    """Add, find, show claims and move their status."""


@claim.command("add")
@click.argument("document_id", metavar="DOC", type=int)
@click.option("--text", required=True, help="The claim, normalised: one checkable sentence.")
@click.option("--quote", help="Exact text of the document that makes the claim.")
@click.option("--occurrence", type=int, help="Which occurrence of --quote (1-based).")
@click.option("--start", type=int, help="Start offset (code points) of the span.")
@click.option("--end", type=int, help="End offset (exclusive) of the span.")
@click.option("--speaker", help="Who makes the claim (the author, or the person quoted).")
@click.option("--type", "claim_type", type=TYPE, default="fact", show_default=True)
@json_option
@click.pass_context
def add(
    ctx: click.Context,
    document_id: int,
    text: str,
    quote: str | None,
    occurrence: int | None,
    start: int | None,
    end: int | None,
    speaker: str | None,
    claim_type: str,
    as_json: bool,
) -> None:
    """Add a claim pinned to its exact span in document DOC.

    Pin it with --quote (found in the stored text; --occurrence picks one of several) or with
    --start/--end code-point offsets.
    """
    from workbench.services.claims import SpanRequest, add_claim

    c = add_claim(
        workbench_from(ctx),
        document_id,
        text,
        SpanRequest(quote=quote, occurrence=occurrence, start=start, end=end),
        speaker=speaker,
        claim_type=claim_type,
    )
    if as_json:
        emit_json(c.to_json())
    else:
        click.echo(f"added claim #{c.id} [{c.start}:{c.end}] {clip(c.quote)}")


@claim.command("show")
@click.argument("claim_id", metavar="ID", type=int)
@json_option
@click.pass_context
def show(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """Show a claim: its quote in context, status, notes and history."""
    from workbench.services.claims import show_claim

    d = show_claim(workbench_from(ctx), claim_id)
    if as_json:
        emit_json(d.to_json())
        return
    c = d.claim
    at = c.start - d.context_start
    click.echo(f"claim #{c.id}  [{c.status}]  {c.type}  version {c.version}")
    click.echo(f"  claim    {c.text}")
    if c.speaker:
        click.echo(f"  speaker  {c.speaker}")
    click.echo(f"  source   document #{c.document_id}, characters {c.start}..{c.end}")
    click.echo("  quote    " + highlighted(d.context, at, at + len(c.quote)))
    if d.notes:
        click.echo("notes")
        for n in d.notes:
            click.echo(f"  #{n.id} {n.created_at} {n.author}: {n.body}")
    click.echo("history")
    for e in d.events:
        click.echo(f"  {e.seq:>6} {e.at} {e.actor:<12} {e.action} {_change(e.payload)}")


def _change(payload: dict[str, object]) -> str:
    before, after = payload.get("before"), payload.get("after")
    if isinstance(before, dict) and isinstance(after, dict) and "status" in after:
        return f"{before.get('status')} -> {after['status']}"
    return ""


@claim.command("list")
@click.option("--status", "statuses", type=STATUS, multiple=True, help="Repeatable.")
@click.option("--doc", "document_id", type=int, metavar="DOC", help="Only claims of DOC.")
@click.option("--speaker", metavar="NAME")
@click.option("--type", "claim_type", type=TYPE)
@click.option("--limit", type=click.IntRange(min=0), help="At most N claims.")
@json_option
@click.pass_context
def list_(
    ctx: click.Context,
    statuses: tuple[str, ...],
    document_id: int | None,
    speaker: str | None,
    claim_type: str | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List claims, ordered by id (all of them unless --limit)."""
    from workbench.services.claims import ClaimFilter, list_claims

    claims = list_claims(
        workbench_from(ctx),
        ClaimFilter(
            statuses=statuses,
            document_id=document_id,
            speaker=speaker,
            claim_type=claim_type,
            limit=limit,
        ),
    )
    if as_json:
        emit_json([c.to_json() for c in claims])
        return
    print_claims(claims)


def print_claims(claims: list[ClaimView]) -> None:
    table(
        ["id", "doc", "status", "type", "speaker", "claim", "quote"],
        [
            (
                c.id,
                c.document_id,
                c.status,
                c.type,
                clip(c.speaker or "", 20),
                clip(c.text, 60),
                clip(c.quote, 30),
            )
            for c in claims
        ],
    )


@claim.command("status")
@click.argument("claim_id", metavar="ID", type=int)
@click.argument("status", metavar="STATUS", type=STATUS)
@click.option("--note", help="The reason (required for a verdict and for reopening).")
@click.option(
    "--if-version",
    "expected_version",
    type=int,
    help="Refuse if the claim is no longer at this version (someone changed it since).",
)
@json_option
@click.pass_context
def status(
    ctx: click.Context,
    claim_id: int,
    status: str,
    note: str | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Move a claim to STATUS.

    STATUS is one of: unverified, in_progress, verified, false, misleading, unverifiable,
    opinion. A verdict and a reopening need --note.
    """
    from workbench.services.claims import set_status

    result = set_status(
        workbench_from(ctx), claim_id, status, note=note, expected_version=expected_version
    )
    if not result.changed:
        message(f"claim #{claim_id} is already {status}; nothing changed")
    if as_json:
        emit_json(result.claim.to_json())
    elif result.changed:
        click.echo(f"claim #{claim_id}: {result.previous} -> {result.claim.status}")
