"""A display name padded with spaces is held to the look-alike rule by the name people read
(runs of spaces one, none at either end), and the fact said of it quoted it as it is: "the
display name 'Maria Lopez   ' is the display name of the registered user 'maria'", which it
visibly is not, in `audit verify`'s look-alike warning (a trail rewritten, or registered so by
an older workbench) and in `user add`'s refusal, where the error's one line made the three
trailing spaces one. The fact now says the name it read beside the value as stored (fix212),
its widths folded too (review213)."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import run_cli
from tests.services.test_trail_look_alikes import desk, registered_at, rewritten
from workbench.services.context import Workbench


def test_audit_verify_says_the_padded_display_name_as_it_was_read(
    wb: Workbench, db_url: str
) -> None:
    maria = desk(wb)
    rewritten(maria, registered_at(maria, "bob"), "Bob Chen", "Maria Lopez   ")
    r = run_cli(["audit", "verify"], env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})
    assert r.crash is None and r.code == 0, (r.code, r.err)
    assert (
        "  seq 2 (user.added) registers 'bob' (shown as 'Maria Lopez   ') beside 'maria' "
        "(shown as 'Maria Lopez'), registered at seq 1: the display name 'Maria Lopez   ' "
        "(as read, 'Maria Lopez') is the display name of the registered user 'maria': two "
        "people would be shown alike\n"
    ) in r.err, r.err


def test_user_add_of_a_padded_display_name_says_it_as_read(tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": str(tmp_path / "d.db"), "WORKBENCH_USER": "maria"}
    assert run_cli(["db", "upgrade"], env=env).code == 0
    assert run_cli(["user", "add", "maria", "--display", "Maria Lopez"], env=env).code == 0
    r = run_cli(["user", "add", "bob", "--display", "  maria   lopez"], env=env)
    assert r.crash is None and r.code == 1, (r.code, r.err)
    assert r.err == (
        "error: the display name ' maria lopez' (as read, 'maria lopez') is the display "
        "name of the registered user 'maria': two people would be shown alike; choose one "
        "that cannot be mistaken for theirs\n"
    )
    r = run_cli(["user", "add", "bob", "--display", "Lopez Maria "], env=env)
    assert r.code == 1 and "'Lopez Maria ' (as read, 'Lopez Maria')" in r.err, r.err


def test_user_add_of_a_full_width_display_name_says_it_as_read(tmp_path: Path) -> None:
    """`user add ml2 --display "Ｍａｒｉａ　Ｌｏｐｅｚ"` (typed with a Chinese input method's
    full-width letters and space) beside one shown as Maria Lopez was refused saying
    "'Ｍａｒｉａ\\u3000Ｌｏｐｅｚ' (spaces aside, 'Ｍａｒｉａ Ｌｏｐｅｚ') is the display name of
    the registered user 'maria'": the form said to be read was still full-width, and what
    "is" another's name visibly was not; full-width letters with plain spaces were said with
    no read form at all. The name as read is the one the rule compares: widths folded too."""
    env = {"WORKBENCH_DB": str(tmp_path / "d.db"), "WORKBENCH_USER": "maria"}
    assert run_cli(["db", "upgrade"], env=env).code == 0
    assert run_cli(["user", "add", "maria", "--display", "Maria Lopez"], env=env).code == 0
    r = run_cli(["user", "add", "bob", "--display", "Ｍａｒｉａ　Ｌｏｐｅｚ"], env=env)
    assert r.crash is None and r.code == 1, (r.code, r.err)
    assert r.err.startswith(
        "error: the display name 'Ｍａｒｉａ\\u3000Ｌｏｐｅｚ' (as read, 'Maria Lopez') is the "
        "display name of the registered user 'maria': "
    ), r.err
    r = run_cli(["user", "add", "bob", "--display", "ＭＡＲＩＡ ＬＯＰＥＺ"], env=env)
    assert r.code == 1, (r.code, r.err)
    assert "'ＭＡＲＩＡ ＬＯＰＥＺ' (as read, 'MARIA LOPEZ') is the display name" in r.err, r.err


def test_a_display_name_read_as_it_is_is_quoted_once() -> None:
    """A display name whose letters and spaces read as typed (王芳, Maria Lopez) is quoted
    once, with no read form beside it."""
    from workbench.domain.people import registration_clash

    refused = registration_clash("bob", "王芳", [("wang", "王芳")])
    assert refused is not None
    assert str(refused).startswith("the display name '王芳' is the display name of"), refused
