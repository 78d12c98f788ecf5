"""Names indexed by the keys `likeness` tells them by (workbench.domain.identity.likeness_keys),
so that the names that may be like one are found without comparing it with every other.

`audit verify` and `audit replay` hold each registration a trail records against every person
registered before it (workbench.domain.trail_people): compared pair by pair, a trail of 1,000
registrations took 13 s and one of 20,000 (forged, or a large organisation's) hours. Looked up
by key, each registration is compared only with the people who share a key with it.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict

from workbench.domain.identity import LikenessKeys, likeness_keys


class NameIndex:
    """Texts (normalised names and folded display names), each added with its owner (a
    person's name): `near` gives the owners of every text `likeness` may find alike."""

    def __init__(self) -> None:
        self._exact: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        # Names in Chinese characters by their every spelling in pinyin; those with too many
        # spellings by the keys the spellings start with, and the longest such key (a Latin
        # key is looked up by its starts up to that length).
        self._spelled: defaultdict[str, set[str]] = defaultdict(set)
        self._first_reading: defaultdict[str, set[str]] = defaultdict(set)
        self._longest = 0
        # The keys Latin names are read by, as a set and sorted (those a reading starts are
        # one range of them).
        self._latin: defaultdict[str, set[str]] = defaultdict(set)
        self._latin_sorted: list[tuple[str, str]] = []

    def add(self, text: str, owner: str) -> None:
        keys = likeness_keys(text)
        for key in keys.exact:
            self._exact[key].add(owner)
        for reading in keys.readings:
            if not keys.han:
                self._latin[reading].add(owner)
                insort(self._latin_sorted, (reading, owner))
            elif keys.spelled:
                self._spelled[reading].add(owner)
            else:
                self._first_reading[reading].add(owner)
                self._longest = max(self._longest, len(reading))

    def near(self, text: str) -> set[str]:
        """The owners of the texts that share a key with `text`: among them, every one whose
        text `likeness` finds like it (and maybe some it does not)."""
        keys = likeness_keys(text)
        found: set[str] = set()
        for key in keys.exact:
            found |= self._exact.get(key, set())
        for reading in keys.readings:
            found |= self._read_as(keys, reading)
        return found

    def _read_as(self, keys: LikenessKeys, reading: str) -> set[str]:
        """The owners of the texts in the other script that may read as `reading` does."""
        if not keys.han:
            found = set(self._spelled.get(reading, set()))
            for end in range(1, min(len(reading), self._longest) + 1):
                found |= self._first_reading.get(reading[:end], set())
            return found
        if keys.spelled:
            return set(self._latin.get(reading, set()))
        found = set()
        at = bisect_left(self._latin_sorted, (reading, ""))
        while at < len(self._latin_sorted) and self._latin_sorted[at][0].startswith(reading):
            found.add(self._latin_sorted[at][1])
            at += 1
        return found


def share_a_key(a: LikenessKeys, b: LikenessKeys) -> bool:
    """Whether `NameIndex.near` of one of two texts finds the other, for one pair by their
    keys: an exact key shared, or across scripts a spelling of the Chinese one that is the
    Latin one's reading or (too many spellings to index) begins it. The one-reviewer rule asks
    it before `likeness` (reviewers), each name's keys read once for every pair it is in."""
    if not a.exact.isdisjoint(b.exact):
        return True
    if a.han == b.han:
        return False
    latin, han = (b, a) if a.han else (a, b)
    if han.spelled:
        return not latin.readings.isdisjoint(han.readings)
    return any(reading.startswith(key) for reading in latin.readings for key in han.readings)
