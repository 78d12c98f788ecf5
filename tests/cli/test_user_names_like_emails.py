"""A person registered under another person's email address.

A trial (trial254) registered `maria` with `--email maria@example.org`, then a second person
named `maria@example.org`: `user add` took it, and that person approved maria's verdict.
`claim show` said "given by maria, approved by maria@example.org", and `user list` showed the
address twice, once as maria's email and once as another person's name: an editor reading the
trail takes the two for one person. The name is refused, naming whose address it is, as a name
like another's display name is; and so is an --email that is another registered person's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput

Run = Callable[..., Any]


def email_clash(name: str, email: str | None, people: list[tuple[str, str | None]]) -> Any:
    """Why `user add` refuses `name` with `email` beside `people`, as it says it, or None."""
    from workbench.domain.people import email_likeness

    clash = email_likeness(name, email, people)
    return None if clash is None else clash.refusal()


@pytest.mark.parametrize("name", ["maria@example.org", "MARIA@Example.ORG", "maria.example.org"])
def test_a_name_that_is_another_persons_email_is_refused(name: str) -> None:
    from workbench.domain.identity import normalise_name

    refusal = email_clash(normalise_name(name), None, [("maria", "maria@example.org")])
    assert isinstance(refusal, InvalidInput)
    assert "the email address of the registered user 'maria'" in str(refusal), refusal


def test_an_email_that_is_another_persons_name_is_refused() -> None:
    refusal = email_clash("bob", "Maria@example.org", [("maria@example.org", None)])
    assert isinstance(refusal, InvalidInput)
    assert "the name of the registered user 'maria@example.org'" in str(refusal), refusal


def test_ones_own_address_and_others_are_no_clash() -> None:
    people = [("maria", "maria@example.org"), ("lin", None)]
    assert email_clash("bob", "bob@example.org", people) is None
    assert email_clash("bob@example.org", None, people) is None
    assert email_clash("maria2", "maria2@example.org", people) is None


def test_user_add_refuses_a_name_that_is_anothers_email_and_nobody_approves_as_it(
    cli: Run,
) -> None:
    assert cli("user", "add", "maria", "--email", "maria@example.org").code == 0
    r = cli("--as", "maria", "user", "add", "Maria@Example.org")
    assert r.code == 1, (r.out, r.err)
    assert r.err.startswith("error: 'maria@example.org' is the email address of the registered")
    assert r.err.count("\n") == 1, r.err
    names = [u["name"] for u in _users(cli)]
    assert "maria@example.org" not in names, names


def test_user_add_refuses_an_email_that_is_anothers_name(cli: Run) -> None:
    assert cli("--as", "maria@example.org", "user", "add", "maria@example.org").code == 0
    r = cli("--as", "maria@example.org", "user", "add", "maria", "--email", "maria@example.org")
    assert r.code == 1, (r.out, r.err)
    assert "is the name of the registered user 'maria@example.org'" in r.err, r.err
    assert [u["name"] for u in _users(cli)] == ["maria@example.org"]


def _users(cli: Run) -> list[dict[str, Any]]:
    import json

    r = cli("user", "list", "--json")
    assert r.code == 0, r.err
    users: list[dict[str, Any]] = json.loads(r.out)
    return users


@pytest.mark.parametrize(
    ("name", "email"),
    [
        ("maria+x@example.org", "maria@example.org"),
        ("MARIA+desk@Example.org", "maria@example.org"),
        ("maria@example.org", "maria+desk@example.org"),
    ],
)
def test_a_name_that_is_anothers_email_with_a_plus_tag_is_refused(name: str, email: str) -> None:
    """review256: `maria+x@example.org` is maria's mailbox (plus addressing delivers it to her),
    and was registered beside her and approved her verdict: "given by maria, approved by
    maria+x@example.org" reads as maria approving her own."""
    from workbench.domain.identity import normalise_name

    refusal = email_clash(normalise_name(name), None, [("maria", email)])
    assert isinstance(refusal, InvalidInput), (name, email)
    assert "the email address of the registered user 'maria'" in str(refusal), refusal


def test_an_email_with_a_plus_tag_that_is_anothers_name_is_refused() -> None:
    refusal = email_clash("bob", "maria+bob@example.org", [("maria@example.org", None)])
    assert isinstance(refusal, InvalidInput)
    assert "the name of the registered user 'maria@example.org'" in str(refusal), refusal


def test_another_mailbox_on_the_same_domain_is_no_clash() -> None:
    people = [("maria", "maria@example.org")]
    assert email_clash("mario+x@example.org", None, people) is None
    assert email_clash("x+maria@example.org", None, people) is None


def test_user_add_refuses_a_plus_tagged_address_of_anothers(cli: Run) -> None:
    assert cli("user", "add", "maria", "--email", "maria@example.org").code == 0
    r = cli("--as", "maria", "user", "add", "maria+review@example.org")
    assert r.code == 1, (r.out, r.err)
    assert "the email address of the registered user 'maria'" in r.err, r.err
    assert "maria+review@example.org" not in [u["name"] for u in _users(cli)]
