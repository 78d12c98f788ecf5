"""rr352: the checks of names and addresses answer InvalidInput or an answer for any text,
never another exception: finalC found StopIteration (`latin_impostor` of `1☀`) and TypeError
(`invisible` of a Mongolian selector first), each a traceback from `user add` and, once such an
address was stored, from every later `user add` and `audit verify`. Text drawn towards what
those rules read (selectors, look-alikes, marks, punycode labels) and from all of Unicode but
half surrogates, which no text holds (the CLI and `audit verify` refuse them first)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain import identity, people
from workbench.domain.errors import InvalidInput

_DRAWN_TOWARDS = [
    *"aeio1l0@.+-_ ",
    "xn--",
    "\u180b",  # Mongolian free variation selector one
    "\u180f",
    "\ufe0f",
    "\U000e0100",
    "\u0430",  # Cyrillic а
    "\u0456",
    "\u03bf",  # Greek ο
    "\u2600",  # ☀
    "\u00b7",
    "\u0307",  # combining dot above
    "\u20dd",  # combining enclosing circle
    "\u200b",
    "\u3164",  # Hangul filler
    "\u1820",  # Mongolian letter a
    "\u738b",  # 王
    "\u2ea9",  # ⺩
    "\u0130",  # İ
    "\ufb01",  # ﬁ
    "\uff42",  # full-width b
    "\uff0e",  # full-width full stop
]
# The scripts the look-alike rules read letters of as Latin ones (rr353): Cyrillic, Greek,
# Armenian, Cherokee, full-width and mathematical letters and digits.
_READ_AS_LATIN = st.one_of(
    st.characters(min_codepoint=0x0370, max_codepoint=0x04FF),
    st.characters(min_codepoint=0x0531, max_codepoint=0x058A),
    st.characters(min_codepoint=0x13A0, max_codepoint=0x13FD),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.characters(min_codepoint=0x1D400, max_codepoint=0x1D7FF),
)
_CHARS = st.one_of(
    st.sampled_from(_DRAWN_TOWARDS),
    _READ_AS_LATIN,
    st.characters(exclude_categories=("Cs",)),
    st.characters(max_codepoint=0x7F),
)
_TEXT = st.lists(_CHARS, max_size=12).map("".join)
_PUNYCODE = st.builds(
    lambda local, label: f"{local}@xn--{label}.org",
    st.text(st.characters(max_codepoint=0x7F), max_size=4),
    st.text(st.sampled_from("abz019-"), max_size=10),
)
# Words of an address as the look-alike rule parts them, of Latin letters, of letters drawn
# like them and of others, so that words of each kind stand beside each other (rr353).
_WORDS = st.lists(
    st.text(st.one_of(st.characters(max_codepoint=0x7A), _READ_AS_LATIN), min_size=1, max_size=4),
    min_size=1,
    max_size=5,
)
_ADDRESS = st.builds(lambda local, domain: f"{'.'.join(local)}@{'.'.join(domain)}", _WORDS, _WORDS)
_ANY = st.one_of(_TEXT, _PUNYCODE, _ADDRESS)


def _checked(check: Callable[..., object], *args: object) -> object:
    try:
        return check(*args)
    except InvalidInput:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(_ANY, _ANY)
def test_names_and_addresses_answer_or_refuse(a: str, b: str) -> None:
    for index in range(len(a)):
        identity.invisible(a, index)
        identity.draws_nothing(a, index)
    identity.hidden_at(a)
    identity.latin_impostor(a)
    identity.latin_impostor(identity.fold(a))
    name, other = _checked(identity.normalise_name, a), _checked(identity.normalise_name, b)
    if isinstance(name, str) and isinstance(other, str):
        identity.likeness(name, other)
        identity.likeness_keys(name)
    identity.same_person(a, b)
    people.current_form(a)
    email, other_email = _checked(people.email_address, a), _checked(people.email_address, b)
    for address in (a, b, email, other_email):
        if isinstance(address, str):
            people.mailbox_of(address)
            people.address_keys(address)
    people.one_mailbox(a, b)
    people.email_tie(identity.fold(a), b, identity.fold(b), a)
    people.email_likeness(identity.fold(a), a, [(identity.fold(b), b)])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(_ANY)
def test_an_address_taken_is_its_own_mailbox(text: str) -> None:
    """rr353: an address `email_address` takes is one mailbox with itself, and its mailbox is
    its own mailbox (a letter read as Latin is read as folded Latin): `Ꮲ@Ａ` was taken, and
    its mailbox `P@a` was another than `p@a`'s."""
    address = _checked(people.email_address, text)
    if not isinstance(address, str):
        return
    mailbox = people.mailbox_of(address)
    assert people.one_mailbox(address, address) == "is"
    assert people.mailbox_of(identity.fold(address)) == mailbox
    assert people.mailbox_of(mailbox) == mailbox
