"""Every command a refusal suggests can be pasted as printed: each name or role in it is one
word a POSIX shell reads back exactly (shlex.split), and a name starting with `-` stands after
`--`, where `workbench` reads it as the name and not as an option. A review found `--role
ROLE` printed bare: a role or name holding a space, a quote, `$`, `;` or a backtick split in
two when pasted, or ran something else."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result
from tests.shell_reads import pasted
from workbench.domain.errors import InvalidInput, NotFound, WorkbenchError
from workbench.services.context import Workbench
from workbench.services.users import add_user, bind_user

# Names a person may register (normalise_name keeps each as it is).
HOSTILE = ["ben okafor", "o'brien", "a$b;c", "back`tick", "-ana", "-x y'$z"]


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def operand(*words: str) -> list[str]:
    """Positional words as `workbench` reads them: after `--` when one starts with `-`."""
    return ["--", *words] if any(w.startswith("-") for w in words) else list(words)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_registrant_told_to_register_first_can_paste_the_command(
    wb: Workbench, name: str, cli: Callable[..., Result]
) -> None:
    """`you act as 'okafor ben', which ... register yourself first (`workbench --as okafor ben
    user add okafor ben`)`: pasted, the name split in two, and `-ana` was read as an option."""
    actor = name if " " in name else name + " q"
    other = " ".join(reversed(actor.split(" ")))  # the same name in another order
    with pytest.raises(InvalidInput) as refused:
        add_user(_as(wb, actor), other)
    argv = pasted(refused.value.message)
    assert argv == ["workbench", "--as", actor, "user", "add", *operand(actor)]
    r = cli(*argv[1:])
    assert r.code == 0, r.err
    assert r.out.startswith(f"registered {actor}")


@pytest.fixture
def hostile_role() -> Iterator[Callable[[str, bool], str]]:
    """A login role named with shell-hostile characters (dropped afterwards); with `owner`, a
    member of the role that owns the test's tables (so the desk's owner, as a second login of
    the owner's role is); the URL by which it reaches `url`'s schema."""
    from workbench.db.engine import get_engine
    from workbench.db.url import resolve_url

    made: list[str] = []
    admin = get_engine(resolve_url(PG_URL))

    def make(url: str, owner: bool) -> str:
        role = f"-wb {uuid.uuid4().hex[:6]} o'k$x;`y"
        quoted = '"' + role.replace('"', '""') + '"'
        with admin.begin() as conn:
            conn.execute(text(f"CREATE ROLE {quoted} LOGIN"))
            if owner:
                tables_owner = conn.execute(text("SELECT quote_ident(current_user)")).scalar()
                conn.execute(text(f"GRANT {tables_owner} TO {quoted}"))
        made.append(quoted)
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{quote(role, safe='')}@{rest.split('@', 1)[1]}"

    try:
        yield make
    finally:
        with admin.begin() as conn:
            for quoted in made:
                conn.execute(text(f"DROP OWNED BY {quoted}"))
                conn.execute(text(f"DROP ROLE {quoted}"))


def role_of(url: str) -> str:
    from urllib.parse import unquote

    return unquote(url.split("://", 1)[1].split("@", 1)[0])


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
@pytest.mark.parametrize("name", HOSTILE)
def test_user_bind_of_an_unregistered_name_suggests_a_user_add_that_pastes(
    wb: Workbench, name: str
) -> None:
    """`no registered user ... (`workbench user add NAME --role ROLE` registers ...)`, with the
    name and role as typed: bare, a role `a b;c` ran `c` when pasted."""
    role = "-r o'k$x;`y"
    add_user(_as(wb, "owner"), "owner")
    with pytest.raises(NotFound) as refused:
        bind_user(_as(wb, "owner"), name, role)
    argv = pasted(refused.value.message)
    expected = ["workbench", "user", "add", name, "--role", role]
    if name.startswith("-"):
        expected = ["workbench", "user", "add", "--role", role, "--", name]
    assert argv == expected


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
@pytest.mark.parametrize("name", HOSTILE)
def test_a_registered_unbound_name_is_told_a_user_bind_that_pastes(
    wb: Workbench, name: str, hostile_role: Callable[[str, bool], str]
) -> None:
    """`... is already registered, unbound: the desk's owner binds it (`workbench user bind
    NAME --role ROLE`)`: the role with a quote and `;` in it was printed bare."""
    role = role_of(hostile_role(wb.url, False))
    owner = _as(wb, "owner")
    add_user(owner, "owner")
    add_user(owner, name)
    with pytest.raises(WorkbenchError) as refused:
        add_user(owner, name, role=role)
    argv = pasted(refused.value.message)
    expected = ["workbench", "user", "bind", name, "--role", role]
    if name.startswith("-"):
        expected = ["workbench", "user", "bind", "--role", role, "--", name]
    assert argv == expected
    bound = bind_user(owner, name, role)
    assert bound.user.role == role


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
@pytest.mark.parametrize("actor", HOSTILE)
def test_the_owners_role_is_told_a_registration_that_pastes(
    wb: Workbench, actor: str, hostile_role: Callable[[str, bool], str]
) -> None:
    """From a login of the desk's owner's role named `-wb o'k$x;`y`, an unregistered name was
    told `workbench --as NAME user add NAME --role ROLE` with the role bare, and a name bound
    elsewhere the same with NAME: pasted, the shell split the role and ran what followed `;`."""
    url = hostile_role(wb.url, True)
    role = role_of(url)
    add_user(_as(wb, "owner"), "owner")
    with pytest.raises(InvalidInput) as refused:
        add_user(Workbench(url=url, actor=actor), "carol")
    argv = pasted(refused.value.message)
    expected = ["workbench", "--as", actor, "user", "add", actor, "--role", role]
    if actor.startswith("-"):
        expected = ["workbench", "--as", actor, "user", "add", "--role", role, "--", actor]
    assert argv == expected
    # A name bound to another role, acted under from this one: register one bound here.
    bind_user(_as(wb, "owner"), "owner", "postgres")
    with pytest.raises(InvalidInput) as mismatch:
        add_user(Workbench(url=url, actor="owner"), "carol")
    assert pasted(mismatch.value.message) == [
        "workbench",
        "--as",
        "NAME",
        "user",
        "add",
        "NAME",
        "--role",
        role,
    ]


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_safeguard_refused_to_a_name_not_bound_here_names_a_role_that_pastes(
    wb: Workbench, hostile_role: Callable[[str, bool], str], person: Callable[[str], str]
) -> None:
    """trial49's sentence, `register one (`workbench user add NAME --role ROLE`)`, from a
    login of the owner's role named with a quote, `$` and `;`: printed bare."""
    from workbench.services.settings import set_config

    url = hostile_role(wb.url, True)
    role = role_of(url)
    elsewhere = role_of(person(wb.url))
    owner = _as(wb, "eve")
    add_user(owner, "eve")
    add_user(owner, "dan")
    bind_user(owner, "eve", elsewhere)
    dan = Workbench(url=url, actor="dan")
    set_config(dan, "review.required", "true")
    with pytest.raises(InvalidInput) as refused:
        set_config(dan, "review.required", "false")
    assert pasted(refused.value.message) == ["workbench", "user", "add", "NAME", "--role", role]
