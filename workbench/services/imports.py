"""Claims coming in from other tools: Web Annotation collections and claims tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from sqlalchemy import insert, select

from workbench.db.backend import insert_returning_ids
from workbench.db.models import Claim, ClaimTag, Document, Note
from workbench.domain.anchoring import (
    MARKS_LEFT_OUT,
    Matcher,
    QuoteHint,
    anchor_quote,
    check_placed,
    marks_dropped,
)
from workbench.domain.arrival import Arrival, arrival
from workbench.domain.claim_identity import SAME_CLAIM_COLUMNS, same_claim
from workbench.domain.clock import now
from workbench.domain.desk import (
    PRIORITY_NAMES,
    Priority,
    due_date,
    normalise_tag,
    parse_priority,
)
from workbench.domain.errors import Hint, InvalidInput, TransitionRefused, give
from workbench.domain.identity import normalise_name
from workbench.domain.inputs import typed, typed_word
from workbench.domain.limits import check_file_name, has_visible
from workbench.domain.payloads import claim_payload, event_value, imported, note_payload
from workbench.domain.plurals import plural
from workbench.domain.status import (
    CLAIM_TYPE_NAMES,
    STATUS_NAMES,
    ClaimType,
    Status,
    parse_claim_type,
    parse_status,
    rating_contradicts,
    rating_emptied,
)
from workbench.domain.text import Span, clip_quote, decode_text, span_words, whole_number
from workbench.domain.transitions import IMPORTED, Decision
from workbench.domain.unique_keys import RepeatedKey, loads
from workbench.services.annotation_targets import DocumentSources
from workbench.services.claims import claim_columns, claim_text, new_claim_values
from workbench.services.context import Entry, Tx, Workbench, mutation, transaction
from workbench.services.import_tags import ImportedTags
from workbench.services.import_text_changed import TextChange, texts_changed
from workbench.services.inputs import read_source, spool_text_source
from workbench.services.lookup import get_document
from workbench.services.notes import note_body
from workbench.services.progress import Progress, Tally, counted
from workbench.services.queries import claim_view
from workbench.services.revisions import revision_text
from workbench.services.settings import setting_value
from workbench.services.span_twins import SpanClaims, SpanTwins, WouldAdd
from workbench.services.speakers import speaker_name
from workbench.services.spooled import Spooled
from workbench.services.users import owner_check
from workbench.services.validation_words import problem as said_problem
from workbench.services.views import ClaimView

if TYPE_CHECKING:
    from sqlalchemy import Table

    from workbench.exports.annotations import IncomingAnnotation
    from workbench.exports.claims_table import RawRow

# Rows written per INSERT statement of a claims import (each table's rows for a batch of
# claims go in one statement; the driver splits it as its parameter limit requires).
BATCH = 2000


@dataclass(frozen=True, slots=True)
class ImportResult:
    # A claims import's are spooled to disk, not held: 100,000 views are about 150 MB.
    added: Collection[ClaimView]
    present: int = 0
    skipped: list[str] = field(default_factory=list)
    # Rows imported otherwise than they asked, each with its row number and why.
    notices: list[str] = field(default_factory=list)
    # Rows whose claim was already present but whose desk fields differ from it: not changed
    # (an import adds claims only), so said, rather than the edits of a file dropped unsaid.
    differs: list[Differs] = field(default_factory=list)
    # What was said of the file as a whole, once (an `id` column of the sheet's own labels,
    # ignored: `_LabelColumn`).
    warnings: list[str] = field(default_factory=list)
    # Rows whose id cell names another claim than the one they were taken as (or added as),
    # by their quote and text: said, not taken silently (trial168).
    other_ids: list[OtherId] = field(default_factory=list)
    # Checked and written as the import would be, then rolled back: nothing was written;
    # `added` is empty, and `would_add` holds the claims it would add, with no ids.
    dry_run: bool = False
    would_add: Collection[WouldAdd] = ()
    # The row (or annotation) each added claim on another's very span came from, by its id
    # (`SpanTwins.rows_of_twins`): its warning names it, as the dry run's names `WouldAdd.row`.
    twin_rows: Mapping[int, int] = field(default_factory=dict)


class _RolledBack(Exception):
    """Ends a dry run's transaction, rolled back, with what the import would have done."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


@dataclass(frozen=True, slots=True)
class Differs:
    """Row `row` is claim `claim_id`, already present, whose `fields` the file gives
    otherwise (in `COMPARED` order, then an annotation's `rating`, then `note`: a note none of
    the claim's notes is)."""

    row: int
    claim_id: int
    fields: tuple[str, ...]
    # Those of `fields` the row leaves empty where the claim has a value (for `note`, where
    # the export writes one), in an export (`_ClaimsFile.export`): not cleared (an emptied
    # cell was taken as nothing, unsaid, and the editor took the field to be cleared, the
    # note deleted).
    emptied: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OtherId:
    """Row `row` gives id `id`, but is not that claim's row (its quote and text are not the
    claim's, or no claim of the document has the id): it was taken by its words as claim
    `claim_id`, already present, or `added` as a new claim (neither: a repeat of an earlier
    row of the file, not added again). `known`: the id is a claim of the document."""

    row: int
    id: int
    claim_id: int | None
    added: bool
    known: bool
    # The edit that changed the id's claim's text away from the row's (`texts_changed`): the
    # row is an old copy of that claim, from a file written before the edit (trial196).
    text_changed: TextChange | None = None
    # The claim the row was added as (not in a dry run, whose ids are no claim's).
    added_as: int | None = None


# The fields of a row compared with its present claim, each as a claims table names it. A
# column the file does not have is not compared (a file need not carry every column); a cell
# an export's row leaves empty where the claim has a value is said as emptied (`Differs.emptied`).
COMPARED = ("speaker", "type", "status", "assignee", "priority", "due", "tags")
# What a claim holds for a field no one set: an emptied cell is no difference from it.
UNSET: dict[str, object] = {"type": "fact", "status": "unverified", "priority": "normal"}


def _check_recorded_name(path: str) -> None:
    """FILE's name goes into each added claim's event (`{"file": NAME, "row": N}`): held to
    the rule for recorded names, as doc add's source is, before anything is read. A name with a
    newline went into the trail, and a Latin-1 one was said as "the input is not valid UTF-8
    text", the text being fine (review265)."""
    if path != "-":
        check_file_name(Path(path).name)


def read_json_file(path: str, what: str) -> object:
    """The JSON of `path` (`-`: standard input, so named), holding `what` (for the refusal of
    an empty one: a script's failed export piped in said "- is not valid JSON: Expecting
    value: line 1 column 1 (char 0)", trial158)."""
    name = "standard input" if path == "-" else path
    raw = decode_text(read_source(path), name)
    if not raw.strip():
        raise InvalidInput(f"{name} is empty: no {what} to import")
    try:
        return loads(raw)
    except RepeatedKey as exc:
        raise InvalidInput(f"{name}: {exc}") from None
    except RecursionError:
        raise InvalidInput(f"{name} is not valid JSON: nested too deeply") from None
    except ValueError as exc:
        raise InvalidInput(f"{name} is not valid JSON: {exc}") from None


