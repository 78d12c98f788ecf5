"""Replay's rebuilt state kept on disk behind a bounded cache, so its memory does not grow with
the number of claims, notes or events (issue 13).

- Entities that change (claims above all): the most recently used `cache` of them stay in memory
  as dicts; older ones are pickled into a private SQLite file (stdlib sqlite3, not the user's
  database), written only when they changed since they were last read from it. Events about a
  claim usually come close together, so few are read back before the comparison; there, each
  table row takes its entity out (from the cache or the file) and what is left is missing.
- Fingerprints of immutable entities (notes, evidence): `run` of them are buffered, then written
  out sorted by id as a run of 64-bit integers; reading back by id chains the runs when the ids
  came in order (the usual case), and merges them when they did not.

Everything lives in a directory the caller owns (a temporary one, removed after).
"""

from __future__ import annotations

import heapq
import pickle
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from workbench.domain.kinds import Kind
from workbench.domain.replay_state import Prints
from workbench.domain.text import whole_number

# Entities held in memory (a claim is about 3 KB as a dict): some 12 MB. The generated year desk
# replays as fast with 16 (its claims' events come close together); a desk whose events jump
# between many claims misses more, each miss costing a read and a write of the file.
CACHE = 4096
# Fingerprints buffered per kind before a run is written (24 bytes each).
RUN = 1 << 17
# SQLite's page cache for the state file, in KB.
PAGE_CACHE_KB = 8192
# Deletions (rows found during the comparison) are written this many at a time.
DELETE_BATCH = 1000
# Entries read back from a run at a time.
READ_BLOCK = 1 << 13

_SCHEMA = (
    # born: the order the entity was first put, as the rowid, so `rest` reads in that order.
    "CREATE TABLE entity (born INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL, "
    "value BLOB NOT NULL)",
    "CREATE UNIQUE INDEX entity_key ON entity (kind, key)",
)

# A cached entity: [the dict, born, changed since last written, has a row in the file]
_Entry = list[Any]


