"""Who a name that is not one of the desk's registered people may have meant.

One search for every place a name must be a registered person's: whoever acts (`--as`,
WORKBENCH_USER), a claim's owner (`claim assign --to`, a table's assignee) and the person
whose queue `claim list --mine` shows. A name that looks like a registered one (same
skeleton, workbench.domain.identity), or reads like it across scripts (`wang fang`, 王芳), is
refused naming its twin; any other is refused with the registered names it is closest to (`did
you mean wang?`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from workbench.domain.errors import InvalidInput
from workbench.domain.identity import (
    drawn,
    draws_nothing,
    fold,
    invisible,
    join_han,
    latin_impostor,
    latin_of,
    likeness,
    mixed_scripts,
    normalise_name,
    skeleton,
)
from workbench.domain.shell import command_line, shell_word

# What an actor who is not registered is told to do.

# The `reason` of a name refused for being nobody the desk registered (acting, `--as`, or
# owning, `--to`): registered, or another given, not retried; a script tells it from any other
# bad value by this, not by the message (which names the names it may have meant). A name
# like a registered one (`jose` for josé) is refused without it: the remedy is that name.
UNREGISTERED_USER = "unregistered_user"

ACT_AS_ONE = (
    "act as one with --as NAME (see `workbench user list`), or have one of them "
    "`workbench user add` you"
)


@dataclass(frozen=True, slots=True)
class RoleNames:
    """The registered names bound to one login role (`user add NAME --role ROLE`), in their
    normal form: those a session of that role may act under."""

    role: str
    names: tuple[str, ...]
    # The names bound to other roles: never offered to this session as the name it meant (it
    # is refused acting under them, role_mismatch).
    elsewhere: frozenset[str] = frozenset()

    @classmethod
    def of(cls, role: str, bindings: Iterable[tuple[str, str | None]]) -> RoleNames:
        """`role`'s names among `bindings` (each registered name and the role it is bound to,
        None for none), each by its form today (`current_form`): the one rule of which names a
        role acts as, for a refusal and for `user bind`'s warning alike."""
        bound = [(current_form(name), r) for name, r in bindings if r is not None]
        return cls(
            role,
            tuple(sorted(n for n, r in bound if r == role)),
            frozenset(n for n, r in bound if r != role),
        )


