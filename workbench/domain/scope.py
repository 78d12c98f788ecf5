"""What an audit export says it holds, so that a cut, padded or reordered file cannot pass.

A JSONL export starts with one scope line, `{"export": {...}}`: full or the filters used, how
many events follow, the first and last seq, and the hash of the last one, plus the trail's own
head when it was exported. `audit verify --file` reads it first and holds the file to it: a
full export must be seq 1..last with every link, a filtered one must have exactly `count`
events from `first_seq` to `last_seq` ending at `head`; either way a line removed, added or
moved fails. The scope line is not signed: it catches accidents and quiet cuts, while a noted
head (`audit head`) is what catches a rewrite of the whole file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.chain import GENESIS
from workbench.domain.plurals import plural
from workbench.domain.shown import shown

# The filters of an export after a head and nothing else (`audit export --after`): the trail
# from that head on, every link checked.
AFTER_FILTERS = frozenset({"after_seq", "after_head"})

SCOPE_KEY = "export"
FORMAT = "workbench-audit-jsonl"
VERSION = 1


@dataclass(frozen=True, slots=True)
class ExportScope:
    count: int
    first_seq: int | None
    last_seq: int | None
    head: str
    trail_count: int
    trail_head: str
    # The filters used (`claim`, `doc`, `actors`, `actions`, `since`, `until`, `after_seq`
    # and `after_head`); empty: full.
    filters: dict[str, Any] = field(default_factory=dict)
    # The trail's last seq when exported (not written: the rows are bounded by it).
    trail_seq: int = 0

    @classmethod
    def of_trail(
        cls,
        trail_seq: int,
        trail_head: str,
        trail_count: int,
        filters: dict[str, Any],
        window: Callable[[], tuple[int, int | None, int | None]],
        hash_at: Callable[[int], str],
    ) -> ExportScope:
        """The scope of an export of `filters` from a trail whose last event is `trail_seq`
        (`trail_head` its hash, `trail_count` its events): with no filter, the whole trail;
        else the events `window` reads (count, first and last seq, no later than `trail_seq`)
        and the hash at the last of them (`hash_at`), the genesis value with none. One
        assembly for the ORM's export (services.audit) and the driver's (services.events_after),
        whose scope lines must be byte for byte the same."""
        if not filters:
            first = 1 if trail_seq else None
            return cls(
                trail_count, first, trail_seq or None, trail_head, trail_count, trail_head,
                trail_seq=trail_seq,
            )  # fmt: skip
        count, first_seq, last_seq = window()
        head = GENESIS if last_seq is None else hash_at(last_seq)
        return cls(
            int(count), first_seq, last_seq, head, trail_count, trail_head,
            filters=filters, trail_seq=trail_seq,
        )  # fmt: skip

    @property
    def full(self) -> bool:
        return not self.filters

    def to_json(self) -> dict[str, Any]:
        return {
            SCOPE_KEY: {
                "format": FORMAT,
                "version": VERSION,
                "scope": "full" if self.full else "filtered",
                "filters": self.filters,
                "count": self.count,
                "first_seq": self.first_seq,
                "last_seq": self.last_seq,
                "head": self.head,
                "trail": {"count": self.trail_count, "head": self.trail_head},
            }
        }

    @classmethod
    def from_record(cls, record: Any) -> ExportScope | str:
        """The scope a parsed first line states, or what is wrong with it."""
        if not isinstance(record, dict) or not isinstance(record.get(SCOPE_KEY), dict):
            return (
                "the first line is not a scope line: an export from this workbench starts "
                'with {"export": ...} saying what it holds, without which a cut file cannot '
                "be told from a filtered one (export it again)"
            )
        s = record[SCOPE_KEY]
        if s.get("format") != FORMAT or s.get("version") != VERSION:
            return (
                f"unknown export format {shown(s.get('format'))} version {shown(s.get('version'))}"
            )
        trail = s.get("trail") if isinstance(s.get("trail"), dict) else {}
        ints = (s.get("count"), trail.get("count"))
        seqs = (s.get("first_seq"), s.get("last_seq"))
        filters = s.get("filters")
        if (
            not all(_is_int(v) for v in ints)
            or not all(v is None or _is_int(v) for v in seqs)
            or not isinstance(s.get("head"), str)
            or not isinstance(trail.get("head"), str)
            or not isinstance(filters, dict)
            or (s.get("scope") == "full") != (not filters)
        ):
            return "the scope line is malformed (count, seqs, head, filters)"
        return cls(
            count=s["count"],
            first_seq=s["first_seq"],
            last_seq=s["last_seq"],
            head=s["head"],
            trail_count=trail["count"],
            trail_head=trail["head"],
            filters=filters,
        )

    def mismatches(
        self,
        count: int,
        first_seq: int | None,
        last_seq: int | None,
        head: str,
        *,
        continued: str | None = None,
    ) -> list[str]:
        """How the events read differ from what the scope line promised. `continued`: the head
        an export after a head (and no other filter) continues, which runs to the trail's head
        as a full export does."""
        problems = []
        if count != self.count:
            problems.append(
                f"the file holds {plural(count, 'event')} but its scope line says {self.count}: "
                + ("lines were removed" if count < self.count else "lines were added")
            )
        if (first_seq, last_seq) != (self.first_seq, self.last_seq):
            problems.append(
                f"{_seqs(first_seq, last_seq, 'the events run ', 'the file holds no event')}, "
                f"the scope line says {_seqs(self.first_seq, self.last_seq, '', 'none')}"
            )
        if head != self.head:
            held = (
                f"the last event's hash {head[:12]}…"
                if first_seq is not None
                else "with no event, the file's head is the genesis value (64 zeros), which"
            )
            problems.append(f"{held} is not the head the scope line states ({self.head[:12]}…)")
        if self.full and (self.count, self.head) != (self.trail_count, self.trail_head):
            problems.append("a full export must end at the trail's head; the scope line disagrees")
        if continued is not None and (self.head if self.count else continued) != self.trail_head:
            problems.append(
                "an export after a head must run to the trail's head; the scope line disagrees"
            )
        if self.count == 0 and self.head != GENESIS:
            problems.append("an export of no events has the genesis value as its head")
        return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _seqs(first: int | None, last: int | None, lead: str, none: str) -> str:
    """A run of seqs as a report says it, or `none` when there is no event (trial185: it said
    `None..None`)."""
    return none if first is None or last is None else f"{lead}seq {first}..{last}"
