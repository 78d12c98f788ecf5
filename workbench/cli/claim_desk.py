"""`workbench claim assign|tag|untag|priority|due`: bookkeeping on one or more claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.common import usage_unless_none, workbench_from
from workbench.cli.none_words import means_none
from workbench.cli.once import Command
from workbench.cli.options import (
    OWNER,
    PERSON,
    assigned_ids,
    if_version_option,
    json_context,
    json_option,
)
from workbench.cli.render import json_out, message, warning
from workbench.domain.desk import (
    PRIORITY_NAMES,
    PRIORITY_WORDS,
    due_date,
    new_tag,
    normalise_tag,
    parse_priority,
)
from workbench.domain.errors import InvalidInput
from workbench.domain.inputs import id_or_none, typed_word

if TYPE_CHECKING:
    from workbench.services.workflow import DeskChange


def _report(done: DeskChange, as_json: bool, template: str, same: str) -> None:
    """A line per claim: `template` for one changed, on stdout; `same` for one that already
    was so (no event written: it is not told it was changed), on stderr, as every command says
    it changed nothing, with --json too (the claims printed do not say which were so)."""
    printed = json_out(as_json, done.claims)
    for c in done.claims:
        tags = ", ".join(c.tags) or "none"
        unchanged = c.id in done.unchanged
        said = (same if unchanged else template).format(c=c, tags=tags, due=c.due or "none")
        if unchanged:
            message(f"claim #{c.id}: {said}")
        elif not printed:
            click.echo(f"claim #{c.id}: {said}")


# How a claim that already was so is said (as `claim status` says one already there).
_SAME = "; nothing changed"


def _split_ids(values: tuple[str, ...]) -> tuple[list[int], list[str]]:
    """Leading whole numbers are claim IDs; the rest are what the command sets."""
    ids: list[int] = []
    for i, value in enumerate(values):
        if (claim_id := id_or_none(value)) is None:
            return ids, list(values[i:])
        ids.append(claim_id)
    return ids, []


def _need_ids(ids: list[int], usage: str, expected_version: int | None) -> None:
    if not ids:
        raise click.UsageError(f"name at least one claim ID: {usage}")
    from workbench.services.claim_updates import version_problem

    usage_unless_none(version_problem(ids, expected_version))


@click.command("assign", cls=Command)
# Read by options.assigned_ids, which knows whether --to, --clear or --from was given.
@click.argument("words", metavar="[ID...]", nargs=-1)
@click.option("--to", "assignee", type=OWNER, metavar="NAME", help="Who owns the claims now.")
@click.option(
    "--from",
    "owner",
    type=PERSON,
    metavar="NAME",
    help="Instead of IDs: every open claim of NAME (unverified, in progress, in review), as "
    "when a checker leaves; their verdicts stay theirs.",
)
@click.option("--clear", "unassign", is_flag=True, help="Remove the owner.")
# Removing a value is --clear in every command (as `claim due --clear`); --unassign, its
# earlier spelling, still works for scripts, unlisted.
@click.option("--unassign", "unassign_old", is_flag=True, hidden=True)
@if_version_option
@json_context
def assign(
    ctx: click.Context,
    words: tuple[str, ...],
    assignee: str | None,
    owner: str | None,
    unassign: bool,
    unassign_old: bool,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Give claims an owner (all or none: one unknown ID and nothing changes)."""
    from workbench.services.workflow import assign_owner

    unassign = unassign or unassign_old
    given = assignee is not None or unassign or owner is not None
    ids = tuple(assigned_ids(ctx, words, owner_given=given))
    if (assignee is None) == (not unassign):
        raise click.UsageError("give either --to NAME or --clear")
    if owner is not None:
        _hand_over(ctx, ids, owner, assignee, expected_version, as_json)
        return
    _need_ids(
        list(ids), "claim assign ID... --to NAME (or --from NAME: all theirs)", expected_version
    )
    done = assign_owner(
        workbench_from(ctx),
        list(ids),
        None if unassign else assignee,
        expected_version=expected_version,
    )
    if done.unchecked_first:
        message(
            "no people are registered: any name is accepted; "
            "`workbench user add NAME` makes assignments checked"
        )
    if unassign:
        _report(done, as_json, "unassigned", "already unassigned" + _SAME)
    else:
        _report(
            done, as_json, "assigned to {c.assignee}", "already assigned to {c.assignee}" + _SAME
        )


