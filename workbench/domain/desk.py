"""Desk bookkeeping vocabulary: priorities, evidence stances, list orders, tags and when a claim
is overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from workbench.domain.cjk import is_han
from workbench.domain.clock import latest_today, parse_date
from workbench.domain.errors import InvalidInput
from workbench.domain.status import OPEN_STATUSES, parse_name


class Priority(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


PRIORITY_NAMES: tuple[str, ...] = tuple(p.value for p in Priority)
PRIORITY_RANK = {Priority.HIGH.value: 0, Priority.NORMAL.value: 1, Priority.LOW.value: 2}
# The three priorities as a Chinese desk says them, taken as input (a sheet's cells, `claim
# priority 1 高`, `claim list --priority 高`) and stored as the English word, which every output
# and export keeps: one word each, one to one (中, the middle one, is normal). Nothing else is
# read into them (中等, 普通, 最高: refused, as any unknown word is).
PRIORITY_WORDS: dict[str, Priority] = {
    "高": Priority.HIGH,
    "中": Priority.NORMAL,
    "低": Priority.LOW,
}

STANCES: tuple[str, ...] = ("supports", "refutes", "context")
# The kinds of evidence item (the evidence table's check constraint names the same).
EVIDENCE_KINDS: tuple[str, ...] = ("url", "file", "citation")
# How `claim list` can order its rows (created: oldest first, for the stats board).
SORTS: tuple[str, ...] = ("id", "updated", "priority", "due", "created")


def is_overdue(due: dt.date | None, status: str, today: dt.date) -> bool:
    """Past its due date and still to be checked: due before `today` (clock.today, the date in
    UTC) and in an open status (OPEN_STATUSES); a claim with a verdict is overdue no longer.
    `claim list --overdue` and the stats board ask it in SQL (queries.overdue_where), from the
    same statuses and the same today."""
    return due is not None and due < today and status in OPEN_STATUSES


# The days a due date may fall on: from EARLIEST_DUE to DUE_YEARS_AHEAD years after today.
# A desk's deadlines lie within weeks; a date outside is a typo of the year (a trial's
# `claim due 6 1900-01-01` and `9999-12-31` were taken, and 1900 made the claim overdue).
EARLIEST_DUE = dt.date(2000, 1, 1)
DUE_YEARS_AHEAD = 10


def latest_due(today: dt.date) -> dt.date:
    """The last day a due date set on `today` may fall on: DUE_YEARS_AHEAD years on (29
    February ten years on being the 28th)."""
    year = today.year + DUE_YEARS_AHEAD
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def due_date(value: str, what: str = "due date") -> dt.date:
    """A due date as given (any form `clock.parse_date` reads), within the days a deadline may
    fall on (EARLIEST_DUE to `latest_due` of today where it is latest): InvalidInput else.
    Dates stored before the rule (read back, replayed) are not judged again."""
    day = parse_date(value, what)
    last = latest_due(latest_today())
    if not EARLIEST_DUE <= day <= last:
        named = f"{what} " if what else ""
        raise InvalidInput(
            f"{named}{day} is not a likely deadline: a due date falls between "
            f"{EARLIEST_DUE} and {last} ({DUE_YEARS_AHEAD} years from today)"
        )
    return day


# The separator between a claim's tags in the CSV export: no tag may hold it.
TAG_SEPARATOR = ";"


def normalise_tag(tag: str) -> str:
    """A tag as it is stored and compared: folded as a person's name is (identity.fold: NFKC,
    so full-width `ｍｏｎｅｙ` is `money`; case-folded, so `Money` is `money`; spaces trimmed
    and runs of them made one). Tags are labels, stored folded, so `claim list --tag` finds a
    tag however it was typed. `speaker:organization` is stored as `speaker:organisation`
    (speaker_kind.one_spelling)."""
    from workbench.domain.identity import fold
    from workbench.domain.limits import MAX_TAG, check_text
    from workbench.domain.speaker_kind import one_spelling

    cleaned = fold(check_text(tag, "a tag", 1000, one_line=True))
    if not cleaned:
        raise InvalidInput("empty tag: a tag needs at least one visible character")
    if TAG_SEPARATOR in cleaned or "," in cleaned:
        raise InvalidInput(
            f"tag {cleaned!r} holds {TAG_SEPARATOR!r} or ',', which separate tags in exports"
        )
    if len(cleaned) > MAX_TAG:
        raise InvalidInput(f"tag {cleaned[:20]!r}... is longer than {MAX_TAG} characters")
    return one_spelling(cleaned)


def check_stored_tag(tag: str) -> None:
    """A stored tag (a restored bundle's, services.bundle) holds no character normalise_tag
    refuses (check_characters, one line: a control character, a line or paragraph separator,
    bytes that were no UTF-8), which `claim tag` has refused since before any release wrote a
    bundle: a bundle edited by hand, its events made to match, restored an ESC sequence in a
    tag, which every list of the claim's tags then carried (restore2). The rest of new_tag's
    rules (no space, not digits alone, no mixed scripts, no invisible character) came later
    than tags stored before them, kept by `db upgrade`: such a tag restores as stored."""
    from workbench.domain.limits import check_characters

    check_characters(tag, "the tag", one_line=True)


def new_tag(tag: str) -> str:
    """`normalise_tag`, for a tag being added, which must also be one a reader tells apart: no
    invisible character, no space (`a b` among other tags reads as two: a hyphen joins words),
    not ASCII digits alone (read as a claim ID wherever it came first: `claim tag 1 2025`),
    and no character of another script imitating a Latin one (a Cyrillic о in `mоney`). One
    already stored (from an import, or before these rules) can still be removed. A tag that
    only looks like one in use is refused by `TagTwins`, which needs the desk's tags."""
    from workbench.domain.identity import mixed_scripts

    cleaned = normalise_tag(tag)
    hidden = _hidden(cleaned)
    if hidden is not None:
        # `a` + ZERO WIDTH SPACE + `b` reads as `ab`, but --tag ab would never find it.
        raise InvalidInput(
            f"tag {cleaned!r}: character {hidden + 1} is U+{ord(cleaned[hidden]):04X}, which "
            "is invisible or undefined; a tag holds only visible characters"
        )
    if " " in cleaned:
        raise InvalidInput(
            f"tag {cleaned!r} holds a space, and tags are listed with spaces between them: "
            f"join its words with a hyphen ({cleaned.replace(' ', '-')!r})"
        )
    if cleaned.isascii() and cleaned.isdigit():
        raise InvalidInput(
            f"tag {cleaned!r} is only digits, which are read as claim IDs: "
            "add a letter or a word to it"
        )
    mixed = mixed_scripts(cleaned, "tag", "tag")
    if mixed is not None:
        raise mixed
    return cleaned


class TagTwins:
    """The desk's tags and the new ones given so far, by their confusable skeleton, to refuse
    a new tag (`new_tag`'s form) that only looks like one of them: `сор` in Cyrillic and `cop`,
    `lab` and `1ab`, `covid-19` and `covid19` (identity.skeleton leaves punctuation out), and
    a word in traditional Chinese characters and the same in simplified ones (`融資`, `融资`:
    one word, as `張偉` and `张伟` are one name; trial58). TR39's classes only (`skim=False`):
    `fail` and `fall` are two words. Looked up by skeleton, not compared with each (an import
    of thousands of new tags compared every pair)."""

    def __init__(self, in_use: Iterable[str]) -> None:
        from workbench.domain.identity import fold
        from workbench.domain.speaker_kind import one_spelling

        # Compared folded: one stored before tags were folded (full-width, say), or in a kind
        # tag's other spelling, is the tag.
        self._known = {one_spelling(fold(t)) for t in in_use}
        self._in_use = {_skeleton(t): t for t in sorted(self._known)}
        # skeleton -> (a new tag given earlier, the row of a file it was given in, if any)
        self._given: dict[str, tuple[str, int | None]] = {}

    def known(self, tag: str) -> bool:
        """Whether claims of the desk already have `tag` (in `normalise_tag`'s form)."""
        return tag in self._known

    def refusal(self, tag: str) -> InvalidInput | None:
        """Why the new tag `tag` cannot be added, or None: it looks like a tag in use, or like
        one given before it, without being it (`claim list --tag` would find one of the two
        and miss the other)."""
        key = _skeleton(tag)
        twin = self._in_use.get(key)
        if twin is not None:
            return InvalidInput(
                f"tag {tag!r} {_alike(tag, twin)} {twin!r}, a tag claims already have: use "
                f"{twin!r}, or a tag that cannot be mistaken for it"
            )
        given, row = self._given.get(key, (tag, None))
        if given == tag:
            return None
        if row is None:
            return InvalidInput(f"tags {given!r} and {tag!r} look alike: give one of them")
        return InvalidInput(
            f"tag {tag!r} {_alike(tag, given)} {given!r}, a new tag of row {row}: give one of them"
        )

    def give(self, tag: str, row: int | None = None) -> None:
        """A new tag is being added (by a file's `row`): the tags after it are compared with it."""
        self._given.setdefault(_skeleton(tag), (tag, row))


def tag_key(tag: str) -> str:
    """What tags in `normalise_tag`'s form are one by: the tag, in simplified characters when
    it holds Chinese ones (`融資` is `融资`; workbench.domain.chinese_forms), and one spelling
    of a kind tag stored either way (`speaker:organization`, by an earlier release)."""
    from workbench.domain.speaker_kind import one_spelling

    if tag.isascii() or not any(is_han(ch) for ch in tag):
        return one_spelling(tag)
    from workbench.domain.chinese_forms import simplified

    return simplified(tag)


def _skeleton(tag: str) -> str:
    from workbench.domain.identity import skeleton

    return skeleton(tag_key(tag), skim=False)


def _alike(tag: str, twin: str) -> str:
    """How `tag` is like `twin`, for a refusal."""
    return "is the same word as" if tag_key(tag) == tag_key(twin) else "looks like"


def _hidden(tag: str) -> int | None:
    """The index of the first character of `tag` that cannot be seen (see identity)."""
    from workbench.domain.identity import hidden_at

    return hidden_at(tag, lambda index: _joining(tag, index))


def _joining(tag: str, index: int) -> bool:
    """A zero-width (non-)joiner between two non-ASCII characters: Persian and Indic words
    need ZWNJ (می‌خواهم), emoji sequences ZWJ; between ASCII letters it only hides."""
    if tag[index] not in "\u200c\u200d" or not 0 < index < len(tag) - 1:
        return False
    return not tag[index - 1].isascii() and not tag[index + 1].isascii()


def parse_priority(value: str) -> Priority:
    word = value.strip()
    if word in PRIORITY_WORDS:
        return PRIORITY_WORDS[word]
    try:
        return parse_name(Priority, word.lower(), "priority", "priorities")
    except InvalidInput as exc:
        # The words taken for them too, as `claim priority` and `claim list --priority` say.
        raise InvalidInput(f"{exc.message} (or {', '.join(PRIORITY_WORDS)})") from None
