"""`workbench audit ...`"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from workbench.cli.common import (
    check_output,
    json_needs_file,
    output_file,
    say_reading_stdin,
    usage_unless_none,
    workbench_from,
)
from workbench.cli.errors import EXIT_REFUSED
from workbench.cli.once import Group
from workbench.cli.options import (
    ID,
    INPUT_FILE,
    RECORDED_NAME,
    SPAN_MOMENT,
    after_options,
    bom_option,
    check_bom_usage,
    count_option,
    doc_filter_option,
    force_option,
    format_for,
    format_option,
    json_context,
    stdout_or_file_option,
)
from workbench.cli.progress import progress_bar, wanted
from workbench.cli.render import emit_json, json_out, message, plural, shown_path, warning
from workbench.domain.shown import shown, shown_items, shown_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.domain.trail_people import LookAlike, OnePersonApproval, PeopleWarnings
    from workbench.domain.verification import ChainReport
    from workbench.services.audit import SilentActor


@click.group(cls=Group)
def audit() -> None:
    """Export, verify and replay the hash-chained audit trail."""


@audit.command("export")
@format_option("events")
@click.option("--claim", "claim_id", type=ID, metavar="ID", help="Only events about claim ID.")
@doc_filter_option("Only events about document DOC and its claims.")
@click.option(
    "--actor",
    "actors",
    type=RECORDED_NAME,
    multiple=True,
    metavar="NAME",
    help="Only events by NAME.",
)
@click.option(
    "--action",
    "actions",
    multiple=True,
    metavar="ACTION",
    callback=lambda _ctx, _param, typed: _typed_actions(typed),
    help="Only these actions, e.g. claim.status_changed, or claim.* for a prefix.",
)
@click.option(
    "--since",
    type=SPAN_MOMENT,
    metavar="DATE",
    help="Only events at or after DATE (UTC; Nd: N days ago, 7d a week).",
)
@click.option(
    "--until",
    type=SPAN_MOMENT,
    metavar="DATE",
    help="Only events up to DATE (UTC; a date: that day; Nd: N days ago).",
)
@after_options(
    "Only events after the one whose hash is HEAD (as `audit head` printed it), by seq: "
    "not by the clock. The trail must hold it (with --after-seq: at that seq).",
    "Only events after seq N (the count `audit head` printed with the head).",
)
@bom_option
@stdout_or_file_option
@force_option
@json_context
def export(
    ctx: click.Context,
    /,
    fmt: str,
    bom: bool,
    output: str | None,
    force: bool,
    as_json: bool,
    **criteria: Any,
) -> None:
    """Export events oldest first, streamed; filters combine (all must hold).

    Options can be repeated (--actor a --actor b). A full JSONL export verifies to the head
    with `audit verify --file`; a filtered one verifies event by event.

    To sign the trail off week by week, note `audit head` (HEAD and its count N) and next time
    export --after HEAD (--after-seq N): the events since, in seq order, whatever the writers'
    clocks said (--since and --until read those clocks, and miss an event written on one that
    was behind). `audit verify --file F --head HEAD` then checks every link, the first to HEAD.

    With -o FILE, --json prints what was written: {"path", "format", "events",
    "silent_actors"} (docs/json.md); without -o FILE stdout is the export, and --json is bad
    usage.
    """
    from workbench.exports.events import REPORTS_PROGRESS
    from workbench.exports.events import export_events as write_export
    from workbench.services.event_filter import EventFilter

    # The filter options are the fields of EventFilter, by name.
    flt = EventFilter(**criteria)
    usage_unless_none(flt.problem())
    fmt = format_for(ctx, "events", fmt, output)
    check_bom_usage(bom, "events", fmt)
    json_needs_file(as_json, output)
    check_output(output, force)
    wb = workbench_from(ctx)
    if output is None:
        bar = fmt in REPORTS_PROGRESS and wanted()
        with progress_bar("exporting events", enabled=bar) as progress:
            done = write_export(wb, fmt, sys.stdout, flt, progress, bom=bom)
        _say_silent_actors(done.silent_actors)
        return
    with (
        output_file(output, force=force) as out,
        progress_bar(
            "exporting events",
            enabled=fmt in REPORTS_PROGRESS and wanted(as_json=as_json, to_stdout=False),
        ) as progress,
    ):
        done = write_export(wb, fmt, out, flt, progress, bom=bom)
    if as_json:
        emit_json(
            {
                "path": output,
                "format": fmt,
                "events": done.count,
                "silent_actors": [
                    {
                        "name": a.name,
                        "closest": a.closest,
                        "recorded": a.recorded,
                        "recorded_total": a.recorded_total,
                    }
                    for a in done.silent_actors
                ],
            }
        )
    else:
        message(f"wrote {plural(done.count, 'event')} to {shown_path(output)}")
    _say_silent_actors(done.silent_actors)


def _typed_actions(typed: Sequence[str]) -> tuple[str, ...]:
    """Each --action as the action it names, typed full-width or in any case (ＣＬＡＩＭ．＊),
    as every option of a fixed set is read; one naming none stays as typed, for the filter's
    refusal to quote (rr266)."""
    from workbench.domain.action_names import typed_action

    return tuple(typed_action(a) for a in typed)


def _say_silent_actors(silent: Sequence[SilentActor]) -> None:
    """An --actor that no event records: the export's emptiness is likely a mistyped name."""
    for actor in silent:
        near = f"; did you mean {' or '.join(actor.closest)}?" if actor.closest else ""
        more = ", ..." if actor.recorded_total > len(actor.recorded) else ""
        message(
            f"--actor {actor.name!r} matches no event in the trail{near} "
            f"(actors recorded, most events first: {', '.join(actor.recorded)}{more})"
        )