@dataclass(frozen=True, slots=True)
class People:
    """The registered people, read once: name -> display name, and name -> the skeleton
    stored with it (names in their normal form, workbench.domain.identity.normalise_name)."""

    displays: Mapping[str, str | None]
    skeletons: Mapping[str, str]

    @classmethod
    def read(cls, rows: Iterable[tuple[str, str | None, str]]) -> People:
        """The people of stored (name, display, skeleton) rows, each under the normal form its
        name has today (`current_form`)."""
        rows = list(rows)
        return cls(
            {current_form(n): d for n, d, _ in rows}, {current_form(n): k for n, _, k in rows}
        )

    def __bool__(self) -> bool:
        """Whether any person is registered (until one is, any name may act or own)."""
        return bool(self.displays)

    def __contains__(self, name: object) -> bool:
        return name in self.displays

    def refusal(
        self,
        name: str,
        what: str | None = None,
        acts_as: RoleNames | None = None,
        owner: str | None = None,
    ) -> InvalidInput:
        """Why `name`, not a registered person's, is refused: `what` the option that gave it
        for an owner (--to, assignee), None for whoever acts (or whose queue is asked for);
        `acts_as`, the names bound to the session's own login role (PostgreSQL), which are
        whom a person acting under another name almost always meant; `owner`, the role owning
        the desk's tables, given when none is bound to the session's role on a desk that binds
        its people (a new colleague's: the owner registers her bound to it)."""
        found, how = self._twin(name)
        # The option to type, quoted for the shell when the name holds a space (review).
        typed = "" if found is None else shell_word(found)
        if found is not None and what:
            return InvalidInput(
                f"{what} {name!r} {how} the registered user {found!r}, written another way; "
                f"give {what} {typed}"
            )
        if found is not None:
            # Not "have one of them `user add` you": a name like a registered one is refused
            # there too (trial47b typed `jose` for the registered josé).
            return InvalidInput(
                f"{name!r} {how} the registered user {found!r}, written another way; give --as "
                f"{typed}"
            )
        if acts_as is not None and acts_as.names and not what:
            return _not_this_role(name, acts_as, self.displays)
        if acts_as is not None and owner is not None and not what:
            return _no_name_here(name, acts_as, self.displays, owner)
        close = closest_people(name, self.displays)
        near = f"; did you mean {' or '.join(close)}?" if close else ""
        # (`meant` asks the same: keep the two together.)
        if what:
            return InvalidInput(
                f"{what} {name!r} is not a registered user of this desk{near} "
                "(see `workbench user list`)",
                reason=UNREGISTERED_USER,
            )
        # After a question, the way in starts a sentence of its own.
        way_in = f" A{ACT_AS_ONE[1:]}" if near else f": {ACT_AS_ONE}"
        return InvalidInput(
            f"{name!r} is not a registered user of this desk{near}{way_in}",
            reason=UNREGISTERED_USER,
        )

    def _twin(self, name: str) -> tuple[str | None, str]:
        """The registered name `name` looks like, or reads like across scripts, and how."""
        found = twin(skeleton(name), self.skeletons)
        if found is not None:
            return found, "looks like"
        # `wang fang` for a registered 王芳, 張偉 for 张伟 (only on a refusal: it may read the
        # dictionaries)
        return next(
            ((n, said) for n in self.displays if (said := likeness(name, n)) is not None),
            (None, "looks like"),
        )

    def looks_like_one(self, name: str) -> bool:
        """Whether `name` looks like, or reads like, a registered name (refused naming it)."""
        return self._twin(name)[0] is not None

    def meant(self, name: str) -> bool:
        """Whether `refusal(name)` names a registered person `name` may have meant (a twin, or
        a close name): then it is a slip, not a new person to register (trial58: a PostgreSQL
        owner who typed 王方 for 王芳 was also offered `user add 王方`)."""
        return self._twin(name)[0] is not None or bool(closest_people(name, self.displays))


def _not_this_role(
    name: str, acts_as: RoleNames, displays: Mapping[str, str | None]
) -> InvalidInput:
    """The refusal of `name`, nobody's, typed from a login role registered names are bound to:
    those names first, the ones it meant. trial330: a checker whose shell had no WORKBENCH_USER
    acted as the OS account's name, and was sent to the desk's list (or, from the owner's role,
    to register that name). people341: a name close to a colleague's was asked "did you mean
    tom?", whom her role may not act as; only a close name no other role is bound to is still
    offered, after her own."""
    names = " or ".join(shell_word(n) for n in acts_as.names)
    first = shell_word(acts_as.names[0])
    left = acts_as.elsewhere | set(acts_as.names)
    close = closest_people(name, {n: d for n, d in displays.items() if n not in left})
    also = f"; or did you mean {' or '.join(close)}?" if close else ""
    return InvalidInput(
        f"{name!r} is not a registered user of this desk; this session's database role "
        f"{acts_as.role} acts as {names}: give --as {first} (or WORKBENCH_USER={first}){also}",
        reason=UNREGISTERED_USER,
    )


def _no_name_here(
    name: str, acts_as: RoleNames, displays: Mapping[str, str | None], owner: str
) -> InvalidInput:
    """The refusal of `name`, nobody's, typed from a login role no registered name is bound to,
    on a desk that binds its people: the desk's owner (role `owner`) registers the person bound
    to it. Only a close name bound to no role is offered, as in `_not_this_role`: one bound to
    another is refused to this session (pgteam: ana, new, was asked "did you mean maria?")."""
    close = closest_people(name, {n: d for n, d in displays.items() if n not in acts_as.elsewhere})
    near = f"; did you mean {' or '.join(close)}?" if close else ""
    register = command_line(["workbench", "user", "add"], [name], ["--role", acts_as.role])
    return InvalidInput(
        f"{name!r} is not a registered user of this desk{near}; no name is bound to this "
        f"session's database role {acts_as.role}: the desk's owner (role {owner}) registers "
        f"you bound to it (`{register}`)",
        reason=UNREGISTERED_USER,
    )


