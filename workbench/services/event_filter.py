"""Which audit events an export selects (EventFilter), and the head an export after one is
pinned to: nothing here imports SQLAlchemy, so that `audit export --after HEAD` can read on the
database driver itself (services/events_after.py). Its SQL, for the ORM's reads, is
services.audit's `apply_filter`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from workbench.domain.chain import GENESIS
from workbench.domain.clock import format_at, parse_since, until_bound
from workbench.domain.errors import InvalidInput, NotFound, bad
from workbench.domain.identity import han_only
from workbench.domain.inputs import check_at_least, check_hash
from workbench.domain.people import current_form
from workbench.domain.shown import shown, shown_text
from workbench.domain.status import same_person_key

# The Markdown timeline's first line: `audit verify --file` names the file by it (trial185).
# Here, not in services.audit: the timeline's writer is also the driver's, with no SQLAlchemy.
TIMELINE_TITLE = "# Audit timeline"

# The columns of an exported event, in their order (JSONL and CSV).
EXPORT_FIELDS = (
    "seq",
    "at",
    "actor",
    "action",
    "entity_type",
    "entity_id",
    "claim_id",
    "payload",
    "prev_hash",
    "hash",
    # Last, so that the columns scripts already read keep their places (added in 0006).
    "machine",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to export; every given criterion must hold (an empty filter takes all).

    `actions` are exact names (`claim.status_changed`) or prefixes ending in `*` (`claim.*`).
    `since` and `until` take a date (the whole day) or a date-time, in UTC unless said.

    `after_seq` and `after_head` window by position, not by clock: the events after the one
    at seq `after_seq`, whose hash is `after_head` (a head noted earlier, `audit head`). The
    recorded times are the writers' clocks, and a window by them misses an event written on a
    clock that was behind (trial99: a laptop at 2001-01-01); seq order is the trail's own. A
    filter given one of the two is completed from the trail by `pin_after` (in the export's
    transaction), which refuses a pair the trail does not hold together.
    """

    claim_id: int | None = None
    document_id: int | None = None
    actors: Sequence[str] = ()
    actions: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    after_seq: int | None = None
    after_head: str | None = None

    def problem(self) -> InvalidInput | None:
        """Criteria that only a mistake would ask (an action no event has, a --since after the
        --until): refused by `check_criteria`; asked by the CLI first, to answer with a usage
        error, as for any other value an option cannot take."""
        from workbench.domain.action_names import names_actions
        from workbench.domain.replay import RULES

        for pattern in self.actions:
            if not names_actions(pattern):
                families = sorted({a.split(".", 1)[0] + ".*" for a in RULES})
                return InvalidInput(
                    f"unknown action {pattern!r}; actions are like claim.status_changed, "
                    f"or a prefix: {', '.join(families)}"
                )
        if (
            self.since
            and self.until
            and format_at(parse_since(self.since)) > until_bound(self.until)
        ):
            return InvalidInput(f"--since {self.since} is later than --until {self.until}")
        try:
            if self.after_seq is not None:
                check_at_least(self.after_seq, 0, "seq")
            if self.after_head is not None:
                check_hash(self.after_head, "after")
        except InvalidInput as exc:
            return exc
        return None

    def refusal(self) -> Callable[[Mapping[str, Any]], str | None]:
        """What says why an exported event (a JSONL record) cannot be one this filter selects,
        read from the event alone, or None when it can. A file's verification holds its events
        to the filters its scope line states (review83: a full export less one event, relabelled
        "filtered, actor x", verified as x's events, none of them by x). The document filter is
        not checked: a claim's events do not name its document. Bounds and names are worked
        out once, not per event."""
        claim_id, any_action = self.claim_id, bool(self.actions)
        # Sets, and prefixes by their lengths: the scope line is the file's, and may name
        # thousands (review85: scanning them for every event made verifying quadratic).
        listed = _actor_names(self.actors) if self.actors else ([], [])
        names, spaced = frozenset(listed[0]), frozenset(listed[1])
        exact = frozenset(p for p in self.actions if not p.endswith("*"))
        prefixes = frozenset(p[:-1] for p in self.actions if p.endswith("*"))
        lengths = sorted({len(p) for p in prefixes})
        since = format_at(parse_since(self.since)) if self.since else None
        until = until_bound(self.until) if self.until else None
        after = self.after_seq

        def selected(action: str) -> bool:
            # `_action_match` of any pattern, for one event's action in hand: an exact name,
            # or a prefix, one look-up per prefix length.
            if action in exact:
                return True
            for n in lengths:
                if n > len(action):
                    return False
                if action[:n] in prefixes:
                    return True
            return False

        def refuses(event: Mapping[str, Any]) -> str | None:
            if after is not None and not (_is_seq(event.get("seq")) and event["seq"] > after):
                return (
                    f"it is seq {shown(event.get('seq'))}, not after seq {after}, the head the "
                    "scope line says the export continues"
                )
            if claim_id is not None and event.get("claim_id") != claim_id:
                return f"it is not about claim #{claim_id}, which the scope line names"
            actor, action, at = event.get("actor"), event.get("action"), event.get("at")
            if names and not (
                isinstance(actor, str) and (actor in names or actor.replace(" ", "") in spaced)
            ):
                return f"its actor {shown(actor)} is none of those the scope line names"
            if any_action and not (isinstance(action, str) and selected(action)):
                return f"its action {shown(action)} is none of those the scope line names"
            if since is not None and not (isinstance(at, str) and at >= since):
                return (
                    f"it was recorded at {shown_text(at)}, before the scope line's since "
                    f"{shown_text(self.since)}"
                )
            if until is not None and not (isinstance(at, str) and at <= until):
                return (
                    f"it was recorded at {shown_text(at)}, after the scope line's until "
                    f"{shown_text(self.until)}"
                )
            return None

        return refuses


