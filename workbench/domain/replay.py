"""Rebuilding the state purely from the audit events, and comparing it with the tables.

Two registries say everything replay knows:

- KINDS (workbench/domain/kinds.py): each kind of entity, the fields replay rebuilds and
  compares (named as in the events' payloads), and defaults for fields that older creation
  events predate;
- RULES: for each action, how its event changes the state. `create`, `update` and `upsert`
  cover the payload conventions (creation events carry the whole entity in `after`; update
  events the changed fields in `before` and `after`, and any note written with the change).

An event whose action has no rule is a difference, and so is an update to a field that its
kind does not track: a new kind of change cannot slip past replay unnoticed. Adding one means
a line in RULES (and, for a new field or kind, in KINDS), plus the table reader in
workbench/services/replay.py.

So is an event that records a move the workflow refuses, where the events alone can tell: a
factual verdict (verified, false, misleading), given or proposed, on a claim no earlier event
gave evidence. The tables may agree with such an event (a bundle forged with its chain
recomputed makes them agree), but the trail then claims a transition the workflow never makes.
The rule is as old as evidence (migration 0003): the events a workbench wrote before it (only
the four actions of BEFORE_WORKFLOW, claims created without the workflow's fields) are not held
to it, as nothing could be cited then; from the trail's first event written since, they are.
Likewise a `claim.edited` that changes the words of a claim in review or with a verdict, which
`claim edit` has refused since it first wrote that action (claim_judged), or of a withdrawn
one; and a claim withdrawn, or restored from withdrawn, with no note for its reason, or given a
verdict straight from withdrawn (the workflow has refused each since the status existed).
And a `claim.approved` whose actor is the verdict's proposer, by name: `claim approve` has
refused its proposer since it first wrote that action (own_verdict), and a trial wrote such an
approval by SQL, the claims row agreeing (trial55). By name only: which look-alikes are one
person has grown since (small capitals, display names), and an approval an older workbench let
through under a look-alike is no forgery of the trail; replay reporting it would refuse that
desk's own bundle (review55). `claim show` and publishing read such an approval as none
(workbench.domain.sign_off). One by a person the sign-off's rule reads as the proposer by
another name (a look-alike, their display name, their address: workbench.domain.reviewers) is
warned of, for the same reason not a difference (trail_people).
And a `claim.status_changed` that gives a verdict while the trail's own review.required is on:
the workflow has only proposed a verdict then since the setting first existed (trial185: a
verdict forged past the sign-off, rechained, verified OK).

The same rules hold a full exported file's events (`audit verify --file`, with `compared`
off: nothing there to hold the tables to), so each rule has this one home.

What replay rebuilds is kept in a `Store` (workbench/domain/replay_state.py): the entities that
change whole, the immutable ones as fingerprints. This module never holds the state itself, so
the service can hand it a store that spills to a temporary file and keeps memory flat.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from workbench.domain.actions import (
    APPROVED,
    ASSIGNED,
    CLAIM_ADDED,
    DOCUMENT_ADDED,
    DOCUMENT_CHECKED,
    DOCUMENT_EDITED,
    DOCUMENT_REVISED,
    DUE_CHANGED,
    EDITED,
    EVIDENCE_ADDED,
    FLAGGED_FOR_REVIEW,
    GUARDS_RESTORED,
    IMPORTED,
    NOTE_ADDED,
    NOTE_VISIBILITY_CHANGED,
    PRIORITY_CHANGED,
    QUOTE_CHANGED,
    REANCHORED,
    REJECTED,
    REVIEW_REQUESTED,
    SETTING_CHANGED,
    STATUS_CHANGED,
    TAGGED,
    UNTAGGED,
    USER_ADDED,
    USER_BOUND,
    USER_EDITED,
)
from workbench.domain.chain import PIECE
from workbench.domain.desk_guards import DESK, GUARD_TRIGGERS, GUARDS, REVISION, SEARCH_INDEXES
from workbench.domain.kinds import KINDS, Kind
from workbench.domain.limits import MAX_TITLE
from workbench.domain.payload_format import format_problems, undeclared_change
from workbench.domain.payloads import ACTIONS
from workbench.domain.recorded_headline import is_recorded_headline
from workbench.domain.replay_input import NESTING, TOO_DEEP, unapplied, unfit
from workbench.domain.replay_state import (
    MOMENT,
    NO_SHA256,
    Between,
    IdCombos,
    IdSet,
    IdValues,
    LatestTexts,
    MemoryStore,
    Prints,
    Store,
    sha256_bytes,
)
from workbench.domain.settings import REVIEW_REQUIRED
from workbench.domain.shown import KEPT, Clipped, clip, shown, shown_text
from workbench.domain.status import (
    EVIDENCE_STATUSES,
    FINAL_STATUSES,
    FINAL_VALUES,
    WITHDRAWN_VALUE,
    Status,
    listed,
)
from workbench.domain.text import whole_number
from workbench.domain.trail_people import PeopleWarnings, Registrations
from workbench.domain.transitions import edited_parts

# Longer strings (a document's text) are held and compared as their length and SHA-256:
# replay keeps every entity it rebuilds, and a text is either equal or it is not.
COMPACT_OVER = 1024
# A broken database can differ everywhere; the report keeps the first ones and counts the rest.
DIFFERENCES_KEPT = 1000


@dataclass(frozen=True, slots=True)
class Digest:
    length: int
    sha256: str

    def __repr__(self) -> str:
        return f"<{self.length:,} characters, sha256 {self.sha256[:12]}…>"


def fingerprint(values: Iterable[Any]) -> int:
    """64 bits standing for field values (JSON's types: repr tells them apart and is fast)."""
    text = repr(tuple(values)).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big", signed=True)


def compact(value: Any) -> Any:
    if isinstance(value, str) and len(value) > COMPACT_OVER:
        # Encoded a piece at a time: a document's text is long, and its UTF-8 whole a copy.
        digest = hashlib.sha256()
        for start in range(0, len(value), PIECE):
            digest.update(value[start : start + PIECE].encode("utf-8"))
        return Digest(len(value), digest.hexdigest())
    return value


@dataclass(frozen=True, slots=True)
class EventRecord:
    seq: int
    action: str
    entity_type: str
    entity_id: str
    claim_id: int | None
    payload: dict[str, Any]
    # Who wrote the event, as the trail records it (None: the caller did not say).
    actor: str | None = None
    # When, as the trail records it (None: the caller did not say).
    at: str | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    message: str
    subject: str | None = None
    field: str | None = None
    events: Any = None
    table: Any = None
    seq: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "subject": self.subject,
            "field": self.field,
            "events": _jsonable(self.events),
            "table": _jsonable(self.table),
            "seq": self.seq,
        }


