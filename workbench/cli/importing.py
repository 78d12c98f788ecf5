"""`workbench import ...`: claims from other tools, spreadsheets and bundles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

import click

from workbench.cli.claim_words import say_same_span
from workbench.cli.common import say_reading_stdin, workbench_from
from workbench.cli.once import Group
from workbench.cli.options import (
    BUNDLE_FILE,
    CLAIMS_FILE,
    INPUT_FILE,
    import_options,
    json_context,
)
from workbench.cli.progress import progress_bar, wanted
from workbench.cli.render import emit_json, emit_json_object, message, plural, warning
from workbench.domain.clock import as_read
from workbench.domain.spans import span_words

if TYPE_CHECKING:  # (not at run time: `--help` imports no SQLAlchemy)
    from workbench.services.import_text_changed import TextChange
    from workbench.services.imports import Differs, ImportResult, OtherId
    from workbench.services.span_twins import WouldAdd
    from workbench.services.views import ClaimView

T = TypeVar("T")

# The command that changes each field an import compares but does not change.
_CHANGED_BY = {
    "speaker": "claim edit",
    "type": "claim edit",
    "status": "claim status",
    # An annotation's rating follows from the claim's status (RATINGS): changed by it.
    "rating": "claim status",
    "assignee": "claim assign",
    "priority": "claim priority",
    "due": "claim due",
    "tags": "claim tag/untag",
    "note": "note add",
}
# The command that clears each field a row leaves empty, as typed (an editor told `claim
# assign` ran it and was told to give --to or --clear); the others are changed, not cleared.
_CLEARED_BY = {
    "speaker": "claim edit --clear speaker",
    "assignee": "claim assign --clear",
    "due": "claim due --clear",
    # `claim untag` takes the tags to remove (none given is bad usage): named, as typed.
    "tags": "claim untag TAG...",
    # An emptied note is taken back from publication by `note internal` (no note is deleted).
    "note": "note internal",
}


# The fields an import compares that no claim is without (`claim edit` and `claim status`
# change them; nothing clears them): an emptied one is said as such, not as "not cleared".
_NEVER_EMPTY = frozenset({"type", "status"})
# What an emptied rating is said with, in each of the ways it is said: it follows from the
# status (`claim status` changes it; nothing else does), so it is neither "not cleared" nor
# one no claim can be without.
_FOLLOWS_STATUS = "follows from its status"


@click.group("import", cls=Group)
def import_() -> None:
    """Import claims (Web Annotations, CSV/JSON tables) or a whole bundle."""


def _print_added(claims: Iterable[ClaimView], *, dry_run: bool = False) -> None:
    """The claims an import added, a line each (both imports print them alike); those a dry
    run would add, without the id they are not given."""
    for claim in claims:
        where = span_words(claim.start, claim.end)
        added = "would add" if dry_run else f"claim #{claim.id}"
        click.echo(f"{added}  [{claim.status}]  {where}  {claim.text}")


# Warnings of claims added on the very span of another, one line each up to this many; the
# rest are counted in one line (--json gives every one its `same_span` and `same_span_count`).
SAME_SPAN_SHOWN = 5


def _say_same_spans(
    added: Iterable[T], on_a_twin: Callable[[T], bool], say: Callable[[T], None], *, dry_run: bool
) -> None:
    """A warning for each claim added (`ClaimView`), or a dry run would add (`WouldAdd`), on
    the very span of another, `say` wording it; past `SAME_SPAN_SHOWN`, one line counts them.
    One pass, holding none: a claims import's are spooled to disk, and may be 100,000."""
    twins = 0
    for c in added:
        if on_a_twin(c):
            twins += 1
            if twins <= SAME_SPAN_SHOWN:
                say(c)
    if twins > SAME_SPAN_SHOWN:
        rest = twins - SAME_SPAN_SHOWN
        fields = "same_span, same_span_to_add" if dry_run else "same_span"
        warning(
            f"and {plural(rest, 'more claim')} {'would be ' if dry_run else ''}added on the "
            f"span of another claim (--json: {fields})"
        )


def _say_added_twins(added: Iterable[ClaimView], rows: Mapping[int, int], noun: str) -> None:
    """Each named by its row, as the dry run names it (`_say_would_add_twins`)."""
    _say_same_spans(
        added,
        lambda c: bool(c.same_span),
        lambda c: say_same_span(c, where=_row_named(rows.get(c.id), noun)),
        dry_run=False,
    )


