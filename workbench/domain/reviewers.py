"""Whether an approver is the person who proposed the verdict: the one-reviewer rule, whole.

A verdict needs a second person's approval, so an approval by its proposer is none, however
the two names differ: the same name, or a look-alike or one read across scripts
(`identity.same_person`: trial47, trial55); a name that is, or is like, the other's display
name (`wang` shown as 王芳, and `王芳`: rr270); or a name that is, or looks like, the other's
registered email address (`people.email_tie`: fix259). `claim approve` refuses such an approval,
`claim list --approvable` leaves it out, a claim in review tells its proposer it is theirs, and
`claim show`, the exports and `audit verify` read one already in a trail as no second review.
Each asks `one_reviewer` and words the answer its own way: when they each held their own copy,
they disagreed about the same pair (refactor280).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from workbench.domain.identity import (
    LikenessKeys,
    compared_form,
    exact_keys,
    fold,
    likeness,
    likeness_keys,
    read_as_han,
)
from workbench.domain.name_index import share_a_key
from workbench.domain.people import addresses, current_form, email_tie
from workbench.domain.status import same_person, same_person_key


@dataclass(frozen=True, slots=True)
class Registered:
    """The registered people as the sign-off reads them: their email addresses and display
    names, each under the name as stored (a trail's proposer is recorded so) and in its form
    today (`current_form`: the approver is typed now). Read once per command."""

    emails: Mapping[str, str] = field(default_factory=dict)
    displays: Mapping[str, str] = field(default_factory=dict)
    # The corrections since (`user edit`), in trail order, and the seq each edited person was
    # registered at, both under the name as stored and in its form today: `as_of` undoes them.
    edits: tuple[Edit, ...] = ()
    registered_at: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str | None, str | None]]) -> Registered:
        """Of stored (name, email, display name) rows."""
        rows = list(rows)
        shown = {k: d for n, _, d in rows if d for k in (n, current_form(n))}
        return cls(addresses((n, e) for n, e, _ in rows), shown)

    def as_of(self, seq: int, *names: str) -> Registered:
        """The people as registered when the event `seq` (an approval by one of `names` of the
        other's verdict) was made: the edits after it undone. An approval is judged by the
        registrations in force then, as `audit verify` judges it (trail_people): a pair tied by
        one mailbox who approved each other's verdict stays no second review after one's
        address is corrected; the desk re-approves it if it really was two people. One of the
        two registered after it is judged by the registrations now, as the trail's check does
        (it waits for the trail's end)."""
        later = [e for e in self.edits if e.seq > seq]
        if not later or not all(_registered_before(n, seq, self.registered_at) for n in names):
            return self
        emails, displays = dict(self.emails), dict(self.displays)
        for edit in reversed(later):
            for what, value in edit.before.items():
                held = emails if what == "email" else displays
                for key in (edit.name, _today(edit.name)):
                    if value:
                        held[key] = value
                    else:
                        held.pop(key, None)
        return Registered(emails, displays)

    def email(self, name: str) -> str | None:
        """`name`'s address, by the name as given or in its form today: `陈 静`, recorded so by
        an earlier version, is 陈静 registered since (rr276)."""
        return _of(name, self.emails)

    def display(self, name: str) -> str | None:
        """`name`'s display name, found as `email` finds an address."""
        return _of(name, self.displays)


@dataclass(frozen=True, slots=True)
class Edit:
    """A registration corrected (`user.edited` at `seq`): the person's stored `name` and the
    fields it changed as they were before (`display`, `email`; None: none)."""

    seq: int
    name: str
    before: Mapping[str, str | None]


def _registered_before(name: str, seq: int, registered_at: Mapping[str, int]) -> bool:
    at = registered_at.get(name, registered_at.get(_today(name)))
    return at is not None and at < seq


def _of(name: str, known: Mapping[str, str]) -> str | None:
    return known.get(name) or known.get(_today(name))


@lru_cache(maxsize=4096)
def _today(name: str) -> str:
    """`current_form`, remembered: every approval of an export is looked up by it."""
    return current_form(name)


class Tie(StrEnum):
    """Which fact makes two names one reviewer."""

    # The same name, case, width and spacing aside (`same_person_key`).
    SAME_NAME = "same_name"
    # Names alike by the look-alike rule or across scripts (`ɑlice`, `wang fang` and 王芳).
    NAME_ALIKE = "name_alike"
    # One is, or is like, the other's display name.
    DISPLAY = "display"
    # One is, or looks like, the other's registered email address.
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class OneReviewer:
    """Why an approver and a proposer are one reviewer: `tie`, and `fact`, how, as a sentence
    naming them ("'mar1a' looks like 'maria'"; for an email tie, the address: "'maria@example
    .org' is the email address of the registered user 'maria'")."""

    tie: Tie
    fact: str


def one_reviewer(proposer: str, approver: str, people: Registered) -> OneReviewer | None:
    """Why `approver` is `proposer` by the sign-off's rule, given the registered `people`
    (their display names and addresses), the name's fact first; None when they are two."""
    if _alike(proposer, approver):
        how = likeness(compared_form(approver), compared_form(proposer)) or "is like"
        return OneReviewer(
            _named(proposer, approver, Tie.NAME_ALIKE), f"{approver!r} {how} {proposer!r}"
        )
    p_display, a_display = people.display(proposer), people.display(approver)
    if (p_display or a_display) and _shown_alike(proposer, p_display, approver, a_display):
        shown = _by_display(proposer, p_display, approver, a_display)
        return OneReviewer(_named(proposer, approver, Tie.DISPLAY), shown)
    p_email, a_email = people.email(proposer), people.email(approver)
    # (Two names shaped as addresses are compared by mailbox, with no address registered.)
    if p_email or a_email or ("@" in proposer and "@" in approver):
        tied = _email_tie(proposer, p_email, approver, a_email)
        if tied is not None:
            return OneReviewer(Tie.EMAIL, tied)
    return None


def _by_display(proposer: str, p_display: str | None, approver: str, a_display: str | None) -> str:
    """Which of the two is like the other's display name, as a sentence (asked only of a pair
    `_shown_alike` found, so rarely)."""
    for name, other, shown in ((approver, proposer, p_display), (proposer, approver, a_display)):
        if shown and (how := likeness(compared_form(name), fold(shown))) is not None:
            return f"{name!r} {how} {shown!r}, the display name of {other!r}"
    # Not reached: `_shown_alike` compares exactly these pairs. Said plainly all the same.
    return f"{approver!r} is like the display name of {proposer!r}"


def _named(proposer: str, approver: str, otherwise: Tie) -> Tie:
    """SAME_NAME when the two are one name as typed loosely, else `otherwise`: a refusal names
    the proposer as stored, and an approver whose name is only like it is told so."""
    return Tie.SAME_NAME if same_person_key(proposer) == same_person_key(approver) else otherwise


@lru_cache(maxsize=4096)
def _email_tie(
    proposer: str, p_email: str | None, approver: str, a_email: str | None
) -> str | None:
    """`email_tie`, remembered as `_alike` is: `audit verify` of a year desk's 45,158 approvals
    among 50 people asked it 43,422 times of 2,450 pairs, 0.5 of its 1.2 s of the one-reviewer
    rule (bench323). Keyed by the addresses too: a `user.edited` address is another answer."""
    return email_tie(proposer, p_email, approver, a_email)


@lru_cache(maxsize=4096)
def _alike(proposer: str, approver: str) -> bool:
    """`same_person`, remembered: it takes 0.04-0.5 ms, an export reads every claim's sign-off,
    and a desk's approvals pair the same few people again and again. Asked only of names that
    may be alike by their keys (`_may_be_alike`, each name's remembered): a trail of more
    pairs than this cache holds (a desk of a hundred reviewers or more) then compares most
    pairs by their keys, not by `likeness` (review296)."""
    if not _may_be_alike(_compared(proposer), _compared(approver)):
        return False
    return same_person(proposer, approver)


@lru_cache(maxsize=4096)
def _shown_alike(
    proposer: str, p_display: str | None, approver: str, a_display: str | None
) -> bool:
    """Whether either name is like the other's display name (`same_person` by display names,
    asked once `_alike` has found the names two), remembered and prefiltered as `_alike` is
    (it may read the readings' dictionaries)."""
    if not any(
        _may_be_alike(_compared(name), fold(shown))
        for name, shown in ((approver, p_display), (proposer, a_display))
        if shown
    ):
        return False
    shown = {n: d for n, d in ((proposer, p_display), (approver, a_display)) if d}
    return same_person(proposer, approver, shown)


def _may_be_alike(a: str, b: str) -> bool:
    """Whether `likeness` may find two texts (as it compares them) alike: only if they share a
    key of the rule (name_index.share_a_key, what `audit verify` finds registrations by), each
    text's keys remembered. Two in one script share an exact key (the same skeleton,
    simplified characters or words in another order: `reads_alike` is across scripts only),
    so the readings are read only for a pair across scripts."""
    (a_exact, a_han), (b_exact, b_han) = _exact(a), _exact(b)
    if not a_exact.isdisjoint(b_exact):
        return True
    return a_han != b_han and share_a_key(_keys(a), _keys(b))


# A large desk's people and their display names, each a name and a few short keys.
@lru_cache(maxsize=16384)
def _compared(name: str) -> str:
    return compared_form(name)


@lru_cache(maxsize=16384)
def _exact(text: str) -> tuple[frozenset[tuple[str, ...]], bool]:
    return exact_keys(text), read_as_han(text)


@lru_cache(maxsize=16384)
def _keys(text: str) -> LikenessKeys:
    return likeness_keys(text)
