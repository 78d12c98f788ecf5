"""Who did what on the desk in a span of time (`stats --since`): each person's events in the
audit trail, counted by kind. The board says what is left to do; this says who did the work
(trial53: an editor reviewing the month had to read the trail's export)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import count_star, param, select
from workbench.domain.actions import (
    APPROVED,
    CLAIM_ADDED,
    EVIDENCE_ADDED,
    IMPORTED,
    REJECTED,
    REVIEW_REQUESTED,
    STATUS_CHANGED,
)
from workbench.domain.clock import format_at, parse_since, until_bound
from workbench.domain.errors import InvalidInput
from workbench.domain.people import current_form

# The kinds counted, each the events that make it (docs/events.md); every event counts in
# `events`, these and the rest (assignments, tags, edits, revisions...). Notes are counted from
# the notes they wrote (`_notes`), not from events: a verdict's reason is a note of the claim
# written by a status change, a proposal, an approval or a rejection, not by `note.added`.
KINDS: dict[str, tuple[str, ...]] = {
    "claims_added": (CLAIM_ADDED, IMPORTED),
    "status_changes": (STATUS_CHANGED, REVIEW_REQUESTED),
    "reviews": (APPROVED, REJECTED),
    "notes": (),
    "evidence": (EVIDENCE_ADDED,),
}
_KIND_OF = {action: kind for kind, actions in KINDS.items() for action in actions}


@dataclass(frozen=True, slots=True)
class PersonActivity:
    """One person's events in the span: by kind (KINDS), and all of them."""

    person: str
    counts: dict[str, int]
    events: int

    def to_json(self) -> dict[str, Any]:
        return {"person": self.person, **self.counts, "events": self.events}


@dataclass(frozen=True, slots=True)
class Activity:
    """Everyone who did something between `since` and `until` (inclusive; None: up to now),
    the busiest first."""

    since: str
    until: str | None
    people: list[PersonActivity]

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "people": [p.to_json() for p in self.people],
        }


def activity_span(since: str | None, until: str | None = None) -> tuple[str, str | None] | None:
    """The stored times (`at`) that `--since` and `--until` bound, or None for no span asked:
    a date is the whole day, a date-time is read in UTC unless it says otherwise; InvalidInput
    for no date, or a span that cannot be (`span_problem`)."""
    problem = span_problem(since, until)
    if problem is not None:
        raise problem
    if since is None:
        return None
    return format_at(parse_since(since)), None if until is None else until_bound(until)


def span_problem(since: str | None, until: str | None) -> InvalidInput | None:
    """A span only a mistake would ask: an end with no start, or an end before its start.
    Asked by the CLI first, to answer with a usage error, as `audit export` does."""
    if until is None:
        return None
    if since is None:
        return InvalidInput("--until needs --since: the span of activity starts somewhere")
    if format_at(parse_since(since)) > until_bound(until):
        return InvalidInput(f"--since {since} is later than --until {until}")
    return None


def activity(conn: Reader, span: tuple[str, str | None]) -> Activity:
    """Each person's events in `span` (`activity_span`), counted in one aggregate over the
    trail's index of times."""
    start, end = span
    e = tables.events.c
    q = select(e.actor, e.action, count_star(), source=tables.events).where(
        f"{e.at} >= " + param(start)
    )
    if end is not None:
        q = q.where(f"{e.at} <= " + param(end))
    counts: dict[str, dict[str, int]] = {}
    # Each person under their name's form today: an earlier version recorded `王 芳`, who acts
    # as 王芳 now (people.current_form), and one person's work was two rows.
    for actor, action, n in conn.rows(q.group_by(e.actor, e.action)):
        person = counts.setdefault(current_form(actor), dict.fromkeys([*KINDS, "events"], 0))
        person["events"] += n
        kind = _KIND_OF.get(action)
        if kind is not None:
            person[kind] += n
    for author, n in _notes(conn, start, end):
        counts.setdefault(current_form(author), dict.fromkeys([*KINDS, "events"], 0))["notes"] += n
    people = [
        PersonActivity(name, {k: c[k] for k in KINDS}, c["events"])
        for name, c in sorted(counts.items(), key=lambda item: (-item[1]["events"], item[0]))
    ]
    return Activity(start, end, people)


def _notes(conn: Reader, start: str, end: str | None) -> list[tuple[str, int]]:
    """Each author's notes written in the span, whichever command wrote them (trial57: `stats`
    counted only `note add`'s, so a verdict's reason went uncounted and the column disagreed
    with `note list` and with the notes table)."""
    n = tables.notes.c
    q = select(n.author, count_star(), source=tables.notes).where(
        f"{n.created_at} >= " + param(parse_since(start))
    )
    if end is not None:
        q = q.where(f"{n.created_at} <= " + param(parse_since(end)))
    return [(author, count) for author, count in conn.rows(q.group_by(n.author))]
