"""`workbench export ...`: the workbench's work in the formats of the field."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click

from workbench.cli.common import (
    check_output,
    is_stdout,
    json_needs_file,
    output_file,
    usage_unless_none,
    workbench_from,
)
from workbench.cli.once import Group
from workbench.cli.options import (
    ID,
    ORG_URL,
    OUTPUT_FILE,
    PUBLISHER,
    URL_TEMPLATE,
    after_options,
    bom_option,
    check_bom_usage,
    force_option,
    format_for,
    format_option,
    json_context,
    named_format,
    span_options,
    stdout_or_file_option,
)
from workbench.cli.progress import progress_bar, wanted
from workbench.cli.render import emit_json, message, plural, shown_path, warning

if TYPE_CHECKING:
    from workbench.domain.sign_off import RanAhead
    from workbench.exports.table_xlsx import CutCell, StoodIn
    from workbench.services.exports import ReviewExport
    from workbench.services.skipped_claims import SkippedClaims

INCLUDE_FLAGGED = click.option(
    "--include-flagged",
    is_flag=True,
    help="Publish verdicts flagged for re-review too (their quote changed after the verdict).",
)


def say_flagged(
    flagged: list[int], included: bool, *, kept: bool = False, pulled: bool = False
) -> None:
    """On stderr: which flagged claims were left out, or `kept` without their verdict (or
    published anyway), and why; in a partner's pull (`pulled`: --after), that a review of
    them published before comes down, as of a reopened one (trial145)."""
    if not flagged:
        return
    ids = ", ".join(f"#{c}" for c in flagged)
    count = f"{plural(len(flagged), 'claim')} flagged for re-review"
    if included:
        message(f"published {count} (--include-flagged): {ids}")
    elif kept:
        message(
            f"withheld the verdict of {count}: {ids} (the quote changed after the verdict: "
            "each is highlighted without status, rating or reason; a new decision clears the "
            "flag, --include-flagged publishes them anyway)"
        )
    else:
        them = "it" if len(flagged) == 1 else "them"
        take_down = f"; take down any review of {them} published before" if pulled else ""
        message(
            f"left out {count}: {ids} (the quote changed after the verdict; "
            f"a new decision clears the flag, --include-flagged publishes them anyway){take_down}"
        )


def say_unreviewed(ids: Sequence[int]) -> None:
    """On stderr: published verdicts that review.required says a second person approves, and
    no one did (given while the setting was off, or imported)."""
    if not ids:
        return
    count, named = plural(len(ids), "verdict"), ids_named(ids)
    message(
        f"warning: published {count} no second reviewer approved ({named}), though "
        "review.required is on (`workbench claim show ID` says who gave each)"
    )


def say_unattributed(ids: Sequence[int]) -> None:
    """On stderr: published claims whose reviews name no author (no speaker, or the article's
    author where the document names none)."""
    _note_published(
        ids,
        # Both are refused once a claim holds a verdict (review65): the step is to reopen it
        # (trial95: the note advised `doc edit --author`, which was then refused).
        "naming no author of the claim (a claim's speaker, `claim edit ID --speaker NAME`, and "
        'the document\'s author that "Article author" names, `doc edit DOC --author NAME`, are '
        "set before its verdict: reopen it first, `claim status ID in_progress --note TEXT`)",
    )


def say_unlocated(ids: Sequence[int]) -> None:
    """On stderr: published claims whose reviews give no address where the claim appeared."""
    _note_published(
        ids,
        "with no address where the claim appeared (its document has no URL, which `doc edit "
        "DOC --url URL` sets; fact-check markup asks for one)",
    )


def say_redated(redated: Sequence[tuple[int, RanAhead]]) -> None:
    """On stderr: each published review dated by its trail, not by the clock that stamped its
    verdict (`sign_off.trail_time`): the date used, and why."""
    for claim_id, ahead in redated:
        message(
            f"note: claim #{claim_id}'s verdict (seq {ahead.seq}) is stamped {ahead.at[:10]}, "
            f"later than its move written after it (seq {ahead.proved_by}, {ahead.dated[:10]}) "
            "and its addition before it: the clock that stamped the verdict ran ahead, so its "
            f"review is dated {ahead.dated[:10]}, that move's date"
        )


def say_undated(undated: Sequence[tuple[int, str]], today: str, latest: str) -> None:
    """On stderr: the annotations a time of which (created, modified) was left out, dated
    after today (`exports.annotations.times_ahead`), with the first few stamps."""
    if not undated:
        return
    claims = sorted({c for c, _ in undated})
    stamps = first_few([f"#{c} {at[:10]}" for c, at in undated])
    them = "it" if len(undated) == 1 else "them"
    message(
        f"note: left out {plural(len(undated), 'time')} after today ({today} in UTC by this "
        f"computer's clock, at most {latest} anywhere) from the annotation of "
        f"{plural(len(claims), 'claim')} ({stamps}): the clock that stamped {them} was ahead; "
        "a claim's next change on a right clock dates it again"
    )


def _note_published(ids: Sequence[int], how: str) -> None:
    if ids:
        message(f"note: {plural(len(ids), 'claim')} ({ids_named(ids)}) published {how}")


# How many claims a summary line names before it only counts the rest.
IDS_NAMED = 5


def ids_named(ids: Sequence[int], total: int | None = None) -> str:
    """The first few claim ids, as a summary line names them ('#1, #2 and 3 more'); `total`:
    how many there are, when `ids` are only the first of them."""
    return first_few([f"#{c}" for c in ids], total)


def first_few(items: Sequence[str], total: int | None = None) -> str:
    """The first IDS_NAMED of `items`, and how many more of `total` (all `items` when None):
    '#1, #2 and 3 more'."""
    shown = items[:IDS_NAMED]
    rest = (len(items) if total is None else total) - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest > 0 else "")


def say_skipped(skipped: SkippedClaims) -> None:
    """On stderr: one line per reason a claim was not published, with how many and the first
    few ids; a year of open claims is one line, not thousands. The full list is the claims
    themselves: `claim list --open --json` (and `--status opinion`)."""
    for group in skipped.by_reason():
        if group.count == 1:
            message(f"skipped claim #{group.ids[0]}: {group.reason}")
            continue
        named = ids_named(group.ids, group.count)
        message(f"skipped {group.count:,} claims ({named}): {group.reason}")


def say_cut(cut: Sequence[CutCell]) -> None:
    """On stderr: the cells an export cut to fit the format (an XLSX cell holds 32,767
    characters), the first few named, and where the whole text is."""
    if not cut:
        return
    from workbench.exports.table_xlsx import CELL_LIMIT

    named = first_few([f"claim #{c.claim_id}'s {c.column} ({c.length:,})" for c in cut])
    warning(
        f"cut {plural(len(cut), 'text')} to Excel's limit of {CELL_LIMIT:,} characters a cell "
        f"(each ends '[…cut: ...]'): {named}; `export claims --format csv` or "
        "`--format json` has the whole text"
    )


def say_stood_in(stood_in: Sequence[StoodIn]) -> None:
    """On stderr: the cells whose control characters an XLSX cell cannot hold (an ESC, a bell)
    were written as visible stand-ins, the first few named, and where the text is as stored."""
    if not stood_in:
        return
    named = first_few([f"claim #{c.claim_id}'s {c.column}" for c in stood_in])
    count = plural(sum(c.count for c in stood_in), "control character")
    warning(
        f"wrote {count} an Excel cell cannot hold as visible stand-ins (␛ for ESC, ␇ for BEL: "
        f"U+2400 and on): {named}; `export claims --format json` has the text as stored"
    )


# Characters of encoded JSON gathered per write: `json.dump` writes each small piece (a key,
# a comma) on its own, which cost a fifth more CPU on a year's annotations.
_JSON_PIECE = 8192


def write_json(value: Any, output: str | None, force: bool) -> None:
    """`value` as indented JSON, written as it is encoded: `json.dumps` of a year's
    annotations held the text and every piece joined into it (hundreds of MB) at once. The
    bytes are the same (`dumps` encodes with this encoder's pieces, joined)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    write_pieces(encoder.iterencode(value), output, force)


def write_pieces(pieces: Iterable[str], output: str | None, force: bool) -> None:
    """The text of `pieces` and a newline, gathered into writes of about _JSON_PIECE
    characters as the pieces come (none of them held after its write)."""
    pending: list[str] = []
    size = 0
    with output_file(output or "-", force=force) as out:
        for piece in pieces:
            pending.append(piece)
            size += len(piece)
            if size >= _JSON_PIECE:
                out.write("".join(pending))
                pending.clear()
                size = 0
        out.write("".join(pending) + "\n")
        out.flush()


def write_text(text: str, output: str | None, force: bool) -> None:
    with output_file(output or "-", force=force) as out:
        out.write(text)
        out.flush()


@click.group(cls=Group)
def export() -> None:
    """Export claims as ClaimReview, Web Annotations, tables or a lossless bundle."""


@export.command("claimreview")
@click.option("--claim", "claim_ids", type=ID, multiple=True, metavar="ID", help="Only claim ID.")
@click.option("--doc", "document_ids", type=ID, multiple=True, metavar="DOC", help="Only DOC.")
@click.option(
    "--org", type=PUBLISHER, required=True, metavar="NAME", help="The publishing organisation."
)
@click.option("--org-url", type=ORG_URL, required=True, metavar="URL", help="Its web site.")
@click.option(
    "--url-template",
    type=URL_TEMPLATE,
    metavar="TEMPLATE",
    help="Each review's page, {id} for the claim id, e.g. 'https://example.org/checks/{id}'. "
    "[default: <org-url>/#claim-<id>; after the URL's query, <org-url>#claim-<id>]",
)
@span_options("Only verdicts given")
@after_options(
    "Only claims whose review may have changed after the event whose hash is HEAD (the head "
    "the last pull named): their verdict moved (given, approved, corrected, withdrawn, "
    "reopened, flagged for re-review or its flag cleared), or their document's published "
    "fields were edited; by position in the trail, not by the clock. The trail must hold it "
    "(with --after-seq: at that seq).",
    "Only claims whose review may have changed after seq N (0: all, a first pull).",
)
@INCLUDE_FLAGGED
@stdout_or_file_option
@force_option
@json_context
def claimreview(
    ctx: click.Context,
    claim_ids: tuple[int, ...],
    document_ids: tuple[int, ...],
    org: str,
    org_url: str,
    url_template: str | None,
    since: str | None,
    until: str | None,
    after_head: str | None,
    after_seq: int | None,
    include_flagged: bool,
    output: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """schema.org ClaimReview JSON-LD (a list) for claims with a final, rated verdict.

    Opinions, claims still open and withdrawn claims are skipped: stderr says how many for
    each reason, with the first few ids (`claim list --open`, `--status opinion` and `--status
    withdrawn` list them all). Verdicts flagged for re-review (the quote changed in a later
    revision) are left out, and named on stderr, unless --include-flagged. Naming with --claim
    a claim that cannot be published (an opinion, one still open or withdrawn, or a flagged
    verdict without --include-flagged) is refused, with the reason. With review.required on,
    stderr also names published verdicts no second reviewer approved.

    A verdict given again since its claim first held one (reopened and corrected after
    publication) keeps the first one's date as datePublished, its own as dateModified (never
    before it: one given on a clock behind the first verdict's takes the first's date). A
    verdict is dated no later than a move of its claim written after it (reopened, judged
    again) at an earlier time no earlier than the claim's addition, and followed by no move
    of the claim stamped as late as the verdict: the trail shows its clock ran ahead, and
    stderr says the date used. A review that would still be dated after today
    by this computer's clock (a verdict given on a clock that was ahead, with nothing after it
    yet to show it) is skipped, saying so: a verdict given again on a right clock re-dates it.

    --since DATE [--until DATE] publishes only the verdicts given in that span (each review's
    dateModified, else datePublished: the week's, say), read as `stats --since/--until` reads
    them; claims with no verdict, or one given outside it, are not selected, nor listed as
    skipped.

    For a partner's feed pulled again and again, --after HEAD (or --after-seq N) publishes
    the reviews of the claims whose review may have changed after that event of the audit
    trail, and only those: their verdict moved (given, approved, corrected; withdrawn,
    reopened or flagged ones are named on stderr, to take down; a flag cleared by a revision
    giving the judged words back publishes it again), or their document's URL,
    title, author, date or language was edited (`doc edit`: where the claim appeared, which
    each review publishes); a note, tags or a span moved by `doc update` change no review and
    select nothing. By position, whatever the writers' clocks said: a correction written on a
    clock that was behind is dated on or before the last pull, and --since misses it. The
    reviews and their dates are the full export's. stderr ends with `next pull: --after HEAD
    --after-seq N`, the trail's head as this export read it, to give next time; --after-seq 0
    is the first pull (everything). A head the trail does not hold is refused, as `audit
    export --after` refuses it; --after goes with neither --since nor --claim.

    With -o FILE, --json prints what was written and said: {"path", "reviews", "skipped"
    (each reason's machine name, sentence, count and every id), "skipped_count", "flagged",
    "flagged_included", "unreviewed", "unattributed", "unlocated", "redated", "next_after"}
    (docs/json.md); without -o FILE stdout is the export, and --json is bad usage.
    """
    from workbench.exports.claimreview import json_ld_pieces, review_url_problem
    from workbench.services.activity import span_problem
    from workbench.services.exports import after_problem, review_stream
    from workbench.services.review_selection import ReviewSelection

    named_format(output, ("json",))
    usage_unless_none(review_url_problem(org_url, url_template))
    usage_unless_none(span_problem(since, until))
    if since is not None and claim_ids:
        raise click.UsageError("--since selects claims by their verdict's date: name no --claim")
    selection = ReviewSelection(
        org=org,
        org_url=org_url,
        url_template=url_template,
        claim_ids=claim_ids,
        document_ids=document_ids,
        include_flagged=include_flagged,
        since=since,
        until=until,
        after_seq=after_seq,
        after_head=after_head,
    )
    if (problem := after_problem(selection)) is not None:
        raise click.UsageError(problem.message)
    json_needs_file(as_json, output)
    check_output(output, force)
    with review_stream(workbench_from(ctx), selection, every_id=as_json) as stream:
        # Written as the reviews are read: what is said of the claims is known after.
        write_pieces(json_ld_pieces(stream.reviews), output, force)
    result = stream.export([])
    say_skipped(result.skipped)
    pulled = after_seq is not None or after_head is not None
    say_flagged(result.flagged, include_flagged, pulled=pulled)
    say_unreviewed(result.unreviewed)
    say_unattributed(result.unattributed)
    say_unlocated(result.unlocated)
    say_redated(result.redated)
    if as_json:
        assert output is not None  # json_needs_file
        emit_json(_reviews_written(output, stream.published, result, include_flagged))
    elif output:
        message(f"wrote {plural(stream.published, 'ClaimReview')} to {shown_path(output)}")
    if result.next_after is not None:
        seq, head = result.next_after
        # Last, in one fixed form: what a partner's script reads to chain its pulls.
        message(
            f"next pull: --after {head} --after-seq {seq} (the trail's head as this export read it)"
        )


def _reviews_written(
    path: str, published: int, result: ReviewExport, include_flagged: bool
) -> dict[str, Any]:
    """`export claimreview --json`: what stderr says, every id in full."""
    skipped = result.skipped.by_reason()
    next_after = None
    if result.next_after is not None:
        seq, head = result.next_after
        next_after = {"seq": seq, "head": head}
    return {
        "path": path,
        "reviews": published,
        "skipped": [group.to_json() for group in skipped],
        "skipped_count": sum(group.count for group in skipped),
        "flagged": result.flagged,
        "flagged_included": include_flagged,
        "unreviewed": result.unreviewed,
        "unattributed": result.unattributed,
        "unlocated": result.unlocated,
        "redated": [
            {"claim_id": c, "seq": a.seq, "at": a.at, "dated": a.dated, "proved_by": a.proved_by}
            for c, a in result.redated
        ],
        "next_after": next_after,
    }


@export.command("annotations")
@click.option("--doc", "document_ids", type=ID, multiple=True, metavar="DOC", help="Only DOC.")
@INCLUDE_FLAGGED
@stdout_or_file_option
@force_option
@json_context
def annotations_command(
    ctx: click.Context,
    document_ids: tuple[int, ...],
    include_flagged: bool,
    output: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """W3C Web Annotation JSON-LD: an AnnotationCollection with one Annotation per claim.

    A withdrawn claim (taken back: `claim withdraw`) has none: it is never published.

    Each Annotation targets the document (its URL, else urn:sha256: of its text) with a
    TextQuoteSelector and a TextPositionSelector counting in the text of the claim's revision
    (with a URL, a TimeState names that text: when it was stored, and its sha256); its id
    (urn:uuid:) is the same in every export; the claim's speaker is the target's creator (a
    Person or an Organization as its speaker:person or speaker:organisation tag says). Its
    bodies: the claim's text, status, type, rating and the verdict's reason (the note given
    with it; an open claim's latest note). Its generator names the workbench and, as its
    schema:softwareVersion, the shape of the annotations ("2"): `import annotations` reads a
    field an annotation leaves out as taken out only in a file that names it (older exports
    wrote no speaker, and the latest note for the reason).
    A claim flagged for re-review (its quote changed after the verdict) keeps its annotation
    without its verdict, as the report shows it: a `highlighting` annotation with the claim's
    text and type, no status, rating or reason; stderr names each. --include-flagged
    publishes their verdicts too, each on the words it was given on (selectors and TimeState
    of that revision), not the words that replaced them. With review.required on, stderr also
    names published verdicts no second reviewer approved.
    A time after today by this computer's clock (a claim added or changed on a clock that was
    ahead: 2099) is left out of its annotation (created and modified are optional), as
    ClaimReview skips a review that would be dated after today; stderr names each, and the
    claim's next change on a right clock dates it.

    With -o FILE, --json prints what was written and said: {"path", "annotations",
    "flagged", "flagged_included", "unreviewed", "undated"} (docs/json.md); without -o FILE
    stdout is the export, and --json is bad usage.
    """
    from workbench.exports.annotations import collection_pieces
    from workbench.services.exports import annotation_stream

    named_format(output, ("json",))
    json_needs_file(as_json, output)
    check_output(output, force)
    with annotation_stream(
        workbench_from(ctx), document_ids=document_ids, include_flagged=include_flagged
    ) as stream:
        say_flagged(stream.flagged, include_flagged, kept=True)
        # Written as the annotations are read: the verdicts no one approved are known after.
        write_pieces(collection_pieces(stream.head, stream.annotations), output, force)
    say_unreviewed(stream.unreviewed)
    say_undated(stream.undated, stream.today, stream.latest)
    if as_json:
        emit_json(
            {
                "path": output,
                "annotations": stream.head["total"],
                "flagged": stream.flagged,
                "flagged_included": include_flagged,
                "unreviewed": stream.unreviewed,
                "undated": [{"claim_id": c, "at": at} for c, at in stream.undated],
            }
        )
    elif output:
        message(f"wrote {plural(stream.head['total'], 'annotation')} to {shown_path(output)}")


@export.command("claims")
@format_option("table")
@click.option("--doc", "document_ids", type=ID, multiple=True, metavar="DOC", help="Only DOC.")
@bom_option
@stdout_or_file_option
@force_option
@json_context
def claims_command(
    ctx: click.Context,
    fmt: str,
    document_ids: tuple[int, ...],
    bom: bool,
    output: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """The claims table, one row per claim, which `workbench import claims` reads back.

    Columns in order: id, document_id, quote, start, end, revision, text, speaker, type, status,
    rating, flagged, note, tags, assignee, priority, due, verdict_by, approved_by, verdict_at.
    start and end count in the text of document revision `revision` (a claim orphaned by an
    update keeps an older one). `flagged` is true for a verdict flagged for re-review (its
    quote changed after the verdict): its rating no longer stands as checked. verdict_by gave
    (or proposed) the verdict, approved_by approved it (empty: no second person did), at
    verdict_at (UTC, from the trail); the three are empty for a claim with no verdict, one in
    review included. An import sets none of id, document_id, revision, rating, flagged and the
    verdict's three (the database decides them); it reads id to find a claim already present,
    and refuses a row whose document_id is not the document imported into (empty the column
    to import into another database); stderr names the flagged ones. A withdrawn claim is
    listed with status withdrawn and its reason as the note, and an import withdraws it again.
    CSV and JSON import back (`import claims` reads JSON Lines too); XLSX is for reading.

    With -o FILE, --json prints what was written and said: {"path", "format", "claims",
    "flagged", "cut", "stood_in"} (docs/json.md); without -o FILE stdout is the table, and
    --json is bad usage.
    """
    from workbench.exports.registry import get, writer
    from workbench.services.exports import stream_claim_rows

    fmt = format_for(ctx, "table", fmt, output)
    check_bom_usage(bom, "table", fmt)
    json_needs_file(as_json, output)
    check_output(output, force)
    chosen = get("table", fmt)
    binary = chosen.binary
    if binary and is_stdout(output):
        raise click.UsageError(f"--format {fmt} writes a binary file: give -o FILE.{fmt}")
    to_file = output not in (None, "-")
    cut: list[CutCell] = []
    stood_in: list[StoodIn] = []
    bar = wanted(as_json=as_json, to_stdout=not to_file)
    with progress_bar("exporting claims", enabled=bar) as progress:
        # Rows first: an unknown DOC is refused before any file is opened.
        rows = stream_claim_rows(workbench_from(ctx), document_ids=document_ids, progress=progress)
        flagged: list[int] = []
        rows = _noting_flagged(rows, flagged)
        with output_file(output or "-", binary=binary, force=force) as out:
            options: dict[str, Any] = {"bom": True} if bom else {}
            if chosen.cuts:
                options["on_cut"] = cut.append
                options["on_stand_in"] = stood_in.append
            count = writer("table", fmt)(rows, out, **options)
            out.flush()
    if as_json:
        emit_json(
            {
                "path": output,
                "format": fmt,
                "claims": count,
                "flagged": flagged,
                "cut": [
                    {"claim_id": c.claim_id, "column": c.column, "length": c.length} for c in cut
                ],
                "stood_in": [
                    {"claim_id": s.claim_id, "column": s.column, "count": s.count} for s in stood_in
                ],
            }
        )
    elif output:
        message(f"wrote {plural(count, 'claim')} to {shown_path(output)}")
    if flagged:
        # The table keeps a flagged verdict's status and rating, marked flagged: said, as the
        # publishing exports say what they withhold (trial47b: a sheet sorted by rating
        # counted a flagged "True" as checked).
        named = ids_named(flagged)
        count_said = plural(len(flagged), "verdict")
        message(
            f"{count_said} flagged for re-review ({named}) listed with flagged true: the status "
            "and rating judged words a later revision changed"
        )
    say_stood_in(stood_in)
    say_cut(cut)


def _noting_flagged(rows: Iterator[dict[str, Any]], flagged: list[int]) -> Iterator[dict[str, Any]]:
    """The rows, as they stream, noting the ids of those whose verdict is flagged."""
    for row in rows:
        if row.get("flagged"):
            flagged.append(int(row["id"]))
        yield row


@export.command("bundle")
@click.argument("path", metavar="FILE", type=OUTPUT_FILE)
@json_context
def bundle_command(ctx: click.Context, path: str, as_json: bool) -> None:
    """Everything, losslessly, in one deterministic archive (a ZIP of JSON lines).

    Documents, claims, notes, evidence with its archived bytes, settings and the audit trail
    with its hash chain. `workbench import bundle FILE` restores it into an empty database:
    how a desk moves from a laptop's SQLite file to the team's PostgreSQL, or back. The
    similarity index is not carried (it is derived, and rebuilt from the claims on first use).
    FILE is a new file: as with `backup`, an existing one is never overwritten. --json prints
    what was written: {"path", "tables" (rows in each), "events", "head", "schema_revision"},
    as `import bundle --json` does for what it restored.
    """
    from workbench.services.bundle_export import export_bundle

    json_needs_file(as_json, path, "the bundle", argument=True)
    with (
        output_file(path, binary=True, never_over="a bundle") as out,
        progress_bar(
            "exporting the bundle", enabled=wanted(as_json=as_json, to_stdout=False)
        ) as progress,
    ):
        summary = export_bundle(workbench_from(ctx), out, progress)
    if as_json:
        emit_json({"path": path, **summary.to_json()})
        return
    rows = sum(summary.tables.values())
    message(
        f"wrote {shown_path(path)}: {rows:,} rows in {len(summary.tables)} tables, "
        f"{plural(summary.events, 'event')}, head {summary.head}"
    )
