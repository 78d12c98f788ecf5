"""`workbench claim edit`: correct what a claim says before it is judged."""

from __future__ import annotations

import click

from workbench.cli.claim_words import say_marks_dropped, say_same_span
from workbench.cli.common import text_or_stdin, workbench_from
from workbench.cli.once import Command
from workbench.cli.options import (
    CLAIM_TEXT,
    NOTE_TEXT,
    TypedChoice,
    claim_id_argument,
    if_version_option,
    json_context,
)
from workbench.cli.pin_options import PinGiven, pin_options
from workbench.cli.render import clip, emit_json, message, shown
from workbench.domain.spans import span_words
from workbench.domain.status import CLAIM_TYPE_NAMES
from workbench.domain.transitions import SPAN_PART


@click.command("edit", cls=Command)
@claim_id_argument
@click.option(
    "--text", type=CLAIM_TEXT, help="The claim's new text: one checkable sentence; - reads stdin."
)
@click.option(
    "--type",
    "claim_type",
    type=TypedChoice(CLAIM_TYPE_NAMES),
    help="Its new type.",
)
@click.option(
    "--speaker",
    metavar="NAME",
    help=(
        "Who makes the claim; spelled as the document's other claims spell the same name "
        "(another spelling of its own speaker is stored as typed)."
    ),
)
@click.option(
    "--clear",
    "cleared",
    type=TypedChoice(["speaker"]),
    metavar="speaker",
    help="Remove the speaker (nobody in particular).",
)
# Removing a value is --clear in every command; --no-speaker, its earlier spelling, still works
# for scripts, unlisted.
@click.option("--no-speaker", is_flag=True, hidden=True)
@pin_options(
    quote="Pin it anew to these words of the document's latest revision (found as `claim add` "
    "finds a quote).",
    start="Pin it anew: start offset (code points).",
    end="Pin it anew: end offset (exclusive).",
)
@click.option(
    "--note",
    type=NOTE_TEXT,
    metavar="TEXT",
    help="Why it changed (optional, kept with the change); - reads stdin.",
)
@if_version_option
@json_context
def edit(
    ctx: click.Context,
    claim_id: int,
    text: str | None,
    claim_type: str | None,
    speaker: str | None,
    cleared: str | None,
    no_speaker: bool,
    span: PinGiven,
    note: str | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Change a claim's text, type, speaker or span; only what is given changes.

    --quote (or --start/--end) pins the claim anew, exactly, in the document's latest revision:
    a span cut short of its figure, or a quote a revision changed or removed. Refused once a
    verdict is given or proposed: the words and the span are what was judged (reopen the claim
    with `claim status ID in_progress --note ...` first). The change is recorded with the values
    before and after; giving the values it already has changes nothing.
    """
    from workbench.domain.limits import has_visible
    from workbench.services.claim_edits import edit_claim

    moved = span.given
    repin = span.request() if moved else None

    no_speaker = no_speaker or cleared == "speaker"
    if speaker is not None and no_speaker:
        raise click.UsageError("--speaker names one and --clear speaker removes it: choose one")
    if speaker is not None and not has_visible(speaker):  # (U+200B alone is empty too)
        # An empty variable must not remove a speaker by accident: removing one is said.
        raise click.UsageError("--speaker is empty; --clear speaker removes the speaker")
    if text is None and claim_type is None and speaker is None and not no_speaker and not moved:
        raise click.UsageError(
            "give at least one of --text, --type, --speaker, --clear speaker, --quote, "
            "--start/--end"
        )
    if text == "-" and note == "-":
        raise click.UsageError("--text - and --note - both read stdin: give one of them as text")
    result = edit_claim(
        workbench_from(ctx),
        claim_id,
        text=text_or_stdin(text, "the claim's new text"),
        claim_type=claim_type,
        speaker="" if no_speaker else speaker,
        span=repin,
        note=text_or_stdin(note, "the note"),
        expected_version=expected_version,
    )
    if not no_speaker:
        speaker_kept(speaker, result.claim.speaker)
    if not result.changed:
        message(f"claim #{claim_id} already says this; nothing changed")
    if SPAN_PART in result.changed:
        say_marks_dropped(span.quote, result.claim)
    say_same_span(result.claim)
    if as_json:
        emit_json(result.to_json())
    elif result.changed:
        changed = ", ".join(result.changed)
        click.echo(f"claim #{claim_id}: changed {changed} (version {result.claim.version})")
        if SPAN_PART in result.changed:
            c = result.claim
            pinned = f"revision {c.revision}, {span_words(c.start, c.end)}"
            click.echo(f"  pinned in {pinned}: {clip(c.quote)}")


def speaker_kept(given: str | None, stored: str | None) -> None:
    """Say so when the speaker is stored as the document's other claims spell it, not as typed
    (workbench.services.speakers.document_speaker)."""
    from workbench.services.speakers import speaker_name

    if given and stored is not None and stored != speaker_name(given):
        message(f"speaker stored as {shown(stored)}, as on the document's other claims")