@mutation
def import_annotations(
    wb: Workbench,
    path: str,
    document_id: int,
    *,
    skip_bad: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Claims from a Web Annotation collection, anchored by their selectors in document DOC.

    All or nothing: every annotation must anchor, and name a known type and status, or nothing
    is added (the errors name each one), unless `skip_bad`, which adds the others and returns
    the failures in `skipped` (a file that is no annotation collection is refused whole, as
    it is read). An annotation whose span and text a claim already has
    is counted, not added again; so is a workbench export's own annotation of a claim of the
    document, found by its id before its quote is anchored (`_own_annotation`: an orphaned
    claim's quote is in no current text), as `import claims` finds an export's own row. A
    workbench's own annotations bring back their claim's type, status and note; the status
    comes in by the rule `import claims` follows (`arrival`). The claim's own annotation whose
    verdict carries no reason is the claim, present, where its export writes none (a verdict
    an older trail recorded with none); refused where the export writes one (`_reasons_emptied`).
    An annotation of a claim present whose status, type, speaker or note is not the claim's
    (or, of a workbench's own, is left out where its export writes one) changes nothing: it
    is returned in `differs`, as `import claims` returns such a row. An annotation whose id
    is a claim's of the document (its export's) but that is taken by its quote and text as
    another claim, or added, is returned in `other_ids`, as a row whose id cell is.
    `dry_run`: as `import_claims`'s, all of it done, then rolled back.
    """
    _check_recorded_name(path)
    try:
        return _import_annotations(wb, path, document_id, skip_bad, dry_run)
    except _RolledBack as done:
        return done.result


def _import_annotations(
    wb: Workbench, path: str, document_id: int, skip_bad: bool, dry_run: bool
) -> ImportResult:
    from workbench.exports.annotations import read_collection

    incoming = read_collection(read_json_file(path, "annotations"))
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        # Claims pin into the latest revision: the text the desk is reading now.
        number, text = revision_text(tx, doc)
        within = Matcher(text)  # folded once for every annotation, if any needs it folded
        review = bool(setting_value(tx, "review.required"))
        claims = _AnnotatedClaims(tx, doc)
        sources = DocumentSources(tx, doc)
        ready: list[_Ready] = []
        errors: list[str] = []
        for item in incoming:
            try:
                ready.append(_annotation_ready(tx, item, within, review, claims, sources))
            except InvalidInput as exc:
                errors.append(f"annotation {item.index}: {exc}")
        unreasoned = [c for c in ready if c.unreasoned is not None]
        if unreasoned:
            refused = {r.number: r.unreasoned for r in _reasons_emptied(tx, unreasoned)}
            errors.extend(f"annotation {n}: {why}" for n, why in refused.items())
            errors.sort(key=_row_number)
            ready = [c for c in ready if c.number not in refused]
        if errors and not (skip_bad and ready):
            # Annotations failing alike are said once, with their numbers. With --skip-bad
            # and not one good annotation, the import failed all the same (as `import claims`).
            said = collapsed(errors, "annotation")
            more = f" (and {len(said) - 5} more)" if len(said) > 5 else ""
            failed = [_row_number(e) for e in errors]
            every = "" if not skip_bad else "every annotation failed, "
            raise InvalidInput(
                every + "nothing imported: " + "; ".join(said[:5]) + more,
                hint=(
                    Hint("bad_input", {"field": "claims_file", "failed_annotations": failed})
                    if skip_bad
                    else give("skip_bad", failed_annotations=failed)
                ),
            )
        # Already in the document, or earlier in this file: counted, not added (`same_claim`).
        seen = _claim_keys(tx, doc, number)
        new: list[_Ready] = []
        # Those of a claim present, with its id: compared with it as a claims table's rows
        # are, so that a status, type, speaker or note an editor changed in the file, which
        # nothing takes in, is said (it was counted "already present", unsaid).
        present: list[tuple[int, int, _Ready]] = []
        other_ids: list[OtherId] = []
        old_copies: list[tuple[int, int, str]] = []
        for claim in ready:
            if claim.present is not None:
                present.append((claim.number, claim.present, claim))
                continue
            key = _claim_key(same_claim(doc.id, claim.span, claim.text, revision=number))
            if key not in seen:
                seen[key] = None
                new.append(claim)
                _note_other_id(claim, None, claims.by_id, other_ids, old_copies, added=True)
                continue
            if (claim_id := seen[key]) is not None:
                present.append((claim.number, claim_id, claim))
            _note_other_id(claim, claim_id, claims.by_id, other_ids, old_copies, added=False)
        _say_texts_changed(tx, other_ids, old_copies)
        # Only this workbench's own annotations say a field emptied (`_annotation_ready`): each
        # carries every field its export writes, as an export's row does.
        differs = _differing(tx, present, export=True)
        source = Path(path).name
        writer = _NewClaims(tx, doc, other_ids, source=source, revision=number, dry_run=dry_run)
        added: list[ClaimView] = []
        would_add: list[WouldAdd] = []
        for batch in _batches(new, BATCH):
            told, would = writer.write(batch)
            added.extend(told)
            would_add.extend(would)
        other_ids = writer.added_as.given(other_ids)
        notices = [f"annotation {c.number}: {c.notice}" for c in new if c.notice is not None]
        result = ImportResult(
            added=added,
            would_add=would_add,
            present=len(ready) - len(new),
            skipped=errors,
            notices=notices,
            differs=differs,
            other_ids=other_ids,
            dry_run=dry_run,
            twin_rows=writer.twins.rows_of_twins,
        )
        if dry_run:
            raise _RolledBack(result)  # the transaction rolls back: nothing written
        return result


def _annotation_ready(
    tx: Tx,
    item: IncomingAnnotation,
    within: Matcher,
    review: bool,
    claims: _AnnotatedClaims,
    sources: DocumentSources,
) -> _Ready:
    """Every check of one annotation (type, status, span, workflow), as `_check` of a row. An
    export's own annotation of a claim of the document is not anchored (`_own_annotation`);
    one whose target names another document of the desk is said to (`DocumentSources`)."""
    # Read as a claims table's cells are (`typed_word`): a body retyped full-width too.
    claim_type = (
        parse_claim_type(typed_word(item.claim_type, CLAIM_TYPE_NAMES))
        if item.claim_type is not None
        else None
    )
    asked = (
        parse_status(typed_word(item.status, STATUS_NAMES))
        if item.status is not None
        else Status.UNVERIFIED
    )
    own = _own_annotation(item, claims)
    # The claim whose export's annotation id this one bears (`OtherId`), when it is not it.
    named = None if own is not None or item.ident is None else claims.get(item.ident)
    if own is not None:
        span = Span(own.start, own.end, item.exact or "", "", "")
    else:
        hint = QuoteHint(
            exact=item.exact,
            prefix=item.prefix,
            suffix=item.suffix,
            start=item.start,
            end=item.end,
        )
        span = anchor_quote(within, hint, carrier="an annotation")
    note = item.note if has_visible(item.note) else None
    anchored = _how_anchored(item.exact if own is None else None, span)
    unreasoned: str | None = None
    try:
        arrived = arrival(
            asked, note, tx.actor, review=review, carrier="an annotation", withheld=item.withheld
        )
    except TransitionRefused as exc:
        if own is None or note is not None:
            raise
        # The claim's own annotation, present, with no reason: its export writes none where
        # the verdict was recorded with none (an older trail), and nothing is written for it.
        # Refused only where the export writes one, taken out of the file (`_reasons_emptied`),
        # as `_check` does a claims table's row.
        arrived, unreasoned = Arrival(Decision(action=None)), exc.message
    speaker = speaker_name(item.speaker)
    return _Ready(
        number=item.index,
        span=span,
        text=claim_text(item.text),
        claim_type=(claim_type or ClaimType.FACT).value,
        note=None if note is None else note_body(note),
        arrived=arrived,
        speaker=speaker,
        asked=asked.value,
        rating=item.rating,
        given=_annotation_gives(item, speaker),
        emptied=_annotation_empties(item, speaker),
        present=None if own is None else own.id,
        # An id of this workbench's export names only claims of the document it knows.
        named=None if named is None else named.id,
        named_known=named is not None,
        elsewhere=None if own is not None else sources.elsewhere(item.sources),
        anchored=anchored,
        unreasoned=unreasoned,
    )


def _annotation_gives(item: IncomingAnnotation, speaker: str | None) -> frozenset[str]:
    """The `COMPARED` fields an annotation gives (`_Ready.given`): only this workbench's own
    carry a status, type and speaker (another tool's tags are its own)."""
    given = {
        "speaker": speaker is not None,
        "type": item.claim_type is not None,
        "status": item.status is not None,
    }
    return frozenset(name for name, gives in given.items() if gives)


def _annotation_empties(item: IncomingAnnotation, speaker: str | None) -> frozenset[str]:
    """The fields (`COMPARED`, and `note`) this workbench's own annotation lacks where its
    export writes each for a claim that has it (`_Ready.emptied`): taken out in the file, or
    never held; another tool's annotation gives none of them, and empties none, and nor does
    an export of ours that names no shape (`IncomingAnnotation.whole`): an older version's
    wrote no speaker, and it cannot be told apart. A withheld verdict's annotation is written
    with no status and no note (`annotation`): not emptied."""
    if not item.whole:
        return frozenset()
    empty = {
        "speaker": speaker is None,
        "type": item.claim_type is None,
        "status": item.status is None and not item.withheld,
        "note": not has_visible(item.note) and not item.withheld,
    }
    return frozenset(name for name, lacks in empty.items() if lacks)


def _how_anchored(exact: str | None, span: Span) -> str | None:
    """What is said of a quote from a file anchored as it was: found only without the
    quotation marks it came in (`anchoring.marks_dropped`)."""
    return MARKS_LEFT_OUT if exact is not None and marks_dropped(exact, span.quote) else None


class _AnnotatedClaims:
    """The document's claims, every revision's, by the id of their annotation in an export
    (`claim_annotation_id`): read once, when an annotation of this workbench first gives an id."""

    def __init__(self, tx: Tx, doc: Document) -> None:
        self._tx, self._doc = tx, doc
        self._claims: dict[str, _Stored] | None = None
        self._by_id: dict[int, _Stored] = {}

    def get(self, ident: str) -> _Stored | None:
        from workbench.exports.annotations import claim_annotation_id

        if self._claims is None:
            rows = self._tx.session.execute(
                select(*_STORED_COLUMNS, Claim.created_at).where(Claim.document_id == self._doc.id)
            )
            self._claims = {
                claim_annotation_id(
                    self._doc.sha256, row.id, event_value(row.created_at)
                ): _Stored.of(row)
                for row in rows
            }
            self._by_id = {stored.id: stored for stored in self._claims.values()}
        return self._claims.get(ident)

    def by_id(self, claim_id: int) -> _Stored | None:
        """A claim an annotation's id named (`get`, called first for that annotation)."""
        return self._by_id.get(claim_id)


def _own_annotation(item: IncomingAnnotation, claims: _AnnotatedClaims) -> _Stored | None:
    """The claim of the document whose export's own annotation this is, or None: the
    annotation's id is that claim's (`claim_annotation_id`), and its quote, text and (when
    given) offsets are the claim's. Such an annotation is the claim, present, wherever its
    quote now stands, as `_own_claim` finds an export's own row."""
    if item.ident is None or item.exact is None:
        return None
    stored = claims.get(item.ident)
    if stored is None:
        return None
    if stored.revision > 1:
        # The claim lives in a later revision than the first: an export taken before the
        # update carries the quote and offsets it had then (a figure in it since corrected),
        # and an annotation, unlike a table's row, need not say its revision. Its id, which
        # only this workbench's export of this claim bears, and its text say which claim.
        return stored if _claim_key((("text", claim_text(item.text)),)) == stored.said else None
    if _claim_key((("quote", item.exact), ("text", claim_text(item.text)))) != stored.key:
        return None
    if item.start is not None and item.start != stored.start:
        return None
    if item.end is not None and item.end != stored.end:
        return None
    return stored


# How many runs of rows a collapsed problem names before it only counts the rest.
RUNS_NAMED = 5


def _rows_named(numbers: list[int], noun: str = "row") -> str:
    """ "row 7", "rows 2-19", "rows 2, 4, 7-9", "rows 2, 4, 6, 8, 10 and 95 more": runs of
    consecutive rows (or annotations), the first few named."""
    if len(numbers) == 1:
        return f"{noun} {numbers[0]}"
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    named = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs[:RUNS_NAMED])
    rest = sum(b - a + 1 for a, b in runs[RUNS_NAMED:])
    return f"{noun}s {named}" + (f" and {rest:,} more" if rest else "")


def _grouped(problems: Sequence[str]) -> list[tuple[str, list[int]]]:
    """(why, its rows) of problems "row N: why", in the order of each why's first row."""
    rows_of: dict[str, list[int]] = {}
    for problem in problems:
        why = problem.split(": ", 1)[1]
        rows_of.setdefault(why, []).append(_row_number(problem))
    return list(rows_of.items())


def collapsed(problems: Sequence[str], noun: str = "row") -> list[str]:
    """Problems ("row N: why", or "annotation N: why" with that `noun`, in their order) with
    each `why` said once, with its rows, in the order of their first row: a file whose rows all
    fail alike is one line, not thousands."""
    return [f"{_rows_named(numbers, noun)}: {why}" for why, numbers in _grouped(problems)]


class RowsRefused(InvalidInput):
    """Rows of an import failed; `problems` names each (row number and why), `lines` says
    them with repeats collapsed (`collapsed`)."""

    def __init__(self, problems: list[str], *, skipping: bool = False) -> None:
        self.problems = problems
        self.lines = collapsed(problems)
        groups = _grouped(problems)
        rest = sum(len(numbers) for _, numbers in groups[3:])
        shown = "; ".join(collapsed(problems)[:3]) + (
            f"; and {plural(rest, 'more row', 'more rows')}" if rest else ""
        )
        # `skipping`: --skip-bad was given and no row was good, so there is nothing to skip
        # to (an import that took nothing is a failure for a script, not "0 added").
        self.skipping = skipping
        super().__init__(
            f"{self._failed()}, nothing imported: {shown}",
            hint=(
                Hint("bad_input", {"field": "claims_file", "failed_rows": self._numbers()})
                if skipping
                else give("skip_bad", failed_rows=self._numbers())
            ),
        )

    def _numbers(self) -> list[int]:
        return [_row_number(p) for p in self.problems]

    def _failed(self) -> str:
        count = len(self.problems)
        if self.skipping:
            return f"all {count:,} rows failed" if count > 1 else "the one row failed"
        return f"{plural(count, 'row')} failed"

    def listed(self) -> InvalidInput:
        """The refusal to give once the problems have been shown (`lines`, a line each): the
        count and the hint, without the problems again."""
        return InvalidInput(
            f"{self._failed()} (listed above), nothing imported",
            hint=self.hint,
            reason=self.reason,
        )


def _row_number(problem: str) -> int:
    """The row a problem names ("row 7: ...")."""
    return int(problem.split(":", 1)[0].split()[1])


@dataclass(frozen=True, slots=True)
class _Planned:
    number: int
    row: Any
    asked: Status  # the status the row gives (it may come in at another: see `arrival`)
    priority: str | None
    due: Any
    tags: list[str]


@dataclass(frozen=True, slots=True)
class _Ready:
    """A claim checked and ready to write (from a row or an annotation): where it pins, its
    fields, and how the workflow takes the status its file gave (`arrived`)."""

    number: int  # the row, or the annotation's place in its collection, from 1
    span: Span
    text: str  # as stored
    claim_type: str
    note: str | None
    arrived: Arrival
    speaker: str | None = None
    assignee: str | None = None
    priority: str | None = None
    due: Any = None
    tags: tuple[str, ...] = ()
    asked: str | None = None  # the status the row gives (it may arrive at another)
    # The rating label an annotation gives (`IncomingAnnotation.rating`): compared only.
    rating: str | None = None
    given: frozenset[str] = frozenset()  # the columns the row gives a value in
    # The COMPARED columns (and `note`) the file has, the row leaves empty; of an annotation,
    # those this workbench's own lacks (`_annotation_empties`).
    emptied: frozenset[str] = frozenset()
    # The claim the row's id cell names, when the row is not that claim's own (`_own_claim`),
    # and whether that id is a claim of the document (`OtherId`).
    named: int | None = None
    named_known: bool = False
    # The claim this row is the export's own row of (`_own_claim`), already present: its span
    # is the claim's (its context not read), not anchored, and nothing is written for it.
    present: int | None = None
    # An annotation whose target names another document of the desk (`DocumentSources`).
    elsewhere: str | None = None
    # How its quote was anchored, if that is to be said (found without its quotation marks).
    anchored: str | None = None
    # The claim's own row (`present`) whose status the workflow would refuse without the note
    # the row leaves empty (a verdict needs its reason): why, to refuse the row with, if its
    # export writes a note (`_reasons_emptied`).
    unreasoned: str | None = None

    @property
    def notice(self) -> str | None:
        said = [n for n in (self.anchored, self.elsewhere, self.arrived.notice) if n is not None]
        return "; ".join(said) if said else None


@dataclass(frozen=True, slots=True)
class _ClaimsFile:
    """A private copy of a claims file on disk, whose rows are read afresh, a row at a time,
    on each pass: an import reads them three times (count, check every row, write) rather
    than hold the file, or its rows parsed. `count` is the number of rows (blank CSV and JSON
    Lines lines aside), known before any is checked."""

    data: BinaryIO
    suffix: str
    count: int = 0
    # The columns the rows came with (a CSV header; the keys of JSON objects), in the file's
    # order, at most MAX_COLUMNS of them and then any of those a claims file needs (NEEDED):
    # what `column_problem` judges.
    columns: tuple[str, ...] = ()
    # The file's `id` column holds the sheet's own labels, not claim ids (`_LabelColumn`):
    # its cells are dropped from every row as it is read, and this said once.
    labels: str | None = None
    # The file is (or was) an export of the desk's claims: it has an id column read as ids,
    # or another of the export's own columns (`_LabelColumn.export`). Its row carries each
    # claim's value in every cell, so a cell it leaves empty is said (`Differs.emptied`); an
    # editor's own sheet's empty cell is one never filled, and is not.
    export: bool = False

    def rows(self) -> Iterator[RawRow]:
        from workbench.exports import claims_table

        with self._text() as text:
            # The export-only columns stay for now: `_check` reads a row's document_id.
            rows = claims_table.READERS[self.suffix](text)
            if self.labels is None:
                yield from rows
                return
            for raw in rows:
                values = {k: v for k, v in raw.values.items() if k != "id"}
                yield claims_table.RawRow(raw.number, values, raw.columns, raw.problem)

    def header(self) -> tuple[str, ...]:
        """A CSV file's columns, read from its header (a file of no rows has no row to name
        them); () for JSON, whose objects are its only columns."""
        from workbench.exports.claims_table import READERS, read_csv, read_csv_header

        if READERS[self.suffix] is not read_csv:
            return ()
        with self._text() as text:
            return read_csv_header(text)

    @contextmanager
    def _text(self) -> Iterator[TextIO]:
        """The copy as text from its start, left open for the next pass."""
        self.data.seek(0)
        # Bytes that are not UTF-8 become surrogates the reader refuses with their row; the
        # csv module wants newline="" (it splits lines itself, and keeps a cell's).
        text = io.TextIOWrapper(
            self.data, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        try:
            yield text
        finally:
            # The copy stays open for the next pass. A reader collected after the command
            # ended (Ctrl-C in the second pass) finds it closed: nothing is left to keep
            # (review60: detaching then printed a traceback after the one line).
            if not self.data.closed:
                text.detach()


def _read_claims_file(path: str) -> _ClaimsFile:
    """A private copy of the file, its rows counted; a row the reader cannot take, or too many
    rows, refuse it here, before any row is checked."""
    from workbench.claims_file import NEEDED, ClaimRow, column_problem, unknown_columns
    from workbench.exports.claims_table import MAX_ROWS, READERS, check_row_count, save_as_utf8

    if path == "-":
        # The format is the name's suffix, which standard input has not: "(got no suffix)"
        # sent a user who piped the file to rename one they never named (trial252).
        raise InvalidInput(
            "import claims reads a file, not standard input: save it to a file named for its "
            "format (.csv, .tsv, .json or .jsonl) and give its name"
        )
    suffix = Path(path).suffix.lower()
    if suffix in WORKBOOKS:
        # `export claims --format xlsx` writes one, which an editor edits and brings back.
        raise InvalidInput(
            f"{path}: a spreadsheet workbook is not read: {save_as_utf8('its sheet')}"
        )
    if suffix not in READERS:
        raise InvalidInput(
            f"{path}: a claims file is .csv (.tsv, or .txt as Excel saves Unicode Text), .json "
            f"or .jsonl (got {suffix or 'no suffix'})"
        )
    data = spool_text_source(path)
    columns: dict[str, None] = {}
    needed: set[str] = set()
    known = frozenset(ClaimRow.model_fields)
    # How many rows give each column a claims table does not have (at most MAX_COLUMNS).
    unknown: dict[str, int] = {}
    id_column = _LabelColumn()
    try:
        counting = _ClaimsFile(data, suffix)
        count = 0
        for raw in itertools.islice(counting.rows(), MAX_ROWS + 1):
            count += 1
            if len(columns) < MAX_COLUMNS:
                columns.update(dict.fromkeys(raw.columns[:MAX_COLUMNS]))
            if len(needed) < len(NEEDED):
                needed.update(NEEDED.intersection(raw.columns))
            id_column.read(raw)
            for name in raw.values:  # (a CSV's empty cell gives no value: it is no problem)
                if name not in known and (name in unknown or len(unknown) < MAX_COLUMNS):
                    unknown[name] = unknown.get(name, 0) + 1
        check_row_count(count)
        if not count:
            # A header and no rows: an export of no claims imports nothing, but a file whose
            # columns are no claims table's is refused as it is with rows (it was "0 claims
            # added").
            columns.update(dict.fromkeys(counting.header()[:MAX_COLUMNS]))
        columns.update(dict.fromkeys(sorted(needed)))
        # Every row would fail alike for want of a column, or for a column no claims table
        # has: the file is refused, said once (trial47b: `claim list --csv`, re-imported,
        # failed each row for its first extra column, and --skip-bad then imported nothing).
        problem = column_problem(columns) if columns else None
        if problem is None and count:
            # A column some rows fill and others leave empty is as much no claims table's: an
            # editor's own 备注 failed just the rows written on, and --skip-bad, as advised,
            # then dropped exactly those (trial97). Said once, for the whole file.
            problem = unknown_columns(list(unknown.items()), count)
        if problem is not None:
            raise InvalidInput(problem)
    except BaseException:
        data.close()
        raise
    labels = id_column.ignored()
    export = id_column.export or (id_column.column and labels is None)
    return _ClaimsFile(data, suffix, count, tuple(columns), labels, export)


class _LabelColumn:
    """What a file's `id` column holds, judged over every row as the file is counted. A sheet
    a desk keeps itself (no export: none of the export's other columns) may number its claims
    in an `id` column of its own (A-01, 乙-2): a column with not one cell that is a claim id is
    that, not the workbench's, and is ignored, said once (each row failed "is not a claim id",
    where the column used to be ignored unsaid). A column where some cells are ids, or an
    export's own, is read as ids: a cell that is none there is a bad row (`_claim_id_cell`)."""

    # How many of the labels the warning quotes.
    SHOWN = 3

    def __init__(self) -> None:
        self.labels: dict[str, None] = {}
        self.more = False
        self.ids = False
        self.export = False
        self.column = False  # some row has an `id` column

    def read(self, raw: RawRow) -> None:
        from workbench.exports.claims_table import EXPORT_ONLY

        if not self.column and "id" in raw.columns:
            self.column = True
        if not self.export and not EXPORT_ONLY.isdisjoint(set(raw.columns) - {"id"}):
            self.export = True
        value = raw.values.get("id")
        if value is None or self.ids or (isinstance(value, str) and not value.strip()):
            return
        if not isinstance(value, str) or _typed_id(value) is not None:
            self.ids = True  # an id, well formed or not (a JSON number, `12`, `#0`)
        elif len(self.labels) < self.SHOWN:
            self.labels[value.strip()] = None
        elif value.strip() not in self.labels:
            self.more = True

    def ignored(self) -> str | None:
        """The warning that the column is ignored, or None: it is read as claim ids."""
        if self.ids or self.export or not self.labels:
            return None
        shown = ", ".join(repr(clip_quote(label)) for label in self.labels)
        return (
            f"column id holds no claim id ({shown}{', ...' if self.more else ''}): taken as the "
            "sheet's own labels and ignored, the rows added as new claims (an export's id is "
            "the claim's number, 12)"
        )


# A spreadsheet program's own files (Excel, WPS, Numbers, LibreOffice): the workbook, not a
# table of its cells.
WORKBOOKS = frozenset({".xlsx", ".xlsm", ".xls", ".et", ".numbers", ".ods"})

# The most distinct column names an import keeps to judge a file's columns by.
MAX_COLUMNS = 100


def _plan(raw: RawRow) -> _Planned:
    """Validate one row's fields (not yet its span): InvalidInput says what is wrong."""
    from pydantic import ValidationError

    from workbench.claims_file import ClaimRow
    from workbench.exports.claims_table import split_tags

    try:
        row = ClaimRow.model_validate(raw.values)
    except ValidationError as exc:
        first = exc.errors()[0]
        # The column (the rest of Pydantic's place names the types it tried: tags.list[str].1)
        where = str(first["loc"][0]) if first["loc"] else "the row"
        if first["type"] == "missing":
            # (only text is required, and a file without the column is refused whole)
            raise InvalidInput(f"no {where} given") from None
        msg = "unknown column" if first["type"] == "extra_forbidden" else said_problem(first)
        raise InvalidInput(f"{where}: {msg}") from None
    check_placed(row.quote, row.start, row.end)  # before any row is anchored: all are listed
    tags = split_tags(row.tags) if isinstance(row.tags, str) else list(row.tags or [])
    return _Planned(
        number=raw.number,
        row=row,
        # As a spreadsheet saved it: Excel and WPS read a `false` cell as the boolean FALSE
        # and write it back in capitals (trial97: every false verdict's row was refused,
        # "unknown status 'FALSE'"); a stray space is none either, as for priority.
        asked=parse_status(typed_word(row.status, STATUS_NAMES)),
        priority=(
            parse_priority(typed_word(row.priority, PRIORITY_NAMES)).value if row.priority else None
        ),
        due=_due(row.due) if row.due else None,
        tags=sorted({normalise_tag(t) for t in tags if t.strip()}),
    )


def _due(value: str) -> dt.date:
    """A row's due date; refused as `claim due` refuses it, and where a spreadsheet wrote it
    (12/3/2026, or the day's serial number: trial97), saying how to make it write one read."""
    from workbench.domain.clock import spreadsheet_date
    from workbench.exports.claims_table import DATE_AS_TEXT

    try:
        return due_date(value, "due")
    except InvalidInput as exc:
        if not spreadsheet_date(value):
            raise
        raise InvalidInput(f"{exc.message}; {DATE_AS_TEXT}", hint=exc.hint) from None


def _owner(assignee: str | None, check: Callable[[str], object]) -> str | None:
    """A row's owner in a name's normal form, as `claim assign` stores it, and once the desk
    registers its people, one of them."""
    if assignee is None or not assignee.strip():
        return None
    name = normalise_name(assignee, "assignee")
    check(name)
    return name


def _own_row(raw: RawRow, document_id: int) -> RawRow:
    """The row without its export-only columns, once its document_id (as `export claims`
    writes it), if any, is the document imported into: a row of another document would
    otherwise come in here, anchored wherever its quote happens to occur."""
    from workbench.exports.claims_table import for_import

    given = raw.values.get("document_id")
    # An empty string is an empty cell, as a CSV's is (trial47: JSON's "" was refused with
    # the advice to empty it).
    if given is not None and not (isinstance(given, str) and not given.strip()):
        named = given if type(given) is int else _typed_id(str(given))
        if named != document_id:
            shown = given if type(given) is int or named is not None else repr(given)
            raise InvalidInput(
                f"document_id {shown} is not document #{document_id}, the one imported into"
                " (empty the column to import the row here)"
            )
    return for_import(raw)


@dataclass(frozen=True, slots=True)
class _Stored:
    """What an export's row of a claim of the document says of it (see `_own_claim`)."""

    id: int
    key: int  # `_claim_key` of its quote and text
    start: int
    end: int
    revision: int
    said: int  # `_claim_key` of its text alone

    @classmethod
    def of(cls, row: Any) -> _Stored:
        """A claim's row as read (_STORED_COLUMNS)."""
        return cls(
            row.id,
            _claim_key((("quote", row.quote), ("text", row.text))),
            row.start,
            row.end,
            row.revision,
            _claim_key((("text", row.text),)),
        )


# What `_Stored.of` reads of a claim's row.
_STORED_COLUMNS = (Claim.id, Claim.quote, Claim.text, Claim.start, Claim.end, Claim.revision)


class _DocumentClaims:
    """The document's claims, every revision's, by id: read once, when a row first gives an
    id (a table no export wrote costs nothing)."""

    def __init__(self, tx: Tx, document_id: int, revision: int) -> None:
        self._tx, self._document_id = tx, document_id
        # The document's current revision, the one rows are anchored in.
        self.revision = revision
        self._claims: dict[int, _Stored] | None = None

    def get(self, claim_id: int) -> _Stored | None:
        if self._claims is None:
            rows = self._tx.session.execute(
                select(*_STORED_COLUMNS).where(Claim.document_id == self._document_id)
            )
            self._claims = {row.id: _Stored.of(row) for row in rows}
        return self._claims.get(claim_id)


def _own_claim(
    raw: RawRow, row: Any, claim_id: int | None, claims: _DocumentClaims
) -> _Stored | None:
    """The claim of the document whose export's own row this is, or None: the row's `id` is
    that claim's, and its quote, text and (when given) start, end and revision are the
    claim's. Such a row is the claim, present, wherever its quote now stands: an orphaned
    claim's quote is in no current text, and its offsets count in an older revision.
    `claim_id`: its id cell as read (`_claim_id_cell`)."""
    if claim_id is None or row.quote is None:
        return None
    stored = claims.get(claim_id)
    if stored is None:
        return None
    revision = raw.values.get("revision")
    taken_in = revision if type(revision) is int else whole_number(str(revision or "").strip())
    if taken_in is not None and taken_in < stored.revision:
        # Exported before the document was updated: the claim has been anchored in a later
        # revision since, its quote and offsets perhaps changed with the words (a figure in
        # it corrected). Its id and its text say which claim the row is.
        return stored if _claim_key((("text", claim_text(row.text)),)) == stored.said else None
    if _claim_key((("quote", row.quote), ("text", claim_text(row.text)))) != stored.key:
        return None
    if revision is not None and str(revision).strip() not in ("", str(stored.revision)):
        return None
    if row.start is not None and row.start != stored.start:
        return None
    if row.end is not None and row.end != stored.end:
        return None
    return stored


def _not_pinned_again(
    tx: Tx, claim_id: int | None, typed: str, text: str, span: Span, claims: _DocumentClaims
) -> None:
    """Refuse a row that names a claim of the document by its id, with the claim's text, but
    anchors elsewhere in the revision the claim is pinned in: it is that claim's row with its
    quote changed, not a claim to add beside it. trial97: Excel saved a quote `0.50` as 0.5
    and `007` as 7, and the export's own rows, anchored on those, added each claim again on
    part of its span. A row with another text on the span is another claim, as ever."""
    stored = None if claim_id is None else claims.get(claim_id)
    if stored is None or stored.revision != claims.revision:
        return
    if (span.start, span.end) == (stored.start, stored.end):
        return
    if _claim_key((("text", claim_text(text)),)) != stored.said:
        return
    # Read for the message only: the stored claims keep digests, not texts.
    quote = tx.session.scalar(select(Claim.quote).where(Claim.id == stored.id)) or ""
    raise InvalidInput(
        f"id {stored.id} is claim #{stored.id}, with this text, pinned to "
        f"{clip_quote(quote)!r} ({span_words(stored.start, stored.end)}); the row's quote "
        f"{clip_quote(typed)!r} pins it elsewhere ({span_words(span.start, span.end)}): "
        "give the claim's quote as text (a spreadsheet may have read it as a number), or "
        "empty the id to add another claim"
    )


def _typed_id(text: str) -> int | None:
    """An id cell's text as a person types an id: the tool shows ids as #12, and a Chinese IME
    in full-width mode types １２ (`inputs.typed`); None when it is no whole number."""
    try:
        digits = typed(text)
    except ValueError:
        return None
    return whole_number(digits.removeprefix("#").strip() if digits.startswith("#") else digits)


def _claim_id_cell(value: object) -> int | None:
    """The claim an export's `id` cell names (None: the cell is empty), read as typed
    (`_typed_id`: an id typed as #1 or １ was ignored unsaid, and the row, its quote saved as
    a number, added the claim again). A cell that is no id (abc, 1.5) is refused: it was
    ignored too."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    claim_id = value if type(value) is int else _typed_id(str(value))
    if claim_id is None or claim_id < 1:
        raise InvalidInput(
            f"id: {value!r} is not a claim id (the export writes it as 12; #12 and １２ are "
            "read too): give the claim's id, or empty the cell to add a claim"
        )
    return claim_id


def _quote_not_emptied(tx: Tx, raw: RawRow, claim_id: int, claims: _DocumentClaims) -> None:
    """Refuse an export's row of a claim of the document (its id) whose quote cell was
    emptied: it was taken silently as the claim, pinned by its offsets, as though the quote
    were gone; an import changes no claim's quote, and an emptied text is refused too."""
    if "quote" not in raw.columns or "quote" in raw.values or claims.get(claim_id) is None:
        return
    quote = tx.session.scalar(select(Claim.quote).where(Claim.id == claim_id)) or ""
    raise InvalidInput(
        f"quote: empty, where id {claim_id} is claim #{claim_id}, quoting "
        f"{clip_quote(quote)!r}: an import does not change a claim's quote; give it back, or "
        "empty the id to add a claim"
    )


def _not_cut(raw: RawRow) -> None:
    """Refuse a row with a cell an xlsx export cut to fit Excel (it ends with CUT_MARK): the
    text is no longer the claim's, and the row, saved back as CSV, was added as a second claim
    on the same span with the cut text."""
    from workbench.exports.table_xlsx import CELL_LIMIT, was_cut

    for name, value in raw.values.items():
        if isinstance(value, str) and was_cut(value):
            raise InvalidInput(
                f"{name}: cut to Excel's {CELL_LIMIT:,} characters by `export claims --format "
                "xlsx` (it ends '[…cut: ...]'): import `export claims --format csv` instead, "
                "or give the whole text"
            )


def _check(
    tx: Tx,
    raw: RawRow,
    within: Matcher,
    review: bool,
    owner: Callable[[str], object],
    document_id: int,
    tags: ImportedTags,
    claims: _DocumentClaims | None = None,
) -> _Ready:
    """Every check of one row (fields, span, workflow): InvalidInput says what is wrong. A row
    that is the export's own row of a claim in `claims` is not anchored (`_own_claim`)."""
    if raw.problem is not None:  # read, but not a row that can be taken (a ragged CSV row)
        raise InvalidInput(raw.problem)
    _not_cut(raw)
    claim_id = _claim_id_cell(raw.values.get("id"))  # a cell that is no id: the row's fault
    if claims is not None and claim_id is not None:
        _quote_not_emptied(tx, raw, claim_id, claims)
    item = _plan(_own_row(raw, document_id))
    row = item.row
    own = None if claims is None else _own_claim(raw, row, claim_id, claims)
    if own is not None:
        span = Span(own.start, own.end, row.quote, "", "")
    else:
        hint = QuoteHint(exact=row.quote, start=row.start, end=row.end, occurrence=row.occurrence)
        span = anchor_quote(within, hint, carrier="a claims table")
        if claims is not None:
            _not_pinned_again(tx, claim_id, row.quote or span.quote, row.text, span, claims)
    unreasoned: str | None = None
    try:
        arrived = arrival(
            item.asked,
            row.note,
            tx.actor,
            review=review,
            carrier="a claims table",
            flagged=_flagged(raw.values.get("flagged")),
        )
    except TransitionRefused as exc:
        if own is None or has_visible(row.note):
            raise
        # The claim's own row, present, with no note: nothing is written for it, and its
        # export writes none where the verdict was recorded with no reason (an older trail,
        # its only notes others'). Refused only where the export writes one, its reason
        # emptied: judged for a batch of such rows at once (`_reasons_emptied`).
        arrived, unreasoned = Arrival(Decision(action=None)), exc.message
    tagged = tags.checked(item.tags)
    return _Ready(
        number=item.number,
        span=span,
        text=claim_text(row.text),
        claim_type=row.type,
        # checked here, with the row's other fields, so --skip-bad can skip an over-long note
        note=note_body(row.note) if has_visible(row.note) else None,
        arrived=arrived,
        # checked here too: a tab pasted into a speaker's cell is that row's fault (--skip-bad
        # skips it), not the file's (session 45: the whole file was refused, with no row)
        speaker=speaker_name(row.speaker),
        assignee=_owner(row.assignee, owner),
        priority=item.priority,
        due=item.due,
        tags=tagged,
        asked=item.asked.value,
        # An export's rating cell, compared only (as an annotation's: fix195): it follows from
        # the status, which is what the import reads.
        rating=_rating_cell(raw.values.get("rating"), "rating" in raw.columns),
        given=frozenset(raw.values),
        emptied=frozenset(n for n in COMPARED if n in raw.columns and _blank(raw.values.get(n)))
        # An emptied note cell (or one left holding spaces) deletes no note: said, as the
        # others are (it was taken unsaid, and the editor took the note to be gone).
        | ({"note"} if "note" in raw.columns and not has_visible(row.note) else set()),
        named=claim_id if own is None else None,
        named_known=(
            own is None
            and claim_id is not None
            and claims is not None
            and claims.get(claim_id) is not None
        ),
        present=None if own is None else own.id,
        anchored=_how_anchored(row.quote if own is None else None, span),
        unreasoned=unreasoned,
    )


def _rating_cell(value: object, column: bool) -> str | None:
    """A row's rating cell as given; "" where the file has the column and the row leaves it
    empty (a CSV's empty cell, a JSON null or "": an export's rating left empty is said as
    emptied, as other cells are: `_blank`); None where it gives none (no such column, or a
    value that is no text)."""
    if isinstance(value, str):
        return value
    return "" if column and _blank(value) else None


def _blank(value: object) -> bool:
    """A row's value that gives nothing: an empty cell (a CSV's, a JSON null), and a JSON
    value a script or editor emptied, "" or [] (taken as not given, unsaid, where a null was
    said to clear nothing: the editor took the owner and tags to be cleared)."""
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return all(isinstance(v, str) and not v.strip() for v in value)
    return value is None


def _flagged(value: object) -> bool:
    """An export's `flagged` cell (JSON true, CSV "true"): its verdict awaits re-review."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


@mutation
def import_claims(
    wb: Workbench,
    path: str,
    document_id: int,
    *,
    skip_bad: bool = False,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Claims from a CSV or JSON claims table, anchored in document DOC; one event per claim.

    Every row is checked first; if any fails, nothing is written (unless `skip_bad`, which
    imports the good rows and returns the failures in `skipped`). `progress` hears the rows
    checked, then the rows written (of those to write). `dry_run`: all of it is done, then
    rolled back, so that what is returned is what the import would do (`dry_run` set; the
    claims it would add in `would_add`, with no ids, `added` empty).
    """
    _check_recorded_name(path)
    try:
        return _import_claims(wb, path, document_id, skip_bad, progress, dry_run)
    except _RolledBack as done:
        return done.result


def _import_claims(
    wb: Workbench,
    path: str,
    document_id: int,
    skip_bad: bool,
    progress: Progress | None,
    dry_run: bool,
) -> ImportResult:
    claims_file = _read_claims_file(path)
    source = Path(path).name
    with closing(claims_file.data), transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        number, text = revision_text(tx, doc)
        # One matcher for every row of both passes: the text is folded once, when a quote is
        # first not found verbatim, not again for each such row (review56).
        within = Matcher(text)
        review = bool(setting_value(tx, "review.required"))
        owner = owner_check(tx.session, "assignee")
        # Pass 1 checks every row and marks those to write, a byte per row number: holding
        # every parsed row was most of a large import's memory.
        problems: list[str] = []
        notices: list[str] = []
        marked = bytearray()
        to_write = present = 0
        # Rows already in the document (or earlier in this file) are counted, not added: the
        # rule of `existing_claim`, checked against one read of the document's claims instead
        # of a query per row.
        seen = _claim_keys(tx, doc, number)
        # An export's own row of a claim is that claim, found by its id before its quote is
        # anchored: an orphaned claim's quote is in no current text (`_own_claim`).
        claims = _DocumentClaims(tx, doc.id, number)
        present_rows: list[tuple[int, int, _Ready]] = []
        other_ids: list[OtherId] = []
        # Of those, the rows whose id's claim has another text than theirs: (index in
        # other_ids, claim, row's text), to look up in the claims' edits (`texts_changed`).
        old_copies: list[tuple[int, int, str]] = []
        unreasoned: list[_Ready] = []
        tags = ImportedTags(tx.session)
        for raw in counted(claims_file.rows(), progress, claims_file.count):
            try:
                checked = _check(tx, raw, within, review, owner, doc.id, tags, claims)
            except InvalidInput as exc:
                problems.append(f"row {raw.number}: {exc}")
                continue
            if checked.unreasoned is not None:
                unreasoned.append(checked)
                continue
            if checked.present is not None:
                present += 1
                present_rows.append((raw.number, checked.present, checked))
                continue
            key = _claim_key(same_claim(doc.id, checked.span, checked.text, revision=number))
            if key in seen:
                present += 1
                claim_id = seen[key]
                if claim_id is not None:
                    present_rows.append((raw.number, claim_id, checked))
                _note_other_id(checked, claim_id, claims.get, other_ids, old_copies, added=False)
                continue
            _note_other_id(checked, None, claims.get, other_ids, old_copies, added=True)
            seen[key] = None  # a repeat of it later in the file is a repeat of this row
            if raw.number >= len(marked):
                marked.extend(bytes(raw.number + 1 - len(marked)))
            marked[raw.number] = 1
            to_write += 1
            tags.taken(checked.tags, raw.number)
            if checked.notice is not None:
                notices.append(f"row {raw.number}: {checked.notice}")
        if unreasoned:
            refused = _reasons_emptied(tx, unreasoned)
            problems.extend(f"row {r.number}: {r.unreasoned}" for r in refused)
            numbers = {r.number for r in refused}
            taken = [r for r in unreasoned if r.number not in numbers]
            present += len(taken)
            present_rows.extend((r.number, cast(int, r.present), r) for r in taken)
            present_rows.sort(key=lambda item: item[0])
            del unreasoned, refused, taken, numbers
        if problems and not (skip_bad and (to_write or present)):
            problems.sort(key=_row_number)
            raise RowsRefused(problems, skipping=skip_bad)
        del seen, claims
        _say_texts_changed(tx, other_ids, old_copies)
        del old_copies
        differs = _differing(tx, present_rows, export=claims_file.export)
        del present_rows
        # Pass 2 reads the rows again and writes those pass 1 marked, a batch at a time; the
        # checks give the same answers, as nothing they read has changed.
        chosen = (
            _check(tx, raw, within, review, owner, doc.id, tags)
            for raw in claims_file.rows()
            if raw.number < len(marked) and marked[raw.number]
        )
        # The ids on each span held once, not spooled again with each batch (`SpanIds`).
        added: Spooled[ClaimView] = Spooled(held=(SpanClaims,))
        would_add: Spooled[WouldAdd] = Spooled(held=(SpanClaims,))
        written = Tally(progress, to_write)
        writer = _NewClaims(tx, doc, other_ids, source=source, revision=number, dry_run=dry_run)
        for batch in _batches(chosen, BATCH):
            told, would = writer.write(batch)
            added.extend(told)
            would_add.extend(would)
            written.add(len(batch))
        written.end()
        other_ids = writer.added_as.given(other_ids)
        result = ImportResult(
            added=added,
            would_add=would_add,
            present=present,
            skipped=problems,
            notices=notices,
            differs=differs,
            warnings=[] if claims_file.labels is None else [claims_file.labels],
            other_ids=other_ids,
            dry_run=dry_run,
            twin_rows=writer.twins.rows_of_twins,
        )
        if dry_run:
            raise _RolledBack(result)  # the transaction rolls back: nothing written
        return result


def _reasons_emptied(tx: Tx, rows: list[_Ready]) -> list[_Ready]:
    """Of claims' own rows whose status needs the note they leave empty (`_Ready.unreasoned`),
    those whose claim's export writes a note: its reason, emptied in the sheet, refused as a
    row adding the verdict without one is. The others are as their export wrote them (a
    verdict recorded with no reason). A few queries a batch of rows, none per row."""
    from workbench.services.table_facts import published_notes

    refused: list[_Ready] = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        with tx.reading() as reader:
            noted = published_notes(reader, sorted({cast(int, r.present) for r in chunk}))
        refused.extend(r for r in chunk if r.present in noted)
    return refused


def _note_other_id(
    ready: _Ready,
    claim_id: int | None,
    stored: Callable[[int], _Stored | None],
    other_ids: list[OtherId],
    old_copies: list[tuple[int, int, str]],
    *,
    added: bool,
) -> None:
    """Both imports': note row (or annotation) `ready` in `other_ids` when its id names
    another claim than the one its words were taken as (`claim_id`, present; or `added`; or
    neither, a repeat of an earlier row), and in `old_copies` when that claim (`stored`, by
    id), a claim of the document, has another text than the row's: it may be an old copy of
    that claim (`_say_texts_changed`)."""
    if ready.named is None or ready.named == claim_id:
        return
    other_ids.append(OtherId(ready.number, ready.named, claim_id, added, ready.named_known))
    named = stored(ready.named)
    if named is not None and _claim_key((("text", ready.text),)) != named.said:
        old_copies.append((len(other_ids) - 1, named.id, ready.text))


class _NewClaims:
    """Both imports' writing of their new claims, a batch at a time: each batch inserted, the
    rows of `other_ids` it adds recorded (`added_as`), and its claims told as added, or, in a
    dry run, as the claims it would add (`twins`: with the claims on their spans)."""

    def __init__(
        self,
        tx: Tx,
        doc: Document,
        other_ids: list[OtherId],
        *,
        source: str,
        revision: int,
        dry_run: bool,
    ) -> None:
        self._tx, self._doc, self._source, self._revision = tx, doc, source, revision
        self._dry_run = dry_run
        self.twins = SpanTwins(tx, doc.id, revision)
        self.added_as = _AddedAs(other_ids, dry_run=dry_run)

    def write(self, batch: list[_Ready]) -> tuple[list[ClaimView], list[WouldAdd]]:
        """`batch` written: the claims it added, or in a dry run those it would add."""
        views = _insert_imported(
            self._tx, self._doc, batch, source=self._source, revision=self._revision
        )
        self.added_as.note(batch, views)
        rows = (r.number for r in batch)
        # A dry run's writes are rolled back: its claims are told from those present by
        # being its own, not by the ids they drew (another writer's can be higher).
        if self._dry_run:
            return [], self.twins.would_add(views, rows)
        return self.twins.told(views, rows), []


class _AddedAs:
    """Both imports' record of the rows of `other_ids` that became new claims, and of the
    claims they were added as: noted batch by batch as they are written, then given to those
    rows (`OtherId.added_as`). Nothing in a dry run, whose ids are no claim's."""

    def __init__(self, other_ids: list[OtherId], *, dry_run: bool) -> None:
        self._ids = {} if dry_run else {o.row: 0 for o in other_ids if o.added}

    def note(self, batch: list[_Ready], views: list[ClaimView]) -> None:
        """The claims `views` that `batch`'s rows were written as, in order."""
        if self._ids:
            self._ids.update(
                (ready.number, view.id)
                for ready, view in zip(batch, views, strict=True)
                if ready.number in self._ids
            )

    def given(self, other_ids: list[OtherId]) -> list[OtherId]:
        """`other_ids`, each row added given the claim it was added as."""
        if not self._ids:
            return other_ids
        return [replace(o, added_as=self._ids.get(o.row) if o.added else None) for o in other_ids]


def _say_texts_changed(
    tx: Tx, other_ids: list[OtherId], old_copies: list[tuple[int, int, str]]
) -> None:
    """Give each of `old_copies`' rows the edit that changed its id's claim's text away from
    the row's, if one did (`texts_changed`), in place in `other_ids`."""
    if not old_copies:
        return
    changed = texts_changed(tx.session, ((claim, text) for _, claim, text in old_copies))
    for index, claim, text in old_copies:
        change = changed.get((claim, text))
        if change is not None:
            other_ids[index] = replace(other_ids[index], text_changed=change)


def _batches(items: Iterable[_Ready], size: int) -> Iterator[list[_Ready]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _claim_key(same: tuple[tuple[str, object], ...]) -> int:
    """A claim's identity (same_claim's values) as a 128-bit digest: what an import keeps of
    each row to find repeats, instead of its text (a tenth of the memory). Two different
    claims share a digest with a chance of about 1 in 10^28 at 100,000 rows."""
    values = tuple(value for _, value in same)
    return int.from_bytes(hashlib.blake2b(repr(values).encode(), digest_size=16).digest())


def _claim_keys(tx: Tx, doc: Document, revision: int) -> dict[int, int | None]:
    """The identity (`_claim_key`) of every claim pinned in this revision of the document,
    with its id (None: a row earlier in the file, added to the map as it is read)."""
    table = Claim.__table__
    rows = tx.session.execute(
        select(table.c.id, *(table.c[name] for name in SAME_CLAIM_COLUMNS)).where(
            Claim.document_id == doc.id, Claim.revision == revision
        )
    )
    return {
        _claim_key(tuple(zip(SAME_CLAIM_COLUMNS, row[1:], strict=True))): row[0] for row in rows
    }


def _given(ready: _Ready) -> dict[str, object]:
    """The `COMPARED` fields a checked row gives, as its claim would store them."""
    values: dict[str, object] = {
        "speaker": ready.speaker,
        "type": ready.claim_type,
        "status": ready.asked,
        "assignee": ready.assignee,
        "priority": ready.priority,
        "due": ready.due,
        "tags": frozenset(ready.tags) or None,
    }
    return {
        name: value for name, value in values.items() if name in ready.given and value is not None
    }


# The claim's column of each `COMPARED` field but its tags (`_differing`).
_STORED_FIELDS = {
    "speaker": Claim.speaker,
    "type": Claim.type,
    "status": Claim.status,
    "assignee": Claim.assignee,
    "priority": Claim.priority,
    "due": Claim.due,
}


def _differing(tx: Tx, rows: list[tuple[int, int, _Ready]], *, export: bool) -> list[Differs]:
    """Of the rows already present (row, claim id, the row checked), those whose claim stores
    another value of a field the row gives; and, in an export (`export`: `_ClaimsFile.export`),
    a field the row leaves empty where the claim has a value (the note: where the export
    writes one). An editor's own sheet's empty cell was never filled: the desk may have set
    the field since (an owner, a due date), which is no edit of the file's."""
    from workbench.services.table_facts import published_notes

    found: list[Differs] = []
    conn = tx.session.connection()
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        ids = {claim_id for _, claim_id, _ in chunk}
        # Only the fields the chunk's rows give or empty are read (an annotation gives none of
        # the owner, priority, due date and tags: reading them, the tags a query of their own,
        # was most of an untouched annotations export's comparison, perf204); the status
        # always, which a rating is compared with. Read as rows, not through the ORM's loading.
        wanted = frozenset[str]().union(*(r.given | r.emptied for _, _, r in chunk))
        read = [name for name in _STORED_FIELDS if name in wanted or name == "status"]
        stored: dict[int, dict[str, object]] = {
            row[0]: dict(zip(read, row[1:], strict=True))
            for row in conn.execute(
                select(Claim.id, *(_STORED_FIELDS[name] for name in read)).where(Claim.id.in_(ids))
            )
        }
        if "tags" in wanted:
            tags: dict[int, set[str]] = {}
            for claim_id, tag in conn.execute(
                select(ClaimTag.claim_id, ClaimTag.tag).where(ClaimTag.claim_id.in_(ids))
            ):
                tags.setdefault(claim_id, set()).add(tag)
            for claim_id, claim in stored.items():
                claim["tags"] = frozenset(tags.get(claim_id, ()))
        # A note the row gives that is none of its claim's (an export's note rewritten in the
        # sheet): not added, so said (review: it was dropped unsaid). Read only for such rows.
        noted = {claim_id for _, claim_id, ready in chunk if ready.note is not None}
        notes: dict[int, set[str]] = {}
        if noted:
            for claim_id, body in conn.execute(
                select(Note.claim_id, Note.body).where(Note.claim_id.in_(noted))
            ):
                notes.setdefault(claim_id, set()).add(body)
        # A note cell the row leaves empty where the export writes a note (the claim's
        # verdict's reason, else an open claim's latest published note: `published_notes`):
        # no note is deleted, so said. Not where the export writes none (a verdict recorded
        # with no reason, its only notes others'): an untouched export said it was emptied.
        # Read only for such rows, in a few queries for the batch.
        unnoted = {claim_id for _, claim_id, ready in chunk if export and "note" in ready.emptied}
        if unnoted:
            # Only a claim with a note not internal publishes one: the others' verdict events
            # are not read (most of the comparison's time, of an untouched export's claims
            # with no note).
            unnoted = set(
                conn.scalars(
                    select(Note.claim_id)
                    .where(Note.claim_id.in_(unnoted), Note.internal.is_(False))
                    .distinct()
                )
            )
        published: set[int] = set()
        if unnoted:
            with tx.reading() as reader:
                published = set(published_notes(reader, sorted(unnoted)))
        for number, claim_id, ready in chunk:
            given = _given(ready)
            claim = stored[claim_id]
            # A status the row's claim would arrive at (a verdict comes in open, or proposed)
            # is no difference: a re-import of an imported file does not differ by it. A row
            # whose verdict the workflow refused for want of its reason (`unreasoned`) arrives
            # nowhere: its status is compared as given (opinion with no note on an unverified
            # claim was taken as arriving unverified, and its edit went unsaid).
            arrives = (
                None
                if ready.unreasoned is not None
                else ready.arrived.decision.changes.get("status", Status.UNVERIFIED.value)
            )
            emptied = tuple(
                name
                for name in COMPARED
                if export
                and name in ready.emptied
                and claim[name] not in (None, frozenset(), UNSET.get(name))
            )
            fields = tuple(
                name
                for name in COMPARED
                if name in emptied
                or (
                    name in given
                    and given[name] != claim[name]
                    and not (name == "status" and claim[name] == arrives)
                )
            )
            # A rating an editor changed, which the status the import reads does not carry
            # (`rating_contradicts`): said, as the silence read as "imported fine". One left
            # empty is said as emptied, as other cells are (review216: "its rating differs"
            # of a file that gives none; a table's was not said at all).
            own = ready.asked if "status" in given else None
            if ready.rating is not None and not ready.rating.strip():
                if export and rating_emptied(own, str(claim["status"])):
                    fields, emptied = (*fields, "rating"), (*emptied, "rating")
            elif ready.rating is not None and rating_contradicts(
                ready.rating, own, str(claim["status"])
            ):
                fields = (*fields, "rating")
            if ready.note is not None and ready.note not in notes.get(claim_id, ()):
                fields = (*fields, "note")
            elif "note" in ready.emptied and claim_id in published:
                fields, emptied = (*fields, "note"), (*emptied, "note")
            if fields:
                found.append(Differs(number, claim_id, fields, emptied))
    return found


def _insert_imported(
    tx: Tx,
    doc: Document,
    batch: list[_Ready],
    *,
    source: str,
    revision: int,
) -> list[ClaimView]:
    """A batch of new claims with their tags, notes and events, in one INSERT per table: the
    claims `new_claim_values` makes, without an ORM object and a flush per row."""
    claims = [
        new_claim_values(
            tx.actor,
            doc.id,
            ready.span,
            ready.text,
            speaker=ready.speaker,
            claim_type=ready.claim_type,
            revision=revision,
            assignee=ready.assignee,
            priority=ready.priority or Priority.NORMAL.value,
            due=ready.due,
            **ready.arrived.decision.changes,
        )
        for ready in batch
    ]
    rows = [claim_columns(values) for values in claims]
    conn = tx.session.connection()
    ids = insert_returning_ids(conn, cast("Table", Claim.__table__), rows)
    for values, row, claim_id in zip(claims, rows, ids, strict=True):
        values["id"] = row["id"] = claim_id
    tags = [
        {"claim_id": values["id"], "tag": tag}
        for values, ready in zip(claims, batch, strict=True)
        for tag in ready.tags
    ]
    if tags:
        conn.execute(insert(cast("Table", ClaimTag.__table__)), tags)
    notes = [
        # A reason, or an open claim's note, as the table published it: never internal.
        {"claim_id": values["id"], "author": tx.actor, "body": ready.note, "internal": False}
        | {"created_at": now()}
        for values, ready in zip(claims, batch, strict=True)
        if ready.note is not None
    ]
    if notes:
        note_ids = insert_returning_ids(conn, cast("Table", Note.__table__), notes)
        for written, note_id in zip(notes, note_ids, strict=True):
            written["id"] = note_id
    note_of = {written["claim_id"]: written for written in notes}
    events: list[Entry] = []
    views: list[ClaimView] = []
    for values, row, ready in zip(claims, rows, batch, strict=True):
        note = note_of.get(values["id"])
        payload = imported(
            claim_payload(SimpleNamespace(**values), tags=ready.tags),
            None if note is None else note_payload(SimpleNamespace(**note)),
            {"file": source, "row": ready.number},
        )
        events.append((IMPORTED, "claim", values["id"], payload, values["id"]))
        # The view of the row as written, as a read of it would give it.
        views.append(claim_view(SimpleNamespace(**row), ready.tags))
    tx.record_all(events)
    return views
