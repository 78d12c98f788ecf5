"""`workbench evidence ...`"""

from __future__ import annotations

from typing import Any

import click

from workbench.cli.common import check_output, json_needs_file, output_file, workbench_from
from workbench.cli.once import Group
from workbench.cli.options import (
    ACCESSED_DAY,
    CITATION_TEXT,
    EVIDENCE_FILE,
    ID,
    URL,
    TypedChoice,
    claim_id_argument,
    force_option,
    json_context,
    output_option,
)
from workbench.cli.render import clip, emit_json, json_or_line, json_or_table, message, shown_path
from workbench.domain.desk import STANCES


@click.group(cls=Group)
def evidence() -> None:
    """Attach, list and restore the evidence behind a verdict."""


@evidence.command("add")
@claim_id_argument
@click.option("--url", type=URL, metavar="URL", help="An http(s) address.")
@click.option(
    "--file", metavar="PATH", type=EVIDENCE_FILE, help="A file to archive in the database."
)
@click.option(
    "--citation", type=CITATION_TEXT, help="A reference that is neither a URL nor a file."
)
@click.option(
    "--stance",
    type=TypedChoice(STANCES),
    required=True,
    help="What the evidence does to the claim.",
)
@click.option("--title", help="Title of the source.")
@click.option("--publisher", help="Who published it.")
@click.option(
    "--accessed",
    type=ACCESSED_DAY,
    metavar="YYYY-MM-DD",
    help="When it was read (not after today, nor before 1990).",
)
@click.option("--excerpt", help="The passage that matters.")
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Archive the target of a symbolic --file (its resolved name is recorded).",
)
@json_context
def add(ctx: click.Context, claim_id: int, as_json: bool, **given: Any) -> None:
    """Attach evidence to claim ID: exactly one of --url, --file or --citation.

    A --file is archived inside the database with its sha256, size and media type (limit 50 MB,
    WORKBENCH_MAX_EVIDENCE_MB), so it survives the page it came from.
    """
    from workbench.services.evidence import EvidenceInput, add_evidence

    # The options are the fields of EvidenceInput, by name. Its one-source rule is asked here to
    # answer with a usage error (exit 2), as `claim assign` with neither --to nor --unassign is.
    item = EvidenceInput(**given)
    if not item.has_one_source:
        raise click.UsageError("give exactly one of --url, --file or --citation")
    ev = add_evidence(workbench_from(ctx), claim_id, item)
    json_or_line(
        as_json, ev, f"added evidence #{ev.id} ({ev.kind}, {ev.stance}) to claim #{claim_id}"
    )


@evidence.command("list")
@claim_id_argument
@json_context
def list_(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """List a claim's evidence."""
    from workbench.services.claim_records import claim_evidence

    json_or_table(
        as_json,
        claim_evidence(workbench_from(ctx), claim_id),
        ["id", "kind", "stance", "title", "source", "added"],
        lambda e: (
            e.id,
            e.kind,
            e.stance,
            clip(e.title or "", 30),
            clip(e.url or e.citation or f"{e.file_name} ({e.size} bytes)", 50),
            f"{e.created_at[:10]} {e.added_by}",
        ),
        empty=f"no evidence on claim #{claim_id} yet",
        droppable=("added", "kind"),
    )


@evidence.command("get")
@click.argument("evidence_id", metavar="EVIDENCE_ID", type=ID)
@output_option("Where to write the archived file (- for stdout).", required=True)
@force_option
@json_context
def get(ctx: click.Context, evidence_id: int, output: str, force: bool, as_json: bool) -> None:
    """Restore an archived file byte for byte (its sha256 is checked first).

    An existing FILE is refused unless --force. With -o FILE, --json prints what was written:
    {"path", "evidence_id", "claim_id", "bytes", "sha256"} (docs/json.md); with -o - stdout is
    the file itself, and --json is bad usage.
    """
    from workbench.services.evidence import get_evidence_file

    json_needs_file(as_json, output, "the archived file")
    check_output(output, force)
    ev, data = get_evidence_file(workbench_from(ctx), evidence_id)
    with output_file(output, binary=True, force=force) as out:
        out.write(data)
    if as_json:
        emit_json(
            {
                "path": output,
                "evidence_id": ev.id,
                "claim_id": ev.claim_id,
                "bytes": len(data),
                "sha256": ev.sha256,
            }
        )
        return
    where = "stdout" if output == "-" else shown_path(output)
    message(f"wrote {len(data):,} bytes to {where} (sha256 {ev.sha256}, checked)")