def twin(key: str, registered: Mapping[str, str]) -> str | None:
    """The registered name (name -> the skeleton stored with it) that looks like a name whose
    skeleton is `key`. Each is judged by today's skeleton too, not only by the key stored when
    it was added: the look-alike rule grows (palochka, dotted i), and a desk has few people."""
    return next((n for n, kept in registered.items() if key in (kept, skeleton(n))), None)


@dataclass(frozen=True, slots=True)
class Clash:
    """Why one name and display name cannot be registered beside a registered person: `other`,
    that person; `fact`, how the two are alike, as a sentence's start; `of_display`, whether it
    is the display name given (not the name) that is like theirs."""

    other: str
    fact: str
    of_display: bool
    # What to do instead, when it is not to choose another name or display name (an --email).
    advice: str | None = None

    def refusal(self) -> InvalidInput:
        if self.advice is not None:
            return InvalidInput(f"{self.fact}; {self.advice}")
        chosen = "one" if self.of_display else "a name"
        return InvalidInput(f"{self.fact}; choose {chosen} that cannot be mistaken for theirs")


def registration_clash(
    name: str, display: str | None, registered: Iterable[tuple[str, str | None]]
) -> InvalidInput | None:
    """Why `name` (in its normal form), shown as `display`, cannot be registered beside the
    `registered` people (name, display name), or None (`registration_likeness`, said as
    `user add` refuses it)."""
    clash = registration_likeness(name, display, registered)
    return None if clash is None else clash.refusal()


def registration_likeness(
    name: str, display: str | None, registered: Iterable[tuple[str, str | None]]
) -> Clash | None:
    """The first of the `registered` people (name, display name) beside whom `name` (in its
    normal form), shown as `display`, cannot be registered, and how the two are alike. Beyond a
    name equal to or looking like a registered one (`user add` refuses it first, by skeleton), a
    name is one person's across scripts and display names too
    (workbench.domain.identity.likeness): `wang fang` reads like a registered 王芳; `王芳` is (or
    `wang fang` reads like) the display name of a registered `wang`; and a display name may not
    be, look like or read like another person's name, nor another person's display name (`Lopez
    Maria` beside one shown as Maria Lopez). Each of those pairs would show one name for two
    people in `user list`, `did you mean`, and the trail a reviewer reads, and (but the last)
    let the two sign off each other's verdicts. `audit verify` and `audit replay` hold each
    registration a trail records to the same rule (workbench.domain.trail_people)."""
    for other, other_display in registered:
        how = likeness(name, other)
        if how is not None:
            return Clash(other, f"{name!r} {how} the registered user {other!r}", False)
        how = likeness(name, fold(other_display)) if other_display else None
        if how is not None:
            whose = f"the display name of the registered user {other!r}"
            fact = (
                f"{name!r} is {whose}"
                if how == "is"
                else f"{name!r} {how} {_as_read(other_display)}, {whose}"
            )
            return Clash(other, fact, False)
        clash = _display_clash(display, other, other_display)
        if clash is not None:
            return clash
    return None


def display_likeness(
    display: str | None, registered: Iterable[tuple[str, str | None]]
) -> Clash | None:
    """The first of the `registered` people (name, display name) whose name or display name the
    display name `display` is, looks like or reads like (`registration_likeness`'s rule for a
    display name alone): a display name changed (`user edit`), the name kept, is held to it
    against everyone but its own person."""
    return _first_clash(display, registered, _display_clash)


def _first_clash(
    value: str | None,
    registered: Iterable[tuple[str, str | None]],
    clash_of: Callable[[str | None, str, str | None], Clash | None],
) -> Clash | None:
    """The first clash `clash_of` finds between `value` and one of the `registered` (name,
    its display name or address): `display_likeness` and `address_likeness`, one loop."""
    for other, theirs in registered:
        clash = clash_of(value, other, theirs)
        if clash is not None:
            return clash
    return None


