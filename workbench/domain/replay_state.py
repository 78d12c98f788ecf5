"""Where replay keeps the state it rebuilds: the two interfaces, and their in-memory kind.

Replay (workbench/domain/replay.py) rebuilds two sorts of state from the events:

- `Store`: the entities that change (claims, documents, settings, users), whole, by kind and
  key, read and written back as each event applies, then taken out one table row at a time;
- `Prints`: the immutable, numerous ones (notes, evidence), one 64-bit fingerprint and the
  creating event's seq each, read back by id to be merged with their table.

`MemoryStore` and `Fingerprints` hold all of it in memory: fine for a small desk and for
re-reading one event, but it grows with the rows. workbench/services/replay_spill.py keeps the
same state in temporary files behind a bounded cache, which is what `audit replay` uses.

A field's rebuilt value is what the events say, or, where they bound it without saying it, a
`Between` (a claim's `updated_at` after a first-release status change).
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.domain.clock import format_at, read_at

# A timestamp in its event form (workbench.domain.clock.format_at): fixed width, so that two
# compare as text in the order of the moments they name.
MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


@dataclass(frozen=True, slots=True)
class Between:
    """A moment the events never recorded but bound: not before `earliest`, not after `latest`
    (both in event form). The value matches any moment in that span, which is all the trail can
    say of it; one outside it is a difference. Pickled with the rest of the state when it
    spills, like any field value."""

    earliest: str
    latest: str

    @classmethod
    def of(cls, earliest: Any, latest: Any, *, within: dt.timedelta) -> Between | None:
        """The span from `earliest` to `latest`, and no longer than `within`; None unless both
        ends are moments (a forged or damaged end bounds nothing)."""
        if isinstance(earliest, Between):
            # Only its own change's bound is known: the later change came after that one.
            earliest = earliest.latest
        if not isinstance(earliest, str) or not isinstance(latest, str):
            return None
        if MOMENT.fullmatch(earliest) is None or MOMENT.fullmatch(latest) is None:
            return None
        try:
            floor = format_at(read_at(latest) - within)
        except (ValueError, OverflowError):  # a month 13, a year 1 (forged): no floor then
            floor = earliest
        return cls(max(earliest, floor), latest)

    def holds(self, value: Any) -> bool:
        return (
            isinstance(value, str)
            and MOMENT.fullmatch(value) is not None
            and self.earliest <= value <= self.latest
        )

    def __repr__(self) -> str:
        return f"<not recorded: between {self.earliest} and {self.latest}>"


class Prints(Protocol):
    """Fingerprints of one immutable kind, added as the events create its entities."""

    def __len__(self) -> int: ...

    def add(self, entity_id: int, print_: int, seq: int) -> None: ...

    def by_id(self) -> Iterator[tuple[int, int, int]]:
        """(id, fingerprint, seq) by id, then seq (the order they were added in)."""
        ...


class Store(Protocol):
    """The entities that change, by kind and key.

    `get` hands out the entity itself: whoever changes it must `put` it back before the next
    call to the store (a store that spills may otherwise write out the old values)."""

    def get(self, kind: str, key: str) -> dict[str, Any] | None: ...

    def put(self, kind: str, key: str, entity: dict[str, Any]) -> None:
        """A new entity, or one that `get` returned, changed."""
        ...

    def pop(self, kind: str, key: str) -> dict[str, Any] | None:
        """The entity, forgotten (its table row has been found)."""
        ...

    def rest(self, kind: str) -> Iterator[str]:
        """The keys of `kind` not popped, in the order they were first put; then forgotten."""
        ...

    def prints(self, kind: str) -> Prints:
        """A new, empty list of fingerprints for an immutable kind."""
        ...


class Fingerprints:
    """The immutable entities of one kind, as three parallel arrays of 64-bit integers: id,
    fingerprint of the fields, seq of the creating event. A million notes take 24 MB this way,
    against some 150 MB as a dict of keys to values."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.prints = array("q")
        self.seqs = array("q")
        self._in_order = True

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, entity_id: int, print_: int, seq: int) -> None:
        if self.ids and entity_id < self.ids[-1]:
            self._in_order = False
        self.ids.append(entity_id)
        self.prints.append(print_)
        self.seqs.append(seq)

    def by_id(self) -> Iterator[tuple[int, int, int]]:
        """(id, fingerprint, seq) by id, then seq. Ids are usually created in order already."""
        ids, prints, seqs = self.ids, self.prints, self.seqs
        if self._in_order:
            yield from zip(ids, prints, seqs, strict=True)
            return
        # A stable sort on the id keeps events of one id in seq order.
        for i in sorted(range(len(ids)), key=ids.__getitem__):
            yield ids[i], prints[i], seqs[i]


