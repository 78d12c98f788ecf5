"""`workbench seed load` and `workbench demo`."""

from __future__ import annotations

import click

from workbench.cli.common import say_reading_stdin, workbench_from
from workbench.cli.once import Command, Group
from workbench.cli.options import INPUT_FILE, board_limit_option, json_context
from workbench.cli.render import clip, emit_json, json_out, message, plural, table


@click.group(cls=Group)
def seed() -> None:
    """Load a document and its curated claims."""


@seed.command("load")
@click.argument("path", required=False, metavar="[PATH]", type=INPUT_FILE)
@json_context
def load(ctx: click.Context, path: str | None, as_json: bool) -> None:
    """Load a seed claims file (YAML or JSON) and the document it names.

    The document (`document: file:`) is a file in the seed file's folder or below it: an
    absolute path, `..` or a link out of the folder is refused, so a seed someone sends cannot
    read another file of the machine into the desk. PATH `-` reads the seed from standard
    input, its document then in the current folder. Without PATH, loads the bundled seed: the
    MiniMax profile and its curated claims. Loading the same seed twice adds nothing. Into a
    document revised since the seed's text (its first revision), the claims move to the latest
    revision as `doc update` moves claims, and stderr names those whose quote it changed or
    removed.
    """
    from workbench.services.seeds import load_seed

    if path == "-":
        # Read from standard input as every `-` is; at a terminal it waited without a word.
        say_reading_stdin("the seed file")
    r = load_seed(workbench_from(ctx), path)
    for claim_id, refs in r.similar.items():
        for ref in refs:
            message(f"claim #{claim_id} is {ref.sentence()}")
    if as_json:
        emit_json(r.to_json())
        return
    verb = "added" if r.document_created else "already had"
    titled = f" ({clip(r.document.title, 40)})" if r.document.title else ""
    click.echo(
        f"{verb} document #{r.document.id}{titled}; "
        f"{plural(r.claims_added, 'claim')} added, {r.claims_present} already present"
    )
    if r.moved_to is not None:
        changed = ", ".join(f"#{c}" for c in r.changed)
        said = (
            f"; revision {r.moved_to} changed or removed the quote of {changed}" if changed else ""
        )
        message(
            f"the document was revised since the seed's text: its claims are on revision "
            f"{r.moved_to}{said} (`claim list --anchor changed`)"
        )


@click.command(cls=Command)
@board_limit_option("How many of the oldest unverified and the most overdue claims to list.")
@json_context
def demo(ctx: click.Context, limit: int, as_json: bool) -> None:
    """Load the bundled seed article into the database and print the board."""
    from workbench.db.url import safe_url
    from workbench.services.demo import demo_board

    wb = workbench_from(ctx)
    shown = demo_board(wb, limit=limit)
    r, b = shown.seed, shown.board
    if json_out(as_json, b):
        return
    titled = f": {r.document.title}" if r.document.title else ""
    click.echo(
        f"database: {safe_url(wb.url)}\ndocument #{r.document.id}{titled} "
        f"({plural(r.claims_added, 'claim')} added, {r.claims_present} already present)\n"
    )
    table(["status", "claims"], [(k, v) for k, v in b.counts.items()], title="Claims by status")
    table(
        ["id", "type", "speaker", "claim"],
        [(c.id, c.type, clip(c.speaker or "", 24), clip(c.text, 90)) for c in b.unverified.claims],
        title=f"Unverified: the oldest {len(b.unverified.claims):,} of {b.unverified.total:,}",
    )
    if b.overdue.total:
        table(
            ["id", "status", "owner", "due", "claim"],
            [
                (c.id, c.status, clip(c.assignee or "", 12), c.due, clip(c.text, 70))
                for c in b.overdue.claims
            ],
            title=f"Overdue: the {len(b.overdue.claims)} most overdue of {b.overdue.total}",
        )
    click.echo(
        "next: `workbench claim show ID`, then "
        "`workbench claim status ID in_progress` and `workbench note add ID TEXT`"
    )