def _jsonable(value: Any) -> Any:
    return repr(value) if isinstance(value, Digest | Between | Clipped) else value


Rule = Callable[["Replay", EventRecord], None]
# json.loads without its wrapper: replay parses every payload once.
_decode = json.JSONDecoder().raw_decode
# (seq, action, entity_type, entity_id, claim_id, payload) as stored
EventRow = tuple[int, str, str, str, int | None, str]
# A claim's fields that hold a verdict, given or proposed; and the verdicts that need evidence
# (workbench/domain/transitions.py refuses them, and proposing them, on a claim with none).
VERDICT_FIELDS = ("status", "proposed_status")
NEEDS_EVIDENCE = frozenset(s.value for s in EVIDENCE_STATUSES)
# The statuses under which a claim's words are what was judged: `claim edit` refuses to change
# them (transitions.check_edit), and has since claim.edited was first written.
JUDGED = frozenset(s.value for s in (*FINAL_STATUSES, Status.IN_REVIEW))
# The actions of the workbench before the workflow (migration 0003) brought evidence and the rule
# that a factual verdict cites some. Any other action, or a claim created with the workflow's
# fields (its `priority`), was written by a workbench that had the rule.
BEFORE_WORKFLOW = frozenset({DOCUMENT_ADDED, CLAIM_ADDED, STATUS_CHANGED, NOTE_ADDED})
# The field in which each kind's creation names who made it: the workbench has always written it
# as the creating event's actor (tx.actor, every writer since the first commit: notes, claims
# added, imported and extracted, evidence, documents, revisions, users; a bundle restore copies
# rows and events as they were), so the two differ only in a trail or table altered by hand.
# Not a document's `author` (the article's byline) nor a claim's `proposed_by` (an update's).
AUTHOR_FIELDS = {
    "note": "author",
    "claim": "created_by",
    "evidence": "added_by",
    "document": "added_by",
    "revision": "added_by",
    "user": "added_by",
}


def create(kind: str) -> Rule:
    """The event brings a new entity, whole, in `payload.after`."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        replay.create(kind, ev, ev.entity_id, ev.payload.get("after"))

    return rule


def update(kind: str) -> Rule:
    """The event changes the fields in `payload.after`, which were `payload.before`; a note
    written with the change comes whole in `payload.note`. `before` and `after` name the same
    fields: a value changed without the one it replaced could not be checked."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        before, after = ev.payload.get("before"), ev.payload.get("after")
        replay.update(kind, ev, ev.entity_id, before, after, paired=True)
        _written_note(replay, ev)

    return rule


def change_in_place(kind: str) -> Rule:
    """Like update, for the `changing` fields of an immutable kind (a note's `internal`), which
    replay holds apart from the entity's fingerprint; a note written with it comes whole in
    `payload.note`."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        before, after = ev.payload.get("before"), ev.payload.get("after")
        replay.change_in_place(kind, ev, ev.entity_id, before, after)
        _written_note(replay, ev)

    return rule


def create_with_note(kind: str) -> Rule:
    """Like create, plus a note written with it, whole in `payload.note` (an imported claim's
    reason for its status)."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        create(kind)(replay, ev)
        _written_note(replay, ev)

    return rule


def _written_note(replay: Replay, ev: EventRecord) -> None:
    """The note an event carries whole in `payload.note`, if any, is created with it."""
    note = ev.payload.get("note")
    if isinstance(note, dict):
        replay.create("note", ev, str(note.get("id")), note, checked_type=False)


_claim_update = update("claim")
# How long before its event a first-release status change can have set the claim's updated_at:
# the time to write the claims row (and the reason's note) in between, some milliseconds
# (a trial's desk: 1 to 2), taken generously; a value set earlier by hand is a difference.
FIRST_RELEASE_WRITE = dt.timedelta(minutes=1)


def status_changed(replay: Replay, ev: EventRecord) -> None:
    """A claim's status changed. The first release (1b3d8b6, and e468b12 which chained its
    events) wrote `status` and `version` in `before` and `after`, not `updated_at` (b071a6c added
    it), though it set the row's `updated_at` to the moment of the change: a call to the clock of
    its own, just before the reason's note and the event, so neither records it to the
    microsecond. Read in that shape, the claim's `updated_at` becomes what the trail can say of
    it (a `Between`): not before the claim's previous `updated_at` (that change had committed
    before this one read the claim) nor more than FIRST_RELEASE_WRITE before the reason's
    `created_at` or else the event's `at`, and not after it. A later event's `before` then
    holds the exact value, which must lie in that span. Only in the trail's first stretch (see
    BEFORE_WORKFLOW): every status change written since the workflow carries `updated_at`, and
    one without it there leaves the rebuilt value as it was (so the table differs)."""
    before, after = ev.payload.get("before"), ev.payload.get("after")
    if (
        replay.workflow
        or type(after) is not dict
        or "updated_at" in after
        or type(before) is not dict
        or "updated_at" in before
    ):
        _claim_update(replay, ev)
        return
    claim = replay.store.get("claim", ev.entity_id)
    earliest = None if claim is None else claim.get("updated_at")
    del claim  # the update below gets it again (a store hands out one entity at a time)
    _claim_update(replay, ev)
    note = ev.payload.get("note")
    noted = note.get("created_at") if isinstance(note, dict) else None
    bounds = [t for t in (noted, ev.at) if isinstance(t, str) and MOMENT.fullmatch(t)]
    span = Between.of(earliest, min(bounds, default=None), within=FIRST_RELEASE_WRITE)
    claim = replay.store.get("claim", ev.entity_id)
    if span is not None and claim is not None:
        claim["updated_at"] = span
        replay.store.put("claim", ev.entity_id, claim)


