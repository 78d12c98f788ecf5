"""The people a trail registers, each held to the rule `user add` registers people by.

`user add` refuses a person who would be mistaken for one already registered: the same name
or a look-alike, one read across scripts, or a display name that is, looks like or reads like
another person's name or display name (workbench.domain.people.registration_likeness). A trail
rewritten whole, every hash recomputed (the recipe is public), can register such a pair all
the same (trial185: bob shown as "Maria Lopez" beside maria, shown so), and the chain holds.

The rule grew over time (display names beside display names only since 2026-12-05, the
look-alike letters before it) and the trail records no version of it, so a desk's own
genuine trail may hold a pair an older workbench let through. So a pair found is a warning
about the trail, naming both people and both registrations, for an editor to look into: not a
broken chain, which would make that desk's own trail fail and its backups unrestorable.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from workbench.domain.actions import APPROVED, USER_ADDED, USER_EDITED
from workbench.domain.display_names import MAX_DISPLAY
from workbench.domain.identity import MAX_NAME, fold, skeleton
from workbench.domain.name_index import NameIndex
from workbench.domain.people import (
    MAX_EMAIL,
    Clash,
    address_keys,
    address_likeness,
    current_form,
    display_likeness,
    email_likeness,
    mailbox,
    mailbox_of,
    registration_likeness,
)
from workbench.domain.reviewers import Registered, one_reviewer
from workbench.domain.shown import shown

# The actions whose payload `Registrations.feed` reads (an approval: held to the sign-off's
# one-reviewer rule; an edit: the registration it changes, from then on).
READ = frozenset({USER_ADDED, USER_EDITED, APPROVED})
# A trail can be forged to hold many; the report keeps the first ones and counts the rest.
LOOK_ALIKES_KEPT = 1000


@dataclass(frozen=True, slots=True)
class LookAlike:
    """A registration (`seq`) of a person whom the trail registered earlier (`other_seq`) and
    whom `user add` would not register beside them: `fact` says how the two are alike. An
    edit (`action` USER_EDITED) is the registration it changes, `user edit` refusing the same."""

    seq: int
    name: str
    display: str | None
    other_seq: int
    other: str
    other_display: str | None
    fact: str
    action: str = USER_ADDED

    def message(self) -> str:
        does = "registers" if self.action == USER_ADDED else "changes the registration of"
        return (
            f"seq {self.seq} ({self.action}) {does} {_person(self.name, self.display)} beside "
            f"{_person(self.other, self.other_display)}, registered at seq {self.other_seq}: "
            f"{self.fact}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "name": self.name,
            "display": self.display,
            "other_seq": self.other_seq,
            "other": self.other,
            "other_display": self.other_display,
            "message": self.message(),
        }


@dataclass(frozen=True, slots=True)
class OnePersonApproval:
    """An approval (`seq`) of claim `claim_id`'s verdict by `approver`, whom the sign-off's rule
    (reviewers.one_reviewer) reads as `proposer`, who proposed it (`fact`: a name like theirs,
    their display name or their address, as the trail registered them): `claim approve`
    refuses it, and a workbench before a rule let it through."""

    seq: int
    claim_id: int | None
    approver: str
    proposer: str
    fact: str
    # How many approvals it stands for: a pair judged at the trail's end is listed once, by
    # its first, for all of theirs (fix302), and says so, or the lines would not add up to
    # the count and the other verdicts would go unmentioned (rr310).
    approvals: int = 1

    def message(self) -> str:
        claim = "" if self.claim_id is None else f"claim #{self.claim_id} "
        more = (
            ""
            if self.approvals == 1
            else f" (the first of {self.approvals:,} approvals by these two made before they "
            "were registered, each a verdict with no second reviewer)"
        )
        return (
            f"seq {self.seq} ({APPROVED}): {claim}approved by {shown(self.approver)}, proposed "
            f"by {shown(self.proposer)}: {self.fact}{more}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "claim_id": self.claim_id,
            "approver": self.approver,
            "proposer": self.proposer,
            "approvals": self.approvals,
            "message": self.message(),
        }


class _Waiting:
    """An approval pair waiting for the trail's end: its first approval, and how many."""

    __slots__ = ("claim_id", "count", "seq")

    def __init__(self, seq: int, claim_id: int | None) -> None:
        self.seq, self.claim_id, self.count = seq, claim_id, 1


def _first_kept(found: list[OnePersonApproval]) -> None:
    """`found` in seq order, the first LOOK_ALIKES_KEPT of them."""
    found.sort(key=lambda approval: approval.seq)
    del found[LOOK_ALIKES_KEPT:]