class IdSet:
    """A set of integer ids (the claims that have evidence): a bitmap, one bit an id, for ids
    below `bitmap_ids`, and a plain set for any others. A database hands out ids from 1 up, so
    a million claims take 125 KB, where a set of them would take some 60 MB; an id far above
    (in events forged by hand) goes to the set, and cannot make the bitmap huge."""

    __slots__ = ("_bits", "_limit", "_others")

    def __init__(self, *, bitmap_ids: int = 1 << 26) -> None:  # at most 8 MB of bitmap
        self._bits = bytearray()
        self._limit = bitmap_ids
        self._others: set[int] = set()

    def add(self, n: int) -> None:
        if not 0 <= n < self._limit:
            self._others.add(n)
            return
        byte = n >> 3
        if byte >= len(self._bits):
            # Grown by doubling (ids mostly come in rising order), never past the limit.
            size = min(max(byte + 1, 2 * len(self._bits)), (self._limit + 7) >> 3)
            self._bits.extend(bytes(size - len(self._bits)))
        self._bits[byte] |= 1 << (n & 7)

    def __contains__(self, n: object) -> bool:
        if not isinstance(n, int):
            return False
        if not 0 <= n < self._limit:
            return n in self._others
        byte = n >> 3
        return byte < len(self._bits) and bool(self._bits[byte] >> (n & 7) & 1)


class IdValues:
    """Integer ids, each with a value (a note created: the claim it was created on), for the
    many entities replay holds only as a fingerprint: an array of 4 bytes an id for ids below
    `array_ids` whose value is a whole number from 1 to 2**31 - 1 (a database hands both out
    from 1 up: 4 MB a million notes), and a plain dict for any others (forged: a text, a huge
    id), which cannot make the array huge. 0 in the array is no entry."""

    __slots__ = ("_limit", "_others", "_values")

    def __init__(self, *, array_ids: int = 1 << 22) -> None:  # at most 16 MB of array
        self._values = array("i")
        self._limit = array_ids
        self._others: dict[int, Any] = {}

    def put(self, n: int, value: Any) -> None:
        small = type(value) is int and 0 < value < 1 << 31
        if not (0 <= n < self._limit and small):
            if 0 <= n < len(self._values):
                self._values[n] = 0
            self._others[n] = value
            return
        if n >= len(self._values):
            # Grown by doubling (ids mostly come in rising order), never past the limit.
            size = min(max(n + 1, 2 * len(self._values)), self._limit)
            self._values.frombytes(bytes(self._values.itemsize * (size - len(self._values))))
        self._values[n] = value
        self._others.pop(n, None)

    def get(self, n: int) -> tuple[bool, Any]:
        """Whether `n` was put, and its value (None when it was not)."""
        if n in self._others:
            return True, self._others[n]
        if 0 <= n < len(self._values) and self._values[n]:
            return True, self._values[n]
        return False, None


