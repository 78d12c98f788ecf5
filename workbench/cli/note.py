"""`workbench note ...`"""

from __future__ import annotations

import click

from workbench.cli.common import text_or_stdin, workbench_from
from workbench.cli.once import Group
from workbench.cli.options import ID, NOTE_TEXT, claim_id_argument, json_context
from workbench.cli.render import json_or_line, json_out, message, shown_name


@click.group(cls=Group)
def note() -> None:
    """Add and list notes on a claim; take one back from publication, or give it back."""


@note.command("add")
@claim_id_argument
@click.argument("body", metavar="TEXT|-", type=NOTE_TEXT)
@click.option(
    "--internal",
    is_flag=True,
    help="The desk's own: shown by `note list`, `claim show` and the audit trail, marked "
    "internal, and never published (not in the report, annotations, ClaimReview or the claims "
    "table's note).",
)
@json_context
def add(ctx: click.Context, claim_id: int, body: str, internal: bool, as_json: bool) -> None:
    """Add a note to a claim; - reads a long note from stdin.

    A note holds up to 100,000 characters; standard input, up to 400,000 bytes (UTF-8). A note
    is published with its claim (the report lists it, and an open claim's latest is the note
    its exports publish) unless it is --internal.
    """
    from workbench.services.notes import add_note

    n = add_note(
        workbench_from(ctx), claim_id, text_or_stdin(body, "the note") or "", internal=internal
    )
    kind = "internal note" if n.internal else "note"
    json_or_line(as_json, n, f"added {kind} #{n.id} to claim #{claim_id}")


@note.command("list")
@claim_id_argument
@json_context
def list_(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """List a claim's notes, oldest first; an internal one (never published) says so."""
    from workbench.services.claim_records import claim_notes

    notes = claim_notes(workbench_from(ctx), claim_id)
    if json_out(as_json, notes):
        return
    if not notes:
        # As `evidence list` says it: an empty list, not a command that did nothing.
        click.echo(f"no notes on claim #{claim_id} yet")
    for n in notes:
        # The author as stored: a desk file written by hand may hold what --as refuses (trial254).
        author = shown_name(n.author)
        click.echo(f"#{n.id}  {n.created_at}  {author}" + ("  internal" if n.internal else ""))
        click.echo("    " + n.body.replace("\n", "\n    "))


_REASON = click.option(
    "--note",
    "reason",
    metavar="TEXT",
    type=NOTE_TEXT,
    required=True,
    help="Why (- reads stdin): kept with the change as an internal note, never published.",
)


@note.command("internal")
@click.argument("note_id", metavar="NOTE_ID", type=ID)
@_REASON
@json_context
def internal(ctx: click.Context, note_id: int, reason: str, as_json: bool) -> None:
    """Take a published note back: from now on no published view shows it (not the report,
    its history included, annotations, ClaimReview or the claims table's note).

    What went out before stays wherever it was loaded. Refused for the reason a claim's
    verdict is published with: reopen the claim first. `note public` gives it back.
    """
    _visibility(ctx, note_id, reason, as_json, internal=True)


@note.command("public")
@click.argument("note_id", metavar="NOTE_ID", type=ID)
@_REASON
@json_context
def public(ctx: click.Context, note_id: int, reason: str, as_json: bool) -> None:
    """Give an internal note back to publication: the next report and exports publish it."""
    _visibility(ctx, note_id, reason, as_json, internal=False)


def _visibility(
    ctx: click.Context, note_id: int, reason: str, as_json: bool, *, internal: bool
) -> None:
    from workbench.services.notes import set_note_visibility

    wb = workbench_from(ctx)
    done = set_note_visibility(
        wb, note_id, internal=internal, reason=text_or_stdin(reason, "the reason") or ""
    )
    n = done.note
    if not done.changed:
        state = "internal" if n.internal else "published"
        message(f"note #{n.id} is already {state}; nothing changed")
        json_out(as_json, n)
        return
    now = "internal now: never published" if n.internal else "published again"
    json_or_line(as_json, n, f"note #{n.id} on claim #{n.claim_id} is {now}")