GAPS_SHOWN = 10


@audit.command("verify")
@click.option(
    "--file",
    "path",
    type=INPUT_FILE,
    metavar="EXPORT.jsonl",
    help="Check an exported JSONL file (- for stdin) instead of the database.",
)
@click.option("--head", metavar="HASH", help="A head noted earlier: the trail must contain it.")
@count_option("The event count noted with --head: that event must be seq COUNT.")
@json_context
def verify(
    ctx: click.Context, path: str | None, head: str | None, count: int | None, as_json: bool
) -> None:
    """Check the hash chain: every event's hash, every link, no seq missing.

    Prints `OK <count> events, head <hash>`, or the first bad event's seq and what is wrong
    (exit 1). Events deleted from the end leave a valid chain: give the --head (and --count)
    noted earlier from `workbench audit head` to catch that too. A --head that is the hash of
    another event than --count names is said as such, MISMATCH and not OK (exit 1), not as a
    break. An exported file holding no events (a filtered export that matched none) verifies
    nothing: it says so, exit 1. A full export's events are also held to the workflow's rules,
    as `audit replay` holds them (a verdict approved by its own proposer, say): an event that
    breaks one is REFUSED MOVES, with its seq and the rule (exit 1), however its hashes hold;
    when none does, stderr says the rules hold. A filtered export lacks the events the rules
    read: it says they were not checked. A registration of a person `user add` refuses beside
    one registered before (two people shown alike) is warned of on stderr, naming both and
    their seqs: the trail's, or a full export's; the OK stands (an older workbench let such
    pairs in).

    An export after a head (`audit export --after HEAD`) is checked link by link, the first
    to HEAD: give it as --head (the head noted at the last sign-off) and stderr says the file
    continues it.

    A SQLite database is also checked whole (`PRAGMA quick_check`, every page of every table):
    a damaged file is refused (exit 1, kind damaged) with the first problems SQLite finds,
    whether its chain holds or not: restore it from a backup (docs/backup.md).
    """
    from workbench.services.verify import head_problem, verify_database, verify_file

    usage_unless_none(head_problem(head))  # a malformed --head is bad usage, as --count -1 is
    if path == "-":
        say_reading_stdin("the exported events")
    if path is not None:
        bar = wanted(as_json=as_json, reads_stdin=path == "-")
        with progress_bar("verifying the file", enabled=bar) as progress:
            report = verify_file(path, head=head, count=count, progress=progress)
    else:
        with progress_bar("verifying the chain", enabled=wanted(as_json=as_json)) as progress:
            report = verify_database(workbench_from(ctx), head=head, count=count, progress=progress)
    if not json_out(as_json, report.to_json()):
        _print_report(report, head, count, from_file=path is not None)
        if report.broken is None:
            _say_clock_steps(report)
            _say_odd_stamps(report)
            _say_people(report)
    if not report.ok:
        sys.exit(EXIT_REFUSED)