# A field an edit's `after` does not name: left as it was (None clears it).
_KEPT = object()


def _person(name: str, display: str | None) -> str:
    return f"{shown(name)} (shown as {shown(display)})" if display else shown(name)


@dataclass(frozen=True, slots=True, kw_only=True)
class PeopleWarnings:
    """What a trail's people are warned of, as `audit verify` and `audit replay` both report
    it (their reports extend this; `Registrations.warned` fills it): registrations `user add`
    would refuse beside an earlier one, and approvals by a person the sign-off's rule reads as
    the proposer; of each, the first ones kept (LOOK_ALIKES_KEPT) and how many. A warning
    about the trail, not a break or a difference: a workbench before each rule let them
    through."""

    look_alikes: tuple[LookAlike, ...] = ()
    look_alike_count: int = 0
    one_person_approvals: tuple[OnePersonApproval, ...] = ()
    one_person_approval_count: int = 0

    def people_json(self) -> dict[str, Any]:
        return {
            "look_alikes": [found.to_json() for found in self.look_alikes],
            "look_alike_count": self.look_alike_count,
            "one_person_approvals": [found.to_json() for found in self.one_person_approvals],
            "one_person_approval_count": self.one_person_approval_count,
        }


_Report = TypeVar("_Report", bound=PeopleWarnings)