def _display_clash(display: str | None, other: str, other_display: str | None) -> Clash | None:
    """How the display name `display` is like the registered `other`'s name or display name."""
    if not display:
        return None
    shown = fold(display)
    how = likeness(shown, other) if shown else None
    if how is not None:
        said = "is the name of" if how == "is" else f"{how} the name of"
        return Clash(
            other,
            f"the display name {_as_read(display)} {said} the registered user {other!r}: it would "
            "show another person's name",
            True,
        )
    # Two people shown alike (trial55: ml2 and maria both "Maria Lopez") are told apart
    # nowhere: `user list`, every `did you mean` and the trail a reviewer reads.
    how = likeness(shown, fold(other_display)) if shown and other_display else None
    if how is not None:
        said = (
            "is the display name of"
            if how == "is"
            else f"{how} {_as_read(other_display)}, the display name of"
        )
        return Clash(
            other,
            f"the display name {_as_read(display)} {said} the registered user {other!r}: two "
            "people would be shown alike",
            True,
        )
    return None


def email_likeness(
    name: str, email: str | None, registered: Iterable[tuple[str, str | None]]
) -> Clash | None:
    """The first of the `registered` people (name, email address) beside whom `name` (in its
    normal form), with the address `email`, cannot be registered, and how: the name is, or
    looks like (by skeleton, so case, width and punctuation aside; a +tag is its mailbox's),
    another person's address, or the address is another person's name, or is another person's
    address as one mailbox (`one_mailbox`: case and a +tag aside, not by skeleton). trial254
    registered `maria@example.org` beside maria, whose address it was, and approved her verdict
    with it: the trail read "given by maria, approved by maria@example.org", and `user list`
    showed the address as two people's. `audit verify` and `audit replay` hold a trail's
    registrations to it too (workbench.domain.trail_people); `user add` refuses it as
    `Clash.refusal` says."""
    for other, other_email in registered:
        how = address_of(name, other_email)
        if how is not None:
            return Clash(
                other, f"{name!r} {how} the email address of the registered user {other!r}", False
            )
        clash = _address_clash(email, other, other_email)
        if clash is not None:
            return clash
        # A name shaped as an address whose mailbox is another person's name (ops+x@x.org
        # beside ops@x.org): compared by skeleton, as names are.
        how = address_of(name, other) if _shaped_as_address(name, other) else None
        if how is not None:
            return Clash(other, f"{name!r} {how} the name of the registered user {other!r}", False)
    return None


def address_likeness(
    email: str | None, registered: Iterable[tuple[str, str | None]]
) -> Clash | None:
    """The first of the `registered` people (name, email address) beside whom the address
    `email` cannot be registered (`email_likeness`'s rule for an address alone: another's name,
    or another's mailbox): an address changed (`user edit`), the name kept, is held to it
    against everyone but its own person."""
    return _first_clash(email, registered, _address_clash)


def _address_clash(email: str | None, other: str, other_email: str | None) -> Clash | None:
    """How the address `email` is the registered `other`'s name or mailbox."""
    how = address_of(other, email)
    if how is not None:
        return Clash(
            other,
            f"the email address {email!r} {how} the name of the registered user "
            f"{other!r}: it would show another person's name",
            False,
            advice="give your own address",
        )
    # One mailbox is one person (fix302): an address registered already (rr310: compared
    # as mail delivers it, not by skeleton).
    how = one_mailbox(email, other_email)
    if how is not None:
        return Clash(
            other,
            f"the email address {email!r} {how} the email address of the registered user {other!r}",
            False,
            advice="give your own address",
        )
    return None


def _shaped_as_address(*names: str) -> bool:
    """Whether each of two names is shaped as an address: the email rule compares them by
    mailbox. Two names that are not are the look-alike rule's (`likeness`)."""
    return all("@" in name for name in names)


def address_of(name: str, email: str | None) -> str | None:
    """How `name` (in its normal form) is the address `email`, as the words between them: "is",
    or "looks like" (by skeleton, so case, width and punctuation aside; a +tag is its
    mailbox's); None when it is not. The email rule's comparison of a name with an address,
    or of two names shaped as addresses (`email_likeness`, `email_tie`); two addresses are
    `one_mailbox`'s."""
    if not email or skeleton(mailbox(name)) != skeleton(mailbox(fold(email))):
        return None
    return "is" if name == fold(email) else "looks like"