def _say_would_add_twins(would_add: Iterable[WouldAdd], noun: str) -> None:
    _say_same_spans(
        would_add,
        lambda w: w.on_a_twin_span,
        lambda w: say_same_span(w.claim, w.twins_to_add, _row_named(w.row, noun)),
        dry_run=True,
    )


def _row_named(row: int | None, noun: str) -> str | None:
    return None if row is None else f"{noun} {row}"


# Rows whose id names another claim than the one taken, a warning each up to this many; the
# rest are counted in one line (--json gives every one in `other_ids`).
OTHER_IDS_SHOWN = 10

# Rows of claims already present that the file gives otherwise, a line each up to this many;
# the rest are counted in one line (--json gives every one in `differs`): an export whose
# every row was edited said a line a row, 100,000 of them.
DIFFERS_SHOWN = 10


def _other_id_line(o: OtherId, document_id: int, *, dry_run: bool, noun: str = "row") -> str:
    """What was done with a row (or annotation: `noun`) whose id names another claim than its
    words (trial168: it was matched by its words, or added, unsaid)."""
    if o.text_changed is not None:
        return _old_copy_line(o, o.text_changed, dry_run=dry_run, noun=noun)
    named = (
        f"claim #{o.id}, whose quote and text are not the {noun}'s"
        if o.known
        else f"no claim of document #{document_id}"
    )
    # An annotation's id is no number: the export's id of a claim's annotation.
    ident = f"id {o.id} is" if noun == "row" else "id is that of the annotation of"
    if o.claim_id is not None:
        done = f"taken as claim #{o.claim_id}, already present, by its quote and text"
    elif o.added:
        done = "would be added as a new claim" if dry_run else "added as a new claim"
    else:
        done = f"taken as a repeat of an earlier {noun} of the file, not added again"
    return f"{noun} {o.row}: {ident} {named}: {done}"


def _old_copy_line(o: OtherId, change: TextChange, *, dry_run: bool, noun: str = "row") -> str:
    """A row that is an old copy of the claim its id names, whose text an edit changed since
    (trial196: said only as "whose quote and text are not the row's", the editor's change and
    its author unsaid, the new claim taken for an accident of the import)."""
    when = f"{as_read(change.at)} UTC"
    if o.claim_id is not None:
        done = f"is claim #{o.claim_id}, already present"
    elif o.added:
        done = (
            "would be added as a new claim"
            if dry_run or o.added_as is None
            else f"is added as a new claim #{o.added_as}"
        )
    else:
        done = f"repeats an earlier {noun} of the file, not added again"
    return (
        f"{noun} {o.row}: claim #{o.id}'s text was changed by {change.actor} at {when} after "
        f"this export was made; the {noun}'s text {done}"
    )


def _other_id_json(o: OtherId) -> dict[str, object]:
    """--json's `other_ids` item: `added_as` and `text_changed` only where they are (added
    to the shape after it, so that a reader of the older one reads it unchanged)."""
    item: dict[str, object] = {
        "row": o.row,
        "id": o.id,
        "claim": o.claim_id,
        "added": o.added,
        "id_known": o.known,
    }
    if o.added_as is not None:
        item["added_as"] = o.added_as
    if o.text_changed is not None:
        item["text_changed"] = {"by": o.text_changed.actor, "at": o.text_changed.at}
    return item


def _say_other_ids(
    other_ids: list[OtherId], document_id: int, *, dry_run: bool, noun: str = "row"
) -> None:
    for o in other_ids[:OTHER_IDS_SHOWN]:
        warning(_other_id_line(o, document_id, dry_run=dry_run, noun=noun))
    if len(other_ids) > OTHER_IDS_SHOWN:
        rest = len(other_ids) - OTHER_IDS_SHOWN
        warning(
            f"and {plural(rest, f'more {noun}')} whose id is not the claim the {noun} was taken "
            "as (--json: other_ids)"
        )


def _say_differs(differs: list[Differs], noun: str = "row") -> None:
    """The rows (or annotations: `noun`) of claims present that the file gives otherwise, both
    imports' alike."""
    for d in differs[:DIFFERS_SHOWN]:
        message(_differs_line(d, noun))
    if len(differs) > DIFFERS_SHOWN:
        rest = len(differs) - DIFFERS_SHOWN
        message(
            f"and {plural(rest, f'more {noun}')} whose claim, already present, differs from the "
            "file: not changed (--json: differs)"
        )


