"""Walking a hash chain and saying where it breaks (no I/O: the caller feeds the events).

The same walk serves the database and an exported file. What differs is the source of the
recomputed hash, and whether gaps in `seq` are breaks (the database, a full export) or links
that simply cannot be checked (a filtered export).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from workbench.domain.chain import GENESIS
from workbench.domain.clock import behind, is_stamp
from workbench.domain.plurals import plural
from workbench.domain.scope import AFTER_FILTERS
from workbench.domain.trail_people import PeopleWarnings

# How many unchecked links a report names one by one; beyond that it only counts them.
GAPS_NAMED = 10
# How many steps back of the clock a report names; beyond that it only counts them.
CLOCK_STEPS_NAMED = 5
# The most of an odd stamp kept and said (OddStamp): a stamp is 27 characters, while an exported
# line's `at` may be anything up to the line's 256 MiB, and five were kept whole (rrbundle).
ODD_STAMP_KEPT = 64


@dataclass(frozen=True, slots=True)
class Break:
    """The first event that does not hold, and everything wrong with it."""

    seq: int | None
    problems: tuple[str, ...]
    # A trail that must be whole, broken by a seq past the next one: the seq that belonged
    # here; and, in a file, the line further down that holds it (the events were moved, not
    # deleted). `expected_line` None: it is nowhere after the break.
    expected: int | None = None
    expected_line: int | None = None

    def message(self) -> str:
        where = f"seq {self.seq}: " if self.seq is not None else ""
        return where + "; ".join(self.problems)


@dataclass(frozen=True, slots=True)
class RuleBreak:
    """An event of a full export that records a move the workflow refuses, in the words `audit
    replay` uses (workbench.domain.replay): the chain holding says nothing of it, as a trail
    rewritten with its hashes recomputed holds too."""

    seq: int | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "message": self.message}


@dataclass(frozen=True, slots=True)
class ClockStep:
    """An event stamped before the event before it (by seq), by more than CLOCK_TOLERANCE: the
    clock that wrote it was behind, or the one that wrote the event before was ahead."""

    seq: int
    at: str
    previous_seq: int
    previous_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "previous_seq": self.previous_seq,
            "previous_at": self.previous_at,
        }


@dataclass(frozen=True, slots=True)
class OddStamp:
    """An event whose `at` is not in the form every workbench writes (`clock.format_at`): the
    clock check skips it and a window by time sets it by its text. `at` is cut to
    ODD_STAMP_KEPT characters, its last "…", when longer."""

    seq: int
    at: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at}


@dataclass
class ClockSteps:
    """Fed every event's seq and `at` in the walk's order: the steps back it holds (the first
    CLOCK_STEPS_NAMED, and how many). Each event is set against the one before it, not the
    latest stamp so far: one command at 2099 is one step (at the event after it), not one for
    every honest event after it. Bounded memory: the last stamp and the steps named."""

    named: list[ClockStep] = field(default_factory=list)
    count: int = 0
    # Stamps in another form than `format_at`'s (OddStamp): the first CLOCK_STEPS_NAMED, and
    # how many. A restored bundle or an exported file may hold one; no workbench wrote it.
    odd: list[OddStamp] = field(default_factory=list)
    odd_count: int = 0
    _last: tuple[int, str] | None = None

    def feed(self, seq: int, at: object) -> None:
        if not isinstance(at, str):
            # (an exported line's `at` of another type: the chain check names that)
            self._last = None
            return
        if not is_stamp(at):
            self.odd_count += 1
            if len(self.odd) < CLOCK_STEPS_NAMED:
                kept = at if len(at) <= ODD_STAMP_KEPT else at[: ODD_STAMP_KEPT - 1] + "…"
                self.odd.append(OddStamp(seq, kept))
        last = self._last
        self._last = (seq, at)
        if last is not None and behind(at, last[1]):
            self.count += 1
            if len(self.named) < CLOCK_STEPS_NAMED:
                self.named.append(ClockStep(seq, at, last[0], last[1]))


# Also (`PeopleWarnings`) the trail's people warned of, up to any break: not a break (`ok`
# stays), as the trail does not say which rule was in force. Of a filtered export, none is
# checked.
@dataclass(frozen=True, slots=True)
class ChainReport(PeopleWarnings):
    count: int
    first_seq: int | None
    last_seq: int | None
    head: str
    broken: Break | None
    # In a filtered export: events whose predecessor in the file is not their predecessor in
    # the trail, so the link into them could not be checked (the first GAPS_NAMED of them).
    unlinked: tuple[int, ...] = ()
    gap_count: int = 0
    noted_head_seq: int | None = None
    # An exported file's filters, from its scope line (empty: a full export or the database).
    filters: dict[str, Any] = field(default_factory=dict)
    # An exported file that holds no event (its filters matched none, or the trail was empty):
    # intact, but nothing in it was checked, so it does not verify (`head` is then only the
    # genesis value, the head of no chain).
    empty: bool = False
    # The noted head and count given do not go together (the head is the hash of another
    # event than the count names) while the trail itself holds: what to check, not a break.
    mismatch: str | None = None
    # Whether the events were held to the workflow's rules, as replay holds them: True for a
    # full export (it holds every event from seq 1, all the rules need), False for a filtered
    # one (the events before and between its own are not in it), None for the database (there
    # `audit replay` checks them, with the tables).
    rules_checked: bool | None = None
    # The first events found breaking them (DIFFERENCES_KEPT at most), and how many in all.
    rule_breaks: tuple[RuleBreak, ...] = ()
    rule_break_count: int = 0
    # An export after a head (`audit export --after`) whose first event is the one after it:
    # the seq of that head, to which the first event's link was checked. None otherwise.
    continues_seq: int | None = None
    # Events stamped before the event before them (ClockSteps): not a break, since the trail's
    # order is seq's, but a window by time (`audit export --since`) hides them.
    clock_steps: tuple[ClockStep, ...] = ()
    clock_step_count: int = 0
    # Events stamped in another form than the documented one (OddStamp): not a break either
    # (`at` is hashed as text, and the chain holds), but no workbench wrote such a stamp.
    odd_stamps: tuple[OddStamp, ...] = ()
    odd_stamp_count: int = 0

    @property
    def ok(self) -> bool:
        return (
            self.broken is None
            and not self.empty
            and self.mismatch is None
            and self.rule_break_count == 0
        )

    @property
    def complete(self) -> bool:
        """From the genesis to the last event, every link checked. A trail broken before any
        event held is not (its first_seq is None, as an empty trail's is)."""
        if self.count == 0:
            return self.broken is None
        return self.gap_count == 0 and self.first_seq == 1

    @property
    def after_only(self) -> bool:
        """An exported file after a head and filtered no other way (`audit export --after`)."""
        return set(self.filters) == AFTER_FILTERS

    @property
    def linked(self) -> bool:
        """Every link checked: from the genesis, or from the head an export continues."""
        return self.complete or (self.gap_count == 0 and self.continues_seq is not None)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "count": self.count,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            # No event held: an empty database's head is the genesis value, as `audit head`
            # says; a file's, or a trail broken at its first event, has none.
            "head": None
            if self.count == 0 and (self.empty or self.broken is not None)
            else self.head,
            "empty": self.empty,
            "complete": self.complete,
            "unchecked_links": self.gap_count,
            "unlinked_seqs": list(self.unlinked),
            "noted_head_seq": self.noted_head_seq,
            "continues_seq": self.continues_seq,
            "filters": self.filters,
            "mismatch": self.mismatch,
            "rules_checked": self.rules_checked,
            "rule_breaks": [b.to_json() for b in self.rule_breaks],
            "rule_break_count": self.rule_break_count,
            "clock_steps": self.clock_step_count,
            "clock_steps_first": [s.to_json() for s in self.clock_steps],
            "odd_stamps": self.odd_stamp_count,
            "odd_stamps_first": [s.to_json() for s in self.odd_stamps],
            **self.people_json(),
            "break": None
            if self.broken is None
            else {
                "seq": self.broken.seq,
                "problems": list(self.broken.problems),
                "expected_seq": self.broken.expected,
                "expected_seq_line": self.broken.expected_line,
            },
        }