def one_mailbox(email: str | None, other: str | None) -> str | None:
    """How the address `email` is the address `other` as one mailbox, as the words between
    them: "is" (case and width aside), or "shares a mailbox with" (a +tag aside); None when
    they are two mailboxes or either is missing. Two addresses are compared as mail delivers
    them, not by look-alike skeleton as a name beside an address is (`address_of`): that reads
    the @ and dots out, so `ab@c.org` (another domain) and `j.lee@x.org` were one person with
    `a@bc.org` and `jlee@x.org` (rr310). A dot is kept: which domains ignore it is theirs."""
    if not (email and other):
        return None
    if mailbox_of(email) != mailbox_of(other):
        return None
    return "is" if _as_shown(fold(email)) == _as_shown(fold(other)) else "shares a mailbox with"


def mailbox_of(address: str) -> str:
    """The mailbox an address delivers to, as `one_mailbox` compares two: case- and
    width-folded, the +tag left out, and as drawn (`identity.drawn`): an address stored
    before `email_address` refused a character nobody sees (chen.jing + U+200B @gmail.com) is
    the mailbox it shows (review335), and one stored before it refused a letter imitating a
    Latin one (chen.jіng@gmail.com, `_as_shown`) too (rr340). Also the key a trail's
    registrations are found by (workbench.domain.trail_people)."""
    return mailbox(_as_shown(_unicode_domain(fold(address))))


def address_keys(address: str) -> tuple[str, ...]:
    """The look-alike keys (skeleton, +tag left out) a trail finds the people registered at
    `address` by (workbench.domain.trail_people): of the address as written, which a name
    shaped as an address is compared with (`address_of`), and, when its domain is written in
    punycode, of its Unicode form too, as `mailbox_of` reads it: keyed as written alone,
    `maria@xn--bcher-kva.de` was not found beside `maria@bücher.de` by `audit verify` (rr344)."""
    folded = fold(address)
    written = skeleton(mailbox(folded))
    unicode = skeleton(mailbox(_unicode_domain(folded)))
    return (written,) if unicode == written else (written, unicode)


def _unicode_domain(address: str) -> str:
    """A folded address with each label of its domain in punycode (`xn--bcher-kva`) written in
    the Unicode it stands for (`bücher`): mail is delivered to an internationalised domain by
    that ASCII form, so `maria@xn--bcher-kva.de` is `maria@bücher.de` (rr340). A label that is
    no valid punycode stays as written."""
    local, at, domain = address.partition("@")  # as `mailbox` parts it
    if not at or "xn--" not in domain:
        return address
    return f"{local}@{'.'.join(map(_unicode_label, domain.split('.')))}"


