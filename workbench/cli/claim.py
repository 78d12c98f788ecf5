"""`workbench claim ...`"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import click

from workbench.cli.claim_desk import assign, due, priority, tag, untag
from workbench.cli.claim_edit import edit, speaker_kept
from workbench.cli.claim_review import approve, reject
from workbench.cli.claim_words import (
    say_marks_dropped,
    say_quote_gone,
    say_same_span,
    say_stale_figures,
)
from workbench.cli.common import text_or_stdin, usage_unless_none, workbench_from
from workbench.cli.once import Group, given_as
from workbench.cli.options import (
    CHANGED_SINCE,
    CLAIM_TEXT,
    PERSON,
    RECORDED_NAME,
    SINCE_OR_DAYS,
    TypedChoice,
    bom_misused,
    bom_option,
    claim_id_argument,
    doc_filter_option,
    document_id_argument,
    if_version_option,
    json_context,
    limit_option,
    limit_zero,
    min_score_option,
    offset_option,
)
from workbench.cli.pin_options import PinGiven, pin_options
from workbench.cli.render import (
    clip,
    emit_json,
    emit_json_array,
    highlighted,
    json_or_line,
    json_out,
    message,
    plural,
    show_value,
    shown,
    shown_name,
    status_shown,
    table,
)
from workbench.defaults import CLAIM_TABLE_LIMIT, SIMILAR_LIMIT, SIMILAR_MIN_SCORE
from workbench.domain.desk import PRIORITY_NAMES, PRIORITY_WORDS, SORTS
from workbench.domain.revision_words import revision_of
from workbench.domain.scores import shown_score
from workbench.domain.spans import span_words
from workbench.domain.status import (
    CLAIM_TYPE_NAMES,
    OPEN_NAMES,
    SETTABLE_NAMES,
    STATUS_NAMES,
    WITHDRAWN_VALUE,
    listed,
    pinned_anew_when_gone,
)

if TYPE_CHECKING:
    from workbench.services.approvable import HeldBack
    from workbench.services.views import ClaimView, EventView

# Typed as a person types it (Verified, FALSE, ｖｅｒｉｆｉｅｄ): every name given is lower case,
# so reading them without case loses none (the canonical name is what is stored).
STATUS = TypedChoice(STATUS_NAMES)
TYPE = TypedChoice(CLAIM_TYPE_NAMES)


class _SetStatus(TypedChoice):
    """`claim status STATUS`: every status is read (the library says why in_review is not
    set directly), but a mistyped one is answered with those that can be set (a trial's
    `flase` was told in_review was valid)."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"{value!r} is not one of {', '.join(map(repr, SETTABLE_NAMES))}."

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        # The same list when STATUS is left out (trial52: it offered in_review, then refused it).
        return f"Choose from: {', '.join(SETTABLE_NAMES)}"


SET_STATUS = _SetStatus(STATUS_NAMES)


@click.group(cls=Group)
def claim() -> None:
    """Add, find, show claims and move their status."""


for _command in (edit, assign, tag, untag, priority, due, approve, reject):
    claim.add_command(_command)


@claim.command("add")
@document_id_argument
@click.option(
    "--text",
    required=True,
    type=CLAIM_TEXT,
    help="The claim, normalised: one checkable sentence; - reads stdin.",
)
@pin_options(
    quote="Exact text of the document that makes the claim (other punctuation or spacing, or "
    "a pair of quotation marks around it the document has not there, is still found).",
    start="Start offset (code points) of the span.",
    end="End offset (exclusive) of the span.",
)
@click.option(
    "--speaker",
    metavar="NAME",
    help="Who makes the claim (the author, or the person quoted); a name the document's other "
    "claims spell otherwise (OKAFOR for Okafor) is stored as they spell it. Without it, in a "
    "transcript (SPEAKER: text lines, as `extract` reads one) the speaker of the turn that "
    "holds the span.",
)
@click.option("--type", "claim_type", type=TYPE, default="fact", show_default=True)
@json_context
def add(
    ctx: click.Context,
    document_id: int,
    text: str,
    span: PinGiven,
    speaker: str | None,
    claim_type: str,
    as_json: bool,
) -> None:
    """Add a claim pinned to its exact span in document DOC.

    Pin it with --quote (found in the stored text; --occurrence picks one of several) or with
    --start/--end code-point offsets.
    """
    from workbench.services.claims import add_claim

    c = add_claim(
        workbench_from(ctx),
        document_id,
        text_or_stdin(text, "the claim's text") or "",
        span.request(),
        speaker=speaker,
        claim_type=claim_type,
    )
    speaker_kept(speaker, c.speaker)
    say_marks_dropped(span.quote, c)
    say_same_span(c)
    for ref in c.similar or ():
        message(ref.sentence())
    json_or_line(as_json, c, f"added claim #{c.id}, {span_words(c.start, c.end)}: {clip(c.quote)}")


