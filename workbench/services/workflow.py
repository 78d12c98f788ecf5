"""Desk bookkeeping on one or more claims: owner, tags, priority, due date. All-or-nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import Claim, ClaimTag
from workbench.domain.actions import ASSIGNED, DUE_CHANGED, PRIORITY_CHANGED, TAGGED, UNTAGGED
from workbench.domain.clock import today
from workbench.domain.desk import (
    TagTwins,
    due_date,
    is_overdue,
    new_tag,
    normalise_tag,
    parse_priority,
)
from workbench.domain.errors import InvalidInput, give
from workbench.domain.identity import fold, normalise_name
from workbench.domain.speaker_kind import KIND_TAGS, check_one_kind, kind_tags_said, one_spelling
from workbench.domain.status import OPEN_STATUSES
from workbench.domain.transitions import check_edit
from workbench.services.claim_updates import (
    check_version,
    claim_state,
    update_claim,
    version_problem,
)
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.lookup import check_claims, claim_batches
from workbench.services.queries import names_like
from workbench.services.users import check_owner
from workbench.services.views import ClaimView


def _ids(ids: Sequence[int]) -> Sequence[int]:
    if not ids:
        raise InvalidInput("name at least one claim ID")
    return ids


@dataclass(frozen=True, slots=True)
class DeskChange:
    """The claims after a desk edit, and those of them that already were so: left alone, no
    event written, and so not to be told they were changed."""

    claims: list[ClaimView]
    unchanged: frozenset[int] = frozenset()
    # `untag`: the tags (as given, folded) each claim did not have, by claim id. Removing
    # one is no change, but a mistyped tag must not pass for one removed.
    absent: Mapping[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Assignment(DeskChange):
    """`assign_owner`'s change, and whether the owner was the desk's first, taken unchecked:
    no people are registered to check a name against, so a typo owns the claim. Said once
    (the CLI's hint), so that a desk learns that registering people checks names."""

    unchecked_first: bool = False


@dataclass(frozen=True, slots=True)
class DueChange(DeskChange):
    """`set_due`'s change, and the claims the date makes overdue at once (`is_overdue`, today
    in UTC): a date already past is most likely a typo of the year, which the CLI says."""

    overdue: tuple[int, ...] = ()


def assign(
    wb: Workbench,
    ids: Sequence[int],
    assignee: str | None,
    *,
    expected_version: int | None = None,
) -> list[ClaimView]:
    """`assign_owner`'s claims."""
    return assign_owner(wb, ids, assignee, expected_version=expected_version).claims


@mutation
def assign_owner(
    wb: Workbench,
    ids: Sequence[int],
    assignee: str | None,
    *,
    expected_version: int | None = None,
) -> Assignment:
    """Give claims an owner (None unassigns). Claims already in that state are left alone.
    The owner is a person's name in its normal form, as whoever acts is (domain.identity), and
    once the desk registers its people, one of them.

    Every desk edit takes `expected_version` as a status move does: the claim (one only) must
    still be at that version, or the edit is refused (claim_updates.check_version)."""
    if assignee is None:
        cleared = _set_field(wb, ids, ASSIGNED, "assignee", None, expected_version=expected_version)
        return Assignment(cleared.claims, cleared.unchanged)
    if not assignee.strip():
        raise InvalidInput("the new owner needs a name", hint=give("assignee"))
    name = normalise_name(assignee, "--to")
    first: list[bool] = []

    def check(session: Session) -> None:
        if not check_owner(session, name):
            first.append(_nobody_owns_a_claim(session))

    done = _set_field(wb, ids, ASSIGNED, "assignee", name, check, expected_version=expected_version)
    return Assignment(done.claims, done.unchanged, unchecked_first=any(first))


@mutation
def hand_over(wb: Workbench, owner: str, successor: str) -> Assignment:
    """Give every open claim of `owner` (unverified, in progress, or in review: a proposal
    moves with its claim, and stays approvable by anyone but its proposer) to `successor`, all
    in one transaction; their verdicts stay theirs. No open claim: an empty Assignment."""
    name = normalise_name(owner, "--from")
    new = normalise_name(successor, "--to")
    open_statuses = [s.value for s in OPEN_STATUSES]
    with transaction(wb, write=True) as tx:
        check_owner(tx.session, new)
        # The owners `claim list --assignee NAME` lists, not the name alone: one stored in an
        # earlier version's normal form (`王 芳`) is the same person (review71).
        with tx.reading() as conn:
            stored = names_like(conn, name)
        mine = select(Claim.id).where(Claim.assignee.in_(stored), Claim.status.in_(open_statuses))
        named = list(tx.session.scalars(mine.order_by(Claim.id)))
        unchanged = set()
        views: list[ClaimView] = []
        # A batch at a time, as every desk edit (a year's open claims of one person are many).
        for batch in claim_batches(tx, named):
            for claim in batch:
                if claim.assignee != new:
                    update_claim(tx, claim, ASSIGNED, {"assignee": new})
                else:
                    unchanged.add(claim.id)
            views.extend(ClaimView.of(c) for c in batch)
        return Assignment(views, frozenset(unchanged))


def _nobody_owns_a_claim(session: Session) -> bool:
    """No claim has an owner yet (read before the assignment is written; by the index)."""
    owned = select(Claim.id).where(Claim.assignee.is_not(None)).limit(1)
    return session.execute(owned).first() is None


def _set_field(
    wb: Workbench,
    ids: Sequence[int],
    action: str,
    field: str,
    value: object,
    check: Callable[[Session], None] | None = None,
    *,
    expected_version: int | None = None,
) -> DeskChange:
    """Set one field on every named claim, all or none; claims already there are left alone.
    `check` refuses the value, if it must, in the same transaction (before anything changes)."""
    with transaction(wb, write=True) as tx:
        named = _named(tx, ids, expected_version)
        if check is not None:
            check(tx.session)
        unchanged = set()
        views: list[ClaimView] = []
        for batch in claim_batches(tx, named):
            for claim in batch:
                check_version(claim, expected_version)
                if getattr(claim, field) != value:
                    update_claim(tx, claim, action, {field: value})
                else:
                    unchanged.add(claim.id)
            views.extend(ClaimView.of(c) for c in batch)
        return DeskChange(views, frozenset(unchanged))


def _named(tx: Tx, ids: Sequence[int], expected_version: int | None) -> list[int]:
    """The claims a desk edit names, each once, all known to exist (NotFound otherwise), and
    `expected_version` given with one claim only. They are then edited a batch at a time
    (`claim_batches`): all or nothing all the same, the transaction being one."""
    named = check_claims(tx, _ids(ids), editing=True)
    problem = version_problem(ids, expected_version)
    if problem is not None:
        raise problem
    return named


def _retag(
    wb: Workbench,
    ids: Sequence[int],
    tags: Sequence[str],
    *,
    add: bool,
    expected_version: int | None,
) -> DeskChange:
    if not tags:
        raise InvalidInput("name at least one tag")
    wanted = list(dict.fromkeys((new_tag if add else normalise_tag)(t) for t in tags))
    with transaction(wb, write=True) as tx:
        named = _named(tx, ids, expected_version)
        if add:
            _refuse_twins(tx.session, wanted)
        unchanged: set[int] = set()
        absent: dict[int, tuple[str, ...]] = {}
        views: list[ClaimView] = []
        for batch in claim_batches(tx, named):
            _retag_batch(tx, batch, wanted, add, expected_version, unchanged, absent)
            views.extend(ClaimView.of(c) for c in batch)
        return DeskChange(views, frozenset(unchanged), absent)


def _retag_batch(
    tx: Tx,
    batch: Sequence[Claim],
    wanted: Sequence[str],
    add: bool,
    expected_version: int | None,
    unchanged: set[int],
    absent: dict[int, tuple[str, ...]],
) -> None:
    """Tags added to or removed from a batch of claims; those left as they were go in
    `unchanged`, an untag's tags a claim did not have in `absent`."""
    for claim in batch:
        check_version(claim, expected_version)
        current = {t.tag for t in claim.tags}
        if add:
            # A kind tag stored in its other spelling (an earlier release) is the tag given:
            # not a second spelling beside it.
            held = {one_spelling(t) for t in current}
            new = current | {t for t in wanted if t not in held}
        else:
            # Compared folded: a tag stored before tags were folded (full-width, say), or
            # in a kind tag's other spelling, is removed by the tag as it is typed now.
            new = {t for t in current if one_spelling(fold(t)) not in wanted}
            folded = {one_spelling(fold(t)) for t in current}
            missing = tuple(t for t in wanted if t not in folded)
            if missing:
                absent[claim.id] = missing
        if new != current:
            if not KIND_TAGS.isdisjoint(new ^ current):
                # What the review publishes the speaker as was judged with the speaker's name;
                # refused naming the tags typed, not "its speaker".
                said = kind_tags_said(new ^ current)
                check_edit(claim_state(claim), ("speaker",), what=said)
                check_one_kind(claim.id, current, new)
            action = TAGGED if add else UNTAGGED
            update_claim(tx, claim, action, {}, tags=sorted(new))
        else:
            unchanged.add(claim.id)


def _refuse_twins(session: Session, wanted: Sequence[str]) -> None:
    """A new tag that looks like a tag in use, or like another one given with it, is refused,
    naming that one (`TagTwins`): `claim list --tag` would find one and miss the other."""
    twins = TagTwins(session.scalars(select(ClaimTag.tag).distinct()))
    for tag in wanted:
        if twins.known(tag):
            continue
        refused = twins.refusal(tag)
        if refused is not None:
            raise refused
        twins.give(tag)


@mutation
def tag(
    wb: Workbench, ids: Sequence[int], tags: Sequence[str], *, expected_version: int | None = None
) -> DeskChange:
    return _retag(wb, ids, tags, add=True, expected_version=expected_version)


@mutation
def untag(
    wb: Workbench, ids: Sequence[int], tags: Sequence[str], *, expected_version: int | None = None
) -> DeskChange:
    return _retag(wb, ids, tags, add=False, expected_version=expected_version)


@mutation
def set_priority(
    wb: Workbench, ids: Sequence[int], priority: str, *, expected_version: int | None = None
) -> DeskChange:
    level = parse_priority(priority).value
    return _set_field(
        wb, ids, PRIORITY_CHANGED, "priority", level, expected_version=expected_version
    )


@mutation
def set_due(
    wb: Workbench, ids: Sequence[int], due: str | None, *, expected_version: int | None = None
) -> DueChange:
    """Set a due date (YYYY-MM-DD), or clear it with None. The claims it leaves overdue (those
    already due on that date too) are named in `overdue`."""
    when = due_date(due) if due is not None else None
    done = _set_field(wb, ids, DUE_CHANGED, "due", when, expected_version=expected_version)
    day = today()
    late = tuple(c.id for c in done.claims if is_overdue(when, c.status, day))
    return DueChange(done.claims, done.unchanged, overdue=late)