def _differs_json(differs: list[Differs]) -> list[dict[str, object]]:
    """--json's `differs`, both imports' alike (an annotation's number as its `row`)."""
    return [
        {"row": d.row, "claim": d.claim_id, "fields": list(d.fields), "emptied": list(d.emptied)}
        for d in differs
    ]


def _differs_line(d: Differs, noun: str) -> str:
    """A claim present that the file gives otherwise: where it is, how it differs
    (`_how_differs`), and the commands that change what differs."""
    commands = ", ".join(
        dict.fromkeys(
            _CLEARED_BY.get(name, _CHANGED_BY[name]) if name in d.emptied else _CHANGED_BY[name]
            for name in d.fields
        )
    )
    return (
        f"{noun} {d.row}: claim #{d.claim_id} is already present; {_how_differs(d)} "
        f"(import adds claims only; use {commands})"
    )


def _how_differs(d: Differs) -> str:
    """How claim `d`'s row differs from it, and why nothing was changed. An empty cell clears
    nothing: said as such, not as a value that differs. Not "the file empties": an export
    taken before the claim had the value never held it."""
    changed = [name for name in d.fields if name not in d.emptied]
    differ = f"its {', '.join(changed)} {_agree(changed, 'differs', 'differ')} from the file"
    if not d.emptied:
        return f"{differ} and {_agree(changed, 'was', 'were')} not changed"
    if changed:
        empties = f"the file leaves its {', '.join(d.emptied)} empty"
        return f"{differ} and {empties}: not changed" + "".join(
            f"; {why}" for why in _why_not_cleared(d.emptied)
        )
    return _how_emptied(d.emptied)


def _agree(names: Sequence[str], one: str, more: str) -> str:
    """`one` for a single field, else `more`; tags are plural (its tags differ, trial47c)."""
    return one if len(names) == 1 and names[0] != "tags" else more


def _why_not_cleared(emptied: Sequence[str]) -> list[str]:
    """Why emptied fields no import or command clears were left: a type and a status cannot be
    cleared at all (every claim has both), and a rating follows from the status (review216:
    "its rating differs"); neither is said to be "not cleared"."""
    kept = [name for name in emptied if name in _NEVER_EMPTY]
    return [
        *([f"no claim can be without its {' and '.join(kept)}"] if kept else []),
        *([f"its rating {_FOLLOWS_STATUS}"] if "rating" in emptied else []),
    ]


def _how_emptied(emptied: Sequence[str]) -> str:
    """How a row that only leaves fields of its claim empty differs from it."""
    kept = [name for name in emptied if name in _NEVER_EMPTY]
    rated = "rating" in emptied
    cleared = [name for name in emptied if name not in _NEVER_EMPTY and name != "rating"]
    empties = f"the file leaves its {', '.join(emptied)} empty"
    if not cleared:
        if kept and rated:
            return f"{empties}: not changed; {', and '.join(_why_not_cleared(emptied))}"
        which = "no claim can be without" if kept else _FOLLOWS_STATUS
        return f"{empties}, which {which}: not changed"
    not_cleared = (
        f"the file leaves its {', '.join(cleared)} empty, which "
        f"{_agree(cleared, 'was', 'were')} not cleared"
    )
    also = [
        *([f"its {', '.join(kept)}, which no claim can be without"] if kept else []),
        *([f"its rating, which {_FOLLOWS_STATUS}"] if rated else []),
    ]
    return ", and ".join((not_cleared, *also))