def _context_shown(context: str, at: int, length: int) -> tuple[str, int]:
    """The quote's sentence cut to CONTEXT_SHOWN characters each side of it, "…" where cut
    (`context_cut`, as the Markdown timeline cuts it), and where the quote starts in it: a
    paragraph with no sentence end is one sentence, and a 176,000-character one was printed
    whole (trial324)."""
    from workbench.domain.graphemes import context_cut

    before, after = context_cut(context, at, at + length)
    return before + context[at : at + length] + after, len(before)


@claim.command("show")
@claim_id_argument
@json_context
def show(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """Show a claim: its quote in context, status, notes and history."""
    from workbench.services.queries import show_claim

    d = show_claim(workbench_from(ctx), claim_id)
    if json_out(as_json, d):
        return
    c = d.claim
    context, at = _context_shown(d.context, c.start - d.context_start, len(c.quote))
    click.echo(f"claim #{c.id}  [{c.status}]  {c.type}  version {c.version}")
    # Each value as the desk holds it, escaped as the names below are (rr260: a desk file
    # written by hand with an ESC sequence in the speaker set the window's title).
    click.echo(f"  claim    {shown(c.text, one_line=True)}")
    if c.speaker:
        click.echo(f"  speaker  {shown_name(c.speaker)}")
    # A document's later revision is named; most documents only ever have the one. So is the
    # first, where an orphaned claim's offsets still count in it though the document has more.
    named = c.revision > 1 or c.anchor_state == "orphaned"
    source = revision_of(c.revision, c.document_id) if named else f"document #{c.document_id}"
    click.echo(f"  source   {source}, {span_words(c.start, c.end)}")
    click.echo("  quote    " + highlighted(context, at, at + len(c.quote), hang=11))
    if c.anchor_state == "fuzzy":
        # Quoted as typed, not repr'd: clip() has escaped what a terminal must not act on
        # already, and repr escaped again an emoji's joiners and doubled a backslash (trial324).
        was = f": was '{clip(d.previous_quote, 60)}'" if d.previous_quote else ""
        click.echo(
            f"  anchor   the quote changed in revision {c.revision} "
            f"(match {c.anchor_score or 0:.2f}){was}"
        )
    elif c.anchor_state == "orphaned":
        click.echo(
            f"  anchor   the quote is gone from the latest revision (last found in revision "
            f"{c.revision})"
        )
        if pinned_anew_when_gone(c.status):
            # What settles it, as a flagged verdict's line says (newuser: it stopped at "gone").
            click.echo(
                f"           pin it anew: workbench claim edit {c.id} --quote TEXT; "
                f"or withdraw it: workbench claim withdraw {c.id} --reason TEXT"
            )
    elif c.anchor_state == "moved":
        click.echo(f"  anchor   moved in revision {c.revision}; quote unchanged")
    unshown = d.judged_quote_unshown
    judged = "" if unshown is None else f" ('{clip(unshown, 60)}')"
    if c.flagged and c.status == "in_review":
        click.echo(
            f"  verdict  {c.proposed_status} was proposed on the words of revision "
            f"{c.verdict_revision}{judged}, before its quote or speaker changed; flagged for "
            "re-review (approval refused: reject it so the new text is checked)"
        )
    elif c.flagged:
        click.echo(
            f"  verdict  {c.status} was given on the words of revision {c.verdict_revision}"
            f"{judged}, before its quote or speaker changed; flagged for re-review (not "
            "exported until a new decision)"
        )
        click.echo(
            f"           confirm it: workbench claim status {c.id} {c.status} --note TEXT; "
            f"or reopen it: workbench claim status {c.id} in_progress --note TEXT"
        )
    if c.status == WITHDRAWN_VALUE:
        held = d.verdict_before
        published = (
            "never listed as work nor published"
            if held is None
            # Its verdict may have gone out: not "never published" (trial73).
            else f"no longer listed as work nor published; its verdict {held} was given "
            "before: take down any review of it published then"
        )
        click.echo(
            f"  status   withdrawn: taken back (the reason is in its history), {published}; "
            f"restore it: workbench claim status {c.id} in_progress --note TEXT"
        )
    elif d.verdict_before is not None:
        # Open again after a verdict, which may have gone out (fix80: only the ClaimReview
        # export said so; here it read as a claim never judged).
        click.echo(
            f"  status   reopened: its verdict {d.verdict_before} was given before; any review "
            "of it published then stands until taken down or a new verdict is published"
        )
    if d.sign_off is not None and d.sign_off.status == c.status:
        by = shown_name(d.sign_off.given_by)
        click.echo(
            f"  sign-off {c.status} given by {by}, approved by {shown_name(d.sign_off.approved_by)}"
            if d.sign_off.approved_by
            else f"  sign-off {c.status} given by {by}, with no second reviewer"
        )
    if c.rating:
        click.echo(
            f"  rating   {shown(str(c.rating['label']), one_line=True)}"
            + (f" ({c.rating['value']}/5)" if c.rating["value"] is not None else "")
        )
    if c.proposed_status:
        click.echo(
            f"  proposed {c.proposed_status} by {shown_name(c.proposed_by)}: "
            "awaiting a second reviewer"
        )
    if d.added_since_proposal:
        # Evidence and notes leave the version alone: said here, or a reviewer reading an
        # unchanged version would not know the record grew under the proposal.
        added = ", ".join(str(a) for a in d.added_since_proposal)
        click.echo(
            f"  added    since the proposal: {added}; the proposal did not weigh them "
            "(approval is refused but for the approver's own notes: reject it, so that the "
            "verdict is proposed again on the full record)"
        )
    desk = [f"priority {c.priority}"]
    if c.assignee:
        desk.append(f"owner {shown_name(c.assignee)}")
    if c.due:
        desk.append(f"due {c.due}")
    if c.tags:
        desk.append("tags " + ", ".join(shown(t, one_line=True) for t in c.tags))
    click.echo("  desk     " + "; ".join(desk))
    if d.evidence:
        click.echo("evidence")
        for ev in d.evidence:
            source = ev.url or ev.citation or f"{ev.file_name} ({ev.size} bytes, {ev.sha256})"
            click.echo(f"  #{ev.id:<4} {ev.stance:<8}  {shown(source, one_line=True)}")
            if ev.title:
                click.echo(f"        {shown(ev.title, one_line=True)}")
    if d.notes:
        click.echo("notes")
        for n in d.notes:
            # An internal note is the desk's own: said, as no published view shows it.
            click.echo(
                f"  #{n.id} {n.created_at} {shown_name(n.author)}"
                + ("  internal" if n.internal else "")
            )
            click.echo("      " + shown(n.body).replace("\n", "\n      "))
    click.echo("history")
    for line in history_lines(d.events):
        click.echo(line)


def history_lines(events: Sequence[EventView]) -> list[str]:
    """A claim's history, a line an event, its columns aligned."""
    from workbench.cli.layout import cell_width

    # Padded by terminal cells, not characters: a Chinese name (two cells a character) pushed
    # its line's action right of the others' (trial53).
    actors = {e.actor: shown_name(e.actor) for e in events}
    widths = {e.actor: cell_width(actors[e.actor]) for e in events}
    column = max([12, *widths.values()])
    # The seq column as wide as the widest seq shown (at least 6): a desk's millionth event
    # pushed its line one place right of the 999,999th (trial57).
    digits = max([6, *(len(str(e.seq)) for e in events)])
    lines = []
    for e in events:
        actor = actors[e.actor] + " " * (column - widths[e.actor])
        line = f"  {e.seq:>{digits}} {e.at} {actor} {e.action} {_change(e.payload)}"
        lines.append(line.rstrip())
    return lines


# How many claims to index before a search makes `claim similar` say so in a pipe: about ten
# seconds' work; fewer pass unnoticed.
INDEX_NOTICE = 10_000


@claim.command("similar")
@claim_id_argument
@min_score_option(SIMILAR_MIN_SCORE, "similarity")
@limit_option("At most N claims.", default=SIMILAR_LIMIT)
@json_context
def similar(ctx: click.Context, claim_id: int, min_score: float, limit: int, as_json: bool) -> None:
    """Claims in any document that look like claim ID, best first: was it checked before?

    A claim that shares no uncommon term with claim ID (a number, a name, a word, a concept;
    a term that very many claims hold is not searched by) is never listed, even with
    --min-score 0, and nor is a withdrawn claim. When every term of claim ID is that common,
    the 200 claims that hold its rarest ones and as many terms as it, or nearly, are scored
    (then the newest): an exact duplicate is found."""
    from workbench.cli.progress import progress_or_notice, wanted
    from workbench.services.similar import similar_claims

    # The first search after a restore indexes every claim (minutes at 100,000): shown.
    with progress_or_notice(
        "indexing claims", enabled=wanted(as_json=as_json), at_least=INDEX_NOTICE
    ) as progress:
        found = similar_claims(
            workbench_from(ctx), claim_id, min_score=min_score, limit=limit, progress=progress
        )
    if json_out(as_json, found):
        return
    table(
        ["id", "similarity", "status", "rating", "doc", "claim", "why"],
        [
            (
                s.claim.id,
                shown_score(s.similarity),
                status_shown(s.claim),
                _rating_shown(s.claim),
                s.claim.document_id,
                s.claim.text,
                "; ".join(s.why),
            )
            for s in found
        ],
        # (70 cells in a pipe; a wider terminal gives the claim its spare width)
        clips={"claim": 70},
        empty=limit_zero(limit, "similar claims")
        or (
            f"no similar claims at or above {min_score:g}"
            if min_score > 0
            else f"no claim shares an uncommon term with claim #{claim_id}"
        ),
        droppable=("why", "doc", "rating"),
    )


def _rating_shown(claim: ClaimView) -> str | None:
    """A rating, or "withheld" where the verdict is flagged for re-review: it does not stand
    until a new decision (exports and the report withhold it)."""
    if claim.rating is None:
        return None
    return "withheld" if claim.flagged else str(claim.rating["label"])


# Left out of a history line: bookkeeping, and a span's context (prefix, suffix), which its
# quote and offsets already say and which ran a re-pinned claim's line over two screens.
HIDDEN_FIELDS = frozenset(
    {"version", "updated_at", "proposed_by", "proposed_note", "prefix", "suffix"}
)


def _change(payload: dict[str, object]) -> str:
    """What an event did, in a line: `status: in_progress -> false; note: ...`."""
    from workbench.domain.payloads import change_note, changed_fields

    before, after = payload.get("before"), payload.get("after")
    parts: list[str] = []
    if isinstance(before, dict) and isinstance(after, dict):
        parts = [
            # One line an event: a context (prefix, suffix) that spans a line break says so.
            f"{name}: {show_value(old, one_line=True)} -> {show_value(new, one_line=True)}"
            for name, old, new in changed_fields(payload, HIDDEN_FIELDS)
        ]
    elif isinstance(after, dict) and "stance" in after:
        source = after.get("url") or after.get("citation") or after.get("file_name")
        # The stance as stored, escaped as the rest (review339: a forged one reached the
        # terminal raw).
        parts = [f"{shown(str(after['stance']), one_line=True)}: {clip(str(source), 60)}"]
    elif isinstance(after, dict) and "body" in after:
        said = "internal note" if after.get("internal") is True else "note"
        parts = [f"{said}: {clip(str(after['body']), 60)}"]
    note = change_note(payload)
    if note is not None:
        parts.append(f"note: {clip(note, 60)}")
    return "; ".join(parts)


@claim.command("list")
@click.option("--status", "statuses", type=STATUS, multiple=True, help="Repeatable.")
@click.option("--open", "open_", is_flag=True, help=listed(OPEN_NAMES, "or") + ".")
@doc_filter_option("Only claims of DOC.")
@click.option(
    "--speaker",
    type=RECORDED_NAME,
    metavar="NAME",
    help="Only claims made by NAME, in any case or spacing, and those a document by NAME (its "
    "author) gives to its author (Article author, 文章作者), as ClaimReview publishes them.",
)
@click.option("--type", "claim_type", type=TYPE, help="Only claims of this type.")
# --owner: every table, `claim show` and the board (`by owner`, `stats --by owner`) call the
# assignee the owner, and a new user typed it (newuser).
@click.option(
    "--assignee",
    "--owner",
    "assignee",
    type=PERSON,
    metavar="NAME",
    help="Only claims owned by NAME.",
)
@click.option(
    "--mine",
    is_flag=True,
    help="My queue: claims owned by you (--as / WORKBENCH_USER) that are open or flagged for "
    "re-review; --open or --flagged narrows it to one of the two, --all or --status widens it.",
)
@click.option(
    "--all",
    "all_",
    is_flag=True,
    help="Withdrawn claims too (listed otherwise only by --status withdrawn); with --mine, "
    "settled verdicts too.",
)
@click.option("--unassigned", is_flag=True, help="Only claims nobody owns.")
@click.option("--tag", "tags", metavar="TAG", multiple=True, help="Has TAG (repeat: has all).")
@click.option(
    "--priority",
    type=TypedChoice((*PRIORITY_NAMES, *PRIORITY_WORDS)),
    help="Only this priority (高, 中, 低 are high, normal, low).",
)
@click.option(
    "--overdue",
    is_flag=True,
    help="Open claims past their due date, by today's date in UTC (one day for the whole "
    "desk, wherever its people are).",
)
@click.option(
    "--updated-since",
    type=CHANGED_SINCE,
    metavar="WHEN",
    help="Changed at or after WHEN: a date, a date-time (UTC) or Nd, N days ago (7d: a week).",
)
@click.option(
    "--untouched-since",
    type=SINCE_OR_DAYS,
    metavar="WHEN",
    help="Nobody has worked on since WHEN: no audit event of the claim, its notes, evidence or "
    "reviews at or after it (a note or evidence leaves the claim's updated time as it was; a "
    "`doc update` re-anchoring it is no one's work on it). "
    "WHEN is a date, a date-time (UTC) or Nd, N days ago (7d: a week). With --updated-since, "
    "on or before it: the claims a `doc update` moved that nobody has worked on since. The "
    "table shows each claim's last activity.",
)
@click.option("--no-evidence", is_flag=True, help="Claims with no evidence yet.")
@click.option(
    "--search",
    metavar="TEXT",
    help="A substring, in any case, of the claim, its quote, notes or evidence titles. "
    "Full-width and ASCII forms are one (，/,  ｋ/k  １/1), as are curly and straight quotes "
    '(“ ” 「 」/"), 。/. and 、/, dashes (— – -), and an ellipsis (… ⋯ ︙) and three full '
    "stops (...), whichever side has which; % and _ are literal.",
)
@click.option(
    "--anchor",
    type=TypedChoice(["exact", "moved", "fuzzy", "orphaned", "changed"]),
    help="How the quote was found in the latest revision; changed: fuzzy or orphaned.",
)
@click.option(
    "--flagged",
    is_flag=True,
    help="Verdicts flagged for re-review (quote changed after the verdict; not exported). "
    "With --status, only in_review or a verdict can be: --status naming none of them "
    "(unverified, in_progress, withdrawn) is bad usage.",
)
@click.option(
    "--sort",
    type=TypedChoice(SORTS),
    default="id",
    show_default=True,
    help="updated: newest first; priority: high first; due: soonest first.",
)
@click.option(
    "--approvable",
    is_flag=True,
    help="Sign-off queue: claims in review whose verdict you (--as / WORKBENCH_USER) may "
    "approve, proposed by someone else, with nothing added since the proposal (one with a note "
    "or evidence added after it waits for `claim reject` and a new proposal: --status "
    "in_review lists it); the table shows each one's verdict and proposer.",
)
@limit_option(
    f"At most N claims; a table shows {CLAIM_TABLE_LIMIT} unless told, --json and --csv every "
    "match (a table says which of how many match, on stderr, when it does not show them all)."
)
@offset_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (for spreadsheets).")
@bom_option
@json_context
def list_(
    ctx: click.Context,
    statuses: tuple[str, ...],
    open_: bool,
    document_id: int | None,
    speaker: str | None,
    claim_type: str | None,
    assignee: str | None,
    mine: bool,
    all_: bool,
    unassigned: bool,
    tags: tuple[str, ...],
    priority: str | None,
    overdue: bool,
    updated_since: str | None,
    untouched_since: str | None,
    no_evidence: bool,
    search: str | None,
    anchor: str | None,
    flagged: bool,
    sort: str,
    approvable: bool,
    limit: int | None,
    offset: int,
    as_csv: bool,
    bom: bool,
    as_json: bool,
) -> None:
    """List claims matching every filter given, ordered by id unless --sort says otherwise.

    Withdrawn claims (taken back: `claim withdraw`) are left out unless --status withdrawn
    or --all asks for them.
    """
    from workbench.services.queries import ClaimFilter, claims_page, claims_stream

    if as_csv and as_json:
        raise click.UsageError("choose one of --json and --csv")
    if bom and not as_csv:
        raise bom_misused("--csv")
    # --owner is --assignee by another name: told as typed.
    assignee_option = given_as(ctx, "assignee") or "--assignee"
    if mine and assignee:
        raise click.UsageError(f"--mine and {assignee_option} both name an owner: choose one")
    wb = workbench_from(ctx)
    flt = ClaimFilter(
        statuses=statuses,
        open=open_,
        # which claims make up a queue is the library's rule (ClaimFilter.queue_of)
        queue_of=wb.actor if mine else None,
        settled_too=all_ and mine,
        withdrawn_too=all_,
        document_id=document_id,
        speaker=speaker,
        claim_type=claim_type,
        assignee=assignee,
        assignee_option=assignee_option,
        unassigned=unassigned,
        tags=tags,
        priority=priority,
        overdue=overdue,
        updated_since=updated_since,
        untouched_since=untouched_since,
        no_evidence=no_evidence,
        search=search,
        anchor=anchor,
        flagged=flagged,
        approvable_by=wb.actor if approvable else None,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    usage_unless_none(flt.problem())
    # JSON and CSV stream out a page at a time; a table is laid out once it has every row.
    if as_json:
        emit_json_array(c.to_json() for c in claims_stream(wb, flt))
    elif as_csv:
        claims_csv(claims_stream(wb, flt), bom=bom)
    else:
        # The columns that answer the question stay on a narrow terminal (trial47b: at 80
        # columns `--overdue` and `--sort due` lost the due date, and at 60 the owner).
        # (Not a filter's own column: it is the same in every row.)
        asked = {"due": "due", "priority": "pri"}.get(sort.lower())
        kept = {*([asked] if asked else []), *(["due", "owner"] if overdue else [])}
        # Who owns a stale claim and when it was last worked on answer --untouched-since.
        stale = untouched_since is not None
        kept |= {"owner", "last activity"} if stale else set()
        # A table is read by a person: a page of it unless --limit says how many.
        page = flt if limit is not None else replace(flt, limit=CLAIM_TABLE_LIMIT)
        # A page and its total are read together (one snapshot), so they agree.
        shown, total = claims_page(wb, page)
        # --limit 0 asks how many (trial211): say so, as `stats --by --limit 0` does; when
        # nothing matches, that is what the empty list says.
        zero = limit_zero(limit, "claims") if total else None
        print_claims(
            shown,
            (f"{zero} ({total:,} in all)" if zero else None)
            or (
                f"no claims at offset {offset:,}: {plural(total or 0, 'claim')} match"
                if offset and total
                else None
            )
            or (
                (
                    "none of the open or flagged claims in your queue match (--all adds verdicts)"
                    if flt.narrowed
                    else "no open or flagged claims in your queue (--all adds verdicts)"
                )
                if flt.queue
                else None
            ),
            kept=kept,
            activity=stale,
        )
        asked_page = limit is not None or bool(offset)
        more = offset + len(shown) < total
        if shown and (asked_page or more):
            # A page says what it is a part of (trial53: `--limit 20` never said 1,448 match);
            # the default page, where more match, also how to see them.
            rest = (
                f" (more: --offset {offset + len(shown)}, or --limit N; --csv or --json: all)"
                if more and limit is None
                else ""
            )
            message(f"claims {offset + 1:,}–{offset + len(shown):,} of {total:,}{rest}")
        if not shown and not offset and (flt.assignee or flt.tags):
            from workbench.services.queries import unmatched

            for line in unmatched(wb, flt):
                message(line)
        # The queue is empty when nothing matches, not when the page shows nothing: `--limit 0`
        # counts a queue it lists none of, and was told its claims were "not for you".
        if not total and flt.sign_off_queue:
            from workbench.services.queries import approvals_held_back

            message(held_back_words(approvals_held_back(wb, wb.actor)))


def held_back_words(held: HeldBack) -> str:
    """Why the sign-off queue is empty, as `claim list --approvable` says it: each of the
    approval's refusals (its `reason`) in words, the most common first."""
    if not held.in_review:
        if held.review_required:
            return "no claim is in review"
        return (
            "no claim is in review: review.required is off, so a verdict stands when given "
            "(`workbench config set review.required true` has a second person approve each)"
        )
    n = held.in_review
    said = (
        "1 claim is in review, not for you to approve"
        if n == 1
        else f"{n} claims are in review, none of them for you to approve"
    )
    reasons = "; ".join(
        _held_by(reason, count)
        for reason, count in sorted(held.refused.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    lists = f"`workbench claim list --status in_review` lists {'it' if n == 1 else 'them'}"
    return f"{said}: {reasons} ({lists})"


def _held_by(reason: str, count: int) -> str:
    them, their = ("it", "its") if count == 1 else ("them", "their")
    words = {
        "own_verdict": f"proposed by you (a different reviewer approves {them})",
        "own_role": f"proposed from this session's database role (another role approves {them})",
        "added_since_proposal": f"with notes or evidence added after {their} proposal",
        # (rB: the approval's fourth refusal had no words, and the queue printed its code)
        "quote_changed": (
            f"whose quote a revision changed after {their} proposal (reject {them} with a note)"
        ),
    }
    return f"{count} {words.get(reason, f'refused ({reason})')}"


def claims_csv(claims: Iterable[ClaimView], *, bom: bool = False) -> None:
    import sys

    from workbench.exports.registry import writer

    writer("claims", "csv")(claims, sys.stdout, bom=bom)


# How much of a claim's text, quote and speaker a table shows: in a pipe, and on a terminal
# with no width to spare (a wide one gives its spare width to the claim, then the quote).
CLAIM_CELLS = {"claim": 56, "quote": 24, "speaker": 16}


def print_claims(
    claims: list[ClaimView],
    empty: str | None = None,
    kept: Collection[str] = (),
    *,
    activity: bool = False,
) -> None:
    """The claims as a table; on a narrow terminal columns are dropped, least useful first,
    but not those `kept` (the ones the listing was asked by). With `activity`, the day of each
    claim's last activity, after its due date."""
    from workbench.cli.stats import status_cell

    # The speaker column only when someone speaks (a transcript's claims): prose keeps its table.
    spoken = any(c.speaker for c in claims)
    # In review, the verdict proposed (in the status cell) and who proposed it are what the
    # second reviewer decides on (trial57: only --json and `claim show` said them).
    proposed = any(c.proposed_by for c in claims)
    table(
        [
            *("id", "doc", "status", *(["proposed by"] if proposed else [])),
            *("type", "pri", "owner", "due"),
            *(["last activity"] if activity else []),
            *(["speaker"] if spoken else []),
            *("claim", "quote"),
        ],
        [
            (
                c.id,
                c.document_id,
                status_cell(c),
                *([clip(c.proposed_by or "", 12)] if proposed else []),
                c.type,
                c.priority,
                clip(c.assignee or "", 12),
                c.due,
                *([(c.last_activity or "")[:10]] if activity else []),
                *([c.speaker] if spoken else []),
                c.text,
                c.quote,
            )
            for c in claims
        ],
        empty=empty or "no claims match",
        # On a narrow terminal the claim keeps its room; these go first, least useful first.
        droppable=tuple(
            c for c in ("quote", "doc", "pri", "due", "owner", "type", "speaker") if c not in kept
        ),
        clips=CLAIM_CELLS,
    )


@claim.command(
    "status",
    help=f"""Move a claim to STATUS.

    STATUS is one of: {", ".join(SETTABLE_NAMES)}. A verdict and a reopening need --note.
    A verdict flagged for re-review (its quote changed) is confirmed by giving the same
    verdict again with --note: that is the new decision that clears the flag (proposed for
    sign-off when review.required is on). withdrawn takes a claim back as `claim withdraw`
    does; a withdrawn claim is restored to unverified or in_progress with --note.
    """,
)
@claim_id_argument
@click.argument("status", metavar="STATUS", type=SET_STATUS)
@click.option(
    "--note",
    help="The reason (required for a verdict, for reopening, withdrawing and restoring); - "
    "reads stdin. A reason is published with the verdict, never internal: keep a desk-only "
    "word in `note add --internal`.",
)
@if_version_option
@json_context
def status(
    ctx: click.Context,
    claim_id: int,
    status: str,
    note: str | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    from workbench.services.claims import set_status

    result = set_status(
        workbench_from(ctx),
        claim_id,
        status,
        note=text_or_stdin(note, "the note"),
        expected_version=expected_version,
    )
    if not result.changed:
        message(f"claim #{claim_id} is already {status}; nothing changed")
    elif result.claim.proposed_status:
        message(
            f"review.required is on: {result.claim.proposed_status} is proposed; "
            "a different person must `workbench claim approve` it"
        )
    if as_json:
        emit_json(result.claim.to_json())
    elif result.changed and result.previous == result.claim.status:
        # The same verdict stated again on a flagged claim: the new decision that clears it.
        click.echo(f"claim #{claim_id}: {result.claim.status} confirmed; no longer flagged")
    elif result.changed:
        click.echo(f"claim #{claim_id}: {result.previous} -> {result.claim.status}")
    if result.quote_gone:
        say_quote_gone(result.claim)
    say_stale_figures(result)


@claim.command("withdraw")
@claim_id_argument
@click.option(
    "--reason",
    "--note",
    "reason",
    metavar="TEXT",
    required=True,
    help="Why it is taken back: not a claim, a duplicate of which one, the wrong span; "
    "- reads stdin. --note is the same (as `claim status ID withdrawn --note` takes it); "
    "given once.",
)
@if_version_option
@json_context
def withdraw(
    ctx: click.Context,
    claim_id: int,
    reason: str,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Take back a claim picked out by mistake (not a claim, a duplicate, the wrong span).

    A withdrawn claim is neither open nor a verdict: it leaves the desk's lists, board and
    queues and the "checked before?" matches, and is never published (ClaimReview, Web
    Annotations, the report); `claim list --status withdrawn` lists it. The reason is kept as
    the note of the change. A claim in review is refused until its proposal is rejected.
    `claim status ID in_progress --note TEXT` (or unverified) restores it.
    """
    from workbench.services.claims import withdraw as withdraw_claim

    result = withdraw_claim(
        workbench_from(ctx),
        claim_id,
        reason=text_or_stdin(reason, "the reason") or "",
        expected_version=expected_version,
    )
    json_or_line(
        as_json, result.claim, f"claim #{claim_id}: {result.previous} -> {result.claim.status}"
    )
