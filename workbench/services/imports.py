"""Claims coming in from other tools: Web Annotation collections and claims tables.

Each import here is one transaction: read the file, check every row (or annotation),
say what is present, write the rest in batches. The steps live beside it:
import_claims_file and import_row_checks (a claims table), import_annotation_checks,
import_present (rows whose claim is present), import_writer (the batch writer),
import_problems (failed rows said) and import_ready (the checked claim)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from workbench.domain.anchoring import Matcher
from workbench.domain.claim_identity import same_claim
from workbench.domain.decoding import decode_text
from workbench.domain.errors import Hint, InvalidInput, give
from workbench.domain.limits import check_file_name
from workbench.domain.settings import REVIEW_REQUIRED
from workbench.domain.unique_keys import RepeatedKey, loads, value_refused
from workbench.services.annotation_targets import DocumentSources
from workbench.services.context import Workbench, mutation, transaction
from workbench.services.import_annotation_checks import AnnotatedClaims, annotation_ready
from workbench.services.import_claims_file import read_claims_file

# (Differs, OtherId, RowsRefused and collapsed: the CLI and the tests import them from here)
from workbench.services.import_present import Differs as Differs
from workbench.services.import_present import OtherId as OtherId
from workbench.services.import_present import (
    differing,
    note_other_id,
    reasons_emptied,
    say_texts_changed,
)
from workbench.services.import_problems import RowsRefused as RowsRefused
from workbench.services.import_problems import collapsed as collapsed
from workbench.services.import_problems import row_number
from workbench.services.import_ready import Ready, claim_key, claim_keys
from workbench.services.import_row_checks import DocumentClaims, check_row
from workbench.services.import_tags import ImportedTags
from workbench.services.import_writer import NewClaims, batches
from workbench.services.inputs import read_source
from workbench.services.lookup import get_document
from workbench.services.progress import Progress, Tally, counted
from workbench.services.revisions import revision_text
from workbench.services.settings import setting_value
from workbench.services.span_twins import SpanClaims, WouldAdd
from workbench.services.spooled import Spooled
from workbench.services.users import owner_check
from workbench.services.views import ClaimView

# Rows written per INSERT statement of a claims import (each table's rows for a batch of
# claims go in one statement; the driver splits it as its parameter limit requires), and
# rows already present read per query (`differing`, `reasons_emptied`, given it).
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
    """Ends a dry run's transaction, rolled back, with what the import would have done. Both
    imports run dry so: all of it done in the transaction (`_to_commit` raises this at its
    end), then caught out of it (`_result_of`), so what is returned is what would be done."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def _to_commit(result: ImportResult) -> ImportResult:
    """An import's result, at the end of its transaction: returned, to be committed; or, of a
    dry run, raised (`_RolledBack`): the transaction rolls back, nothing written."""
    if result.dry_run:
        raise _RolledBack(result)
    return result


