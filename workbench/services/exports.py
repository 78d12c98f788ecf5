"""Publishing use cases: ClaimReview, Web Annotations and the claims table out of the
workbench (read-only). The ORM-backed records (services/publishing) are imported where a format
needs them: the claims table is read on the driver, as the desk's lists are."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.domain.errors import InvalidInput, give
from workbench.domain.settings import REVIEW_REQUIRED
from workbench.domain.status import FINAL_VALUES
from workbench.exports.registry import REPORT_FORMATS
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.progress import Progress
from workbench.services.skipped_claims import IDS_KEPT, SkippedClaims

if TYPE_CHECKING:
    import uuid

    from workbench.domain.sign_off import RanAhead
    from workbench.domain.spans import Span
    from workbench.exports.claimreview import Publisher
    from workbench.services.publishing import (
        ClaimRecord,
        DocumentRecord,
        ReviewedClaim,
        ReviewRecord,
    )
    from workbench.services.review_selection import ReviewSelection


@dataclass(frozen=True, slots=True)
class ReviewExport:
    """The reviews (by document, then claim), and the claims not published (per reason) or
    said of, each list by claim id (a trial's skip list read "#3, #4, #16, #5": in document
    order)."""

    reviews: list[dict[str, Any]]
    # Not published (open, an opinion, withdrawn): how many for each reason, the lowest ids.
    skipped: SkippedClaims
    # Claims flagged for re-review: left out, or published anyway with --include-flagged.
    flagged: list[int] = field(default_factory=list)
    # With review.required on: published verdicts no second person approved (given while the
    # setting was off, or imported), which the desk's rule says need one.
    unreviewed: list[int] = field(default_factory=list)
    # Published claims whose review names no author of the claim (no speaker, or the article's
    # author where the document names none).
    unattributed: list[int] = field(default_factory=list)
    # Published claims whose review gives no address where the claim appeared (its document
    # has no URL): search engines' fact-check markup asks for one.
    unlocated: list[int] = field(default_factory=list)
    # Selected by position (`after_seq`/`after_head`): the trail's head as the export read it
    # (seq, hash), which the next pull gives to continue from; None otherwise.
    next_after: tuple[int, str] | None = None
    # Published claims a verdict of which was stamped by a clock that ran ahead, as their
    # trail shows (`sign_off.trail_time`), by claim id: the review is dated as the trail
    # supports (the time of the later move that shows it), not by that clock.
    redated: list[tuple[int, RanAhead]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AnnotationExport:
    collection: dict[str, Any]
    flagged: list[int] = field(default_factory=list)
    # With review.required on: verdicts published that no second person approved.
    unreviewed: list[int] = field(default_factory=list)
    # Claims a time of which (created, modified) was left out, dated after today: (claim id,
    # the time as stamped), by claim id (`AnnotationStream.undated`).
    undated: list[tuple[int, str]] = field(default_factory=list)


def _published(
    wb: Workbench,
    document_ids: Sequence[int] = (),
    history: bool | Sequence[str] = True,
    *,
    judged: bool = False,
) -> tuple[list[DocumentRecord], bool]:
    """The documents' records and whether review.required is on, read in one transaction: the
    rule and the records of one moment, as `export_claimreview` reads them. `judged`: with the
    words each flagged verdict was given on (`ClaimRecord.judged`)."""
    from workbench.services.publishing import records_in
    from workbench.services.settings import setting_value

    with transaction(wb) as tx:
        required = bool(setting_value(tx, REVIEW_REQUIRED))
        records = records_in(tx, document_ids=document_ids, history=history, judged=judged)
        return list(records), required


def _unreviewed(records: Sequence[DocumentRecord], withheld: bool, required: bool) -> list[int]:
    """The claims of `records` whose verdict is published (not withheld as flagged, when
    `withheld`) though no second person approved it (`publishing.unapproved`, the rule
    `export claimreview` warns by), when review.required is on (`required`): said by every
    publishing command (trial47b: the annotations and the report published them without a
    word)."""
    from workbench.services.publishing import unapproved

    if not required:
        return []
    return sorted(
        item.claim.id
        for record in records
        for item in record.claims
        if item.claim.status in FINAL_VALUES
        and not (withheld and item.claim.flagged)
        and unapproved(item)
    )


def _check_named(
    selection: ReviewSelection, skipped: SkippedClaims, flagged: Sequence[int]
) -> None:
    """A claim the user named that cannot be published is refused rather than silently left out
    (a trial: a flagged one was refused, an unverified one printed `[]`); of several, the
    first by id. `skipped` keeps as many ids a reason as were named: every one read."""
    named = set(selection.claim_ids)
    why = {c: r.reason for r in skipped.by_reason() for c in r.ids if c in named}
    held = [c for c in flagged if c in named and not selection.include_flagged]
    first = min([*why, *held], default=None)
    if first is None:
        return
    if first in why:
        raise InvalidInput(f"claim #{first} cannot be published as a ClaimReview: {why[first]}")
    raise InvalidInput(
        f"claim #{first} is flagged for re-review: its quote changed after the verdict, "
        "so its rating is not published until a new decision on the current text",
        hint=give("include_flagged"),
    )


def export_claimreview(wb: Workbench, selection: ReviewSelection) -> ReviewExport:
    """ClaimReview JSON-LD for every claim of `selection` with a rated verdict; the rest, with
    why.

    Its `since` (and `until`, as `stats --since/--until` read them: a date is the whole day): only
    the claims whose verdict was given in that span (its datePublished), e.g. the week's; a
    claim with no verdict, or one given outside it, is not selected (nor listed as skipped).

    A verdict flagged for re-review is left out (listed in `flagged`) unless `include_flagged`;
    naming one in `claim_ids` without it is refused, as is naming a claim that has no rated
    verdict (open, or an opinion: the reason it would be skipped).

    Every review, held: `review_stream` gives them one at a time."""
    with review_stream(wb, selection) as stream:
        reviews = list(stream.reviews)
    return stream.export(reviews)


@dataclass(slots=True)
class ReviewStream:
    """`export claimreview` as it is written: the reviews, read a batch of documents at a time
    as they are asked for, and what is said of the claims (ReviewExport's lists), complete
    once the reviews have all been read."""

    reviews: Iterator[dict[str, Any]] = field(default_factory=lambda: iter(()))
    skipped: SkippedClaims = field(default_factory=SkippedClaims)
    flagged: list[int] = field(default_factory=list)
    unreviewed: list[int] = field(default_factory=list)
    unattributed: list[int] = field(default_factory=list)
    unlocated: list[int] = field(default_factory=list)
    # The reviews read so far.
    published: int = 0
    # Selected by position: the head to pull after next (ReviewExport.next_after).
    next_after: tuple[int, str] | None = None
    redated: list[tuple[int, RanAhead]] = field(default_factory=list)

    def export(self, reviews: list[dict[str, Any]]) -> ReviewExport:
        """`reviews` with what was said of the claims, each list by claim id."""
        return ReviewExport(
            reviews,
            self.skipped,
            sorted(self.flagged),
            sorted(self.unreviewed),
            sorted(self.unattributed),
            sorted(self.unlocated),
            self.next_after,
            sorted(self.redated, key=lambda r: (r[0], r[1].seq)),
        )


@contextmanager
def review_stream(
    wb: Workbench, selection: ReviewSelection, *, every_id: bool = False
) -> Iterator[ReviewStream]:
    """`export_claimreview` a review at a time, in one read transaction of one snapshot (held
    until the block ends): what is held does not grow with the desk (a year's reviews were one
    list, then one string: 160 MB at 20,000 claims). Everything refused is refused on entering,
    before a review is written: claims named that cannot be published are found by a first
    read of the named claims (no more than were named). `every_id`: the skipped claims keep
    every id of each reason, not the lowest few (`export claimreview --json` gives them all:
    an int a skipped claim)."""
    from workbench.exports.claimreview import (
        Publisher,
        check_url_template,
        published_url,
        publisher_name,
        review_url_problem,
    )
    from workbench.services.activity import activity_span
    from workbench.services.audit import pin_after, trail_end
    from workbench.services.event_filter import EventFilter, check_criteria
    from workbench.services.lookup import check_documents
    from workbench.services.publishing import review_records
    from workbench.services.settings import setting_value

    span = activity_span(selection.since, selection.until)
    if span is not None and selection.claim_ids:
        raise InvalidInput("--since selects claims by their verdict's date: name no --claim")
    if (problem := after_problem(selection)) is not None:
        raise problem
    # The head given, as `audit export --after` takes it: its values checked here, the trail's
    # holding it in the transaction (pin_after, the one rule of both).
    after = EventFilter(after_seq=selection.after_seq, after_head=selection.after_head)
    check_criteria(after)
    publisher = Publisher(name=publisher_name(selection.org), url=published_url(selection.org_url))
    if selection.url_template is not None:
        check_url_template(selection.url_template)
    if (problem := review_url_problem(publisher.url, selection.url_template)) is not None:
        raise problem
    with transaction(wb) as tx:  # the rule and the records of one moment
        tx.one_snapshot()  # the named claims checked are the claims then published
        required = bool(setting_value(tx, REVIEW_REQUIRED))
        # NotFound for an unknown one, before any is read
        check_documents(tx, selection.document_ids)
        # After seq 0 (the empty trail's head) is everything: the full export, a first pull.
        moved_after = pin_after(tx, after).after_seq if selection.after else None
        next_after = trail_end(tx) if selection.after else None

        def reviews(said: ReviewStream) -> Iterator[dict[str, Any]]:
            records = review_records(
                tx,
                document_ids=selection.document_ids,
                claim_ids=selection.claim_ids,
                touched=span,
                moved_after=moved_after,
            )
            return _reviews(records, said, selection, span, moved_after, required, publisher)

        if selection.claim_ids:
            # Every claim named is kept (the read is of those only), not the lowest few.
            checked = ReviewStream(skipped=SkippedClaims(kept=len(selection.claim_ids)))
            for _ in reviews(checked):
                pass
            # Checked after the read: the refusal names the claim whatever order it came in.
            _check_named(selection, checked.skipped, checked.flagged)
        stream = ReviewStream(
            next_after=next_after, skipped=SkippedClaims(kept=None if every_id else IDS_KEPT)
        )
        stream.reviews = reviews(stream)
        yield stream


def _reviews(
    records: Iterator[ReviewRecord],
    said: ReviewStream,
    selection: ReviewSelection,
    span: tuple[str, str | None] | None,
    moved_after: int | None,
    required: bool,
    publisher: Publisher,
) -> Iterator[dict[str, Any]]:
    """The ClaimReview of each claim of `records` that is published, as the records are read
    (a batch of documents at a time); what is said of the claims added to `said` as they
    come."""
    from workbench.domain.clock import now
    from workbench.exports.claimreview import (
        DATED_AHEAD,
        ahead_reason,
        claim_author,
        claim_review,
        review_url,
        skipped_as,
    )
    from workbench.services.publishing import unapproved

    moment = now()  # one today for the whole export
    for record in records:
        for item in record.claims:
            if span is not None and not _given_in(item.verdict_at, item.first_verdict_at, span):
                continue
            if moved_after is not None and not _moved_after(
                item,
                moved_after,
                edited=record.edited_after,
                include_flagged=selection.include_flagged,
            ):
                continue
            skip = skipped_as(item.claim, item.held_verdict)
            if skip is None and (
                ahead := ahead_reason(item.verdict_at, item.first_verdict_at, moment)
            ):
                skip = DATED_AHEAD, ahead
            if skip is not None:
                kind, reason = skip
                said.skipped.add(item.claim.id, reason, kind)
                continue
            if item.claim.flagged:
                said.flagged.append(item.claim.id)
                if not selection.include_flagged:
                    continue
            if required and unapproved(item):
                said.unreviewed.append(item.claim.id)
            if claim_author(item.claim, record.document) is None:
                said.unattributed.append(item.claim.id)
            if record.document.url is None:
                said.unlocated.append(item.claim.id)
            said.redated.extend((item.claim.id, ahead) for ahead in item.ran_ahead)
            said.published += 1
            yield claim_review(
                item.claim,
                record.document,
                reviewed_at=item.verdict_at,
                first_reviewed_at=item.first_verdict_at,
                publisher=publisher,
                url=review_url(selection.url_template, publisher, item.claim.id),
            )


def _moved_after(
    item: ReviewedClaim, seq: int, *, edited: bool = False, include_flagged: bool = False
) -> bool:
    """Whether a claim's review may have changed for a partner who pulled after event `seq`:
    its status was last set (or its verdict flagged) after it (`ReviewedClaim.moved_seq`), and
    it holds a verdict now or held one before (withdrawn or reopened: the review to take
    down); or it holds a rated verdict, whose review names where it appeared, and its
    document's fields were edited after it (`edited`: `ReviewRecord.edited_after`), and its
    review is published: not when its verdict is flagged for re-review and left out (fix174: a
    `doc edit` named it again as flagged, to take down, though the pull before had said so
    and nothing the partner holds changed), unless `include_flagged` publishes it. A claim
    never judged has no review to publish or take down, and is not selected, as `--since`
    does not select it."""
    from workbench.domain.status import RATINGS, Status

    published = include_flagged or not item.claim.flagged
    if edited and published and Status(item.claim.status) in RATINGS:
        return True
    if item.moved_seq is None or item.moved_seq <= seq:
        return False
    return item.claim.status in FINAL_VALUES or item.held_verdict is not None


def after_problem(selection: ReviewSelection) -> InvalidInput | None:
    """Why `--after` cannot go with the rest of `selection`, or None: with `--since`/`--until`
    (a window by the review's date would drop again the corrections written on a clock that
    was behind, which a window by position exists to deliver; one way to ask what is new), or
    with `--claim` (a claim is selected by its verdict's move, as `--since` selects by its
    date). Asked by the CLI first, to answer with a usage error."""
    if not selection.after:
        return None
    if selection.since is not None or selection.until is not None:
        return InvalidInput(
            "--after selects the verdicts moved since a head of the trail, by position; "
            "--since and --until by date, the clocks that wrote them: give one or the other"
        )
    if selection.claim_ids:
        return InvalidInput(
            "--after selects claims by their verdict's position in the trail: name no --claim"
        )
    return None


def _given_in(
    verdict_at: str | None, first_verdict_at: str | None, span: tuple[str, str | None]
) -> bool:
    """Whether the review of a verdict given at `verdict_at` (None: the claim holds none) is
    dated in `span`: its dateModified, else its datePublished (`review_dates`), the date a
    partner reads; not the correction's own clock, when that was behind (trial99)."""
    from workbench.exports.claimreview import review_dates

    dates = review_dates(verdict_at, first_verdict_at)
    if dates is None:
        return False
    published, modified = dates
    dated = published if modified is None else modified
    start, end = span
    return dated >= start and (end is None or dated <= end)


def export_annotations(
    wb: Workbench, *, document_ids: Sequence[int] = (), include_flagged: bool = False
) -> AnnotationExport:
    """A W3C AnnotationCollection: one Annotation per claim, `assessing` it; a claim flagged for
    re-review keeps its annotation without its verdict (status, rating and reason: a
    `highlighting` one, listed in `flagged`) unless `include_flagged`, as the report does.

    With `include_flagged`, a flagged verdict is published on the words it was given on (the
    span, and the revision, it had when a revision changed its quote: trial54's annotation
    marked a page's corrected, true sentence False), not on the words that replaced them.

    The whole collection, held: `annotation_stream` gives it an annotation at a time."""
    with annotation_stream(
        wb, document_ids=document_ids, include_flagged=include_flagged
    ) as stream:
        items = list(stream.annotations)
        head = stream.head
    head["first"]["items"] = items
    return AnnotationExport(head, stream.flagged, stream.unreviewed, stream.undated)


@dataclass(slots=True)
class AnnotationStream:
    """`export annotations` as it is written: the collection's `head` (its id, label and
    total, read first; its items empty), the claims it withholds a verdict of (`flagged`),
    and its annotations, read a document at a time as they are asked for. `unreviewed` is
    complete once they have all been read."""

    head: dict[str, Any]
    flagged: list[int]
    annotations: Iterator[dict[str, Any]]
    unreviewed: list[int] = field(default_factory=list)
    # The claims a time of which was left out of their annotation, dated after today by this
    # computer's clock (`exports.annotations.times_ahead`): (claim id, each such time), as
    # ClaimReview skips a review that would be dated after today. Complete once read.
    undated: list[tuple[int, str]] = field(default_factory=list)
    # Today in UTC by this computer's clock, and the last day a time may name (`latest_day`).
    today: str = ""
    latest: str = ""


@contextmanager
def annotation_stream(
    wb: Workbench, *, document_ids: Sequence[int] = (), include_flagged: bool = False
) -> Iterator[AnnotationStream]:
    """`export_annotations` an annotation at a time, in one read transaction of one snapshot
    (held until the block ends): the collection's id and total are read first (the ids of the
    claims, not their records), then the records a document at a time, so that what is held
    does not grow with the desk (a year's collection was built whole first: 357 MB at 20,000
    claims). Unknown documents are refused on entering, before anything is written."""
    from workbench.domain.clock import now
    from workbench.domain.sign_off import VERDICT_ACTIONS
    from workbench.exports.annotations import collection_head, latest_day
    from workbench.services.publishing import records_in
    from workbench.services.settings import setting_value

    with transaction(wb) as tx:
        tx.one_snapshot()  # the total and id read first describe the annotations read after
        required = bool(setting_value(tx, REVIEW_REQUIRED))
        ident, label, total, flagged = _collection_facts(tx, document_ids)
        # Only the events that set a verdict: what the published note is chosen from.
        records = records_in(
            tx, document_ids=document_ids, history=VERDICT_ACTIONS, judged=include_flagged
        )
        moment = now()  # one today for the whole export
        stream = AnnotationStream(
            collection_head(ident, label=label, total=total),
            flagged,
            iter(()),
            today=moment.date().isoformat(),
            latest=latest_day(moment),
        )
        stream.annotations = _annotations(tx, records, include_flagged, required, stream)
        yield stream
        stream.unreviewed.sort()
        stream.undated.sort()


def _collection_facts(tx: Tx, document_ids: Sequence[int]) -> tuple[uuid.UUID, str, int, list[int]]:
    """The collection's id, label and total, and its flagged claims, read from the claims'
    ids, times and flags (and their documents' first hashes), in the order `records_in` reads
    them: by document, then claim. An unknown document is refused (NotFound)."""
    from sqlalchemy import func, select

    from workbench.db.models import Claim, Document
    from workbench.domain.payloads import event_value
    from workbench.domain.status import WITHDRAWN_VALUE
    from workbench.exports.annotations import CollectionId, claim_annotation_id
    from workbench.services.lookup import check_documents
    from workbench.services.views import FLAG

    check_documents(tx, document_ids)  # NotFound for an unknown one, before anything is read
    documents = select(Document.id, Document.title)
    if document_ids:
        documents = documents.where(Document.id.in_(list(document_ids)))
    # The label names the document when there is one (a desk of one, or one named).
    count = tx.session.scalar(select(func.count()).select_from(documents.subquery())) or 0
    if count == 1:
        doc_id, title = tx.session.execute(documents).one()
        label = f"Claims in document #{doc_id}" + (f": {title}" if title else "")
    else:
        label = "Claims in the workbench"
    query = (
        select(Document.sha256, Claim.id, Claim.created_at, Claim.verdict_revision)
        .join(Document, Document.id == Claim.document_id)
        # A withdrawn claim was taken back: no annotation ever carries it (as records_in).
        .where(Claim.status != WITHDRAWN_VALUE)
        .order_by(Claim.document_id, Claim.id)
    )
    if document_ids:
        query = query.where(Claim.document_id.in_(list(document_ids)))
    ident = CollectionId()
    total = 0
    flagged: list[int] = []
    # A batch of rows at a time (a server-side cursor on PostgreSQL), not the whole result.
    for sha256, claim_id, created_at, verdict_revision in tx.session.execute(
        query.execution_options(yield_per=PAGE_ROWS)
    ):
        ident.add(claim_annotation_id(sha256, claim_id, str(event_value(created_at))))
        total += 1
        if FLAG.holds(_Flag(verdict_revision)):  # ClaimView.flagged's rule
            flagged.append(claim_id)
    return ident.value(), label, total, sorted(flagged)


@dataclass(frozen=True, slots=True)
class _Flag:
    verdict_revision: int | None


# Rows of claim ids read at a time for a collection's id and total.
PAGE_ROWS = 5000


def _annotations(
    tx: Tx,
    records: Iterator[DocumentRecord],
    include_flagged: bool,
    required: bool,
    said: AnnotationStream,
) -> Iterator[dict[str, Any]]:
    """Each claim of `records` as an Annotation, a document's at a time; the verdicts no second
    person approved (with review.required on: `required`) added to `said.unreviewed` as they
    come, and the times left out, after today, to `said.undated`."""
    from workbench.exports.annotations import Annotated, annotation, times_ahead
    from workbench.services.publishing import published_note

    for record in records:
        said.unreviewed.extend(_unreviewed([record], not include_flagged, required))
        # The span of each claim whose selectors count in an older revision, its context
        # widened in that revision's text (`_older_spans`); the latest's the record holds.
        older = _older_spans(tx, record)
        for index, item in enumerate(record.claims):
            claim = item.claim
            said.undated.extend((claim.id, at) for at in times_ahead(claim, said.latest))
            revision = _span_revision(item)
            latest = revision == record.revision
            yield annotation(
                Annotated(
                    claim,
                    record.document,
                    record.sha256_of(revision),
                    # the verdict's reason (else an open claim's latest note), as the table's
                    published_note(item),
                    record.stored_at_of(revision),
                    withheld=claim.flagged and not include_flagged,
                    span=item.judged if latest else older[index],
                    latest=said.latest,
                    # The latest revision's text: the span's context is widened in it until it
                    # names one place (`distinguished`); an older one's already was.
                    text=record.text if latest else None,
                )
            )


def _span_revision(item: ClaimRecord) -> int:
    """The revision a claim's selectors count in: the judged one for a verdict published on
    its words (`judged` is only read with include_flagged), else the claim's own."""
    if item.judged is not None and item.claim.verdict_revision is not None:
        return item.claim.verdict_revision
    return item.claim.revision


def _older_spans(tx: Tx, record: DocumentRecord) -> dict[int, Span]:
    """The span of each of `record`'s claims (by its index) whose selectors count in an older
    revision than the latest (an orphaned claim's, a flagged verdict's published on its
    words), its context widened in that revision's text as the latest's is (`distinguished`),
    so that it names one place in the text its TimeState names (annot). Each older text is
    read once, and let go before the next is read (rannot: all of them were held until the
    document's last claim was written, a copy of a live page for each update)."""
    from workbench.db.models import Document
    from workbench.exports.annotations import distinguished, selected_span
    from workbench.services.revisions import revision_text

    wanted: dict[int, list[int]] = {}
    for index, item in enumerate(record.claims):
        if (revision := _span_revision(item)) != record.revision:
            wanted.setdefault(revision, []).append(index)
    spans: dict[int, Span] = {}
    if not wanted:
        return spans
    document = tx.session.get_one(Document, record.document.id)
    for revision in sorted(wanted):
        text = revision_text(tx, document, revision)[1]
        for index in wanted[revision]:
            item = record.claims[index]
            spans[index] = distinguished(text, selected_span(item.claim, item.judged))
    return spans


def claim_rows(wb: Workbench, *, document_ids: Sequence[int] = ()) -> list[dict[str, Any]]:
    """The claims table: one row per claim (columns in workbench.exports.claims_table)."""
    return list(stream_claim_rows(wb, document_ids=document_ids))


def stream_claim_rows(
    wb: Workbench, *, document_ids: Sequence[int] = (), progress: Progress | None = None
) -> Iterator[dict[str, Any]]:
    """`claim_rows` a page at a time, for a writer that writes as it goes: the desk's whole
    table is never held. Read on the driver, as `claim list` is (no ORM objects: loading each
    claim with its notes and evidence cost 0.2-0.3 ms a claim, half a minute for a year's
    desk). An unknown DOC is refused here, before a row is written."""
    from workbench.exports.claims_table import row_of
    from workbench.services.table_facts import table_claims

    claims = table_claims(wb, document_ids, progress)
    first = next(claims, None)  # runs the checks now, not when the writer asks for a row

    def rows() -> Iterator[dict[str, Any]]:
        if first is None:
            return
        for claim in itertools.chain([first], claims):
            yield row_of(claim)

    return rows()


def claims_schema() -> dict[str, Any]:
    """The JSON Schema of a claims file (`workbench import claims FILE.json`)."""
    from pydantic import TypeAdapter

    from workbench.claims_file import ClaimRow

    schema: dict[str, Any] = TypeAdapter(list[ClaimRow]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Claim Workbench claims file"
    schema["description"] = (
        "A list of claims to import into one document, as `workbench export claims --format "
        "json` writes it (the columns marked 'export only' are not imported). In CSV, the "
        "same names are the header row and tags are separated by ';' (or '；')."
    )
    return schema


@dataclass(frozen=True, slots=True)
class ReportPage:
    name: str
    # The page as written: HTML, or Markdown (`report --format md`).
    text: str
    claims: int
    # Claims whose verdict the page withholds: flagged for re-review.
    flagged: tuple[int, ...] = ()
    # With review.required on: verdicts the page shows that no second person approved.
    unreviewed: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Renderer:
    """How one report format writes a document's page and the index, and names them."""

    document_page: Callable[..., str]
    index_page: Callable[..., str]
    page_name: Callable[[int], str]
    index_name: str


def _renderer(fmt: str) -> _Renderer:
    """The report's format (`REPORT_FORMATS`): each renders the same records, read once here,
    so that the Markdown publishes what the page does and nothing more (trial324)."""
    if fmt == "md":
        from workbench.exports import report_md as md

        return _Renderer(md.document_page, md.index_page, md.document_page_name, md.INDEX_NAME)
    if fmt != "html":
        raise InvalidInput(f"no report format {fmt!r}; known: {', '.join(REPORT_FORMATS)}")
    from workbench.exports import report as page

    return _Renderer(page.document_page, page.index_page, page.document_page_name, page.INDEX_NAME)


def _flagged(record: DocumentRecord) -> tuple[int, ...]:
    return tuple(i.claim.id for i in record.claims if i.claim.flagged)


def report_pages(
    wb: Workbench, *, document_ids: Sequence[int] = (), fmt: str = "html"
) -> list[ReportPage]:
    """One self-contained page per document (all documents when none is named), in `fmt`:
    HTML, or Markdown ("md")."""
    from workbench.domain.clock import as_read_to_minute, format_at, now

    render = _renderer(fmt)
    stamp = as_read_to_minute(format_at(now())) + " UTC"
    records, required = _published(wb, document_ids)
    return [
        ReportPage(
            render.page_name(r.document.id),
            render.document_page(r, generated_at=stamp),
            len(r.claims),
            _flagged(r),
            tuple(_unreviewed([r], True, required)),
        )
        for r in records
    ]


@dataclass(frozen=True, slots=True)
class Site:
    """`report --all`, as it is built: the names of the pages it will write (the index last),
    known before any is built, and the pages, a document's at a time, then the index. Only one
    document's records and page are held at once (trial57: a year's 500 pages were all built
    before any was written, 3:50 and 3.2 GB; a million claims would have needed 30 GB)."""

    names: list[str]
    pages: Iterator[ReportPage]


@contextmanager
def report_site(wb: Workbench, *, fmt: str = "html") -> Iterator[Site]:
    """`report --all`: every document's page, then the index linking them (index.html, or
    index.md in Markdown), built as they are asked for, in one read transaction (held until
    the block ends)."""
    from sqlalchemy import select

    from workbench.db.models import Document
    from workbench.services.publishing import records_in
    from workbench.services.settings import setting_value

    render = _renderer(fmt)
    with transaction(wb) as tx:
        required = bool(setting_value(tx, REVIEW_REQUIRED))
        ids = list(tx.session.scalars(select(Document.id).order_by(Document.id)))
        names = [*(render.page_name(i) for i in ids), render.index_name]
        yield Site(names, _site_pages(records_in(tx, document_ids=ids), required, render))


def _site_pages(
    records: Iterator[DocumentRecord], required: bool, render: _Renderer
) -> Iterator[ReportPage]:
    from workbench.domain.clock import as_read_to_minute, format_at, now
    from workbench.exports.report import index_entry

    stamp = as_read_to_minute(format_at(now())) + " UTC"
    entries = []
    flagged: list[int] = []
    unreviewed: list[int] = []
    for r in records:
        name = render.page_name(r.document.id)
        page = ReportPage(
            name, render.document_page(r, generated_at=stamp), len(r.claims), _flagged(r)
        )
        entries.append(index_entry(r, name))
        flagged.extend(page.flagged)
        unreviewed.extend(_unreviewed([r], True, required))
        yield page
    total = sum(entry.claims for entry in entries)
    index = render.index_page(entries, generated_at=stamp)
    yield ReportPage(
        render.index_name, index, total, tuple(sorted(flagged)), tuple(sorted(unreviewed))
    )