def upsert(kind: str) -> Rule:
    """Like update, but the first event for a key creates it (its `before` is a default that
    no earlier event recorded)."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        if replay.store.get(kind, ev.entity_id) is not None:
            # A setting's `before` holds its value only, its `after` the setting whole
            # (payloads.set_payload): not the paired fields of a change.
            before, after = ev.payload.get("before"), ev.payload.get("after")
            if isinstance(before, dict) and isinstance(before.get("value"), str):
                # The stored text of a value changed outside the workbench, which `config
                # set` wrote over (docs/events.md): the event says the trail was left there,
                # and no value the events give can be it (review140: replay and a bundle's
                # restore refused such a desk for ever).
                before = {}
            replay.update(kind, ev, ev.entity_id, before, after, paired=False)
        else:
            replay.create(kind, ev, ev.entity_id, ev.payload.get("after"))
        # The setting under which a verdict is only proposed (`claim.review_requested`) until a
        # second person approves it (transitions.decide), since it first existed (migration
        # 0003, with the workflow): no workbench wrote a `claim.status_changed` giving a verdict
        # while it was on.
        if kind == "setting" and ev.entity_id == REVIEW_REQUIRED:
            # Read here, not at each status change: a spilling store hands out one entity at a
            # time, and the claim is the one held there.
            setting = replay.store.get(kind, ev.entity_id)
            replay.review_required = setting is not None and setting.get("value") is True

    return rule


_user_create = create("user")


def user_added(replay: Replay, ev: EventRecord) -> None:
    """A person registered, and held to the rule `user add` registers by against those the
    events registered before (workbench.domain.trail_people): a pair it refuses is a warning
    about the trail, not a difference, as the trail does not say which rule was in force."""
    _user_create(replay, ev)
    replay.registrations.feed(ev.seq, ev.action, ev.payload)


_user_update = update("user")


def _user_changed(replay: Replay, ev: EventRecord) -> bool:
    """A change of a registration, held to the fields its action changes (payloads.ACTIONS:
    `user.bound` the role, `user.edited` the display name and address) before it is applied;
    whether it was. The user kind tracks all of them, so `update` alone let a `user.edited`
    bind a role, or a `user.bound` move an address, which no workbench writes, and trail_people
    (reading display names and addresses from `user.added` and `user.edited`) went on judging
    the person by the registration they had."""
    before, after = ev.payload.get("before"), ev.payload.get("after")
    names = (before.keys() if isinstance(before, dict) else set()) | (
        after.keys() if isinstance(after, dict) else set()
    )
    # Every name, tracked or not: the registration is not applied when one is beyond.
    if (beyond := undeclared_change(ev.action, "user", names)) is not None:
        replay._event_problem(ev, replay.kinds["user"].label(ev.entity_id), beyond)
        return False
    _user_update(replay, ev)
    return True


def user_bound(replay: Replay, ev: EventRecord) -> None:
    """A name bound to a login role, or to another (`user bind`)."""
    _user_changed(replay, ev)


def user_edited(replay: Replay, ev: EventRecord) -> None:
    """A person's display name or address corrected (`user edit`), and the changed registration
    held to the rule `user add` registers by against everyone else the events registered
    (trail_people, which reads them by it from here on); a pair found is a warning, as for a
    registration."""
    if _user_changed(replay, ev):
        replay.registrations.feed(ev.seq, ev.action, ev.payload, entity_id=ev.entity_id)


def checked(replay: Replay, ev: EventRecord) -> None:
    """A document's source read again and found unchanged (`document.checked`): a fact about
    the desk's work, no field of any entity, so there is nothing to rebuild; but it is about a
    document the events created, and names the revision found (`doc show` reads it)."""
    subject = replay.kinds["document"].label(ev.entity_id)
    if ev.entity_type != "document":
        replay._event_problem(ev, subject, f"entity_type is {shown(ev.entity_type)}")
        return
    if replay.store.get("document", ev.entity_id) is None:
        replay._event_problem(ev, subject, "checked, but no earlier event creates it")
        return
    after = ev.payload.get("after")
    if not isinstance(after, dict):
        replay._event_problem(ev, subject, "the payload lacks an 'after' object")
        return
    revision = after.get("revision")
    if type(revision) is not int or revision < 1:
        replay._event_problem(ev, subject, "the check names no revision number")
        return
    if after.get("spacing_only", True) is not True:
        # Written only as true (`doc update`): anything else is no payload a workbench wrote.
        replay._event_problem(ev, subject, "its spacing_only is not true")
        return
    # `doc update` checks the latest revision, and records its hash: held to the one the
    # events stored last (review299: any number passed, and the hash was never read).
    number = whole_number(ev.entity_id)
    latest = None if number is None else replay.latest_texts.get(number)
    if latest is None:
        return
    if revision != latest[0]:
        replay._event_problem(
            ev, subject, f"checked revision {revision}, but the latest stored is {latest[0]}"
        )
    elif sha256_bytes(after.get("sha256")) != latest[1] or latest[1] == NO_SHA256:
        replay._event_problem(
            ev,
            subject,
            f"checked revision {revision} with sha256 {shown(after.get('sha256'))}, not the "
            "one the events stored it with",
        )


def guards_restored(replay: Replay, ev: EventRecord) -> None:
    """`db upgrade` put back guard triggers on events or search indexes (`desk.guards_restored`):
    a fact about the desk, no entity's field, so nothing is rebuilt; but held to what a workbench
    restores (workbench.domain.desk_guards): the desk's one id and no claim, the triggers and
    indexes it knows, each once, at least one of them, and the revision the schema was left at.
    A forged restore naming anything else would pass for the trail's word that the guards are
    the workbench's own."""
    subject = "the desk"
    if ev.entity_type != DESK:
        replay._event_problem(ev, subject, f"entity_type is {shown(ev.entity_type)}")
        return
    if ev.entity_id != GUARDS or ev.claim_id is not None:
        said = f"entity_id {shown_text(ev.entity_id)}, claim_id {shown(ev.claim_id)}"
        replay._event_problem(
            ev, subject, f"{said}: a restore is the desk's {GUARDS!r}, no claim's"
        )
        return
    named: list[str] = []
    for field, known in (("triggers", GUARD_TRIGGERS), ("indexes", SEARCH_INDEXES)):
        names = ev.payload.get(field)
        if type(names) is not list or not all(type(n) is str for n in names):
            replay._event_problem(ev, subject, f"its {field!r} is not a list of names")
            return
        unknown = [n for n in names if n not in known]
        if unknown:
            replay._event_problem(
                ev,
                subject,
                f"restores {shown(unknown)}, which no workbench restores "
                f"among its {field} ({listed(tuple(map(shown, sorted(known))))})",
            )
            return
        if len(set(names)) != len(names):
            replay._event_problem(ev, subject, f"names one of its {field} twice")
            return
        named += names
    if not named:
        replay._event_problem(ev, subject, "restores nothing (`db upgrade` then writes no event)")
        return
    revision = ev.payload.get("revision")
    if type(revision) is not str or not REVISION.fullmatch(revision):
        replay._event_problem(
            ev, subject, f"its revision {shown(revision)} is not a schema revision's name"
        )