class Registrations:
    """Fed the trail's events in seq order (registrations and approvals are read): each
    registration held to the rule against the people registered before it who share a key of
    it (workbench.domain.name_index), each approval to the sign-off's (`approval`); `finish`
    when the walk ends. Bounded by the desk's people, and the pairs who acted unregistered."""

    def __init__(self) -> None:
        # Several maps, not one record a person: the sign-off's two (`_emails`, `_displays`)
        # are keyed by a name's form today too and keep a name registered again at its first
        # registration, where `_people` takes the last; the address keys map to people.
        # name -> (the seq that registered it, its display name now): whom a warning names.
        self._people: dict[str, tuple[int, str | None]] = {}
        # name -> its place among the people (a name registered again keeps its first): the
        # order the people near a registration are held to the rule in.
        self._order: dict[str, int] = {}
        # The rule's keys of each name and display name -> the people holding them: who is near.
        self._index = NameIndex()
        # name (as registered, and in its form today) -> its email address: what the email
        # rule compares, and the sign-off reads with `_displays` (reviewers.Registered).
        self._emails: dict[str, str] = {}
        # name (as registered, and in its form today) -> its display name, as the sign-off
        # reads the desk's (reviewers.Registered).
        self._displays: dict[str, str] = {}
        # An address's look-alike skeleton (each of `people.address_keys`: a punycode domain's
        # Unicode form too) -> each mailbox under it (people.mailbox_of, the key one_mailbox
        # compares: one skeleton holds several, rr310) -> the people registered at
        # it, in order. The first still there is the one compared (`_holders`): an edit moves a
        # person off an address, and the next holder must still be found by it; the others at
        # one mailbox are pairs warned of already, and comparing each registration with all of
        # them grew with their square (a forged trail of 8,000 at ana+N@x.org took 23 s).
        self._by_address: dict[str, dict[str, deque[str]]] = {}
        # A name's skeleton as the email rule keys an address (+tag dropped) -> the first
        # person registered by it: whose name an address may be (review256), or a name shaped
        # as an address beside another (fix302).
        self._by_name: dict[str, str] = {}
        self.found: list[LookAlike] = []
        self.total = 0
        # Approvals by a person the sign-off's rule reads as the proposer (the first ones kept).
        self.approvals: list[OnePersonApproval] = []
        self.approval_total = 0
        # The names registered, each also in its form today; and the approvals one of whose
        # two people was not registered yet, by pair: `finish` holds them to the people
        # registered by the trail's end, as `claim show` reads the desk's people now
        # (review296). A pair is judged once, so it waits once, its first approval kept and
        # the rest counted (each pair's first 1,000 grew with the trail: fix302).
        self._registered: set[str] = set()
        self._pending: dict[tuple[str, str], _Waiting] = {}

    def feed(
        self,
        seq: int,
        action: str,
        payload: Any,
        actor: str = "",
        claim_id: int | None = None,
        entity_id: str = "",
    ) -> None:
        """One event, its payload parsed (`actor`, `claim_id` and `entity_id` as the event
        records them). A registration whose payload is not as the workbench writes it is left
        to the checks that read payloads (replay names it)."""
        if action == APPROVED and isinstance(payload, dict):
            before = payload.get("before")
            proposer = before.get("proposed_by") if isinstance(before, dict) else None
            if isinstance(proposer, str):
                self.approval(seq, claim_id, actor, proposer)
            return
        if action == USER_EDITED and isinstance(payload, dict):
            self._edited(seq, entity_id[:MAX_NAME], payload.get("after"))
            return
        if action != USER_ADDED or not isinstance(payload, dict):
            return
        after = payload.get("after")
        if not isinstance(after, dict):
            return
        name, display = after.get("name"), after.get("display")
        if not isinstance(name, str) or not (display is None or isinstance(display, str)):
            return
        email = after.get("email")
        email = email[:MAX_EMAIL] if isinstance(email, str) and email else None
        # A forged trail may hold a name of any length: each is judged (and said) by as much of
        # it as the workbench ever writes, so that a megabyte of name is not compared with
        # every other nor printed whole, and padding it past that cannot hide its start.
        name, display = name[:MAX_NAME], None if display is None else display[:MAX_DISPLAY]
        # Only the people who share a key of the rule with this one can be alike (review200:
        # compared with every person before, 20,000 registrations took hours), held to the
        # rule in the order they were registered, so the one named is the first, as before.
        near = self._index.near(name) | (self._index.near(fold(display)) if display else set())
        earlier = ((n, self._people[n][1]) for n in sorted(near, key=self._order.__getitem__))
        clash = registration_likeness(name, display, earlier)
        if clash is None:
            clash = self._email_clash(name, email)
        if clash is not None:
            self._look_alike(seq, name, display, clash, USER_ADDED)
        self._people[name] = (seq, display)
        self._registered.update((name, current_form(name)))
        self._order.setdefault(name, len(self._order))
        self._index.add(name, name)
        if display:
            self._index.add(fold(display), name)
        self._by_name.setdefault(skeleton(mailbox(name)), name)
        if display:
            self._displays.setdefault(name, display)
            self._displays.setdefault(current_form(name), display)
        if email:
            self._emails.setdefault(name, email)
            # And under its form today, as the sign-off reads the desk's addresses
            # (people.addresses): `王 芳`, an earlier version's form, proposes as 王芳 now.
            self._emails.setdefault(current_form(name), email)
            self._hold(name, email)

    def _edited(self, seq: int, name: str, after: Any) -> None:
        """A registration's display name or address changed (`user edit`): held to `user
        add`'s rule for what changed against everyone else registered (the name, unchanged, is
        not judged again), then the registration the rules and later approvals read. Approvals
        before it were judged by the registration then (`approval`); those waiting for the
        trail's end are judged by the one in force there, as `claim show` reads the desk's."""
        if name not in self._people or not isinstance(after, dict):
            return  # (replay names an edit of nobody the events registered, or a bad payload)
        display, email = after.get("display", _KEPT), after.get("email", _KEPT)
        if not (display is _KEPT or display is None or isinstance(display, str)):
            return
        if not (email is _KEPT or email is None or isinstance(email, str)):
            return
        if isinstance(display, str):
            display = display[:MAX_DISPLAY] or None
        if isinstance(email, str):
            email = email[:MAX_EMAIL] or None
        clash = None
        if isinstance(display, str):
            near = self._index.near(fold(display)) - {name}
            ordered = sorted(near, key=self._order.__getitem__)
            clash = display_likeness(display, ((n, self._people[n][1]) for n in ordered))
        if clash is None and isinstance(email, str):
            keys = address_keys(email)
            alike = {holder for key in keys for holder in self._holders(key)}
            by_name = self._by_name.get(keys[0])
            if by_name is not None:
                alike.add(by_name)
            ordered = sorted(alike - {name}, key=self._order.__getitem__)
            clash = address_likeness(email, ((n, self._emails.get(n)) for n in ordered))
        if clash is not None:
            shown_as = self._people[name][1] if display is _KEPT else display
            self._look_alike(seq, name, shown_as, clash, USER_EDITED)
        forms = (name, current_form(name))
        if display is not _KEPT:
            first_seq, _ = self._people[name]
            self._people[name] = (first_seq, display)
            for form in forms:
                if display:
                    self._displays[form] = display
                else:
                    self._displays.pop(form, None)
            if display:
                self._index.add(fold(display), name)
        if email is not _KEPT:
            for form in forms:
                if email:
                    self._emails[form] = email
                else:
                    self._emails.pop(form, None)
            if email:
                self._hold(name, email)

    def _hold(self, name: str, email: str) -> None:
        # Under the key of its punycode domain's Unicode form too (`address_keys`): the
        # mailbox of `maria@bücher.de` is `maria@xn--bcher-kva.de`'s (rr344).
        box = mailbox_of(email)
        for key in address_keys(email):
            self._by_address.setdefault(key, {}).setdefault(box, deque()).append(name)

    def _holders(self, key: str) -> list[str]:
        """The first person still registered at each mailbox of the address key `key`: those
        an edit moved off it are dropped as they are met."""
        found = []
        for box, holders in self._by_address.get(key, {}).items():
            while holders and not self._at(holders[0], box):
                holders.popleft()
            if holders:
                found.append(holders[0])
        return found

    def _at(self, name: str, box: str) -> bool:
        email = self._emails.get(name)
        return email is not None and mailbox_of(email) == box

    def _look_alike(
        self, seq: int, name: str, display: str | None, clash: Clash, action: str
    ) -> None:
        self.total += 1
        if len(self.found) < LOOK_ALIKES_KEPT:
            other_seq, other_display = self._people[clash.other]
            self.found.append(
                LookAlike(
                    seq, name, display, other_seq, clash.other, other_display, clash.fact, action
                )
            )

    def approval(self, seq: int, claim_id: int | None, approver: str, proposer: str) -> None:
        """An approval by `approver` of `proposer`'s verdict, held to the sign-off's rule
        (reviewers.one_reviewer) by the display names and addresses the trail registered them
        with so far; one of two people not registered yet, again at the end (`finish`). By
        name the same, it is replay's own rule (own_verdict), a difference there, not said
        twice."""
        approver, proposer = approver[:MAX_NAME], proposer[:MAX_NAME]
        if approver == proposer:
            return
        if not (self._known(approver) and self._known(proposer)):
            # Asked once, at the end: the people registered by then include those so far.
            waiting = self._pending.get((approver, proposer))
            if waiting is None:
                self._pending[approver, proposer] = _Waiting(seq, claim_id)
            else:
                waiting.count += 1
            return
        one = one_reviewer(proposer, approver, Registered(self._emails, self._displays))
        if one is not None:
            self._found(seq, claim_id, approver, proposer, one.fact)

    def finish(self) -> None:
        """The trail read (to its end or a break): the approvals made before one of their two
        people was registered, held to the rule by the people registered since, as `claim
        show` and the exports read them. Each pair found is counted for all its approvals and
        named by its first, among the others in seq order."""
        people = Registered(self._emails, self._displays)
        found = self.approvals
        for (approver, proposer), waiting in self._pending.items():
            one = one_reviewer(proposer, approver, people)
            if one is not None:
                self.approval_total += waiting.count
                found.append(
                    OnePersonApproval(
                        waiting.seq, waiting.claim_id, approver, proposer, one.fact, waiting.count
                    )
                )
                if len(found) > 2 * LOOK_ALIKES_KEPT:
                    _first_kept(found)
        self._pending.clear()
        _first_kept(found)

    def warned(self, report: _Report) -> _Report:
        """`report` with what the trail read warns of (once `finish` has held the waiting
        approvals)."""
        return replace(
            report,
            look_alikes=tuple(self.found),
            look_alike_count=self.total,
            one_person_approvals=tuple(self.approvals),
            one_person_approval_count=self.approval_total,
        )

    def _found(
        self, seq: int, claim_id: int | None, approver: str, proposer: str, fact: str
    ) -> None:
        self.approval_total += 1
        if len(self.approvals) < LOOK_ALIKES_KEPT:
            self.approvals.append(OnePersonApproval(seq, claim_id, approver, proposer, fact))

    def _known(self, name: str) -> bool:
        """Whether `name` (or its form today) is registered: their display name and address
        are then known, and none registered later is theirs."""
        return name in self._registered or current_form(name) in self._registered

    def _email_clash(self, name: str, email: str | None) -> Clash | None:
        """`user add`'s email rule (people.email_likeness) against the people registered
        before who share a key of it: one whose address this name is, whose name this
        address is, or whose address is this address's mailbox (every holder of the key, not
        the first only: one skeleton holds several mailboxes, rr310)."""
        near: set[str | None] = set(self._holders(skeleton(mailbox(name))))
        if "@" in name:  # (a name shaped as an address, beside another: fix302)
            near.add(self._by_name.get(skeleton(mailbox(name))))
        if email:
            keys = address_keys(email)
            near.add(self._by_name.get(keys[0]))
            near.update(holder for key in keys for holder in self._holders(key))
        earlier = sorted((n for n in near if n not in (None, name)), key=self._order.__getitem__)
        return email_likeness(name, email, ((n, self._emails.get(n)) for n in earlier))