@dataclass
class ChainWalk:
    """Feed events in the order they are stored; stop at the first break.

    `contiguous` says the events must be the whole trail (seq 1, 2, 3... and the first one
    pointing at GENESIS): a gap is then a deleted event. Without it, each event is checked on
    its own and the link to the previous one only when their seqs are consecutive.

    `noted_head` / `noted_count` are a head written down earlier (`workbench audit head`): the
    trail must still pass through that hash, at that seq when both are given. Only this can
    show that events were removed from the end, since what remains is a valid chain.

    `start` is the event an export after a head continues (its seq and hash, from the scope
    line): the first event fed, when it is the next seq, must link to it, as every later one
    links to the one before. A noted head that is `start`'s is found there. `also_filtered`:
    the export's other filters (its scope line's keys), which leave events since `start` out:
    such a file cannot confirm the noted head `start` is, so it is a mismatch, not "intact".
    """

    contiguous: bool = True
    noted_head: str | None = None
    noted_count: int | None = None
    # How many unchecked links to name one by one (None: all of them, for a file's report).
    gaps_named: int | None = GAPS_NAMED
    start: tuple[int, str] | None = None
    also_filtered: tuple[str, ...] = ()
    count: int = 0
    broken: Break | None = None
    _first: int | None = None
    _last: tuple[int, str] | None = None
    _gaps: list[int] = field(default_factory=list)
    _gap_count: int = 0
    _noted_at: int | None = None
    _mismatch: str | None = None
    # Fed by the caller, each event that holds: its stamp against the one before it.
    clock: ClockSteps = field(default_factory=ClockSteps)

    def __post_init__(self) -> None:
        if self.noted_head == GENESIS:
            # The head of an empty trail: every trail passes through it, at seq 0.
            self._noted_at = 0

    def feed(
        self, seq: int, prev_hash: str, stored_hash: str, computed_hash: str, *extra: str
    ) -> bool:
        """Check one event; `extra` are problems the caller already found with it.

        Returns False once the chain is broken: the caller stops reading.
        """
        last = self._last
        if (
            not extra
            and computed_hash == stored_hash
            and last is not None
            and seq == last[0] + 1
            and prev_hash == last[1]
        ):
            # The event that holds, as nearly all do: just move on (a million times per trail).
            if stored_hash == self.noted_head:
                self._noted_at = seq
            self._last = (seq, stored_hash)
            self.count += 1
            return True
        problems = list(extra)
        expected: int | None = None
        if computed_hash != stored_hash:
            problems.append(
                f"stored hash {stored_hash[:12]}… does not match its contents (recomputed "
                f"{computed_hash[:12]}…): the event was altered after it was written"
            )
        if last is None and self.start is not None:
            self._first = seq
            self._first_after(seq, prev_hash, problems)
            if problems and self.contiguous and seq > self.start[0] + 1:
                expected = self.start[0] + 1
        elif last is None:
            self._first = seq
            if seq == 1:
                if prev_hash != GENESIS:
                    problems.append("the first event's prev_hash is not the genesis value")
            elif self.contiguous:
                expected = 1
                missing = "seq 1 is" if seq == 2 else f"seqs 1..{seq - 1} are"
                problems.append(f"the trail starts at seq {seq}: {missing} missing (deleted?)")
            else:
                self._gap(seq)
        elif seq == last[0]:
            problems.append("comes twice in a row: an event is duplicated")
        elif seq < last[0]:
            # A whole trail has had every seq up to the last once: this one is a second copy.
            # In a filtered one the seqs between are not all there: a move or a copy.
            problems.append(
                f"comes after seq {last[0]} and came before it: an event is duplicated"
                if self.contiguous
                else f"comes after seq {last[0]}: events are out of order or duplicated"
            )
        elif seq != last[0] + 1:
            if self.contiguous:
                expected = last[0] + 1
                missing = (
                    f"seq {last[0] + 1} is"
                    if seq == last[0] + 2
                    else (f"seqs {last[0] + 1}..{seq - 1} are")
                )
                problems.append(f"follows seq {last[0]}: {missing} missing (deleted?)")
            else:
                self._gap(seq)
        elif prev_hash != last[1]:
            problems.append(
                f"prev_hash {prev_hash[:12]}… is not the hash of seq {last[0]} "
                f"({last[1][:12]}…): an event before it was inserted, removed or replaced"
            )
        if problems:
            self.broken = Break(seq, tuple(problems), expected)
            return False
        if self.noted_head is not None and stored_hash == self.noted_head:
            self._noted_at = seq
        self._last = (seq, stored_hash)
        self.count += 1
        return True

    def _first_after(self, seq: int, prev_hash: str, problems: list[str]) -> None:
        """The first event of an export after the head `start`: the next seq, linked to it."""
        assert self.start is not None
        after, head = self.start
        if seq == after + 1 == 1 and prev_hash != GENESIS:
            # Seq 1 links to the genesis value whatever head a scope line names for seq 0:
            # no trail holds another there (and no export is "after seq 0": that is the full).
            problems.append("the first event's prev_hash is not the genesis value")
        elif seq == after + 1:
            if prev_hash != head:
                problems.append(
                    f"prev_hash {prev_hash[:12]}… is not the hash of seq {after} ({head[:12]}…), "
                    "the head the export continues: the events are not those after it"
                )
            elif head == self.noted_head:
                # Found where a linked event names it, not merely where the scope line says.
                self._noted_at = after
        elif seq <= after:
            pass  # the caller's filter check says so (an event the export cannot hold)
        elif self.contiguous:
            missing = (
                f"seq {after + 1} is" if seq == after + 2 else f"seqs {after + 1}..{seq - 1} are"
            )
            problems.append(
                f"the export continues seq {after} but starts at seq {seq}: {missing} missing "
                "(deleted?)"
            )
        else:
            self._gap(seq)

    def found_later(self, line: int, expected_line: int) -> None:
        """The seq the walk broke for want of (`broken.expected`) is further on: at
        `expected_line` of the file, the break at `line`. The events were reordered, not
        deleted; only a file can say so, by reading on past the break."""
        broken = self.broken
        assert broken is not None and broken.expected is not None
        expected = broken.expected
        moved = (
            f"at line {line}, where seq {expected} belongs; seq {expected} is at line "
            f"{expected_line}: the events are out of order (moved, not deleted)"
        )
        # The missing seq is the last problem feed() found: the order is checked last.
        self.broken = replace(
            broken, problems=(*broken.problems[:-1], moved), expected_line=expected_line
        )

    def fail(self, seq: int | None, problem: str) -> None:
        """A problem found outside the chain itself (an unreadable line, say)."""
        self.broken = Break(seq, (problem,))

    def _gap(self, seq: int) -> None:
        self._gap_count += 1
        if self.gaps_named is None or len(self._gaps) < self.gaps_named:
            self._gaps.append(seq)

    def finish(self) -> ChainReport:
        if self.broken is None:
            self._check_noted()
        last = self._last
        return ChainReport(
            count=self.count,
            # The first event that held, as count, last_seq and head say those that held: a
            # trail broken at its first event has none (trial185: "first_seq": 1, "count": 0).
            first_seq=self._first if self.count else None,
            last_seq=last[0] if last else None,
            head=last[1] if last else GENESIS,
            broken=self.broken,
            unlinked=tuple(self._gaps),
            gap_count=self._gap_count,
            noted_head_seq=self._noted_at,
            mismatch=self._mismatch,
            continues_seq=(
                self.start[0]
                if self.start is not None and self._first == self.start[0] + 1
                else None
            ),
            clock_steps=tuple(self.clock.named),
            clock_step_count=self.clock.count,
            odd_stamps=tuple(self.clock.odd),
            odd_stamp_count=self.clock.odd_count,
        )

    def _check_noted(self) -> None:
        last_seq = self._last[0] if self._last else 0
        count, head, at = self.noted_count, self.noted_head, self._noted_at
        if self._last is None and self.start is not None:
            # An export after a head that holds no event (a week with nothing written): the
            # trail reached the head it continues, as its scope line says, not seq 0. Held to
            # an empty trail, the head and count noted at the last sign-off read as every
            # event removed. Nothing links to that head, so the file proves nothing (its
            # report says so); a count other than its seq is still a mismatch of the two.
            last_seq = self.start[0]
            if head == self.start[1]:
                at = self.start[0]
        if head is not None and count is not None and at is not None and at != count:
            # An event's hash covers its seq, and every link up to it holds: the event found
            # is the one noted, where it was written. The head and count given are not of one
            # moment, so neither can say what is missing (a trial was told "BROKEN ... the
            # trail was renumbered" for a count mistyped by one).
            event = f"event {at}" if at else "no event (the head of an empty trail)"
            fewer = f"; the trail holds {plural(last_seq, 'event')}" if last_seq < count else ""
            self._mismatch = (
                f"the head given is the hash of {event}, not {count}: check --count{fewer}"
            )
        elif count is not None and last_seq < count:
            missing = (
                f"seq {count} is" if last_seq + 1 == count else f"seqs {last_seq + 1}..{count} are"
            )
            self.broken = Break(
                last_seq + 1,
                (
                    f"the trail ends at seq {last_seq} but {plural(count, 'event')} "
                    f"{'was' if count == 1 else 'were'} noted: "
                    f"{missing} missing (removed from the end?)",
                ),
            )
        elif (
            self.also_filtered
            and self.start is not None
            and head == self.start[1]
            and self._noted_at == self.start[0]
        ):
            # Its first event links to the noted head, but later events since it may have been
            # left out by the other filters, or dropped from the file with the scope line made
            # to agree (a filter that selects everything, `since` 1970, is still a filter):
            # "intact since" is for the whole trail since, which only --after alone exports.
            self._mismatch = (
                f"the noted head is seq {self.start[0]}'s, which the export continues, but the "
                f"export has other filters too ({', '.join(self.also_filtered)}): it need not "
                "hold every event since, so it cannot show that none was removed (export "
                "with --after alone to check it)"
            )
        elif (
            head is not None and self._noted_at is None and self.start is not None
        ) and head == self.start[1]:
            if self._first is None:
                return  # no event at all: the file proves nothing, which its report says
            # The head the scope line says the export continues, but the first event is not
            # the next seq (a filtered export): nothing in the file links to it.
            self._mismatch = (
                f"the noted head is seq {self.start[0]}'s, which the export continues, but its "
                f"first event is seq {self._first}: its link to the head cannot be checked "
                "(export with --after alone to check it)"
            )
        elif head is not None and self._noted_at is None and self.start is not None:
            after = self.start[0]
            self.broken = Break(
                None,
                (
                    f"the noted head {head[:12]}… is neither the head the export continues (seq "
                    f"{after}) nor the hash of one of its events: a head noted before seq "
                    f"{after} cannot be checked from this file (verify it against the "
                    "database, or export after it)",
                ),
            )
        elif head is not None and self._noted_at is None:
            where = (
                f"seq {count}" if count is not None else f"any of the {plural(last_seq, 'event')}"
            )
            self.broken = Break(
                count,
                (
                    f"the noted head {head[:12]}… is not the hash of {where}: events up to it "
                    "were removed or rewritten",
                ),
            )