def _filters_said(filters: dict[str, Any]) -> str:
    """The export's filters as its scope line names them, each value as given (actors=maria,
    lin), not a Python list's repr; a long list's first names and how many more (the line is
    the file's: it may name 20,000)."""
    return ", ".join(
        f"{k}={shown_items(v, ',') if isinstance(v, list) else shown_text(v)}"
        for k, v in filters.items()
    )


def _print_report(r: ChainReport, head: str | None, count: int | None, *, from_file: bool) -> None:
    if r.broken is not None:
        where = "BROKEN at " if r.broken.seq is not None else "BROKEN: "
        click.echo(where + r.broken.message())
        if r.broken.seq is None and r.count == 0:
            # A file-level fault (empty, no scope line) before any event was read: a count of
            # the events "before it" names nothing, and read as a second fault (newuser).
            return
        verb = "holds" if r.count == 1 else "hold"
        click.echo(f"  {plural(r.count, 'event')} before it {verb}", err=True)
        return
    if r.empty:
        filters = _filters_said(r.filters)
        why = (
            f"its filters ({filters}) matched none when it was exported"
            if filters
            else "the trail held none when it was exported"
        )
        if r.after_only:
            # A week with nothing written: the head it was exported after was still the trail's.
            why = (
                f"no event was recorded after seq {r.filters['after_seq']} (head "
                f"{r.filters['after_head']}) when it was exported"
            )
        click.echo(f"NOTHING TO VERIFY: the file holds no events: {why}")
        if r.mismatch is not None:
            # (a --count that is not the seq of the --head the empty export continues)
            click.echo(f"error: {r.mismatch}", err=True)
        return
    if r.rule_break_count:
        _print_rule_breaks(r)
        return
    # A --head and --count that disagree fail the check though the chain holds: no "OK" then.
    verdict = "OK" if r.mismatch is None else "MISMATCH (the chain itself holds):"
    after = r.continues_seq
    if r.complete:
        click.echo(f"{verdict} {plural(r.count, 'event')}, head {r.head}")
    elif r.linked and after is not None:
        # An export after a head: checked as a full export is, from that head on.
        click.echo(
            f"{verdict} {plural(r.count, 'event')} after seq {after}, every link checked from "
            f"its head, head {r.head}"
        )
    else:
        shown = r.unlinked[:GAPS_SHOWN]
        gaps = ", ".join(str(g) for g in shown)
        more = (
            f", … ({len(r.unlinked):,} in all, listed by --json)"
            if len(r.unlinked) > len(shown)
            else ""
        )
        filters = _filters_said(r.filters)
        match = "matches its hash" if r.count == 1 else "each match their hash"
        click.echo(
            f"{verdict} {plural(r.count, 'event')} {match} "
            f"(seq {r.first_seq}..{r.last_seq}), as many as the export's scope states; "
            f"{plural(r.gap_count, 'link')} not checked (into seq {gaps}{more}): "
            f"a filtered export ({filters})"
        )
    if r.mismatch is not None:
        # The trail holds (the line above): it is the --head and --count given that disagree.
        click.echo(f"error: {r.mismatch}", err=True)
    elif head is not None or count is not None:
        since = (r.last_seq or 0) - (r.noted_head_seq or count or 0)
        if head is None:
            # (a count alone names no head: say what was checked, the count)
            noted = f"noted count {count}: the trail still holds that many events"
        elif after is not None and r.noted_head_seq == after:
            noted = f"continues the head noted earlier at seq {after}: intact"
        else:
            where = "" if r.noted_head_seq is None else f" is seq {r.noted_head_seq}"
            noted = f"noted head{where}: intact"
        click.echo(f"{noted}; {plural(since, 'event')} added since", err=True)
    elif after is not None:
        message(
            f"continues seq {after}, head {r.filters.get('after_head')}, as the file says: give "
            "the head noted then (--head) to check that it is the one signed off"
        )
    elif not from_file:
        message("events removed from the end are only caught with --head/--count noted earlier")
    if r.rules_checked is True and r.mismatch is None:
        # The OK line reads the same for a database's check (hashes and links alone): say what
        # more a full export's check held, as the line below says what a filtered one could not.
        message("workflow rules hold: every event records a move the workflow allows")
    if r.rules_checked is False and r.linked and r.after_only:
        message(
            f"workflow rules not checked: an export after seq {after} lacks the events before "
            "it (verify a full export for them)"
        )
    elif r.rules_checked is False:
        message(
            "workflow rules not checked: a filtered export lacks the events before and "
            "between its own (verify a full export for them)"
        )


