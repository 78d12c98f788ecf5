"""A desk registers its people; then every change names one, and no look-alike gets in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import Conflict, InvalidInput
from workbench.domain.identity import normalise_name
from workbench.services.context import Workbench
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.user_list import list_users
from workbench.services.users import BINDING_NOT_PERMITTED, add_user, bind_user
from workbench.services.verify import verify_database


def _claim(wb: Workbench) -> int:
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document

    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    return add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id


def as_(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def test_no_users_means_anyone(wb: Workbench) -> None:
    assert list_users(wb) == []
    cid = _claim(wb)
    add_note(as_(wb, "whoever"), cid, "fine")


def test_registered_users_are_listed_in_normal_form(wb: Workbench) -> None:
    add_user(wb, "  Maria ", display="Maria Lopez", email="maria@example.org")
    add_user(as_(wb, "maria"), "ＥＤＩＴＯＲ")
    assert [(u.name, u.display, u.added_by) for u in list_users(wb)] == [
        ("editor", None, "maria"),
        ("maria", "Maria Lopez", "tester"),
        ("tester", None, "tester"),  # who made the first registration (below)
    ]


def test_once_registered_every_change_names_one(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    cid = _claim(wb)
    add_user(as_(wb, "maria"), "maria")
    before = counts()
    with pytest.raises(InvalidInput, match="'tester' is not a registered user"):
        add_note(wb, cid, "no")
    with pytest.raises(InvalidInput, match="not a registered user"):
        add_user(wb, "tester")
    assert counts() == before
    add_note(as_(wb, "MARIA"), cid, "yes")


@pytest.mark.parametrize(
    ("twin", "fragment"),
    [
        ("\u0455\u0430\u0455\u04bb\u0430", "looks like the registered user 'sasha'"),
        ("SASHA", "already registered"),
        ("s\u0430sha", "mixes scripts"),
    ],
)
def test_look_alike_of_a_registered_name_is_refused(
    wb: Workbench, twin: str, fragment: str
) -> None:
    add_user(wb, "sasha")
    with pytest.raises((InvalidInput, Conflict), match=fragment):
        add_user(as_(wb, "sasha"), twin)


@pytest.mark.parametrize("twin", ["\u0430\u04cf\u0456\u0441\u0435", "AL\u0130CE"])
def test_palochka_and_dotted_i_look_alikes_are_refused(wb: Workbench, twin: str) -> None:
    add_user(wb, "alice")
    with pytest.raises(InvalidInput, match="looks like the registered user 'alice'"):
        add_user(as_(wb, "alice"), twin)


def test_a_key_stored_under_an_older_rule_still_catches_its_twin(wb: Workbench) -> None:
    """The look-alike rule grows; a registered name is judged by today's rule, not by the key
    stored when it was added."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    add_user(as_(wb, "alice"), "alice")
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("UPDATE users SET skeleton = 'stale'"))
    with pytest.raises(InvalidInput, match="looks like the registered user 'alice'"):
        add_user(as_(wb, "alice"), "\u0430\u04cf\u0456\u0441\u0435")


def test_same_name_twice_is_a_conflict(wb: Workbench) -> None:
    add_user(wb, "alice")
    with pytest.raises(Conflict, match="already registered"):
        add_user(as_(wb, "alice"), "ALICE")


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"email": "not-an-address"}, "not an email address"),
        ({"email": "a@b\nc"}, "control character"),
        ({"display": "x" * 201}, "limit is 200"),
        ({"display": "Mal\x1b[31mlory"}, "control character"),
    ],
)
def test_bad_details_are_refused(
    wb: Workbench, kwargs: dict[str, str], fragment: str, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=fragment):
        add_user(wb, "alice", **kwargs)
    assert counts() == before


def test_users_replay_and_verify(wb: Workbench) -> None:
    add_user(wb, "alice", display="Alice", email="alice@example.org")
    add_user(as_(wb, "alice"), "bob")
    assert verify_database(wb).ok
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]
    assert report.entities["user"] == 3  # alice, bob, and tester, who registered alice