_document_create = create("document")
_revision_create = create("revision")


def _check_headline(replay: Replay, ev: EventRecord, kind: str) -> None:
    """The headline a text's creation event holds beside `after` (fix292) rebuilds nothing, but
    `doc changes` says it: held to what a page's headline is recorded as (review299: a forged
    one of any size or with an ESC or a bidi character passed)."""
    if "headline" not in ev.payload:
        return
    value = ev.payload["headline"]
    if not is_recorded_headline(value):
        replay._event_problem(
            ev,
            replay.kinds[kind].label(ev.entity_id),
            f"its headline {shown_text(value)} is not one as the workbench records it: one "
            f"printable line in NFC, no space at either end, at most {MAX_TITLE:,} characters",
        )


def document_added(replay: Replay, ev: EventRecord) -> None:
    """A document created, its text its revision 1 (for `checked`)."""
    _document_create(replay, ev)
    _check_headline(replay, ev, "document")
    after = ev.payload.get("after")
    if isinstance(after, dict):
        replay.latest_texts.put(whole_number(ev.entity_id), 1, after.get("sha256"))


def document_revised(replay: Replay, ev: EventRecord) -> None:
    """A revision created: its document's latest text from now on (for `checked`)."""
    _revision_create(replay, ev)
    _check_headline(replay, ev, "revision")
    after = ev.payload.get("after")
    if isinstance(after, dict):
        replay.latest_texts.put(after.get("document_id"), after.get("number"), after.get("sha256"))


RULES: dict[str, Rule] = {
    DOCUMENT_ADDED: document_added,
    DOCUMENT_EDITED: update("document"),
    DOCUMENT_REVISED: document_revised,
    DOCUMENT_CHECKED: checked,
    REANCHORED: update("claim"),
    FLAGGED_FOR_REVIEW: update("claim"),
    QUOTE_CHANGED: update("claim"),
    CLAIM_ADDED: create("claim"),
    IMPORTED: create_with_note("claim"),
    NOTE_ADDED: create("note"),
    NOTE_VISIBILITY_CHANGED: change_in_place("note"),
    STATUS_CHANGED: status_changed,
    REVIEW_REQUESTED: update("claim"),
    APPROVED: update("claim"),
    REJECTED: update("claim"),
    ASSIGNED: update("claim"),
    TAGGED: update("claim"),
    UNTAGGED: update("claim"),
    PRIORITY_CHANGED: update("claim"),
    DUE_CHANGED: update("claim"),
    EDITED: update("claim"),
    EVIDENCE_ADDED: create("evidence"),
    SETTING_CHANGED: upsert("setting"),
    USER_ADDED: user_added,
    USER_BOUND: user_bound,
    USER_EDITED: user_edited,
    GUARDS_RESTORED: guards_restored,
}


@dataclass(frozen=True, slots=True)
class ReplayReport(PeopleWarnings):
    """What replay found; also (`PeopleWarnings`) the trail's people warned of, not
    differences."""

    events: int
    entities: dict[str, int]
    differences: list[Difference]
    total: int

    @property
    def consistent(self) -> bool:
        return self.total == 0

    def counted(self) -> dict[str, int]:
        """How many of each kind were rebuilt, as a reader counts them: `entities` counts the
        revision entities, which `doc update` creates (revision 2 on), and a document's own
        text is its revision 1 (`doc list` shows rev 2 for a document updated once), so
        revisions here count every document's too (a trial read "4 revisions" for 13 over 9
        documents)."""
        counted = dict(self.entities)
        if "revision" in counted:
            counted["revision"] += counted.get("document", 0)
        return counted

    def to_json(self) -> dict[str, Any]:
        return {
            "consistent": self.consistent,
            "events": self.events,
            "entities": self.entities,
            "differences": [d.to_json() for d in self.differences],
            "difference_count": self.total,
            **self.people_json(),
        }