def _result_of(import_: Callable[[], ImportResult]) -> ImportResult:
    """The result of an import whose transaction ends in `_to_commit`, a dry run's too."""
    try:
        return import_()
    except _RolledBack as done:
        return done.result


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
        raise InvalidInput(f"{name} is not valid JSON: {value_refused(exc)}") from None


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
    an older trail recorded with none); refused where the export writes one (`reasons_emptied`).
    An annotation of a claim present whose status, type, speaker or note is not the claim's
    (or, of a workbench's own, is left out where its export writes one) changes nothing: it
    is returned in `differs`, as `import claims` returns such a row. An annotation whose id
    is a claim's of the document (its export's) but that is taken by its quote and text as
    another claim, or added, is returned in `other_ids`, as a row whose id cell is.
    `dry_run`: as `import_claims`'s, all of it done, then rolled back.
    """
    _check_recorded_name(path)
    return _result_of(lambda: _import_annotations(wb, path, document_id, skip_bad, dry_run))


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
        review = bool(setting_value(tx, REVIEW_REQUIRED))
        claims = AnnotatedClaims(tx, doc)
        sources = DocumentSources(tx, doc)
        ready: list[Ready] = []
        errors: list[str] = []
        for item in incoming:
            try:
                ready.append(annotation_ready(tx, item, within, review, claims, sources))
            except InvalidInput as exc:
                errors.append(f"annotation {item.index}: {exc}")
        unreasoned = [c for c in ready if c.unreasoned is not None]
        if unreasoned:
            refused = {r.number: r.unreasoned for r in reasons_emptied(tx, unreasoned, batch=BATCH)}
            errors.extend(f"annotation {n}: {why}" for n, why in refused.items())
            errors.sort(key=row_number)
            ready = [c for c in ready if c.number not in refused]
        if errors and not (skip_bad and ready):
            # Annotations failing alike are said once, with their numbers. With --skip-bad
            # and not one good annotation, the import failed all the same (as `import claims`).
            said = collapsed(errors, "annotation")
            more = f" (and {len(said) - 5} more)" if len(said) > 5 else ""
            failed = [row_number(e) for e in errors]
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
        seen = claim_keys(tx, doc, number)
        new: list[Ready] = []
        # Those of a claim present, with its id: compared with it as a claims table's rows
        # are, so that a status, type, speaker or note an editor changed in the file, which
        # nothing takes in, is said (it was counted "already present", unsaid).
        present: list[tuple[int, int, Ready]] = []
        other_ids: list[OtherId] = []
        old_copies: list[tuple[int, int, str]] = []
        for claim in ready:
            if claim.present is not None:
                present.append((claim.number, claim.present, claim))
                continue
            key = claim_key(same_claim(doc.id, claim.span, claim.text, revision=number))
            if key not in seen:
                seen[key] = None
                new.append(claim)
                note_other_id(claim, None, claims.by_id, other_ids, old_copies, added=True)
                continue
            if (claim_id := seen[key]) is not None:
                present.append((claim.number, claim_id, claim))
            note_other_id(claim, claim_id, claims.by_id, other_ids, old_copies, added=False)
        say_texts_changed(tx, other_ids, old_copies)
        # Only this workbench's own annotations say a field emptied (`annotation_ready`): each
        # carries every field its export writes, as an export's row does.
        differs = differing(tx, present, export=True, batch=BATCH)
        source = Path(path).name
        writer = NewClaims(tx, doc, other_ids, source=source, revision=number, dry_run=dry_run)
        added: list[ClaimView] = []
        would_add: list[WouldAdd] = []
        for batch in batches(new, BATCH):
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
        return _to_commit(result)


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
    return _result_of(lambda: _import_claims(wb, path, document_id, skip_bad, progress, dry_run))


def _import_claims(
    wb: Workbench,
    path: str,
    document_id: int,
    skip_bad: bool,
    progress: Progress | None,
    dry_run: bool,
) -> ImportResult:
    claims_file = read_claims_file(path)
    source = Path(path).name
    with closing(claims_file.data), transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        number, text = revision_text(tx, doc)
        # One matcher for every row of both passes: the text is folded once, when a quote is
        # first not found verbatim, not again for each such row (review56).
        within = Matcher(text)
        review = bool(setting_value(tx, REVIEW_REQUIRED))
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
        seen = claim_keys(tx, doc, number)
        # An export's own row of a claim is that claim, found by its id before its quote is
        # anchored: an orphaned claim's quote is in no current text (`_own_claim`).
        claims = DocumentClaims(tx, doc.id, number)
        present_rows: list[tuple[int, int, Ready]] = []
        other_ids: list[OtherId] = []
        # Of those, the rows whose id's claim has another text than theirs: (index in
        # other_ids, claim, row's text), to look up in the claims' edits (`texts_changed`).
        old_copies: list[tuple[int, int, str]] = []
        unreasoned: list[Ready] = []
        tags = ImportedTags(tx.session)
        for raw in counted(claims_file.rows(), progress, claims_file.count):
            try:
                checked = check_row(tx, raw, within, review, owner, doc.id, tags, claims)
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
            key = claim_key(same_claim(doc.id, checked.span, checked.text, revision=number))
            if key in seen:
                present += 1
                claim_id = seen[key]
                if claim_id is not None:
                    present_rows.append((raw.number, claim_id, checked))
                note_other_id(checked, claim_id, claims.get, other_ids, old_copies, added=False)
                continue
            note_other_id(checked, None, claims.get, other_ids, old_copies, added=True)
            seen[key] = None  # a repeat of it later in the file is a repeat of this row
            if raw.number >= len(marked):
                marked.extend(bytes(raw.number + 1 - len(marked)))
            marked[raw.number] = 1
            to_write += 1
            tags.taken(checked.tags, raw.number)
            if checked.notice is not None:
                notices.append(f"row {raw.number}: {checked.notice}")
        if unreasoned:
            refused = reasons_emptied(tx, unreasoned, batch=BATCH)
            problems.extend(f"row {r.number}: {r.unreasoned}" for r in refused)
            numbers = {r.number for r in refused}
            taken = [r for r in unreasoned if r.number not in numbers]
            present += len(taken)
            present_rows.extend((r.number, cast(int, r.present), r) for r in taken)
            present_rows.sort(key=lambda item: item[0])
            del unreasoned, refused, taken, numbers
        if problems and not (skip_bad and (to_write or present)):
            problems.sort(key=row_number)
            raise RowsRefused(problems, skipping=skip_bad)
        del seen, claims
        say_texts_changed(tx, other_ids, old_copies)
        del old_copies
        differs = differing(tx, present_rows, export=claims_file.export, batch=BATCH)
        del present_rows
        # Pass 2 reads the rows again and writes those pass 1 marked, a batch at a time; the
        # checks give the same answers, as nothing they read has changed.
        chosen = (
            check_row(tx, raw, within, review, owner, doc.id, tags)
            for raw in claims_file.rows()
            if raw.number < len(marked) and marked[raw.number]
        )
        # The ids on each span held once, not spooled again with each batch (`SpanIds`).
        added: Spooled[ClaimView] = Spooled(held=(SpanClaims,))
        would_add: Spooled[WouldAdd] = Spooled(held=(SpanClaims,))
        written = Tally(progress, to_write)
        writer = NewClaims(tx, doc, other_ids, source=source, revision=number, dry_run=dry_run)
        for batch in batches(chosen, BATCH):
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
        return _to_commit(result)