@import_.command("annotations")
@click.argument("path", metavar="FILE", type=INPUT_FILE)
@import_options("annotation")
@json_context
def annotations_command(
    ctx: click.Context, path: str, document_id: int, skip_bad: bool, dry_run: bool, as_json: bool
) -> None:
    """Claims from a W3C Web Annotation collection, anchored in DOC by their selectors.

    Annotations that `workbench export annotations` wrote bring back each claim's type,
    status, note (a verdict's reason) and speaker (its creator's type, Person or Organization,
    as the speaker:person or speaker:organisation tag), the status as `import claims` takes
    it: a verdict needs its note; verified, false and misleading come in in_progress (an
    annotation carries no evidence), as does in_review, each said on stderr; with
    review.required on, unverifiable and opinion come in in_review, proposed by you, awaiting
    a second reviewer's approval (also said). Other tools' annotations, and exports of
    workbenches that did not name themselves as generator, come in unverified and typed fact.
    All or nothing: if any annotation does not anchor or names an unknown type, status or
    speaker type, nothing is added, unless --skip-bad (a page's annotations after it was
    revised: the others come in, the bad ones are listed; with not one good annotation, the
    file is refused all the same). A file that is no annotation collection is refused whole,
    and so is one a later workbench exported (its generator names a later shape,
    schema:softwareVersion, than this one reads).
    Annotations whose span and text a claim already has are not added twice; an annotation
    of `workbench export annotations` whose id, quote and text are a claim's of DOC is that
    claim, present, an orphaned one too (its quote gone from the current text). An annotation
    whose target names another document of the desk (its URL, or its text's sha256) is
    anchored in DOC by its quote all the same, and said to be another document's.
    An annotation whose claim is present adds nothing and changes nothing; where it gives
    another status, type or speaker than the claim has, a rating (its assessing label) that
    is neither the claim's nor its own status's, or a note that is none of the claim's
    notes, it is said on stderr (the first ten such annotations, the rest counted;
    --json's `differs` gives every one), and so is one of these that a workbench export's
    annotation leaves out where the claim has it (for the note, where the export writes one;
    not of an older export, which names no shape: it wrote no speaker): it clears nothing and
    deletes no note (`differs`' `emptied`; the commands that change or
    clear each are named). An annotation whose id is that of the export's annotation of a
    claim of DOC whose quote and text are not its own is taken by its quote and text, present
    or added, and said on stderr (--json: `other_ids`, as `import claims` says a row's id).

    --dry-run checks the file as the import does and says all it would (the claims it would
    add, "would add", without ids; the annotations present and how they differ; a file with
    a bad annotation refused, exit 1), then writes nothing (--json: `dry_run` true).
    """
    from workbench.services.imports import collapsed, import_annotations

    if path == "-":
        say_reading_stdin("the annotations")
    result = import_annotations(
        workbench_from(ctx), path, document_id, skip_bad=skip_bad, dry_run=dry_run
    )
    _say_import(result, as_json=as_json, noun="annotation")
    for line in collapsed(result.skipped, "annotation"):  # those failing alike, one line
        message(f"skipped {line}")
    for line in collapsed(result.notices, "annotation"):  # those that came in alike, one line
        message(line)
    _say_other_ids(result.other_ids, document_id, dry_run=result.dry_run, noun="annotation")
    _say_differs(result.differs, "annotation")
    skipped = f", {plural(len(result.skipped), 'annotation')} skipped" if skip_bad else ""
    message(f"{_added_count(result)}, {result.present:,} already present{skipped}{_wrote(result)}")


def _say_import(result: ImportResult, *, as_json: bool, noun: str) -> None:
    """Both imports' --json object (the keys that mean alike), or the claims added (a dry
    run's, "would add"), then the warnings of those on another claim's very span."""
    if as_json:
        emit_json_object(
            {
                "added": (
                    (w.to_json() for w in result.would_add)
                    if result.dry_run
                    else (c.to_json() for c in result.added)
                ),
                "already_present": result.present,
                "skipped": result.skipped,
                "notices": result.notices,
                "differs": _differs_json(result.differs),
                "warnings": result.warnings,
                "other_ids": [_other_id_json(o) for o in result.other_ids],
                "dry_run": result.dry_run,
            }
        )
    elif result.dry_run:
        _print_added((w.claim for w in result.would_add), dry_run=True)
    else:
        _print_added(result.added)
    if result.dry_run:
        _say_would_add_twins(result.would_add, noun)
    else:
        _say_added_twins(result.added, result.twin_rows, noun)


def _added_count(result: ImportResult) -> str:
    count = len(result.would_add) if result.dry_run else len(result.added)
    return plural(count, "claim") + (" would be" if result.dry_run else "") + " added"


def _wrote(result: ImportResult) -> str:
    return " (--dry-run: nothing written)" if result.dry_run else ""