class Replay:
    """The state the events describe, built one event at a time, then held against the tables."""

    def __init__(
        self,
        kinds: Mapping[str, Kind] | None = None,
        rules: Mapping[str, Rule] | None = None,
        *,
        full: bool = False,
        store: Store | None = None,
        compared: bool = True,
    ) -> None:
        self.kinds = dict(KINDS if kinds is None else kinds)
        self.rules = dict(RULES if rules is None else rules)
        # full: hold immutable entities whole too (re-reading one event needs their fields).
        self.full = full
        # compared False: only the events' own rules are wanted, no table will be compared
        # (`audit verify --file`), so immutable entities are not fingerprinted: nothing would
        # read the prints, and a million notes would write 24 MB of them for nothing.
        self.compared = compared
        # Where the rebuilt entities live: in memory unless the caller brings a store that
        # spills (workbench/services/replay_spill.py), so memory need not grow with the rows.
        self.store: Store = MemoryStore() if store is None else store
        self.prints: dict[str, Prints] = {
            k: self.store.prints(k) for k, kind in self.kinds.items() if kind.immutable and not full
        }
        self.rebuilt: dict[str, int] = dict.fromkeys(self.kinds, 0)
        # Of an immutable kind with `changing` fields, when fingerprinted: the ids created, each
        # with its claim (a change filed under another claim is a forgery: the claim's trail
        # would say it), and the current values of those fields where they are not the
        # defaults or were changed (few: a note taken back is a person's deliberate act).
        self.created_ids: dict[str, IdValues] = {
            k: IdValues() for k, kind in self.kinds.items() if kind.changing and k in self.prints
        }
        self.changed: dict[str, IdCombos] = {k: IdCombos() for k in self.created_ids}
        # Claims with evidence so far (evidence is never removed): for the verdict rule, which
        # holds from the first event written under the workflow (see BEFORE_WORKFLOW) on.
        self.evidenced = IdSet()
        self.workflow = False
        # review.required as the events so far set it (the setting's default is off).
        self.review_required = False
        # The people registered so far, each registration held to `user add`'s rule.
        self.registrations = Registrations()
        # Each document's latest revision so far, for `document.checked`.
        self.latest_texts = LatestTexts()
        self.differences: list[Difference] = []
        self.total = 0
        self.events = 0

    def differ(self, diff: Difference) -> None:
        self.total += 1
        if len(self.differences) < DIFFERENCES_KEPT:
            # Its values as --json gives them: whole unless long (a forged list of a million
            # tags), so that the differences kept hold no more than their messages do.
            events, table = clip(diff.events, KEPT), clip(diff.table, KEPT)
            self.differences.append(replace(diff, events=events, table=table))

    def _event_problem(self, ev: EventRecord, subject: str | None, problem: str) -> None:
        where = f"seq {ev.seq} ({shown_text(ev.action)})"
        self.differ(
            Difference(
                f"{where}: {subject + ': ' if subject else ''}{problem}", subject, seq=ev.seq
            )
        )

    def apply(
        self,
        seq: int,
        action: str,
        entity_type: str,
        entity_id: str,
        claim_id: int | None,
        payload_json: str,
        actor: str | None = None,
        at: str | None = None,
    ) -> None:
        """Apply one event; `actor`, when given, is held to the sign-off rule; `at`, when
        given, bounds the moments a first-release status change did not record. An event of
        other types than the workbench writes, or nested deeper (workbench.domain.replay_input:
        SQLite keeps a BLOB in a text column), is a difference and is not applied."""
        payload: Any = None
        problem = None
        if isinstance(payload_json, str):
            try:
                payload, end = _decode(payload_json)
                if payload_json[end:].strip():
                    payload = None
            except RecursionError:
                problem = TOO_DEEP
            except ValueError:
                payload = None
        # What every event the workbench writes is, told at little cost; any other is asked.
        usual = (
            str is type(action) is type(entity_type) is type(entity_id) is type(payload_json)
            and (actor is None or type(actor) is str)
            and (at is None or type(at) is str)
            and (claim_id is None or type(claim_id) is int)
            and payload_json.count("[") + payload_json.count("{") <= NESTING
        )
        if not usual and problem is None:
            fields = {"action": action, "entity_type": entity_type, "entity_id": entity_id}
            # Left out when not given (re-reading one event passes neither).
            fields |= {name: v for name, v in (("actor", actor), ("at", at)) if v is not None}
            fields["payload"] = payload_json
            problem = unfit(fields, claim_id, payload, payload_json)
        if problem is not None:
            self.unapplied(seq, problem)
            return
        self.apply_parsed(seq, action, entity_type, entity_id, claim_id, payload, actor, at)

    def unapplied(self, seq: int, problem: str) -> None:
        """An event that cannot be replayed (workbench.domain.replay_input.unfit): counted,
        reported, not applied."""
        self.events += 1
        self.differ(Difference(unapplied(seq, problem), seq=seq))

    def apply_parsed(
        self,
        seq: int,
        action: str,
        entity_type: str,
        entity_id: str,
        claim_id: int | None,
        payload: Any,
        actor: str | None = None,
        at: str | None = None,
    ) -> None:
        """`apply`, the payload already parsed (an exported line is parsed whole to hash it:
        `audit verify --file` holds it to the rules without writing it back out), and the event
        already found fit (workbench.domain.replay_input.unfit)."""
        self.events += 1
        ev = EventRecord(
            seq,
            action,
            entity_type,
            entity_id,
            claim_id,
            payload if isinstance(payload, dict) else {},
            actor,
            at,
        )
        if not isinstance(payload, dict):
            self._event_problem(ev, None, "the payload is not a JSON object")
            return
        if not self.workflow:
            self.workflow = action not in BEFORE_WORKFLOW or (
                action == CLAIM_ADDED
                and isinstance(after := payload.get("after"), dict)
                and "priority" in after
            )
        rule = self.rules.get(action)
        if rule is None:
            self._event_problem(
                ev,
                None,
                "no replay rule for this action, so the change it records cannot be checked "
                "(an action this release does not know: a trail a newer workbench wrote is "
                "checked, and its bundle restored, by that release or a newer one)",
            )
            return
        # Held to its action's format (payload_format): a key no release writes is a
        # difference; the event is still applied as its rule reads it, which tells the keys it
        # reads missing and holds their values.
        problems = format_problems(action, payload)
        if problems:
            kind = ACTIONS[action].kind
            subject = self.kinds[kind].label(entity_id) if kind in self.kinds else f"the {kind}"
            for problem in problems:
                self._event_problem(ev, subject, problem)
        rule(self, ev)

    def create(
        self,
        kind_name: str,
        ev: EventRecord,
        key: str,
        after: Any,
        *,
        checked_type: bool = True,
    ) -> None:
        kind = self.kinds[kind_name]
        subject = kind.label(key)
        if checked_type and ev.entity_type != kind_name:
            self._event_problem(ev, subject, f"entity_type is {shown(ev.entity_type)}")
        if not isinstance(after, dict):
            self._event_problem(ev, subject, "the payload has no 'after' object")
            return
        if "id" in after and str(after["id"]) != key:
            self._event_problem(ev, subject, f"payload describes id {shown(after['id'])}")
        prints = self.prints.get(kind_name)
        if prints is None and self.store.get(kind_name, key) is not None:
            self._event_problem(ev, subject, "created again, but it already exists")
            return
        number = whole_number(key)
        if prints is not None and number is None:
            self._event_problem(ev, subject, "its id is not a number")
            return
        entity: dict[str, Any] = {}
        for name in kind.fields:
            if name in after:
                entity[name] = after[name]
            elif name in kind.defaults:
                entity[name] = kind.defaults[name]
            elif name == kind.key_field:
                entity[name] = key
            else:
                self._event_problem(ev, subject, f"the payload lacks {name!r}")
                entity[name] = None
        self._check_claim(kind, ev, subject, entity)
        self._check_author(kind_name, ev, subject, after)
        if kind_name == "evidence":
            owner = entity.get("claim_id")
            if type(owner) is int:  # not a forged "true" or "1"
                self.evidenced.add(owner)
        elif kind_name == "claim":
            self._check_verdict(ev, subject, key, (None, None), entity)
            self._check_withdrawal(ev, subject, None, entity.get("status"))
        if prints is not None and number is not None:
            values: Iterable[Any] = entity.values()
            if kind.changing:
                values = [v for name, v in entity.items() if name not in kind.changing]
                owner = entity.get(kind.claim_field) if kind.claim_field else None
                self.created_ids[kind_name].put(number, owner)
                now = {name: entity[name] for name in kind.changing}
                changed = self.changed[kind_name]
                # Held where not the defaults, or where held already (created again).
                usual = all(now[name] == kind.defaults.get(name) for name in kind.changing)
                if not usual or changed.get(number) is not None:
                    changed.put(number, now)
            # Created twice is found when the ids are merged with the table (compare).
            if self.compared:
                prints.add(number, fingerprint(values), ev.seq)
        else:
            self.store.put(kind_name, key, {name: compact(v) for name, v in entity.items()})
        self.rebuilt[kind_name] += 1

    def update(
        self,
        kind_name: str,
        ev: EventRecord,
        key: str,
        before: Any,
        after: Any,
        *,
        paired: bool = False,
    ) -> None:
        """Apply a change. `paired`: `before` must name exactly the fields `after` does (a
        setting's `before` holds its old value only, its `after` the whole setting)."""
        kind = self.kinds[kind_name]
        subject = kind.label(key)
        if ev.entity_type != kind_name:
            self._event_problem(ev, subject, f"entity_type is {shown(ev.entity_type)}")
        if not isinstance(before, dict) or not isinstance(after, dict):
            self._event_problem(ev, subject, "the payload lacks 'before' or 'after' objects")
            return
        if kind.immutable:
            self._event_problem(ev, subject, f"changed, but a {kind_name} never changes")
            return
        entity = self.store.get(kind_name, key)
        if entity is None:
            self._event_problem(ev, subject, "changed, but no earlier event creates it")
            return
        if paired and (unpaired := before.keys() ^ after.keys()):
            for name in sorted(unpaired):
                side, other = ("after", "before") if name in after else ("before", "after")
                self._event_problem(
                    ev, subject, f"{side} names {shown(name)} and {other} does not: the change "
                    "cannot be checked against the value it replaced"
                )  # fmt: skip
        tracked = (before.keys() | after.keys()) & set(kind.fields)
        if (beyond := undeclared_change(ev.action, kind_name, tracked)) is not None:
            self._event_problem(ev, subject, beyond)
        for name, value in before.items():
            if name not in kind.fields:
                continue  # reported below, with `after`
            was = entity[name]
            if compact(value) != was and not (type(was) is Between and was.holds(value)):
                self._event_problem(
                    ev,
                    subject,
                    f"before says {name} {shown(compact(value))}, the events so far say "
                    f"{shown(was)}",
                )
        is_claim = kind_name == "claim"
        was = tuple(map(entity.get, VERDICT_FIELDS)) if is_claim else ()
        # Whether the verdict was flagged for re-review before this event: a confirmation keeps
        # the status and clears the flag, a new decision as much as a changed status.
        flagged = is_claim and entity.get("verdict_revision") is not None
        if is_claim and ev.action == EDITED:
            self._check_edit(ev, subject, entity.get("status"), after)
        if is_claim and ev.action == APPROVED:
            self._check_approver(ev, subject, entity.get("proposed_by"))
        for name, value in after.items():
            if name in kind.fields:
                entity[name] = compact(value)
            else:
                self._event_problem(
                    ev,
                    subject,
                    f"changes {shown(name)}, which replay does not track (add it to the "
                    f"{kind_name} kind in workbench/domain/replay.py)",
                )
        self._check_claim(kind, ev, subject, entity)
        if is_claim:
            self._check_verdict(ev, subject, key, was, entity)
            self._check_withdrawal(ev, subject, was[0], entity.get("status"))
            if ev.action == STATUS_CHANGED and self.review_required:
                confirmed = flagged and entity.get("verdict_revision") is None
                self._check_sign_off(ev, subject, was[0], entity.get("status"), confirmed)
        self.store.put(kind_name, key, entity)

    def change_in_place(
        self, kind_name: str, ev: EventRecord, key: str, before: Any, after: Any
    ) -> None:
        """Change `changing` fields of an immutable entity (a note's `internal`): `before` and
        `after` name the same fields, only those, and `before` holds their current values.
        Fingerprinted, the entity's claim is held apart (`created_ids`), and the event's
        claim_id is checked against it as in full replay; the table's row is held to the
        values at compare."""
        kind = self.kinds[kind_name]
        subject = kind.label(key)
        if ev.entity_type != kind_name:
            self._event_problem(ev, subject, f"entity_type is {shown(ev.entity_type)}")
        if not isinstance(before, dict) or not isinstance(after, dict) or not after:
            self._event_problem(ev, subject, "the payload lacks 'before' or 'after' objects")
            return
        names = before.keys() | after.keys()
        if before.keys() != after.keys() or not names <= set(kind.changing):
            self._event_problem(
                ev,
                subject,
                f"changes {listed(tuple(sorted(map(shown, names))))}: a {kind_name} changes "
                f"only {listed(kind.changing)}, named in both before and after",
            )
            return
        number = whole_number(key)
        entity: dict[str, Any] | None
        owner: Any = None
        if kind_name in self.created_ids:
            known = False
            if number is not None:
                known, owner = self.created_ids[kind_name].get(number)
            entity = None
            if known and number is not None:
                entity = self.changed[kind_name].get(number) or {
                    name: kind.defaults.get(name) for name in kind.changing
                }
        else:
            entity = self.store.get(kind_name, key)
        if entity is None:
            self._event_problem(ev, subject, "changed, but no earlier event creates it")
            return
        for name, value in before.items():
            if value != entity[name]:
                self._event_problem(
                    ev,
                    subject,
                    f"before says {name} {shown(value)}, the events so far say "
                    f"{shown(entity[name])}",
                )
        entity.update(after)
        if kind_name in self.created_ids and number is not None:
            if kind.claim_field is not None:
                self._check_claim(kind, ev, subject, {kind.claim_field: owner})
            self.changed[kind_name].put(number, entity)
        else:
            self._check_claim(kind, ev, subject, entity)
            self.store.put(kind_name, key, entity)

    def _check_claim(
        self, kind: Kind, ev: EventRecord, subject: str, entity: dict[str, Any]
    ) -> None:
        if kind.claim_field is None:
            return
        owner = entity.get(kind.claim_field)
        if ev.claim_id != owner:
            self._event_problem(
                ev,
                subject,
                f"the event's claim_id is {shown(ev.claim_id)}, the {kind.name}'s {shown(owner)}",
            )

    def _check_author(
        self, kind_name: str, ev: EventRecord, subject: str, after: dict[str, Any]
    ) -> None:
        """Who the entity's own fields say made it (a note's author, a claim's created_by, ...)
        against who the event says did: every writer sets one from the other, so a difference
        is a record altered or forged, and the trail would credit one person with another's
        work (the sign-off rule reads the event's actor: a note recorded under the approver's
        name is one the approver is taken to have seen). Only where both are known: an event
        read without its actor, or a payload that predates the field, is not held to it."""
        field = AUTHOR_FIELDS.get(kind_name)
        if field is None or ev.actor is None or field not in after:
            return
        named = after[field]
        if named != ev.actor:
            self._event_problem(
                ev,
                subject,
                f"the event's actor is {shown(ev.actor)}, but its {field} is {shown(named)}: the "
                "workbench records whoever acts as both",
            )

    def _check_edit(
        self, ev: EventRecord, subject: str, status: Any, after: dict[str, Any]
    ) -> None:
        """An edit of a claim's words while it is in review or has a verdict (its status before
        the event, so that a forged edit cannot move the status back in the same breath): the
        workflow refuses it (claim_judged), so the event records a move it never makes."""
        wording = edited_parts(after)
        if wording and status == WITHDRAWN_VALUE:
            self._event_problem(
                ev,
                subject,
                f"{listed(wording)} changed while the claim is withdrawn: the workflow refuses "
                "to change what was taken back until it is restored (claim_withdrawn)",
            )
        elif wording and status in JUDGED:
            self._event_problem(
                ev,
                subject,
                f"{listed(wording)} changed while the claim is {shown(status)}: the workflow "
                "refuses to change what a claim in review or with a verdict says (claim_judged)",
            )

    def _check_approver(self, ev: EventRecord, subject: str, proposer: Any) -> None:
        """An approval by the verdict's proposer (the claim's `proposed_by` before the event,
        which the proposal's own event set), by name: the workflow refuses it (own_verdict),
        so the event records a sign-off by a second person that no second person gave."""
        if isinstance(proposer, str) and ev.actor is not None:
            # One the sign-off's rule reads as the proposer by another name (a look-alike, a
            # display name, an address): a warning, not a difference, as a workbench before
            # each rule let them through. The same name is the difference below.
            self.registrations.approval(ev.seq, ev.claim_id, ev.actor, proposer)
        if isinstance(proposer, str) and ev.actor == proposer:
            self._event_problem(
                ev,
                subject,
                f"approved by {shown(ev.actor)}, the proposer: the workflow refuses that a "
                "verdict's proposer approve it (own_verdict)",
            )

    def _check_sign_off(
        self, ev: EventRecord, subject: str, was: Any, status: Any, confirmed: bool
    ) -> None:
        """A verdict given by a plain status change while review.required is on: the workflow
        only proposes it then, for a second person to approve, so the event records a verdict
        that skipped the sign-off (a forger's simpler way than approving their own). So does a
        flagged verdict `confirmed` by one (the status kept, the flag cleared): the workflow
        proposes a confirmation as it proposes any verdict (review191)."""
        if not isinstance(status, str) or status not in FINAL_VALUES:
            return
        if status != was:
            said = f"status becomes {shown(status)}"
        elif confirmed:
            said = f"the verdict {shown(status)}, flagged for re-review, is confirmed"
        else:
            return
        self._event_problem(
            ev,
            subject,
            f"{said} with no second reviewer while review.required is on: the workflow only "
            "proposes a verdict then, for a different person to approve",
        )

    def _check_withdrawal(self, ev: EventRecord, subject: str, was: Any, status: Any) -> None:
        """A claim withdrawn, or restored from withdrawn, by an event with no note (its
        reason), or given (or proposed) a verdict straight from withdrawn: moves the workflow
        refuses (withdraw_needs_reason, restore_needs_note, claim_withdrawn)."""
        if was == status or WITHDRAWN_VALUE not in (was, status):
            return
        reasoned = isinstance(ev.payload.get("note"), dict)
        if status == WITHDRAWN_VALUE and not reasoned:
            problem = "withdrawn with no reason recorded (withdraw_needs_reason)"
        elif was == WITHDRAWN_VALUE and status in JUDGED:
            problem = (
                f"status becomes {shown(status)} straight from withdrawn: the workflow restores a "
                "withdrawn claim before it is judged (claim_withdrawn)"
            )
        elif was == WITHDRAWN_VALUE and not reasoned:
            problem = "restored from withdrawn with no reason recorded (restore_needs_note)"
        else:
            return
        self._event_problem(ev, subject, problem + ": a move the workflow refuses")

    def _check_verdict(
        self,
        ev: EventRecord,
        subject: str,
        key: str,
        was: tuple[Any, ...],
        entity: dict[str, Any],
    ) -> None:
        """A verdict that needs evidence, newly given or proposed by this event, on a claim no
        earlier event gave evidence: a move the workflow refuses (reported at this event only,
        not at every later change to the claim)."""
        if not self.workflow or ev.action == IMPORTED:
            # Until 2026-12-01 `import claims` set a table's verdict straight from its row, with
            # no evidence: a desk's own genuine trail holds such events, and refusing them would
            # make its backups unrestorable. Imports written since never give a verdict (it
            # arrives in_progress), so this exemption is the price of old trails.
            return
        for name, before in zip(VERDICT_FIELDS, was, strict=True):
            value = entity.get(name)
            if (
                isinstance(value, str)
                and value in NEEDS_EVIDENCE
                and value != before
                and whole_number(key) not in self.evidenced
            ):
                self._event_problem(
                    ev,
                    subject,
                    f"{name} becomes {shown(value)} with no evidence recorded for the claim: the "
                    "workflow refuses that verdict without evidence (verdict_needs_evidence)",
                )

    def compare(
        self,
        kind_name: str,
        rows: Iterable[tuple[str, Sequence[Any]]],
        event_at: Callable[[int], EventRow | None] | None = None,
    ) -> None:
        """Hold one table's rows against the rebuilt state; what is left is missing rows.

        Each row is its key and its values in the order of the kind's fields.

        Rows of an immutable kind must come in id order: they are merged with the fingerprints,
        and a row that does not match is rebuilt from its event (`event_at` re-reads one event
        by seq) to say which field differs.
        """
        if kind_name in self.prints:
            self._compare_prints(kind_name, rows, event_at)
            return
        kind = self.kinds[kind_name]
        for key, row in rows:
            entity = self.store.pop(kind_name, key)
            if entity is None:
                self._extra_row(kind, key)
            else:
                self._compare_fields(kind, key, entity, row)
            del row  # (a document's whole text) not held while the next row is read
        for key in self.store.rest(kind_name):
            self._missing_row(kind, key)

    def _compare_prints(
        self,
        kind_name: str,
        rows: Iterable[tuple[str, Sequence[Any]]],
        event_at: Callable[[int], EventRow | None] | None,
    ) -> None:
        kind = self.kinds[kind_name]
        entries = self.prints.pop(kind_name).by_id()
        current = next(entries, None)
        previous = None
        # The `changing` fields are held apart (change_in_place): the print is of the others.
        fixed = [i for i, name in enumerate(kind.fields) if name not in kind.changing]
        changed = self.changed.get(kind_name, IdCombos())
        usual = {name: kind.defaults.get(name) for name in kind.changing}
        for key, row in rows:
            row_id = int(key)
            if previous is not None and row_id <= previous:
                raise RuntimeError(f"the {kind_name} table reader must yield rows in id order")
            previous = row_id
            while current is not None and current[0] < row_id:
                self._missing_row(kind, str(current[0]))
                current = next(entries, None)
            if current is None or current[0] > row_id:
                self._extra_row(kind, key)
                continue
            _, print_, seq = current
            if not kind.changing:
                if fingerprint(row) != print_:
                    self._compare_fields(kind, key, self._recreate(kind, key, seq, event_at), row)
            else:
                now = changed.get(row_id) or usual
                if fingerprint([row[i] for i in fixed]) != print_:
                    entity = self._recreate(kind, key, seq, event_at) | now
                    self._compare_fields(kind, key, entity, row)
                else:
                    self._compare_fields(kind, key, now, row, only=kind.changing)
            current = next(entries, None)
            while current is not None and current[0] == row_id:
                self.differ(
                    Difference(
                        f"seq {current[2]}: {kind.label(key)}: created again, but seq {seq} "
                        "already created it",
                        kind.label(key),
                        seq=current[2],
                    )
                )
                current = next(entries, None)
        while current is not None:
            self._missing_row(kind, str(current[0]))
            current = next(entries, None)

    def _compare_fields(
        self,
        kind: Kind,
        key: str,
        entity: dict[str, Any],
        row: Sequence[Any],
        *,
        only: tuple[str, ...] | None = None,
    ) -> None:
        subject = kind.label(key)
        for name, value in zip(kind.fields, row, strict=True):
            if only is not None and name not in only:
                continue
            ours, theirs = entity.get(name), compact(value)
            if ours != theirs and not (type(ours) is Between and ours.holds(theirs)):
                self.differ(
                    Difference(
                        f"{subject} {name}: events say {shown(ours)}, table says {shown(theirs)}",
                        subject,
                        name,
                        ours,
                        theirs,
                    )
                )

    def _extra_row(self, kind: Kind, key: str) -> None:
        subject = kind.label(key)
        self.differ(
            Difference(f"{subject}: in the table, but no event creates it", subject, table=key)
        )

    def _missing_row(self, kind: Kind, key: str) -> None:
        subject = kind.label(key)
        self.differ(
            Difference(
                f"{subject}: the events create it, but the table has no such row",
                subject,
                events=key,
            )
        )

    def _recreate(
        self,
        kind: Kind,
        key: str,
        seq: int,
        event_at: Callable[[int], EventRow | None] | None,
    ) -> dict[str, Any]:
        row = event_at(seq) if event_at is not None else None
        scratch = Replay(self.kinds, self.rules, full=True)
        if row is not None:
            scratch.apply(*row)
        entity = scratch.store.get(kind.name, key)
        if entity is None:
            # The event changed under us (or cannot be read): say so rather than guess.
            return dict.fromkeys(kind.fields, f"<event seq {seq} could not be re-read>")
        return entity

    def report(self) -> ReplayReport:
        people = self.registrations
        people.finish()
        return people.warned(
            ReplayReport(self.events, dict(self.rebuilt), self.differences, self.total)
        )