def _unicode_label(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        decoded = label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label  # no punycode: compared as written
    # IDNA takes a label only when it is the encoding of its decoding as read (NFKC, case-
    # folded) and drawn (no invisible character, no selector), and never of ASCII alone:
    # `xn--b-` (b), `xn--ni7c` (full-width b), a capital beyond ASCII or a zero-width space are
    # no internationalised name, and mail goes to the domain so named, not to the one they read
    # as. Asked of the decoding as `mailbox_of` reads it: before, `xn--ni7c` was b.org's (rr352).
    # But IDNA keeps `ß` and `ς`, which case folding reads as `ss` and `σ`: `xn--strae-oqa` is
    # `straße`, read as a typed `straße` is (rr353).
    as_read = decoded.translate(_KEPT_BY_IDNA) == fold(decoded) and drawn(decoded) == decoded
    return fold(decoded) if as_read and not decoded.isascii() else label


# The letters IDNA takes as they are that case folding reads as others (its "deviations"
# but the joiners, which `drawn` leaves out), each as folded.
_KEPT_BY_IDNA = str.maketrans({"\u00df": "ss", "\u03c2": "\u03c3"})


def email_tie(a: str, a_email: str | None, b: str, b_email: str | None) -> str | None:
    """Why two registered people, `a` and `b` (each with their address, or None), are one
    person by the email rule `user add` registers by (`email_likeness`): one's name is, or looks
    like, the other's address, or their addresses are one mailbox. Said as "'maria@example.org'
    is the email address of the registered user 'maria'"; None when neither is. The sign-off
    reads them as one reviewer (fix259: maria@example.org, registered before the rule,
    approved maria's verdict)."""
    for name, other, address in ((a, b, b_email), (b, a, a_email)):
        how = address_of(name, address)
        if how is not None:
            return f"{name!r} {how} the email address of the registered user {other!r}"
    # One mailbox is one person (fix302): registered at one address, or named by two
    # addresses of one mailbox, before `user add` refused either.
    how = one_mailbox(b_email, a_email)
    if how is not None:
        return f"the email address of {b!r}, {b_email!r}, {how} that of the registered user {a!r}"
    how = address_of(b, a) if _shaped_as_address(a, b) else None
    if how is not None:
        return f"{b!r} {how} the name of the registered user {a!r}: one mailbox"
    return None


def addresses(rows: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """The registered people's email addresses, of stored (name, email) rows, each under the
    name as stored (a trail's proposer is recorded so) and under its normal form today (the
    approver typed now: `current_form`), for `email_tie`."""
    return {key: email for name, email in rows if email for key in (name, current_form(name))}


def mailbox(text: str) -> str:
    """`text` without the +tag of its local part when it is shaped as an address
    (`maria+review@example.org` -> `maria@example.org`): plus addressing delivers both to one
    mailbox, so the two name one person (review256: the first was registered beside maria,
    whose address was the second, and could approve her verdict). Any other text as is."""
    local, at, domain = text.partition("@")
    if not (at and domain) or "+" not in local:
        return text
    return f"{local.partition('+')[0]}@{domain}"


def _as_read(display: str | None) -> str:
    """A display name quoted as stored, and, when it is not as people read it (spaces at an
    end or several in a row, full-width letters or spaces), as read, as the look-alike rule
    compares it (`fold`, case kept): "'Maria Lopez   ' (as read, 'Maria Lopez')" and
    "'Ｍａｒｉａ\u3000Ｌｏｐｅｚ' (as read, 'Maria Lopez')" are the display name of maria, where
    "'Maria Lopez   ' is" it visibly was not (fix212, review213)."""
    read = fold(display or "", keep_case=True)
    return repr(display) if read == display else f"{display!r} (as read, {read!r})"


def _loose(text: str) -> str:
    """A name as typed loosely: case, width, spaces and punctuation aside (wangfang ~ Wang Fang)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def closest_people(name: str, displays: Mapping[str, str | None]) -> list[str]:
    """Up to three of the names in `displays` (name -> display name) that `name` may have meant,
    each shown with its display name: those whose display name it is, typed loosely (wangfang
    for 王芳, "Wang Fang"), then those spelled like it, by name or by display name."""
    import difflib  # only when a name is refused: not on every read that checks one

    wanted = _loose(name)
    by_display = {_loose(d): n for n, d in displays.items() if d and _loose(d)}
    found = [n for key, n in by_display.items() if key == wanted]
    found += difflib.get_close_matches(name, list(displays), n=3, cutoff=0.5)
    found += [by_display[k] for k in difflib.get_close_matches(wanted, list(by_display), n=3)]
    unique = list(dict.fromkeys(found))[:3]
    return [f"{n} ({displays[n]})" if displays.get(n) else n for n in unique]


def closest_values(typed: str, stored: Iterable[str], *, names: bool) -> list[str]:
    """Up to three of `stored` (owners, or tags) that `typed`, which none of them is, may have
    meant: for names, first those that are one person with it by the sign-off's rule (`wang
    fang` for 王芳); then those spelled like it, case and width aside (`alicia` for alice,
    `econ` for economy)."""
    import difflib  # only for a listing that found nothing

    values = list(stored)
    found: list[str] = []
    if names:
        try:
            wanted = normalise_name(typed, "the name")
        except InvalidInput:
            wanted = fold(typed)
        for value in values:
            try:
                if likeness(wanted, normalise_name(value, "the name")) is not None:
                    found.append(value)
            except InvalidInput:
                continue  # stored before today's rules: compared by spelling below
    by_key = {_loose(v) or v: v for v in values}
    found += [by_key[k] for k in difflib.get_close_matches(_loose(typed) or typed, by_key, n=3)]
    return list(dict.fromkeys(found))[:3]


def current_form(stored: str) -> str:
    """A registered name in today's normal form: one registered before a rule of names changed
    (`王 芳`, before a space between Chinese characters went: trial68) is the name typed now,
    not one that refuses its own person. One that today's rules refuse stays as stored."""
    if join_han(fold(stored)) == stored:
        # Already today's form: the checks could only refuse it, which leaves it as stored
        # too. They read the look-alike tables (10 MB, 0.3 s the first time), which a board
        # grouping its owners by their form today then never loads (review79: stats 24 -> 38 MB).
        return stored
    try:
        return normalise_name(stored)
    except InvalidInput:
        return stored


# What parts an address's words, to the rule of letters imitating Latin ones (`_imitating`):
# what parts a name's (a dot, a hyphen, an underscore), the @ and a +tag's plus. Kept in the
# split, the words at its even places, so that an address is rebuilt from its pieces.
_ADDRESS_WORDS = re.compile("([.@+_-])")
MAX_EMAIL = 320  # RFC 5321's longest address

# How a folded word of an address reads (`_reads`), in the order `_imitation` says the first
# it finds: mixing scripts so that a letter imitates a Latin one (`jіng`, a Cyrillic і), wholly
# of letters drawn like Latin ones (`јое`), as no Latin word (`иван`, `рф`), as a Latin one.
_MIXED, _DRAWN_LATIN, _NOT_LATIN, _LATIN = range(4)


def _words(text: str) -> list[str]:
    """The words of an address (`_ADDRESS_WORDS`), each folded."""
    return [fold(word) for word in _ADDRESS_WORDS.split(text)[::2]]


# Memoised: every address compared (a desk's, at each `user add`) asks it of each of its
# words, and one desk's addresses share their domains' words.
@lru_cache(maxsize=4096)
def _reads(word: str) -> int:
    """How a folded word of an address reads: `_MIXED`, `_DRAWN_LATIN`, `_NOT_LATIN`, `_LATIN`."""
    if word.isascii():
        return _LATIN
    if mixed_scripts(word, "the part", "address") is not None:
        return _MIXED
    return _NOT_LATIN if latin_impostor(word) is None else _DRAWN_LATIN


def _imitating(text: str) -> dict[int, int]:
    """The words of an address that imitate Latin ones, each by its place among its words
    (`_words`) -> how it reads (`_MIXED`, `_DRAWN_LATIN`). The one rule of what `email_address`
    refuses (`_imitation`) and of how an address stored before it did is read (`_as_shown`):
    a word mixing scripts so, as in a name (`chen.j` + CYRILLIC і `ng@gmail.com` was another
    mailbox than 陈静's, the same in every list: review335); a word wholly of letters drawn like
    Latin ones beside a Latin word (`јое.smith@example.org`, Cyrillic ј, о, е: rr340), in the
    domain only when no word of the domain reads as no Latin one (`admin@орех.рф`, under a
    Cyrillic `.рф`, imitates nobody's address: rr344; a word mixing scripts reads as Latin,
    `joe@орех.оrg` as `joe@opex.org`: rr350). Each word by itself: иван@example.org and
    ivan_иванов@x.org are one script a word."""
    if text.isascii():
        return {}
    words = _words(text)
    reads = [_reads(word) for word in words]
    found = {place: how for place, how in enumerate(reads) if how == _MIXED}
    # Asked of the words as read: `јое@ｅｘａｍｐｌｅ.ｏｒｇ`, typed in full-width letters, reads as
    # joe@example.org (rr353).
    if not any(c.isascii() and c.isalpha() for word in words for c in word):
        return found  # no Latin word for one drawn like Latin ones to pass as
    local, at, _ = text.partition("@")  # as `email_address` parts it
    in_local = len(_words(local)) if at else len(words)
    judged = in_local if _NOT_LATIN in reads[in_local:] else len(words)
    found.update((place, how) for place, how in enumerate(reads[:judged]) if how == _DRAWN_LATIN)
    return found


def _imitation(text: str) -> InvalidInput | None:
    """What is wrong with an address a word of which imitates a Latin one (`_imitating`), said
    of its first word mixing scripts, else of its first word drawn like a Latin one; or None."""
    found = _imitating(text)
    if not found:
        return None
    how, place = min((how, place) for place, how in found.items())
    word = _words(text)[place]
    impostor = latin_impostor(word)
    if how == _MIXED or impostor is None:
        return mixed_scripts(word, f"the email address {text!r}: the part", "address")
    return InvalidInput(
        f"the email address {text!r} mixes scripts: the part {word!r} is drawn "
        f"in letters of another script, {impostor!r} "
        f"({unicodedata.name(impostor, '?')}) looks like the Latin "
        f"{latin_of(impostor)!r}; type the address in one script"
    )


def _as_shown(address: str) -> str:
    """A folded address as drawn (`identity.drawn`), and, when a word of it imitates a Latin
    one (`_imitating`: stored before `email_address` refused such an address), with each letter
    of such a word drawn like a Latin one read as that letter: chen.jіng@gmail.com is
    chen.jing@gmail.com, the mailbox it shows (rr340); иван@example.org is itself, and so is
    пример.рф in jоe@пример.рф, which shows joe@пример.рф (rr344)."""
    shown = drawn(address)
    found = _imitating(shown)
    if not found:
        return shown
    pieces = _ADDRESS_WORDS.split(shown)  # its words at the even places, as `_words`'s
    return "".join(
        _read_as_latin(piece) if place % 2 == 0 and place // 2 in found else piece
        for place, piece in enumerate(pieces)
    )


def _read_as_latin(word: str) -> str:
    """A folded `word` with each letter drawn like a Latin one read as that letter, folded as
    the rest: Unicode folds Cherokee letters to capitals, and `Ꮲat@x.org` read as `Pat@x.org`
    was another mailbox than `pat@x.org` (rr353)."""
    return "".join(
        latin.lower()
        if not c.isascii() and (latin := latin_of(c)).isascii() and latin.isalnum()
        else c
        for c in word
    )


def email_address(value: str) -> str:
    """An email address as stored: trimmed, one line, something@somewhere, no space; else
    InvalidInput (asked by the CLI too, so a malformed one typed is bad usage)."""
    from workbench.domain.limits import check_text

    text = check_text(value, "the email address", MAX_EMAIL, one_line=True).strip()
    # An address drawn like another but for a character nobody sees (a zero-width space, a
    # bidi override, a soft hyphen) was two mailboxes to the one-mailbox rule and one address
    # in every list: `cj` at chen.jing + U+200B @gmail.com approved 陈静's verdict (spoof331).
    # A selector is refused wherever it stands (review335): after a dot, a digit or the @ it
    # draws nothing in an address, and `chen.` + U+FE0F `jing@gmail.com` was another mailbox.
    at_index = next((i for i in range(len(text)) if draws_nothing(text, i)), None)
    if at_index is not None:
        char = text[at_index]
        label = unicodedata.name(char, "") or "a control or unassigned character"
        if not invisible(text, at_index):
            # One that is drawn (葛 + U+E0100, ❤ + U+FE0F) is no invisible character: said as
            # what it is (rr340).
            raise InvalidInput(
                f"the email address: character {at_index + 1} is U+{ord(char):04X} {label}, "
                "which varies how the character before it is drawn; an email address holds "
                "no selector: type it without"
            )
        raise InvalidInput(
            f"the email address: character {at_index + 1} is U+{ord(char):04X} {label}, which "
            "is invisible or undefined; an email address holds only visible characters"
        )
    local, at, domain = text.partition("@")
    if not (local and at and domain) or " " in text:
        raise InvalidInput(f"{text!r} is not an email address like name@example.org")
    imitation = _imitation(text)
    if imitation is not None:
        raise imitation
    return text