@import_.command("claims")
@click.argument("path", metavar="FILE.csv|FILE.json|FILE.jsonl", type=CLAIMS_FILE)
@import_options("row")
@json_context
def claims_command(
    ctx: click.Context, path: str, document_id: int, skip_bad: bool, dry_run: bool, as_json: bool
) -> None:
    """Claims from a claims table (columns: `workbench schema claims`), anchored in DOC.

    CSV with a header row, a JSON array of objects, or JSON Lines (an object a line). A
    CSV's cells are separated as its header's are: by commas, tabs (.tsv, or Excel's "Unicode
    Text" .txt) or semicolons (Excel's CSV in a European locale), or as a first line `sep=;`
    says (Excel's directive: no row, the header is the next line). Rows give `quote`
    (retyped punctuation or spacing still anchors) or `start`/`end`, and
    `text`; optionally speaker, type, status, note, tags, assignee, priority, due. A status
    that is a verdict needs its note; verified, false and misleading also need evidence,
    which a table cannot carry, so such a row comes in in_progress with its note (said on
    stderr), as does an in_review row (a table carries no proposal). With review.required
    on, an unverifiable or opinion row comes in in_review, proposed by you, and awaits a
    second reviewer's approval (said on stderr, rows alike on one line). A row whose
    document_id (an export's column) is not DOC is a bad row. Every row is checked
    first: if any fails, each failure is listed with its row number (rows failing alike on
    one line, "rows 2-19: ...") and nothing is written, unless --skip-bad (a file with no good
    row is refused all the same, exit 1). A file without the
    columns a claims file needs (text, and quote or start and end) is refused whole, saying
    which is missing and naming the columns it has. A row whose claim
    is already present adds nothing and changes nothing; where it gives another speaker,
    type, status, assignee, priority, due or tags than the claim has, a rating that is neither
    the claim's nor its own status's, or a note that is none of the claim's notes, it is said
    on stderr (the first ten such rows, the rest counted;
    --json's `differs` gives every one), and so is a cell
    of these the row leaves empty where the claim has a value (for the note, where the
    export writes one), in a file that is an export (an id column, or another of the
    export's own columns; an editor's own sheet's empty cell is one never filled, and is not
    said): an emptied cell clears nothing and deletes no note (`differs`' `emptied`; the
    commands that clear each are named, `note internal` for a note). A
    row of a claim of DOC (its id) whose quote cell is empty is a bad row, as is one whose
    text is. A row whose id is not the claim its quote and text are (or is no claim of DOC)
    is taken by its quote and text, present or added, and said on stderr (--json:
    `other_ids`); where that claim's text was the row's and an edit changed it since (an
    export made before the edit), that is said instead: who changed it, when, and the new
    claim the row's text was added as (--json: `text_changed`, `added_as`).

    A row of `workbench export claims` whose id is a claim of DOC, with that claim's quote and
    text, is that claim, present: re-importing an export adds nothing. That holds for an
    orphaned claim too (its quote gone from the current text): it is not anchored again, and
    stays orphaned. Imported into another document or database, an orphaned claim's row
    fails, its quote not being in the text (--skip-bad imports the others). A row with a
    claim's id and text whose quote pins another span (a spreadsheet saved a quote 0.50 as
    0.5) is a bad row, not the claim added again. So is a row with a cell that `export
    claims --format xlsx` cut to Excel's 32,767 characters (it ends '[…cut: ...]'): the csv
    export has the whole text. An id cell is read as the tool shows ids (12, #12, １２); one
    that is no id (abc, 1.5) is a bad row; but an id column with not one id in it (A-01,
    乙-2), in a file with no other column only an export has, is the sheet's own labels:
    ignored, said once on stderr (--json: `warnings`), the rows taken as claims to add. A
    number cell (id, document_id, start, end, occurrence, revision) that a spreadsheet saved
    as 12.0 or 12.00 (Excel's Number format, pandas) is 12, as is one typed full-width (１２).

    FILE may be up to WORKBENCH_MAX_DOCUMENT_MB (20 MB unless set), as a document may, as
    read and as UTF-8 text. It is UTF-8, or UTF-16 or UTF-32 starting with its byte-order mark
    (a spreadsheet or Notepad's "Unicode" save), read as the mark says. A CSV in a Windows
    code page (Excel's plain "CSV" save: GBK on a Chinese Windows) is refused saying to save
    it as CSV UTF-8 (or Unicode Text); a due date as a spreadsheet writes one (12/3/2026, or
    its serial number 46359) saying to format the column as yyyy-mm-dd.

    --dry-run checks the file as the import does and says all it would (the claims it would
    add, "would add", without ids; the rows present and how they differ; the rows refused,
    exit 1), then writes nothing (--json: `dry_run` true).
    """
    from workbench.services.imports import RowsRefused, collapsed, import_claims

    bar = wanted(as_json=as_json)
    try:
        with progress_bar("importing claims (checking, then writing)", enabled=bar) as progress:
            result = import_claims(
                workbench_from(ctx),
                path,
                document_id,
                skip_bad=skip_bad,
                progress=progress,
                dry_run=dry_run,
            )
    except RowsRefused as exc:
        if as_json:  # a --json error carries the failed rows' numbers instead
            raise
        # Each problem a line (rows failing alike, one), then the refusal without them again.
        for line in exc.lines:
            message(line)
        raise exc.listed() from None
    _say_import(result, as_json=as_json, noun="row")
    for line in collapsed(result.skipped):
        message(f"skipped {line}")
    for line in collapsed(result.notices):  # rows that came in alike, one line
        message(line)
    for said in result.warnings:
        warning(said)
    _say_other_ids(result.other_ids, document_id, dry_run=result.dry_run)
    _say_differs(result.differs)
    message(
        f"{_added_count(result)}, {result.present:,} already present, "
        f"{plural(len(result.skipped), 'row')} skipped{_wrote(result)}"
    )