def _say_clock_steps(r: ChainReport) -> None:
    """Events stamped before the event before them: on stderr, beside the verdict (the OK line
    stays as scripts parse it). The trail's order is seq's, so this breaks nothing; but an
    editor signing off by windows of time (`audit export --since`) does not see them."""
    if not r.clock_step_count:
        return
    from workbench.domain.clock import CLOCK_TOLERANCE, to_second

    first = r.clock_steps[0]
    minutes = int(CLOCK_TOLERANCE.total_seconds()) // 60
    message(
        f"the clock went back {plural(r.clock_step_count, 'time')}: first at seq {first.seq}, "
        f"{to_second(first.at)} after {to_second(first.previous_at)} (seq "
        f"{first.previous_seq}) (steps of over {minutes} minutes counted); a window by time "
        "(audit export --since) leaves such events out: check the clocks that wrote them"
    )


def _say_odd_stamps(r: ChainReport) -> None:
    """Events stamped in another form than every workbench writes (a bundle or a file edited
    by hand): on stderr beside the verdict, as the clock's steps are; the chain holds."""
    if not r.odd_stamp_count:
        return
    first = r.odd_stamps[0]
    warning(
        f"the trail holds {plural(r.odd_stamp_count, 'event')} stamped otherwise than a "
        f"workbench writes a stamp (YYYY-MM-DDTHH:MM:SS.ffffffZ, in UTC): first seq "
        f"{first.seq}, {shown(first.at)}; the clock check skips such a stamp and a window "
        "by time (audit export --since) sets it by its text: no workbench wrote it"
    )


def _say_people(people: PeopleWarnings) -> None:
    """What the trail's people are warned of, both warnings (`audit verify`, `audit replay`)."""
    _say_look_alikes(people.look_alikes, people.look_alike_count)
    _say_one_person_approvals(people.one_person_approvals, people.one_person_approval_count)


def _say_look_alikes(found: Sequence[LookAlike], count: int) -> None:
    """Registrations `user add` refuses beside an earlier one (trial185: a trail rewritten to
    show bob as maria's "Maria Lopez"), on stderr beside the verdict: a warning, not a break,
    since an older workbench registered such pairs too, and the trail does not say which."""
    if not count:
        return
    registers = "registration" if count == 1 else "registrations"
    pairs = "the pair" if count == 1 else "the pairs"
    warning(
        f"the trail holds {count:,} {registers} of a person who would be mistaken for one "
        "registered before, which `workbench user add` refuses: a workbench before the rule "
        f"let {pairs} in, or the trail was rewritten outside it, its hashes recomputed; check "
        "who each is (a head noted earlier tells a rewrite):"
    )
    _say_first([one.message() for one in found[:GAPS_SHOWN]], count)