class LatestTexts:
    """Each document's latest revision as the events so far stored it: its number (IdValues, 4
    bytes a document) and its whole sha256 (32 bytes a document), so that a `document.checked`
    event can be held to the revision and text it names. The whole hash, not a print of it: a
    check an editor relies on is not let pass for another text once in 2**28 (rr306); at the
    large size's 5,000 documents the hashes take 160 KB (docs/audit-chain.md)."""

    __slots__ = ("_limit", "_numbers", "_others", "_sha256s")

    def __init__(self, *, array_ids: int = 1 << 19) -> None:  # at most 16 MB of hashes
        self._numbers = IdValues()
        # Hash i at [32 * i, 32 * i + 32); ids from `array_ids` up (forged) in a dict, which
        # cannot make the array huge. All zero is no hash (none matches it).
        self._sha256s = bytearray()
        self._limit = array_ids
        self._others: dict[int, bytes] = {}

    def put(self, document_id: Any, number: Any, sha256: Any) -> None:
        """Revision `number` of the document stored, with this hash (forged values skipped:
        the rules creating the document or revision say what is wrong with them)."""
        if type(document_id) is not int or type(number) is not int or number < 1:
            return
        known, latest = self._numbers.get(document_id)
        if known and latest >= number:
            return
        self._numbers.put(document_id, number)
        digest = sha256_bytes(sha256) or NO_SHA256
        if not 0 <= document_id < self._limit:
            self._others[document_id] = digest
            return
        at = SHA256_SIZE * document_id
        if at >= len(self._sha256s):
            # Grown by doubling (ids mostly come in rising order), never past the limit.
            size = min(max(at + SHA256_SIZE, 2 * len(self._sha256s)), SHA256_SIZE * self._limit)
            self._sha256s.extend(bytes(size - len(self._sha256s)))
        self._sha256s[at : at + SHA256_SIZE] = digest

    def get(self, document_id: int) -> tuple[int, bytes] | None:
        """The latest revision number stored of the document, and its sha256 (all zero: the
        event gave none that is one)."""
        known, number = self._numbers.get(document_id)
        if not known:
            return None
        if document_id in self._others:
            return number, self._others[document_id]
        at = SHA256_SIZE * document_id
        return number, bytes(self._sha256s[at : at + SHA256_SIZE])


SHA256_SIZE = 32
NO_SHA256 = bytes(SHA256_SIZE)


def sha256_bytes(sha256: Any) -> bytes | None:
    """A sha256 in hex (as events record it) as its 32 bytes; None for anything else."""
    if not isinstance(sha256, str) or re.fullmatch(r"[0-9a-f]{64}", sha256) is None:
        return None
    return bytes.fromhex(sha256)


class IdCombos:
    """For each id, one of a few distinct sets of values (a note's `changing` fields, such as
    {"internal": True}), held as an index into those seen (IdValues): a few bytes an id however
    many there are, where a dict of its own took some 240 (a desk writes many internal notes)."""

    __slots__ = ("_ids", "_index", "_seen")

    def __init__(self) -> None:
        self._ids = IdValues()
        self._seen: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def put(self, n: int, values: dict[str, Any]) -> None:
        key = repr(sorted(values.items()))  # repr: a forged value may be a list
        found = self._index.get(key)
        if found is None:
            self._seen.append(dict(values))
            found = self._index[key] = len(self._seen)
        self._ids.put(n, found)

    def get(self, n: int) -> dict[str, Any] | None:
        """A copy of the values put for `n` (None: none were)."""
        known, found = self._ids.get(n)
        return dict(self._seen[found - 1]) if known else None


class MemoryStore:
    """Everything in dicts: a dict keeps the order its keys were first put in."""

    def __init__(self) -> None:
        self._kinds: dict[str, dict[str, dict[str, Any]]] = {}

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        return self._kinds.get(kind, {}).get(key)

    def put(self, kind: str, key: str, entity: dict[str, Any]) -> None:
        self._kinds.setdefault(kind, {})[key] = entity

    def pop(self, kind: str, key: str) -> dict[str, Any] | None:
        return self._kinds.get(kind, {}).pop(key, None)

    def rest(self, kind: str) -> Iterator[str]:
        yield from self._kinds.pop(kind, {})

    def prints(self, kind: str) -> Prints:
        return Fingerprints()