@import_.command("bundle")
@click.argument("path", metavar="FILE", type=BUNDLE_FILE)
@json_context
def bundle_command(ctx: click.Context, path: str, as_json: bool) -> None:
    """Restore a bundle (from `workbench export bundle`) into an empty database.

    All or nothing: before committing, the restored chain is verified and the events are
    replayed against the restored tables, and any difference (a bundle edited by hand, its
    chain recomputed) refuses the whole bundle. Afterwards `workbench audit head` prints the
    head the source had, and `audit verify` and `audit replay` hold. On PostgreSQL the owner
    of the database's tables restores it (its events are other people's roles', which the
    database takes from no other role); a document's or evidence's URL must be http(s).

    A bundle an older release wrote is restored too, upgraded as its database would have been
    (said on stderr; --json adds "upgraded_from"); one from a newer workbench is refused:
    restore it with that release or a newer one (docs/backup.md). A trail holding approvals
    by a person the sign-off reads as the verdict's proposer (a workbench before a rule let
    them through) is restored with a warning on stderr (--json: "one_person_approval_count"),
    and so is one registering a person `user add` refuses beside an earlier one
    ("look_alike_count").
    """
    from workbench.services.bundle import import_bundle

    with progress_bar("restoring the bundle", enabled=wanted(as_json=as_json)) as progress:
        summary = import_bundle(workbench_from(ctx), path, progress)
    if summary.upgraded_from is not None:
        message(
            f"the bundle was written at schema {summary.upgraded_from}: upgraded to "
            f"{summary.schema_revision} as its database would have been"
        )
    if count := summary.look_alike_count:
        # The same replay's other warning, as `audit verify` gives both: two people restored
        # so are one reviewer to each other, whether or not either has approved yet.
        registrations = "registration" if count == 1 else "registrations"
        warning(
            f"the restored trail holds {count:,} {registrations} of a person who would be "
            "mistaken for one registered before, which `workbench user add` refuses: the two "
            "are one reviewer to each other; `workbench audit verify` names them"
        )
    if count := summary.one_person_approval_count:
        # Restored all the same (a desk's own backup must restore), but not in silence: the
        # trail reads these verdicts as second-reviewed, and `claim show` does not.
        approvals = "approval" if count == 1 else "approvals"
        warning(
            f"the restored trail holds {count:,} {approvals} by a person the sign-off reads as "
            "the verdict's proposer (a name like theirs, their display name or address): no "
            "second person reviewed those verdicts; `workbench audit verify` names them"
        )
    if as_json:
        emit_json(summary.to_json())
        return
    rows = sum(summary.tables.values())
    click.echo(
        f"restored {plural(rows, 'row')} in {plural(len(summary.tables), 'table')}; "
        f"{plural(summary.events, 'event')}"
    )
    click.echo(f"head {summary.head}")
