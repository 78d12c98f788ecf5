"""Two people registered under one mailbox.

`user add ana --email x@d.org`, then `user add bo --email x@d.org`: both taken, and bo
approved ana's verdict; `user list` showed one address as two people's, so the trail reads
"given by ana, approved by bo" where one mailbox stands behind both. Likewise two people
named `ops@x.org` and `ops+x@x.org`: plus addressing delivers both to one mailbox (fix302).
The email rule reads a person's address, and a name shaped as one, as that mailbox's: one
mailbox is one person, refused at `user add` and no second reviewer at the sign-off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("first", "second", "said"),
    [
        (
            ("ana", "--email", "x@d.org"),
            ("bo", "--email", "X@d.org"),
            "the email address 'X@d.org' is the email address of the registered user 'ana'",
        ),
        (
            ("ana", "--email", "ana@d.org"),
            ("bo", "--email", "ana+bo@d.org"),
            "'ana+bo@d.org' shares a mailbox with the email address of the registered user 'ana'",
        ),
        (
            ("ops@x.org",),
            ("ops+x@x.org",),
            "'ops+x@x.org' looks like the name of the registered user 'ops@x.org'",
        ),
    ],
)
def test_user_add_refuses_a_second_person_at_one_mailbox(
    cli: Run, first: tuple[str, ...], second: tuple[str, ...], said: str
) -> None:
    assert cli("--as", "ed", "user", "add", *first).code == 0
    r = cli("--as", "ed", "user", "add", *second)
    assert r.code == 1, (r.out, r.err)
    assert said in r.err, r.err
    assert r.err.count("\n") == 1, r.err
    assert second[0] not in cli("user", "list").out


def test_claim_approve_names_the_one_address(cli: Run, db_url: str) -> None:
    """ana and bo, registered at one address before `user add` refused it: bo's approval of
    ana's verdict is refused, saying which address ties them."""
    from tests.services.test_sign_off_emails import _as
    from tests.services.test_signoff import proposed
    from workbench.domain.identity import skeleton
    from workbench.services.context import Workbench, transaction
    from workbench.services.users import _insert_user

    wb = Workbench(url=db_url, actor="ed")
    cid = proposed(wb, "ana")
    assert cli("--as", "ed", "user", "add", "ana", "--email", "x@d.org").code == 0
    with transaction(_as(wb, "ed"), write=True) as tx:
        _insert_user(tx, "bo", skeleton("bo"), email="X@d.org")
    r = cli("--as", "bo", "claim", "approve", str(cid))
    assert r.code == 1, (r.out, r.err)
    assert "bo is too like ana, who proposed this verdict (the email address of 'bo', " in r.err
    assert "'X@d.org', is that of the registered user 'ana'); a different" in r.err, r.err


@pytest.mark.parametrize(
    "people",
    [
        (("ana", "x@d.org"), ("bo", "X@d.org")),
        (("ana", "ana@d.org"), ("bo", "ana+bo@d.org")),
        (("ops@x.org", None), ("ops+x@x.org", None)),
    ],
)
def test_audit_verify_names_a_trail_that_registered_two_people_at_one_mailbox(
    people: tuple[tuple[str, str | None], ...],
) -> None:
    """A trail registering the two (a workbench before the rule, or one rewritten) is warned of
    as `user add` refuses the second: found by its address or address-shaped name."""
    from workbench.domain.trail_people import Registrations

    trail = Registrations()
    for seq, (name, email) in enumerate(people, start=1):
        trail.feed(seq, "user.added", {"after": {"name": name, "email": email}}, name)
    assert [(f.seq, f.other) for f in trail.found] == [(2, people[0][0])], trail.found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a@bc.org", "ab@c.org"),  # another domain: the skeleton read the @ and dots out
        ("j.lee@x.org", "jlee@x.org"),  # a dot is the domain's to read, not the desk's
        ("li1@x.org", "lil@x.org"),  # a digit and a letter drawn alike: two mailboxes
    ],
)
def test_two_addresses_of_two_mailboxes_are_two_people(
    cli: Run, db_url: str, first: str, second: str
) -> None:
    """Two addresses are one person's when they are one mailbox, case and a +tag aside (as
    docs/identity.md says), not when their look-alike skeletons meet: `ab@c.org` was refused
    beside `a@bc.org` ("give your own address", to a person who had), and the sign-off read the
    two as one reviewer (rr310)."""
    from workbench.domain.people import email_tie

    assert cli("--as", "ed", "user", "add", "ana", "--email", first).code == 0
    r = cli("--as", "ed", "user", "add", "bo", "--email", second)
    assert r.code == 0, r.err
    assert email_tie("ana", first, "bo", second) is None
    assert email_tie("bo", second, "ana", first) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [("a@bc.org", "ab@c.org"), ("j.lee@x.org", "jlee@x.org"), ("li1@x.org", "lil@x.org")],
)
def test_audit_verify_names_one_mailbox_behind_another_of_its_skeleton(
    cli: Run, db_url: str, first: str, second: str
) -> None:
    """finalB: ana (`a@bc.org`) and bo (`ab@c.org`), two mailboxes that user add lets in since
    rr310, then cy at bo's very mailbox, which user add refuses beside bo. The trail kept one
    person a look-alike skeleton of an address (the first, ana), so its replay compared cy with
    ana only and audit verify said nothing of cy and bo."""
    from workbench.domain.trail_people import Registrations

    assert cli("--as", "ed", "user", "add", "ana", "--email", first).code == 0
    assert cli("--as", "ed", "user", "add", "bo", "--email", second).code == 0
    r = cli("--as", "ed", "user", "add", "cy", "--email", second.upper())
    assert r.code == 1 and "the registered user 'bo'" in r.err, r.err
    trail = Registrations()
    people = (("ana", first), ("bo", second), ("cy", second.upper()))
    for seq, (name, email) in enumerate(people, start=1):
        trail.feed(seq, "user.added", {"after": {"name": name, "email": email}}, name)
    assert [(f.seq, f.other) for f in trail.found] == [(3, "bo")], trail.found