def test_a_read_that_refreshes_the_similar_index_needs_no_registered_name(wb: Workbench) -> None:
    """`claim similar` re-indexes changed claims (derived data) in a write transaction of its
    own; a researcher who is not a registered user may still read."""
    from workbench.services.claims import set_status
    from workbench.services.similar import similar_claims

    add_user(wb, "alice")
    alice = as_(wb, "alice")
    cid = _claim(alice)
    set_status(alice, cid, "in_progress")  # the claim's version moves: the index is stale
    assert similar_claims(as_(wb, "mallory"), cid) == []
    with pytest.raises(InvalidInput, match="not a registered user"):
        add_note(as_(wb, "mallory"), cid, "a note is a change: refused")


def test_once_registered_claims_go_to_registered_people(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    from workbench.services.workflow import assign

    cid = _claim(wb)
    assign(wb, [cid], "anyone")  # before anyone registers, any name owns a claim
    add_user(wb, "wang")
    wang = as_(wb, "wang")
    add_user(wang, "sasha")
    before = counts()
    # a typo would hand the claim to nobody: out of wang's queue and into no one's
    with pytest.raises(InvalidInput, match=r"'wnag' is not a registered user.*did you mean wang"):
        assign(wang, [cid], "wnag")
    with pytest.raises(InvalidInput, match="'zhao' is not a registered user of this desk \\("):
        assign(wang, [cid], "zhao")
    with pytest.raises(InvalidInput, match="'ѕаѕһа' looks like the registered user 'sasha'"):
        assign(wang, [cid], "ѕаѕһа")  # all Cyrillic: one script, sasha's skeleton
    assert counts() == before
    assert assign(wang, [cid], " WANG ")[0].assignee == "wang"


def test_an_unregistered_actor_is_refused_with_the_names_they_may_have_meant(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    """The same search `claim assign --to` answers with: a typo of a registered name is
    refused naming it, a look-alike naming its twin, a stranger with the way in."""
    cid = _claim(wb)
    add_user(wb, "lena")
    add_user(as_(wb, "lena"), "sasha")
    before = counts()
    with pytest.raises(
        InvalidInput, match=r"^'lnea' is not a registered user of this desk; did you mean lena\? "
    ):
        add_note(as_(wb, "lnea"), cid, "no")
    with pytest.raises(InvalidInput, match="'ѕаѕһа' looks like the registered user 'sasha'"):
        add_note(as_(wb, "ѕаѕһа"), cid, "no")  # all Cyrillic: sasha's skeleton
    with pytest.raises(InvalidInput, match=r"^'zhao' is not a registered user of this desk: act"):
        add_note(as_(wb, "zhao"), cid, "no")
    assert counts() == before


def test_an_actor_or_owner_reading_like_a_registered_name_is_refused_naming_it(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    from workbench.services.workflow import assign

    cid = _claim(wb)
    add_user(as_(wb, "王芳"), "王芳")
    before = counts()
    with pytest.raises(
        InvalidInput, match=r"^'wang fang' reads like the registered user '王芳', written"
    ):
        add_note(as_(wb, "wang fang"), cid, "no")
    with pytest.raises(
        InvalidInput, match=r"^--to 'wangfang' reads like the registered user '王芳'"
    ):
        assign(as_(wb, "王芳"), [cid], "WangFang")
    assert counts() == before


def test_my_queue_needs_a_registered_name_once_people_are_registered(wb: Workbench) -> None:
    """A read needs no registered name, but `--mine` under a name nobody has is a queue that
    is always empty: said, with the names meant, rather than shown as an empty queue."""
    from workbench.services.queries import ClaimFilter, list_claims
    from workbench.services.workflow import assign

    cid = _claim(wb)
    assign(wb, [cid], "marco")
    assert list_claims(as_(wb, "mraco"), ClaimFilter(queue_of="mraco")) == []  # nobody yet
    add_user(wb, "marco")
    marco = as_(wb, "marco")
    assert [c.id for c in list_claims(marco, ClaimFilter(queue_of="marco"))] == [cid]
    with pytest.raises(InvalidInput, match=r"'mraco' is not a registered user.*did you mean marco"):
        list_claims(as_(wb, "mraco"), ClaimFilter(queue_of="mraco"))
    # other reads stay open to anyone
    assert [c.id for c in list_claims(as_(wb, "mraco"), ClaimFilter(assignee="marco"))] == [cid]


def test_an_assignment_says_when_no_name_could_be_checked(wb: Workbench) -> None:
    """Before anyone registers, any owner is accepted: the first assignment says so (the CLI
    prints the hint once), later ones and a registered desk's do not."""
    from workbench.services.workflow import assign_owner

    cid = _claim(wb)
    first = assign_owner(wb, [cid], "mraco")
    assert first.unchecked_first and first.claims[0].assignee == "mraco"
    assert not assign_owner(wb, [cid], "marco").unchecked_first  # no longer the first
    assert not assign_owner(wb, [cid], None).unchecked_first
    add_user(wb, "marco")
    assert not assign_owner(as_(wb, "marco"), [cid], "marco").unchecked_first


def test_a_role_binds_a_name_on_postgresql_only(wb: Workbench) -> None:
    if wb.url.startswith("postgres"):
        assert add_user(wb, "maria", role="postgres").role == "postgres"
        return
    with pytest.raises(InvalidInput, match="a SQLite file has no roles"):
        add_user(wb, "maria", role="maria_role")
    assert list_users(wb) == []


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_registered_unbound_name_is_told_it_cannot_be_bound_afterwards(wb: Workbench) -> None:
    """trial47b: the desk registered its people, then made their roles, and `user add josé
    --role t_jose` read only "'josé' is already registered"."""
    from workbench.domain.errors import Conflict

    add_user(as_(wb, "maria"), "maria")
    with pytest.raises(Conflict) as refused:
        add_user(as_(wb, "maria"), "maria", role="postgres")
    assert refused.value.message == (
        "'maria' is already registered, unbound: the desk's owner binds it "
        "(`workbench user bind maria --role postgres`)"
    )


def test_a_registered_name_is_bound_on_postgresql_only(wb: Workbench) -> None:
    add_user(as_(wb, "maria"), "maria")
    if wb.url.startswith("postgres"):
        return  # (the next test)
    with pytest.raises(InvalidInput, match="a SQLite file has no roles to bind a name to"):
        bind_user(as_(wb, "maria"), "maria", "maria_role")
    assert [u.role for u in list_users(wb)] == [None]


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_owner_binds_a_registered_name_and_replay_agrees(
    wb: Workbench, person: Callable[[str], str], counts: Callable[[], dict[str, int]]
) -> None:
    """Session 46 left alone: a desk that registered its people before making their roles
    could not bind them (trial47b). Now the owner does, recorded as `user.bound`."""
    from workbench.domain.errors import NotFound
    from workbench.services.registry import ROLE_MISMATCH

    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    owner = as_(wb, "owner")
    add_user(owner, "owner")
    add_user(owner, "maria")
    cid = _claim(owner)
    # A person binding a registered name, even to their own role, would take it over.
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        bind_user(Workbench(url=url, actor="maria"), "maria", role)
    assert refused.value.reason == BINDING_NOT_PERMITTED
    assert refused.value.message == (
        f"this session is the role {role!r}: a registered name is bound to a role by the "
        "desk's owner (role postgres) only"
    )
    with pytest.raises(NotFound, match="no registered user 'nobody'"):
        bind_user(owner, "nobody", role)
    with pytest.raises(InvalidInput, match="the server has no login role of that name"):
        bind_user(owner, "maria", "no_such_role_x")
    assert counts() == before
    bound = bind_user(owner, "MARIA ", role)
    assert (bound.user.name, bound.user.role, bound.before, bound.changed) == (
        "maria",
        role,
        None,
        True,
    )
    assert bound.user.role_enforced
    again = bind_user(owner, "maria", role)
    assert not again.changed and counts() == {**before, "events": before["events"] + 1}
    # The binding holds at once: maria's name from the owner's role is refused now.
    with pytest.raises(InvalidInput) as mismatch:
        add_note(as_(wb, "maria"), cid, "from the owner's role")
    assert mismatch.value.reason == ROLE_MISMATCH
    assert add_note(Workbench(url=url, actor="maria"), cid, "hers").body == "hers"
    # Rebound: the event carries the role before and after, and replay reproduces it.
    moved = bind_user(owner, "maria", "postgres")
    assert (moved.before, moved.user.role) == (role, "postgres")
    assert replay(wb).consistent
    assert verify_database(wb).ok


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_name_is_bound_to_a_role_by_that_role_or_the_owner(
    wb: Workbench, person: Callable[[str], str], counts: Callable[[], dict[str, int]]
) -> None:
    """A trial: a registered person bound a new name to another person's login role, which
    would then act under a name they never chose (or the person's name, taken first)."""
    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    add_user(as_(wb, "owner"), "owner")
    maria = Workbench(url=url, actor="owner")
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        add_user(maria, "carol", role="postgres")  # the owner's role, not hers
    assert refused.value.reason == BINDING_NOT_PERMITTED
    assert refused.value.message == (
        f"this session is the role {role!r}: a name is bound to the role 'postgres' from "
        "that role itself or by the desk's owner (role postgres)"
    )
    assert counts() == before  # nothing written, no event
    assert add_user(maria, "maria", role=role).role == role  # her own role
    owner = as_(wb, "owner")
    assert add_user(owner, "tom", role=role).role == role  # the owner binds anyone's
    assert add_user(owner, "carol", role="postgres").role_enforced
    assert {u.name: (u.role, u.role_enforced) for u in list_users(wb)} == {
        "carol": ("postgres", True),
        "maria": (role, True),
        "owner": (None, False),
        "tom": (role, True),
    }


def test_a_bound_name_brought_to_a_sqlite_file_still_acts(wb: Workbench) -> None:
    """A bundle moves a PostgreSQL desk to a SQLite file with its users' roles: there are no
    roles there, and the binding must not lock every bound name out."""
    if wb.url.startswith("postgres"):
        pytest.skip("the binding holds on PostgreSQL (tests/cli/test_shared_schema.py)")
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    add_user(as_(wb, "maria"), "maria")
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("UPDATE users SET role = 'maria_role' WHERE name = 'maria'"))
    maria = Workbench(url=wb.url, actor="maria")
    assert add_note(maria, _claim(maria), "from the file").body == "from the file"
    # listed with the role it was bound to, said not to hold here
    [listed] = list_users(wb)
    assert (listed.role, listed.role_enforced) == ("maria_role", False)
    assert listed.to_json()["role"] == "maria_role"


def test_the_first_registration_registers_its_registrant_too(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    """A trial: rosa, unregistered, registered kwame, then could not register herself (only a
    registered user registers others). The desk's first registration by someone else now
    registers the registrant as well, in the same transaction, each with its event."""
    rosa = as_(wb, "rosa")
    added = add_user(rosa, "kwame", display="Kwame Mensah")
    assert added.also_registered == "rosa"
    assert [(u.name, u.added_by, u.display) for u in list_users(wb)] == [
        ("kwame", "rosa", "Kwame Mensah"),
        ("rosa", "rosa", None),
    ]
    # rosa goes on registering the desk; nobody else is registered with later ones
    assert add_user(rosa, "mei").also_registered is None
    assert len(list_users(wb)) == 3
    assert verify_database(wb).ok and replay(wb).consistent
    # ... and whoever is not registered is refused, as before
    before = counts()
    with pytest.raises(InvalidInput, match="'tester' is not a registered user"):
        add_user(wb, "tester")
    assert counts() == before


def test_registering_oneself_first_registers_one_name(wb: Workbench) -> None:
    added = add_user(as_(wb, "ROSA"), " rosa ")
    assert added.also_registered is None
    assert [u.name for u in list_users(wb)] == ["rosa"]


def test_a_registrant_whose_name_looks_like_the_first_one_is_refused(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    # The two could not both be registered (look-alikes); neither is, and the way is said.
    before = counts()
    with pytest.raises(InvalidInput, match=r"you act as 'l\.i', which looks like .*user add l\.i"):
        add_user(as_(wb, "l.i"), "li")
    assert counts() == before and list_users(wb) == []


def test_a_registration_names_claims_owned_by_unregistered_names(wb: Workbench) -> None:
    """Before anyone registers, `claim assign --to kwmae` is taken; once people are, the typo
    owns claims nobody's queue shows: each registration names such owners, most claims first."""
    from workbench.services.workflow import assign

    doc_claims = [_claim(wb)] + [add_claim_to(wb, q) for q in ("MiniMax", "创业", "在", "年底")]
    assign(wb, doc_claims[:3], "kwmae")
    assign(wb, doc_claims[3:], "zed")
    first = add_user(as_(wb, "rosa"), "kwame")
    assert [(o.name, o.claims) for o in first.unregistered_owners] == [("kwmae", 3), ("zed", 2)]
    assert first.to_json()["unregistered_owners"] == [
        {"name": "kwmae", "claims": 3},
        {"name": "zed", "claims": 2},
    ]
    rosa = as_(wb, "rosa")
    assign(rosa, doc_claims[:3], "kwame")
    later = add_user(rosa, "zed")
    assert later.unregistered_owners == ()


def add_claim_to(wb: Workbench, quote: str) -> int:
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document

    doc = add_document(wb, f"{quote}：MiniMax在2021年底创业。".encode()).document.id
    return add_claim(wb, doc, f"about {quote}", SpanRequest(quote=quote, occurrence=1)).id


@pytest.mark.parametrize("reading", ["wang fang", "WangFang", "Wáng Fāng", "wang2 fang1"])
def test_a_name_that_reads_like_a_registered_one_is_refused(
    wb: Workbench, reading: str, counts: Callable[[], dict[str, int]]
) -> None:
    """A trial registered 王芳 and `wang fang` side by side, and each signed off the other's
    verdict: a name in Latin letters spelling a registered Chinese name in pinyin (spaces,
    case and tone marks aside) is refused, naming it; and so the other way round."""
    add_user(as_(wb, "王芳"), "王芳")
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        add_user(as_(wb, "王芳"), reading)
    assert refused.value.message == (
        f"{normalise_name(reading)!r} reads like the registered user '王芳'; choose a name "
        "that cannot be mistaken for theirs"
    )
    assert counts() == before


def test_a_name_in_the_other_set_of_characters_or_order_is_refused(wb: Workbench) -> None:
    """trial47: with 王芳 registered, `wang fang` was refused but `fang wang` (given name first,
    as English writes it) registered; and 張偉 beside 张伟 would be one name twice."""
    add_user(as_(wb, "王芳"), "王芳")
    with pytest.raises(InvalidInput, match=r"^'fang wang' reads like the registered user '王芳'"):
        add_user(as_(wb, "王芳"), "fang wang")
    add_user(as_(wb, "王芳"), "张伟")
    with pytest.raises(
        InvalidInput, match=r"^'張偉' is the same name as the registered user '张伟'; choose"
    ):
        add_user(as_(wb, "王芳"), "張偉")
    assert [u.name for u in list_users(wb)] == ["张伟", "王芳"]


def test_a_chinese_name_that_reads_as_a_registered_latin_one_is_refused(wb: Workbench) -> None:
    add_user(as_(wb, "hang chuan"), "hang chuan")
    # 行 reads xing or hang (or heng): any reading is the name's
    with pytest.raises(InvalidInput, match="'行川' reads like the registered user 'hang chuan'"):
        add_user(as_(wb, "hang chuan"), "行川")
    assert [u.name for u in list_users(wb)] == ["hang chuan"]


def test_two_chinese_names_that_read_alike_are_two_people(wb: Workbench) -> None:
    # 王芳 and 汪芳 are both wang fang aloud, but two written names: homophones are common
    # among Chinese names, and the trail shows which one acted.
    add_user(as_(wb, "王芳"), "王芳")
    add_user(as_(wb, "王芳"), "汪芳")
    add_user(as_(wb, "王芳"), "wang")  # a part of the reading is another name
    assert [u.name for u in list_users(wb)] == ["wang", "汪芳", "王芳"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "王芳",
            "'王芳' is the display name of the registered user 'wang'; choose a name that "
            "cannot be mistaken for theirs",
        ),
        (
            "wang fang",
            "'wang fang' reads like '王芳', the display name of the registered user 'wang'; "
            "choose a name that cannot be mistaken for theirs",
        ),
        (
            "maria lopez",
            "'maria lopez' is the display name of the registered user 'maria'; choose a name "
            "that cannot be mistaken for theirs",
        ),
    ],
)
def test_a_name_like_another_persons_display_name_is_refused(
    wb: Workbench, name: str, message: str, counts: Callable[[], dict[str, int]]
) -> None:
    """The trial's first step: `user add wang --display 王芳`, then `user add 王芳`."""
    wang = as_(wb, "wang")
    add_user(wang, "wang", display="王芳")
    add_user(wang, "maria", display="Maria Lopez")
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        add_user(wang, name)
    assert refused.value.message == message
    assert counts() == before


@pytest.mark.parametrize(
    ("display", "said"),
    [
        ("王芳", "is the name of the registered user '王芳'"),
        ("Wang Fang", "reads like the name of the registered user '王芳'"),
        ("L.I", "looks like the name of the registered user 'li'"),
    ],
)
def test_a_display_name_like_another_persons_name_is_refused(
    wb: Workbench, display: str, said: str, counts: Callable[[], dict[str, int]]
) -> None:
    fang = as_(wb, "王芳")
    add_user(fang, "王芳")
    add_user(fang, "li")
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        add_user(fang, "wang", display=display)
    assert refused.value.message == (
        f"the display name {display!r} {said}: it would show another person's name; choose "
        "one that cannot be mistaken for theirs"
    )
    assert counts() == before
    # one's own name, in any script, is one's display name to give
    assert add_user(fang, "wang", display="Wang").display == "Wang"
    assert add_user(fang, "林", display="Lin").display == "Lin"


def test_a_first_registrant_like_the_name_registered_is_refused_across_scripts(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    # The registrant is registered with the first name: the two could not both be.
    before = counts()
    with pytest.raises(InvalidInput, match="you act as 'wang fang', which reads like the name"):
        add_user(as_(wb, "wang fang"), "王芳")
    with pytest.raises(InvalidInput, match="the display name 'Wang' is the name of the regis"):
        add_user(as_(wb, "wang"), "li", display="Wang")
    assert counts() == before and list_users(wb) == []


@pytest.mark.parametrize(
    ("display", "fragment"),
    [
        ("   ", "the display name is empty"),
        ("\u200b", "the display name is empty"),
        ("rosa\u200b", "U+200B ZERO WIDTH SPACE"),
        ("rosa\u3164", "U+3164 HANGUL FILLER"),
    ],
)
def test_a_display_name_hides_nothing(
    wb: Workbench, counts: Callable[[], dict[str, int]], display: str, fragment: str
) -> None:
    """`bob` shown as rosa + U+200B read as rosa in every list, past the check against
    registered names (a review)."""
    add_user(wb, "rosa")
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        add_user(wb, "bob", display=display)
    assert fragment in refused.value.message
    assert counts() == before


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_the_server_refuses_an_event_written_by_sql_under_another_role_or_name(
    wb: Workbench, person: Callable[[str], str]
) -> None:
    """trial49: with the grants of docs/identity.md a person wrote, by SQL, another's approval
    of their own verdict (machine and actor theirs), chained as docs/audit-chain.md describes;
    `audit verify` and `audit replay` passed. Migration 0013's trigger refuses it."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    owner = as_(wb, "owner")
    add_user(owner, "owner")
    add_user(owner, "cai", role="postgres")  # cai acts from the owner's role
    add_user(owner, "ben", role=role)
    cid = _claim(owner)
    ben = Workbench(url=url, actor="ben")
    assert add_note(ben, cid, "his own, from his role").body == "his own, from his role"

    def forge(actor: str, machine: str) -> str:
        with get_engine(url).connect() as conn:
            seq = conn.execute(text("SELECT MAX(seq) FROM events")).scalar_one() + 1
            try:
                conn.execute(
                    text(
                        "INSERT INTO events (seq, at, actor, action, entity_type, entity_id, "
                        "claim_id, payload, prev_hash, hash, machine) VALUES (:seq, "
                        "'2026-12-04T00:00:00.000000Z', :actor, 'claim.approved', 'claim', "
                        ":cid, :cid, '{}', :prev, :hash, :machine)"
                    ),
                    {
                        "seq": seq,
                        "actor": actor,
                        "cid": cid,
                        "prev": f"{seq:064d}",
                        "hash": f"{seq + 1:064d}",
                        "machine": machine,
                    },
                )
            except Exception as exc:  # the driver's error, said by the server
                conn.rollback()
                return str(exc).splitlines()[0]
            conn.rollback()
            return "written"

    assert "is not this session's role" in forge("ben", "postgres")  # another's role
    assert "cai acts from the role postgres" in forge("cai", role)  # a name bound elsewhere
    # review50: a bound name in another form (case, width, a look-alike) matched no row
    for variant in ("Cai", "ｃａｉ", "nobody"):
        assert "is not a registered name as the workbench stores it" in forge(variant, role)
    assert forge("ben", role) == "written"  # (then rolled back) his own name and role
    assert verify_database(wb).ok


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_desk_whose_first_user_is_bound_away_is_told_how_its_owner_acts(
    wb: Workbench, person: Callable[[str], str]
) -> None:
    """trial49: eve, the first registered user, was bound to her own role; the owner's role
    was refused under another name with a message naming eve, who could do it from neither."""
    from workbench.services.settings import set_config

    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    owner = as_(wb, "eve")
    add_user(owner, "eve")
    add_user(owner, "dan")
    bind_user(owner, "eve", role)
    set_config(as_(wb, "dan"), "review.required", "true")  # turning a safeguard on: anyone
    with pytest.raises(InvalidInput) as refused:
        set_config(as_(wb, "dan"), "review.required", "false")
    assert refused.value.message == (
        "dan may not turn review.required off: that relaxes a safeguard of review, which the "
        "owner's role does under a name bound to it (eve, the desk's first registered user, "
        f"acts from the role {role}); register one (`workbench user add NAME --role postgres`) "
        "and act as it"
    )
    add_user(as_(wb, "dan"), "desk", role="postgres")
    set_config(as_(wb, "desk"), "review.required", "false")


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_registration_is_changed_by_a_name_bound_to_the_owners_role_when_eve_is_bound_away(
    wb: Workbench, person: Callable[[str], str]
) -> None:
    """review315: `user edit` copied the settings' owner rule but not trial49's case, so dan,
    from the owner's role, was told the desk's owner (eve) does it: eve acts from her own role
    and cannot from this session. Told as `config set` tells it: a name bound to this role."""
    from workbench.services.users import edit_user

    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    owner = as_(wb, "eve")
    add_user(owner, "eve")
    add_user(owner, "dan")
    bind_user(owner, "eve", role)
    with pytest.raises(InvalidInput) as refused:
        edit_user(as_(wb, "dan"), "dan", email="dan@d.org")
    assert refused.value.reason == "not_desk_owner"
    assert refused.value.message == (
        "dan may not change a registration: the owner's role does it under a name bound to it "
        f"(eve, the desk's first registered user, acts from the role {role}); register one "
        "(`workbench user add NAME --role postgres`) and act as it"
    )
    add_user(as_(wb, "dan"), "desk", role="postgres")
    assert edit_user(as_(wb, "desk"), "dan", email="dan@d.org").after == {"email": "dan@d.org"}


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_bundle_is_restored_by_the_tables_owner(
    wb: Workbench, person: Callable[[str], str], tmp_path: Path
) -> None:
    """review50: a person's restore into the owner's empty desk failed with the trigger's error
    and a grant hint no grant could answer; it is refused first, naming the owner."""
    import io

    from workbench.services.bundle import export_bundle, import_bundle

    url = person(wb.url)
    path = tmp_path / "desk.zip"
    buf = io.BytesIO()
    export_bundle(wb, buf)  # an empty desk's bundle, restored into the same empty schema
    path.write_bytes(buf.getvalue())
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=url, actor="maria"), str(path))
    assert refused.value.message.startswith(
        "a bundle is restored by the owner of the database's tables (role postgres): "
    )
    assert import_bundle(as_(wb, "owner"), str(path)).events == 0