class SpillStore:
    """A `Store` (workbench/domain/replay_state.py) in `directory`; `close` it when done."""

    def __init__(
        self, kinds: Mapping[str, Kind], directory: Path, *, cache: int = CACHE, run: int = RUN
    ) -> None:
        if cache < 1 or run < 1:
            raise ValueError("the cache and the runs hold at least one entry")
        self._fields = {name: kind.fields for name, kind in kinds.items()}
        # An entity is stored as the tuple of its values in its kind's field order.
        self._values = {name: itemgetter(*kind.fields) for name, kind in kinds.items()}
        self._directory = directory
        self._limit = cache
        self._run = run
        # Nothing here needs to survive a crash: no journal, no syncing.
        self._db = sqlite3.connect(directory / "replay-state.sqlite", isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        # SQLite's own page cache for this file, bounded like the rest (the default is 2 MB).
        self._db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KB}")
        for statement in _SCHEMA:
            self._db.execute(statement)
        self._db.execute("BEGIN")
        self._cache: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._born = 0
        # The highest numeric key put per kind: a higher one (a new claim) is not in the file.
        self._high: dict[str, int] = {}
        # Popped entities whose rows are still in the file, by (kind, key): born.
        self._gone: dict[tuple[str, str], int] = {}
        self._runs = 0

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SpillStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the Store interface

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        slot = (kind, key)
        entry = self._cache.get(slot)
        if entry is not None:
            self._cache.move_to_end(slot)
            return entry[0]  # type: ignore[no-any-return]
        found = self._read(slot)
        if found is None:
            return None
        born, entity = found
        self._hold(slot, [entity, born, False, True])
        return entity

    def put(self, kind: str, key: str, entity: dict[str, Any]) -> None:
        slot = (kind, key)
        entry = self._cache.get(slot)
        if entry is not None:
            entry[0] = entity
            entry[2] = True
            self._cache.move_to_end(slot)
            return
        number = whole_number(key)
        if number is None or number <= self._high.get(kind, -1):
            # Not cached, but perhaps in the file: a caller that held on to an entity past
            # other calls (see Store), or a key that is not a growing number.
            found = self._read(slot)
            if found is not None:
                self._hold(slot, [entity, found[0], True, True])
                return
        if number is not None:
            self._high[kind] = max(self._high.get(kind, -1), number)
        self._born += 1
        self._hold(slot, [entity, self._born, True, False])

    def pop(self, kind: str, key: str) -> dict[str, Any] | None:
        slot = (kind, key)
        entry = self._cache.pop(slot, None)
        if entry is not None:
            if entry[3]:
                self._forget(slot, entry[1])
            return entry[0]  # type: ignore[no-any-return]
        found = self._read(slot)
        if found is None:
            return None
        born, entity = found
        self._forget(slot, born)
        return entity

    def rest(self, kind: str) -> Iterator[str]:
        self._flush_deletes()
        cached = sorted((e[1], slot[1]) for slot, e in self._cache.items() if slot[0] == kind)
        held = {key for _, key in cached}
        stored = (
            (born, key)
            for born, key in self._db.execute(
                "SELECT born, key FROM entity WHERE kind = ? ORDER BY born", (kind,)
            )
            if key not in held
        )
        for _, key in heapq.merge(cached, stored):
            yield key
        for _, key in cached:
            del self._cache[(kind, key)]
        self._db.execute("DELETE FROM entity WHERE kind = ?", (kind,))

    def prints(self, kind: str) -> Prints:
        self._runs += 1
        return SpilledPrints(self._directory / f"prints-{self._runs}", self._run)

    # -- the file behind the cache

    def _may_hold(self, kind: str, key: str) -> bool:
        number = whole_number(key)
        return number is None or number <= self._high.get(kind, -1)

    def _read(self, slot: tuple[str, str]) -> tuple[int, dict[str, Any]] | None:
        if slot in self._gone or not self._may_hold(*slot):
            return None
        row = self._db.execute(
            "SELECT born, value FROM entity WHERE kind = ? AND key = ?", slot
        ).fetchone()
        if row is None:
            return None
        # Only what this object pickled itself is read back: the file is private to replay.
        return row[0], dict(zip(self._fields[slot[0]], pickle.loads(row[1]), strict=True))

    def _hold(self, slot: tuple[str, str], entry: _Entry) -> None:
        self._cache[slot] = entry
        if len(self._cache) > self._limit:
            self._evict(max(1, self._limit // 8))

    def _evict(self, count: int) -> None:
        """Drop the `count` least recently used; write out those that changed."""
        if self._gone:
            # A key popped and put again must lose its old row before the new one goes in.
            self._flush_deletes()
        new, changed = [], []
        for _ in range(count):
            (kind, key), (entity, born, dirty, stored) = self._cache.popitem(last=False)
            if not dirty:
                continue
            value = pickle.dumps(self._values[kind](entity), pickle.HIGHEST_PROTOCOL)
            if stored:
                changed.append((value, born))
            else:
                new.append((born, kind, key, value))
        self._db.executemany("UPDATE entity SET value = ? WHERE born = ?", changed)
        self._db.executemany("INSERT INTO entity (born, kind, key, value) VALUES (?, ?, ?, ?)", new)

    def _forget(self, slot: tuple[str, str], born: int) -> None:
        self._gone[slot] = born
        if len(self._gone) >= DELETE_BATCH:
            self._flush_deletes()

    def _flush_deletes(self) -> None:
        self._db.executemany(
            "DELETE FROM entity WHERE born = ?", [(born,) for born in self._gone.values()]
        )
        self._gone.clear()


class SpilledPrints:
    """`Prints` written out in sorted runs of (id, fingerprint, seq) triples, `run` at a time,
    into files named `stem`-N."""

    def __init__(self, stem: Path, run: int) -> None:
        self._stem = stem
        self._limit = run
        self._ids, self._prints, self._seqs = array("q"), array("q"), array("q")
        self._runs: list[Path] = []
        self._count = 0
        self._last = -(1 << 63)  # the last id added
        self._in_order = True  # all ids so far, across runs
        self._run_in_order = True  # the ids buffered now

    def __len__(self) -> int:
        return self._count

    def add(self, entity_id: int, print_: int, seq: int) -> None:
        if entity_id < self._last:
            self._in_order = False
            if self._ids:
                self._run_in_order = False
        self._last = entity_id
        self._ids.append(entity_id)
        self._prints.append(print_)
        self._seqs.append(seq)
        self._count += 1
        if len(self._ids) >= self._limit:
            self._spill()

    def by_id(self) -> Iterator[tuple[int, int, int]]:
        if self._ids:
            self._spill()
        runs = [_read_run(path) for path in self._runs]
        if self._in_order:
            yield from chain.from_iterable(runs)
            return
        # Ties on the id come out in the order of the runs, which is the order of the seqs.
        yield from heapq.merge(*runs, key=itemgetter(0))

    def _spill(self) -> None:
        ids, prints, seqs = self._ids, self._prints, self._seqs
        if not self._run_in_order:
            # A stable sort on the id keeps one id's entries in seq order.
            order = sorted(range(len(ids)), key=ids.__getitem__)
            ids, prints, seqs = (array("q", map(c.__getitem__, order)) for c in (ids, prints, seqs))
        # One array of triples, interleaved by slice assignment (no loop in Python).
        triples = array("q", bytes(3 * len(ids) * ids.itemsize))
        triples[0::3], triples[1::3], triples[2::3] = ids, prints, seqs
        path = self._stem.with_name(f"{self._stem.name}-{len(self._runs)}")
        with path.open("wb") as out:
            triples.tofile(out)
        self._runs.append(path)
        self._ids, self._prints, self._seqs = array("q"), array("q"), array("q")
        self._run_in_order = True


def _read_run(path: Path) -> Iterator[tuple[int, int, int]]:
    with path.open("rb") as run:
        while block := _block(run):
            yield from zip(block[0::3], block[1::3], block[2::3], strict=True)


def _block(run: BinaryIO) -> array[int]:
    block = array("q")
    block.frombytes(run.read(READ_BLOCK * 3 * block.itemsize))
    return block