def _hand_over(
    ctx: click.Context,
    ids: tuple[int, ...],
    owner: str,
    successor: str | None,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """`claim assign --from NAME --to NAME`: a leaving checker's open claims to another."""
    from workbench.services.workflow import hand_over

    if ids or successor is None or expected_version is not None:
        raise click.UsageError(
            "give either claim IDs or --from NAME, with --to NAME (and no --clear or "
            "--if-version): claim assign --from NAME --to NAME"
        )
    done = hand_over(workbench_from(ctx), owner, successor)
    if not done.claims:
        # (with --json too, as every command says it changed nothing)
        message(f"{owner} owns no open claims; nothing to hand over")
    _report(done, as_json, "assigned to {c.assignee}", "already assigned to {c.assignee}" + _SAME)


def _check_tags(tags: list[str], *, add: bool) -> None:
    """A malformed TAG is bad usage (exit 2), as a malformed priority or date is: the library's
    rule (`new_tag` for a tag added, `normalise_tag` for one removed), asked before the call."""
    check = new_tag if add else normalise_tag
    for value in tags:
        try:
            check(value)
        except InvalidInput as exc:
            raise click.UsageError(exc.message) from None


def _tag_command(name: str, add: bool) -> click.Command:
    @click.command(name, cls=Command)
    @click.argument("args", metavar="ID... TAG...", nargs=-1, required=True)
    @if_version_option
    @json_option
    @click.pass_context
    def command(
        ctx: click.Context, args: tuple[str, ...], expected_version: int | None, as_json: bool
    ) -> None:
        from workbench.services.workflow import tag as add_tags
        from workbench.services.workflow import untag as remove_tags

        ids, tags = _split_ids(args)
        _need_ids(ids, f"claim {name} ID... TAG...", expected_version)
        if not tags:
            raise click.UsageError(
                "name at least one tag after the IDs (words of digits only are read as IDs)"
            )
        _check_tags(tags, add=add)
        change = add_tags if add else remove_tags
        done = change(workbench_from(ctx), ids, tags, expected_version=expected_version)
        # A tag to remove that the claim lacks leaves it as it was: its tags are still what
        # they were ("already", said after an untag, read as if those were the tag removed).
        same = ("tags already {tags}" if add else "tags still {tags}") + _SAME
        _report(done, as_json, "tags {tags}", same)
        for claim_id, missing in done.absent.items():
            # Exit 0 as for a tag added twice (nothing to do), but a typo must not pass for a
            # tag removed.
            names = ", ".join(repr(t) for t in missing)
            message(f"claim #{claim_id} had no tag {names}; nothing to remove")

    command.help = (
        "Add tags to claims.\n\nA tag is stored folded, as a name is: full-width forms as "
        "ASCII (ｍｏｎｅｙ is money), in one case (Money is money), trimmed; so is a tag given "
        "to `claim list --tag` or `claim untag`. A tag holds no space (join words with a "
        "hyphen: fact-check) and is not digits alone (read as a claim ID), and one whose "
        "letters mix scripts to imitate Latin ones (a Cyrillic о in money) is refused. A tag "
        "that looks like one claims already have (covid19 beside covid-19, or in another "
        "script) is refused, naming it.\n\nspeaker:organisation (or speaker:organization, "
        "stored as speaker:organisation) and speaker:person say what the claim's speaker "
        "is, which ClaimReview publishes as its author's type (Organization, Person) where "
        "the name cannot say (MiniMax); like "
        "the speaker, they are given or taken off before the verdict, not under it. The tag "
        "is the claim's: tag each of the speaker's claims (`claim list --speaker NAME`), and "
        "untag one kind before giving the other. A claim tagged both (by an earlier release, "
        "as a bundle restores it) is published as an Organization."
        if add
        else "Remove tags from claims (a tag a claim does not have is said on stderr)."
    )
    return command


tag = _tag_command("tag", add=True)
untag = _tag_command("untag", add=False)


@click.command("priority", cls=Command)
@click.argument("args", metavar="ID... high|normal|low", nargs=-1, required=True)
@if_version_option
@json_context
def priority(
    ctx: click.Context, args: tuple[str, ...], expected_version: int | None, as_json: bool
) -> None:
    """Set the priority of claims (高, 中 and 低 are taken for high, normal and low, and
    stored as them)."""
    from workbench.services.workflow import set_priority

    ids, rest = _split_ids(args)
    _need_ids(ids, "claim priority ID... high|normal|low", expected_version)
    # Typed full-width too (ＨＩＧＨ), as `claim list --priority` reads it (`TypedChoice`).
    level = typed_word(rest[0], (*PRIORITY_NAMES, *PRIORITY_WORDS)) if len(rest) == 1 else ""
    if len(rest) != 1 or not _is_priority(level):
        raise click.UsageError(
            f"end with exactly one priority: {', '.join(PRIORITY_NAMES)} "
            f"(or {', '.join(PRIORITY_WORDS)})"
        )
    done = set_priority(workbench_from(ctx), ids, level, expected_version=expected_version)
    _report(done, as_json, "priority {c.priority}", "priority already {c.priority}" + _SAME)


def _is_priority(value: str) -> bool:
    try:
        parse_priority(value)
    except InvalidInput:
        return False
    return True


def _check_due(value: str) -> None:
    """A malformed DATE is bad usage (exit 2), as it is for every date option (see DAY), and so
    is one no deadline falls on (before 2000, or over ten years ahead: `desk.due_date`). A
    value that says "none" (`means_none`: none, '', 无, N/A, -) is no date mistyped but meant
    to remove the due date, which --clear does: said so. A date in words (明天, tomorrow) is
    told only the date's form (review190: they meant a date, and were told how to remove one)."""
    try:
        due_date(value)
    except InvalidInput as exc:
        clear = ", or --clear to remove the due date" if means_none(value) else ""
        raise click.UsageError(exc.message + clear) from None


@click.command("due", cls=Command)
@click.argument("args", metavar="ID... DATE", nargs=-1, required=True)
@click.option("--clear", is_flag=True, help="Remove the due date instead.")
@if_version_option
@json_context
def due(
    ctx: click.Context,
    args: tuple[str, ...],
    clear: bool,
    expected_version: int | None,
    as_json: bool,
) -> None:
    """Set (YYYY-MM-DD) or --clear the due date of claims.

    A due date falls from 2000-01-01 to ten years from today: another is a typo of the year
    (bad usage). One already past is set, with a warning that the claims are overdue. A claim
    is overdue once today's date in UTC is past its due date: one calendar for the whole desk,
    wherever its people are (`claim list --overdue`, `stats` and the board judge it alike).
    """
    from workbench.services.workflow import set_due

    ids, rest = _split_ids(args)
    if not clear and not rest and len(ids) > 1 and len(args[-1]) == 8:
        # A date in ISO's basic form (20270203) is all digits, as an ID is: without --clear the
        # last argument is the date (session 47: it was refused as a missing date).
        ids, rest = ids[:-1], [args[-1]]
    _need_ids(ids, "claim due ID... DATE|--clear", expected_version)
    if clear == bool(rest) or len(rest) > 1:
        raise click.UsageError("end with one DATE (YYYY-MM-DD), or give --clear and only IDs")
    if rest:
        _check_due(rest[0])
    done = set_due(
        workbench_from(ctx), ids, None if clear else rest[0], expected_version=expected_version
    )
    if clear:
        _report(done, as_json, "due date cleared", "already has no due date" + _SAME)
    else:
        _report(done, as_json, "due {due}", "due already {due}" + _SAME)
    if done.overdue:
        # A date already past: most likely a typo of the year, of which a trial was told nothing.
        late = ", ".join(f"#{i}" for i in done.overdue)
        verb = "is" if len(done.overdue) == 1 else "are"
        warning(f"{done.claims[0].due} has passed: {late} {verb} overdue already")