def _actor_names(actors: Sequence[str]) -> tuple[list[str], list[str]]:
    """The names `recorded_as` looks events up by, and those of them that an earlier version
    may have recorded with spaces (Chinese characters alone)."""
    names = sorted({n for a in actors for n in (a, current_form(a), same_person_key(a))})
    return names, sorted({n for n in names if han_only(n)})


def _is_seq(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def pinned(
    flt: EventFilter,
    *,
    seq_of: Callable[[str], int | None],
    last_seq: Callable[[], int | None],
    hash_at: Callable[[int], str | None],
) -> EventFilter:
    """`flt` with the head it exports after given both its seq and its hash, as the trail holds
    them now; refused when the trail does not hold the hash given (at the seq given), or has no
    event at the seq given. An export pinned so is the continuation of what an editor signed
    off, or nothing: never the events after some other point. The trail is read by the
    callers' look-ups, in their transaction: the seq of an event by its hash, the newest seq,
    and the hash of an event by its seq (services.audit's on the ORM, events_after's on the
    driver)."""
    seq, given = flt.after_seq, flt.after_head
    if seq is None and given is None:
        return flt
    # As the CLI reads it: a head typed in capitals is the same head.
    head = None if given is None else check_hash(given, "after")
    if head is not None:
        found = 0 if head == GENESIS else seq_of(head)
        if found is None:
            raise NotFound(
                f"no event in the trail has the hash {head[:12]}… given to --after: it is not "
                "a head of this trail, or the events up to it were removed or rewritten "
                "(check it with `workbench audit verify --head`)"
            )
        if seq is not None and found != seq:
            event = f"event {found}" if found else "no event (the head of an empty trail)"
            raise InvalidInput(
                f"the head given is the hash of {event}, not {seq}",
                hint=bad("after_seq"),
            )
        return _after(replace(flt, after_seq=found, after_head=head))
    assert seq is not None
    last = last_seq() or 0
    if seq > last:
        raise NotFound(f"the trail ends at seq {last}: it has no event {seq} to export after")
    at = GENESIS if seq == 0 else hash_at(seq)
    if at is None:
        # A gap in seq: the trail itself is broken there, which verify names.
        raise NotFound(f"the trail has no event {seq}: run `workbench audit verify`")
    return _after(replace(flt, after_head=at))


def _after(flt: EventFilter) -> EventFilter:
    """After seq 0 (the genesis value, an empty trail's head) is the whole trail: a full
    export then, verified to the head and held to the workflow's rules as one is."""
    return replace(flt, after_seq=None, after_head=None) if flt.after_seq == 0 else flt


def filters_of(flt: EventFilter) -> dict[str, Any]:
    """The filters as the scope line states them (only those given)."""
    given = {
        "claim": flt.claim_id,
        "doc": flt.document_id,
        "actors": list(flt.actors),
        "actions": list(flt.actions),
        "since": flt.since,
        "until": flt.until,
        "after_seq": flt.after_seq,
        "after_head": flt.after_head,
    }
    return {k: v for k, v in given.items() if v not in (None, [])}


def check_criteria(flt: EventFilter) -> None:
    """Refuse a filter that can only match nothing by mistake, before the database is opened:
    an empty export must mean "no such events", never "you mistyped the question". What only
    the database can tell (a claim or document that does not exist) is services.audit's
    `check_subjects`."""
    if (problem := flt.problem()) is not None:
        raise problem
