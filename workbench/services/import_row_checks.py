"""Every check of one row of a claims table (fields, id, span, workflow), into a claim
ready to write; and how a row is found to be an export's own row of a claim present."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from workbench.db.models import Claim
from workbench.domain.anchoring import Matcher
from workbench.domain.arrival import Arrival, arrival
from workbench.domain.desk import PRIORITY_NAMES, due_date, normalise_tag, parse_priority
from workbench.domain.errors import InvalidInput, TransitionRefused
from workbench.domain.identity import normalise_name
from workbench.domain.inputs import sheet_whole_number, typed, typed_word
from workbench.domain.limits import has_visible
from workbench.domain.note_text import note_body
from workbench.domain.pinning import QuoteHint, anchor_quote, check_placed
from workbench.domain.said_back import clip_quote, said_quote
from workbench.domain.spans import Span, span_words
from workbench.domain.speaker_kind import check_new_claim_kinds
from workbench.domain.status import STATUS_NAMES, Status, parse_status
from workbench.domain.transitions import Decision
from workbench.services.claims import claim_text
from workbench.services.context import Tx
from workbench.services.import_present import COMPARED
from workbench.services.import_ready import (
    STORED_COLUMNS,
    Ready,
    Stored,
    claim_key,
    how_anchored,
)
from workbench.services.import_tags import ImportedTags
from workbench.services.speakers import speaker_name
from workbench.services.validation_words import problem as said_problem

if TYPE_CHECKING:
    from workbench.exports.claims_table import RawRow


@dataclass(frozen=True, slots=True)
class _Planned:
    number: int
    row: Any
    asked: Status  # the status the row gives (it may come in at another: see `arrival`)
    priority: str | None
    due: Any
    tags: list[str]


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
        named = given if type(given) is int else typed_id(str(given))
        if named != document_id:
            shown = given if type(given) is int or named is not None else repr(given)
            raise InvalidInput(
                f"document_id {shown} is not document #{document_id}, the one imported into"
                " (empty the column to import the row here)"
            )
    return for_import(raw)


class DocumentClaims:
    """The document's claims, every revision's, by id: read once, when a row first gives an
    id (a table no export wrote costs nothing)."""

    def __init__(self, tx: Tx, document_id: int, revision: int) -> None:
        self._tx, self._document_id = tx, document_id
        # The document's current revision, the one rows are anchored in.
        self.revision = revision
        self._claims: dict[int, Stored] | None = None

    def get(self, claim_id: int) -> Stored | None:
        if self._claims is None:
            rows = self._tx.session.execute(
                select(*STORED_COLUMNS).where(Claim.document_id == self._document_id)
            )
            self._claims = {row.id: Stored.of(row) for row in rows}
        return self._claims.get(claim_id)


def _own_claim(
    raw: RawRow, row: Any, claim_id: int | None, claims: DocumentClaims
) -> Stored | None:
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
    given = revision is not None and str(revision).strip() != ""
    taken_in = revision if type(revision) is int else sheet_whole_number(str(revision or ""))
    if taken_in is not None and taken_in < stored.revision:
        # Exported before the document was updated: the claim has been anchored in a later
        # revision since, its quote and offsets perhaps changed with the words (a figure in
        # it corrected). Its id and its text say which claim the row is.
        return stored if claim_key((("text", claim_text(row.text)),)) == stored.said else None
    if claim_key((("quote", row.quote), ("text", claim_text(row.text)))) != stored.key:
        return None
    if given and taken_in != stored.revision:
        return None
    if row.start is not None and row.start != stored.start:
        return None
    if row.end is not None and row.end != stored.end:
        return None
    return stored


def _not_pinned_again(
    tx: Tx, claim_id: int | None, typed: str, text: str, span: Span, claims: DocumentClaims
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
    if claim_key((("text", claim_text(text)),)) != stored.said:
        return
    # Read for the message only: the stored claims keep digests, not texts.
    quote = tx.session.scalar(select(Claim.quote).where(Claim.id == stored.id)) or ""
    raise InvalidInput(
        f"id {stored.id} is claim #{stored.id}, with this text, pinned to "
        f"{said_quote(clip_quote(quote))} ({span_words(stored.start, stored.end)}); the row's "
        f"quote {said_quote(clip_quote(typed))} pins it elsewhere "
        f"({span_words(span.start, span.end)}): "
        "give the claim's quote as text (a spreadsheet may have read it as a number), or "
        "empty the id to add another claim"
    )


def typed_id(text: str) -> int | None:
    """An id cell's text as a person types an id: the tool shows ids as #12, and a Chinese IME
    in full-width mode types １２ (`inputs.typed`); as a spreadsheet saves it, 12.0 or 12.00
    (`inputs.sheet_whole_number`); None when it is no whole number."""
    try:
        digits = typed(text)
    except ValueError:
        return None
    return sheet_whole_number(digits.removeprefix("#") if digits.startswith("#") else digits)


def _claim_id_cell(value: object) -> int | None:
    """The claim an export's `id` cell names (None: the cell is empty), read as typed
    (`typed_id`: an id typed as #1 or １ was ignored unsaid, and the row, its quote saved as
    a number, added the claim again). A cell that is no id (abc, 1.5) is refused: it was
    ignored too."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    claim_id = value if type(value) is int else typed_id(str(value))
    if claim_id is None or claim_id < 1:
        raise InvalidInput(
            f"id: {value!r} is not a claim id (the export writes it as 12; #12 and １２ are "
            "read too): give the claim's id, or empty the cell to add a claim"
        )
    return claim_id


def _quote_not_emptied(tx: Tx, raw: RawRow, claim_id: int, claims: DocumentClaims) -> None:
    """Refuse an export's row of a claim of the document (its id) whose quote cell was
    emptied: it was taken silently as the claim, pinned by its offsets, as though the quote
    were gone; an import changes no claim's quote, and an emptied text is refused too."""
    if "quote" not in raw.columns or "quote" in raw.values or claims.get(claim_id) is None:
        return
    quote = tx.session.scalar(select(Claim.quote).where(Claim.id == claim_id)) or ""
    raise InvalidInput(
        f"quote: empty, where id {claim_id} is claim #{claim_id}, quoting "
        f"{said_quote(clip_quote(quote))}: an import does not change a claim's quote; give it "
        "back, or empty the id to add a claim"
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


def check_row(
    tx: Tx,
    raw: RawRow,
    within: Matcher,
    review: bool,
    owner: Callable[[str], object],
    document_id: int,
    tags: ImportedTags,
    claims: DocumentClaims | None = None,
) -> Ready:
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
        # emptied: judged for a batch of such rows at once (`reasons_emptied`).
        arrived, unreasoned = Arrival(Decision(action=None)), exc.message
    tagged = tags.checked(item.tags)
    if own is None:
        # A new claim, as `claim tag` would tag it; the claim's own exported row is compared
        # with it (and its differing tags reported), never applied.
        check_new_claim_kinds(tagged)
    return Ready(
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
        anchored=how_anchored(row.quote if own is None else None, span, row.start, row.end),
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
