"""Claims pinned to the very words of another: `claim add` tells the person, and so does an
import, of each new claim (with other text: the same text is `existing_claim`'s duplicate)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, overload

from sqlalchemy import select

from workbench.db.models import Claim
from workbench.domain.spans import Span
from workbench.services.context import Tx
from workbench.services.views import ClaimView


def _pinned_in(document_id: int, revision: int) -> tuple[Any, ...]:
    """The claims pinned in this revision of the document: where a span's twins are sought."""
    return (Claim.document_id == document_id, Claim.revision == revision)


def same_span_claims(tx: Tx, document_id: int, span: Span, *, revision: int = 1) -> tuple[int, ...]:
    """Claims pinned to exactly this span (with other text, or `claims.existing_claim` would
    have refused): a new one is accepted, but the person is told, so a duplicate is a decision.
    One claim's question (`claim add`); an import asks `SpanTwins` for many."""
    ids = tx.session.scalars(
        select(Claim.id)
        .where(*_pinned_in(document_id, revision), Claim.start == span.start, Claim.end == span.end)
        .order_by(Claim.id)
    )
    return tuple(ids)


class SpanClaims(list[int]):
    """The ids of the claims pinned to one span, in the order `SpanTwins` met them: shared by
    the `SpanIds` of every claim on it, and by a claims import's spooled results
    (`Spooled(held=...)`), which write it once rather than again in each batch."""

    __slots__ = ()


class SpanIds(Sequence[int]):
    """A claim's `same_span` in an import: the first `count` ids of its span's `SpanClaims`,
    not a copy of them. A copy for each claim held the square of the rows of a file whose rows
    all pin one span (fix222: 459 MB for 5,000 rows); the ids named are the same. Equal to a
    tuple of the same ids, as the tuple it stands for."""

    __slots__ = ("_claims", "_count")

    def __init__(self, claims: SpanClaims, count: int) -> None:
        self._claims = claims
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...
    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self._claims[i] for i in range(self._count)[index])
        return self._claims[range(self._count)[index]]

    def __iter__(self) -> Iterator[int]:
        return islice(self._claims, self._count)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanIds | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (SpanIds, (self._claims, self._count))

    def to_json(self) -> list[int]:
        return list(self)


def _first(claims: SpanClaims) -> Sequence[int]:
    """The ids of `claims` as they are now, sharing them: () when there are none."""
    return SpanIds(claims, len(claims)) if claims else ()


@dataclass(frozen=True, slots=True)
class WouldAdd:
    """A claim a dry run would add, as the import would write it, but with no id: the one its
    rolled-back write drew is no claim's, and PostgreSQL's import then draws others (trial168,
    review164). `claim.same_span` names only claims present; `twins_to_add` counts the claims
    this import would add before it on the same span."""

    # Its `id` is the rolled-back write's: not to be said (`to_json` gives null).
    claim: ClaimView
    twins_to_add: int = 0
    # The row (or annotation, by its number in the file) it would be added from: what names
    # it, as it has no id.
    row: int | None = None

    @property
    def on_a_twin_span(self) -> bool:
        """Another claim, present or one the import would add, pins its very span."""
        return bool(self.claim.same_span) or self.twins_to_add > 0

    def to_json(self) -> dict[str, Any]:
        # `same_span_to_add`: what stderr's "a claim this import would add" counts, for a
        # script (review187: the warning pointed to same_span, which names claims present only).
        return {**self.claim.to_json(), "id": None, "same_span_to_add": self.twins_to_add}


class SpanTwins:
    """The claims of one revision of a document by their span, and the new ones as they come:
    `told` gives each new claim the ids of those pinned to exactly its span before it;
    `would_add` tells a dry run's claims so."""

    def __init__(self, tx: Tx, document_id: int, revision: int) -> None:
        self._on: dict[tuple[int, int], SpanClaims] = {}
        # A dry run's claims on each span so far (`would_add`): counted, not named by id.
        self._to_add: dict[tuple[int, int], int] = {}
        # The row (or annotation) of each claim `told` added on a span another pinned before:
        # its warning names it, as a dry run's does (`WouldAdd.row`). Those only: few.
        self.rows_of_twins: dict[int, int] = {}
        rows = tx.session.execute(
            select(Claim.id, Claim.start, Claim.end)
            .where(*_pinned_in(document_id, revision))
            .order_by(Claim.id)
        )
        for claim_id, start, end in rows:
            self._on.setdefault((start, end), SpanClaims()).append(claim_id)

    def told(self, added: Iterable[ClaimView], rows: Iterable[int]) -> list[ClaimView]:
        """`added` (new claims, in the order they were written), each with `same_span`: the
        claims pinned to its span before it (none, mostly), as `claim add` gives it. `rows`:
        the row of each, kept in `rows_of_twins` for those with a `same_span`."""
        out = []
        for view, row in zip(added, rows, strict=True):
            on = self._on.setdefault((view.start, view.end), SpanClaims())
            out.append(replace(view, same_span=_first(on)))
            if on:
                self.rows_of_twins[view.id] = row
            on.append(view.id)
        return out

    def would_add(self, written: Iterable[ClaimView], rows: Iterable[int]) -> list[WouldAdd]:
        """`written` (a dry run's claims, in the order written, to be rolled back), each told
        as `WouldAdd`: its `same_span` the claims read when this was made, the present ones
        (whatever their ids: another writer's can be above those the dry run drew, on
        PostgreSQL), and how many of the dry run's own came before it on its span. Told apart
        by where they came from, not by their ids. `rows`: the row of each (`WouldAdd.row`)."""
        out = []
        for view, row in zip(written, rows, strict=True):
            span = (view.start, view.end)
            before = self._to_add.get(span, 0)
            present = _first(self._on.get(span, SpanClaims()))
            out.append(WouldAdd(replace(view, same_span=present), before, row))
            self._to_add[span] = before + 1
        return out