def _say_one_person_approvals(found: Sequence[OnePersonApproval], count: int) -> None:
    """Approvals by a person the sign-off's rule reads as the proposer by another name (mar1a
    approving maria's verdict, or maria@example.org, her address), on stderr: a warning, not a
    break, since a workbench before each rule let them through, as `claim approve` refuses
    now, and so does this one before the two are registered (trial308: the warning blamed
    only an older workbench or a rewrite, read as tampering)."""
    if not count:
        return
    approvals, them, verdicts = (
        ("approval", "it", "the verdict") if count == 1 else ("approvals", "them", "these verdicts")
    )
    warning(
        f"the trail holds {count:,} {approvals} by a person the sign-off reads as the "
        "verdict's proposer (a name like theirs, their display name or address), which "
        f"`workbench claim approve` refuses: a workbench before the rule let {them} through, "
        "one of the two was registered only after it (the rule reads the people the trail "
        "registers by its end; an approval before that had no name or address to compare), "
        f"or the trail was rewritten outside it; no second person reviewed {verdicts}:"
    )
    _say_first([one.message() for one in found[:GAPS_SHOWN]], count)


def _say_first(said: Sequence[str], count: int) -> None:
    """The first GAPS_SHOWN of `count` found (`said`, a line each) on stderr, the rest
    counted: --json lists every one."""
    for line in said:
        message(f"  {line}")
    if count > GAPS_SHOWN:
        message(f"  … ({count:,} in all, listed by --json)")


def _print_rule_breaks(r: ChainReport) -> None:
    """Every hash and link holds, but events record moves the workflow refuses: the trail was
    written or rewritten with its hashes recomputed, which only the rules (or a head noted
    earlier) catch."""
    events = "event records" if r.rule_break_count == 1 else "events record"
    click.echo(
        f"REFUSED MOVES: {r.rule_break_count:,} {events} a move the workflow refuses, though "
        f"the chain of {plural(r.count, 'event')} holds (head {r.head}):"
    )
    for found in r.rule_breaks[:GAPS_SHOWN]:
        click.echo(f"  {found.message}")
    if r.rule_break_count > GAPS_SHOWN:
        click.echo(f"  … ({r.rule_break_count:,} in all, listed by --json)")
    message(
        "a trail the workbench wrote holds none: this one was written or rewritten outside it, "
        "its hashes recomputed; check it against a head noted earlier (--head, --count)"
    )


@audit.command("head")
@json_context
def head(ctx: click.Context, as_json: bool) -> None:
    """Print the newest event's hash and the event count, to note down or publish.

    Later, `workbench audit verify --head HASH --count N` proves that the trail still holds
    every one of those N events unchanged. --json prints {"count", "seq", "head", "hash"}:
    head is the hash (as --head takes it), and hash the same value, for older scripts.
    """
    from workbench.services.chain_head import chain_head

    h = chain_head(workbench_from(ctx))
    if json_out(as_json, h):
        return
    click.echo(f"{plural(h.count, 'event')}, head {h.hash}")
    message(f"check later with: workbench audit verify --head {h.hash} --count {h.count}")


@audit.command("replay")
@json_context
def replay(ctx: click.Context, as_json: bool) -> None:
    """Rebuild the whole state from the events alone; compare it with the tables.

    Documents (every revision of their text), claims (status, owner, tags, priority, due
    date, review), notes, evidence and settings are rebuilt. The revisions counted include
    each document's first; --json's entities count only those `doc update` added.

    Prints `consistent`, or each difference (exit 1): a change that escaped the audit trail,
    or an event that the tables do not reflect. A registration of a person `user add` refuses
    beside one registered before (two people shown alike) is warned of on stderr, naming both
    and their seqs, as `audit verify` does; it is no difference.
    """
    from workbench.services.replay import replay as run_replay

    with progress_bar("replaying events", enabled=wanted(as_json=as_json)) as progress:
        report = run_replay(workbench_from(ctx), progress)
    if as_json:
        emit_json(report.to_json())
    elif report.consistent:
        many = {"evidence": "evidence items"}
        built = ", ".join(
            plural(n, "evidence item" if kind == "evidence" else kind, many.get(kind))
            for kind, n in report.counted().items()
        )
        click.echo(f"consistent: {plural(report.events, 'event')} rebuild {built}")
    else:
        for diff in report.differences:
            click.echo(diff.message)
        hidden = report.total - len(report.differences)
        if hidden:
            click.echo(f"... and {hidden:,} more differences")
        message(f"{plural(report.total, 'difference')} between the events and the tables")
    if not as_json:
        _say_people(report)
    if not report.consistent:
        sys.exit(EXIT_REFUSED)
