"""`workbench stats`"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.common import usage_unless_none, workbench_from
from workbench.cli.once import Command
from workbench.cli.options import (
    SINCE_OR_DAYS,
    TypedChoice,
    board_limit_option,
    json_context,
    span_options,
)
from workbench.cli.render import clip, json_out, message, status_shown, table
from workbench.domain.clock import as_read, as_read_to_minute
from workbench.services.breakdown import KEYS

if TYPE_CHECKING:
    from workbench.services.views import ClaimView


@click.command(cls=Command)
@board_limit_option(
    "How many claims each list shows (oldest open, awaiting approval, without evidence, "
    "overdue, flagged); with --by, how many rows."
)
@span_options("Also who did what, from the trail (with --by: only the claims added),")
@click.option(
    "--by",
    "by_key",
    type=TypedChoice(KEYS),
    metavar="KEY",
    help=f"Instead of the board: the claims counted by KEY ({', '.join(KEYS)}).",
)
@click.option(
    "--untouched-since",
    type=SINCE_OR_DAYS,
    metavar="WHEN",
    help="By owner, also how many claims to check nobody has worked on since WHEN (as `claim "
    "list --status unverified --status in_progress --untouched-since WHEN` lists them): a date, "
    "a date-time (UTC) or Nd, N days ago (7d: a week). Not with --by.",
)
@json_context
def stats(
    ctx: click.Context,
    limit: int,
    since: str | None,
    until: str | None,
    by_key: str | None,
    untouched_since: str | None,
    as_json: bool,
) -> None:
    """The desk board: counts by status, owner and type; what is old, awaiting approval,
    unsupported or late, and verdicts flagged for re-review (their quote changed after the
    verdict).

    By owner: claims still to check (unverified or in progress), verdicts in review (awaiting a
    second reviewer's approval), verdicts flagged for re-review, and all the owner's claims.
    A withdrawn claim is counted in its own row by status only: it is no one's work, of no
    type, on no list. The lists show the first --limit claims of each, with how many there are
    in all.

    With --since: each person's work in that span, from the audit trail: claims added (or
    imported), status changes (verdicts proposed among them), reviews (approvals and
    rejections), notes (every note they wrote: with `note add`, or as the reason of a status
    change, proposal, approval or rejection), evidence, and all their events.

    With --untouched-since WHEN: by owner, also how many of the claims to check nobody has
    worked on since WHEN (no event of the claim, its notes, evidence or reviews; a `doc
    update` re-anchoring it is none), the claims
    `claim list --status unverified --status in_progress --untouched-since WHEN` lists (a
    claim in review is the approver's, counted in review, not here).

    With --by KEY: one table instead, a row per tag, speaker, type, owner or month (the UTC
    month, YYYY-MM, the claim was added; not the month of its verdict, which the trail would
    have to tell), most claims first (months: the latest --limit, oldest first): its claims,
    those to check (unverified or in progress), in review, and each verdict. A claim with
    several tags counts under each; claims with no tag or speaker have a row of their own,
    (none), and those with no owner (unassigned), as on the board (null in --json); withdrawn
    claims are left out. --limit bounds the rows (stderr says how many there are);
    --since/--until count only the claims added in that span.
    """
    from workbench.services.activity import span_problem

    usage_unless_none(span_problem(since, until))
    if by_key is not None and untouched_since is not None:
        # --by's rows count claims by a key, not owners' loads: nothing to put it in.
        raise click.UsageError("--untouched-since counts on the board's owners; not with --by")
    if by_key is not None:
        breakdown(ctx, by_key, limit, since, until, as_json)
        return
    from workbench.services.queries import stats as compute

    s = compute(workbench_from(ctx), limit, since, until, untouched_since)
    if json_out(as_json, s):
        return
    # Stacked (a narrow terminal), a row of counts names each: bare numbers say nothing.
    table(["by status", "claims"], list(s.by_status.items()), labelled=True)
    # Who holds what is still to do: a total alone counts settled verdicts as load.
    idle = s.untouched_since is not None
    table(
        [
            "by owner",
            "to check",
            *(["untouched"] if idle else []),
            "in review",
            "flagged",
            "claims",
        ],
        [
            (
                name,
                n.to_check,
                *([n.untouched] if idle else []),
                n.awaiting_approval,
                n.flagged,
                n.total,
            )
            for name, n in s.by_owner.items()
        ],
        title=(
            f"by owner (untouched: no activity since {as_read_to_minute(s.untouched_since)} UTC)"
            if s.untouched_since is not None
            else None
        ),
        empty="by owner: none",
        labelled=True,
    )
    table(["by type", "claims"], list(s.by_type.items()), empty="by type: none", labelled=True)
    for label, listed in (
        ("oldest open", s.oldest_open),
        ("awaiting approval", s.awaiting_approval),
        ("open, no evidence", s.open_without_evidence),
        ("overdue", s.overdue),
        ("flagged for re-review", s.flagged),
    ):
        claims = listed.claims
        # Awaiting approval: who proposed each verdict (an approver's own are not theirs to
        # approve; trial57).
        by = listed is s.awaiting_approval
        table(
            ["id", "status", *(["proposed by"] if by else []), "owner", "due", "added", "claim"],
            [
                (
                    c.id,
                    status_cell(c),
                    *([c.proposed_by] if by else []),
                    c.assignee,
                    c.due,
                    c.created_at[:10],
                    clip(c.text, 60),
                )
                for c in claims
            ],
            title=f"{label} ({len(claims):,} of {listed.total:,})",
            # --limit 0 lists none of a non-empty list: say how many there are.
            # (trial211: "oldest open: 8921" read as the oldest open claim's id.)
            empty=(
                f"{label}: none listed ({listed.total:,} in all)"
                if listed.total
                else f"{label}: none"
            ),
            droppable=("added", "due", "owner"),
        )
    if s.activity is not None:
        span = f"from {_bound(s.activity.since, DAY_START)}" + (
            f" to {_bound(s.activity.until, DAY_END)}" if s.activity.until else ""
        )
        table(
            ["person", "added", "statuses", "reviews", "notes", "evidence", "events"],
            [(p.person, *p.counts.values(), p.events) for p in s.activity.people],
            title=f"who did what {span}",
            empty=f"who did what {span}: nobody",
            labelled=True,
        )


# How a span's bound that is a whole day's start or end ends (clock.format_at's stamps).
DAY_START = "T00:00:00.000000Z"
DAY_END = "T23:59:59.999999Z"


def _bound(at: str, whole_day: str) -> str:
    """A span's bound as its heading says it: the date when the bound is the day's start (or
    end), else to the minute, as the untouched board says its moment (trial211: a span from
    12:00 to 06:00, or 7d begun at 04:49, was headed with its dates alone), or to the second
    when it is not a whole minute (review217: a span from 12:00:45 to 12:00:50 was headed
    "from 12:00 UTC to 12:00 UTC")."""
    if at[10:] == whole_day:
        return at[:10]
    return (as_read_to_minute(at) if at[16:] == ":00.000000Z" else as_read(at)) + " UTC"


def status_cell(c: ClaimView) -> str:
    """In review, the verdict proposed is what a reviewer needs to see."""
    shown = status_shown(c)
    return f"{shown}: {c.proposed_status}" if c.proposed_status else shown


def breakdown(
    ctx: click.Context, key: str, limit: int, since: str | None, until: str | None, as_json: bool
) -> None:
    """`stats --by KEY`: the breakdown's table, or its rows as JSON; how many rows --limit left
    out goes to stderr, so a pipe gets the rows alone."""
    from workbench.services.breakdown import COUNTS, none_row
    from workbench.services.breakdown import breakdown as compute

    b = compute(workbench_from(ctx), key, limit, since, until)
    if not json_out(as_json, b):
        added = "" if since is None else f" added from {since}" + (f" to {until}" if until else "")
        table(
            # Headed in words, as the board's by-owner table is ("to check", "in review"):
            # --json keeps the field names.
            [key, *(name.replace("_", " ") for name in COUNTS)],
            [(none_row(key) if r.value is None else r.value, *r.counts.values()) for r in b.rows],
            empty=(
                f"--limit 0: no {key} rows listed ({b.total:,} in all)"
                if limit == 0 and b.total
                else f"no claims{added}"
            ),
            labelled=True,
        )
    if len(b.rows) < b.total and (b.rows or as_json):
        shown = f"1–{len(b.rows):,}" if b.rows else "none"
        message(f"{key} rows {shown} of {b.total:,} (--limit N shows more)")
