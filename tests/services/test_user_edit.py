"""A desk corrects a registered person's email address or display name (`user edit`).

`user add` set both once and nothing changed them: a typo in an address stayed, and two people
registered at one mailbox before `user add` refused it (fix302, rr310) were one reviewer to the
sign-off for ever, each verdict needing a third person. An edit is held to `user add`'s rules
against everyone else, is the desk owner's act (it can untie two people the sign-off reads as
one), and is recorded as `user.edited`, which replay, verify and a bundle's restore read.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.services.test_sign_off_emails import _as, _registered_as_before
from tests.services.test_signoff import MUST, proposed
from tests.services.test_trail_look_alikes import exported
from workbench.db.models import User
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.identity import skeleton
from workbench.services import review
from workbench.services.bundle import import_bundle
from workbench.services.bundle_export import export_bundle
from workbench.services.chain_head import chain_head
from workbench.services.context import Workbench, transaction
from workbench.services.replay import replay
from workbench.services.user_list import list_users
from workbench.services.users import _insert_user, add_user, edit_user
from workbench.services.verify import verify_database, verify_file


def _people(wb: Workbench) -> dict[str, tuple[str | None, str | None]]:
    return {u.name: (u.display, u.email) for u in list_users(wb)}


def test_an_address_two_people_shared_is_corrected_and_they_review_each_other(
    wb: Workbench,
) -> None:
    """ana and bo, registered at one mailbox before the rule: bo could not approve ana's
    verdict, and no command changed his address. The owner (ana, the first registered)
    corrects it; bo then approves, and the trail holds one `user.edited` with before/after."""
    cid = proposed(wb, "ana")
    _registered_as_before(wb, ("ana", "x@d.org"), ("bo", "X@d.org"))
    with pytest.raises(InvalidInput, match=MUST):
        review.approve(_as(wb, "bo"), cid)
    edited = edit_user(_as(wb, "ana"), "bo", email="bo@d.org")
    assert (edited.user.email, edited.before, edited.after) == (
        "bo@d.org",
        {"email": "X@d.org"},
        {"email": "bo@d.org"},
    )
    assert _people(wb)["bo"] == (None, "bo@d.org")
    review.approve(_as(wb, "bo"), cid)
    assert replay(wb).consistent
    assert verify_database(wb).ok


def test_an_edit_is_held_to_user_adds_rules_against_everyone_else(wb: Workbench) -> None:
    add_user(_as(wb, "ana"), "ana", display="Ana Diaz", email="ana@d.org")
    add_user(_as(wb, "ana"), "bo", display="Bo Li", email="bo@d.org")
    add_user(_as(wb, "ana"), "ops@x.org")
    for change, said in [
        ({"email": "ANA+x@d.org"}, "the email address of the registered user 'ana'"),
        ({"email": "OPS@x.org"}, "is the name of the registered user 'ops@x.org'"),
        ({"display": "Ana Diaz"}, "the display name of the registered user 'ana'"),
        ({"display": "ana"}, "is the name of the registered user 'ana'"),
    ]:
        with pytest.raises(InvalidInput, match=said):
            edit_user(_as(wb, "ana"), "bo", **change)
    assert _people(wb)["bo"] == ("Bo Li", "bo@d.org")
    # Their own name and address are theirs to give: the person edited is not compared.
    edit_user(_as(wb, "ana"), "bo", display="bo", email="BO+desk@d.org")
    assert _people(wb)["bo"] == ("bo", "BO+desk@d.org")


def test_clearing_and_nothing_to_change(wb: Workbench) -> None:
    add_user(_as(wb, "ana"), "ana", display="Ana Diaz", email="ana@d.org")
    edit_user(_as(wb, "ana"), "ana", display=None, email=None)
    assert _people(wb)["ana"] == (None, None)
    with pytest.raises(InvalidInput, match="nothing to change"):
        edit_user(_as(wb, "ana"), "ana")
    # A value already held changes nothing: said, not refused (fix319, below).
    assert not edit_user(_as(wb, "ana"), "ana", display=None).changed
    assert not edit_user(_as(wb, "ana"), "ana", email=None).changed


def test_an_edit_to_the_values_held_changes_nothing_and_records_nothing(wb: Workbench) -> None:
    """fix319: a provisioning script ran `user edit ana --email ana@d.org` a second time and
    was refused (exit 1), where `config set` and `user bind` given the value already held say
    `changed: false` and succeed: the script had to special-case user edit. Now it says so
    too, with no event written."""
    add_user(_as(wb, "ana"), "ana", display="Ana Diaz", email="ana@d.org")
    head = chain_head(wb)
    same = edit_user(_as(wb, "ana"), "ana", email="ana@d.org", display="Ana Diaz")
    assert (same.changed, same.before, same.after) == (False, {}, {})
    assert (same.user.email, same.user.display) == ("ana@d.org", "Ana Diaz")
    assert chain_head(wb) == head
    # One of two fields new: that one changes, and the edit says it did.
    one = edit_user(_as(wb, "ana"), "ana", email="ana@d.org", display="Ana D")
    assert (one.changed, one.before, one.after) == (
        True,
        {"display": "Ana Diaz"},
        {"display": "Ana D"},
    )
    assert chain_head(wb) != head
    # Still the owner's act: a person's own no-op is refused as their edit would be.
    add_user(_as(wb, "ana"), "bo", email="bo@d.org")
    with pytest.raises(InvalidInput, match="desk's owner"):
        edit_user(_as(wb, "bo"), "bo", email="bo@d.org")


def test_an_unknown_person_is_refused_with_the_names_they_may_have_meant(wb: Workbench) -> None:
    add_user(_as(wb, "ana"), "ana")
    add_user(_as(wb, "ana"), "maria")
    with pytest.raises(NotFound, match="did you mean maria"):
        edit_user(_as(wb, "ana"), "mria", email="m@d.org")


def test_only_the_desks_owner_edits_a_registration(wb: Workbench) -> None:
    """bo, sharing ana's mailbox, may not change his own address to approve her verdicts: the
    sign-off's tie would be his to undo. The desk's owner (its first registered user) does."""
    add_user(_as(wb, "ana"), "ana", email="x@d.org")
    add_user(_as(wb, "ana"), "bo")
    with pytest.raises(InvalidInput, match="desk's owner") as refused:
        edit_user(_as(wb, "bo"), "bo", email="bo@d.org")
    assert refused.value.reason == "not_desk_owner"
    assert _people(wb)["bo"] == (None, None)


def test_replay_verify_and_a_bundle_follow_edits(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """The trail rebuilds the edited rows, the full export verifies, and a bundle restores."""
    add_user(_as(wb, "ana"), "ana", display="Ana", email="ana@d.org")
    add_user(_as(wb, "ana"), "bo", email="bo@dd.org")
    edit_user(_as(wb, "ana"), "bo", display="Bo Li", email="bo@d.org")
    edit_user(_as(wb, "ana"), "ana", display=None)
    report = replay(wb)
    assert report.consistent, report.to_json()["differences"]
    assert report.to_json()["look_alikes"] == []
    assert verify_file(exported(wb, tmp_path)).ok
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "desk.zip"
    path.write_bytes(buf.getvalue())
    fresh = Workbench(url=empty_db_url, actor="ana")
    import_bundle(fresh, str(path))
    assert chain_head(fresh).hash == chain_head(wb).hash
    assert _people(fresh) == _people(wb)


def test_the_trail_reads_each_person_by_the_registration_in_force(
    wb: Workbench, tmp_path: Path
) -> None:
    """After bo's address moved off ana's mailbox, his approval of her verdict is a second
    review to `audit verify` too (judged by the registrations in force when it was made), and
    a later registration at the address he took is warned of, as `user add` refuses it."""
    cid = proposed(wb, "ana")
    _registered_as_before(wb, ("ana", "x@d.org"), ("bo", "x@d.org"))
    edit_user(_as(wb, "ana"), "bo", email="bo@d.org")
    review.approve(_as(wb, "bo"), cid)
    with transaction(_as(wb, "ana"), write=True) as tx:
        # As a workbench before the rule wrote them (the row and its event, no check).
        _insert_user(tx, "cy", skeleton("cy"), email="cy@d.org")
        _insert_user(tx, "di", skeleton("di"), email="BO@d.org")
    for report in (replay(wb), verify_database(wb), verify_file(exported(wb, tmp_path))):
        found = report.to_json()
        assert found["one_person_approvals"] == [], found["one_person_approvals"]
        assert [a["name"] for a in found["look_alikes"]] == ["bo", "di"], found["look_alikes"]


@pytest.mark.parametrize(
    ("action", "field", "value"),
    [("user.edited", "role", "postgres"), ("user.bound", "email", "x@d.org")],
)
def test_a_user_event_changing_a_field_its_action_does_not_is_a_difference(
    wb: Workbench, action: str, field: str, value: str
) -> None:
    """A `user.edited` that binds a role, or a `user.bound` that moves an address, chained as
    the workbench chains events and the users row agreeing: replay applied it and said
    consistent, though no workbench writes it (each action changes its own fields only), and
    audit verify's reading of people (an address from user.added and user.edited only) went on
    judging bo by the address he had."""
    _registered_as_before(wb, ("ana", "x@d.org"), ("bo", "bo@d.org"))
    with transaction(_as(wb, "ana"), write=True) as tx:
        row = tx.session.get(User, "bo")
        assert row is not None
        before = getattr(row, field)
        setattr(row, field, value)
        tx.session.flush()
        tx.record(action, "user", "bo", {"before": {field: before}, "after": {field: value}})
    report = replay(wb)
    assert not report.consistent
    said = [str(d.to_json()) for d in report.differences]
    assert any(f"'{field}'" in d and action in d for d in said), said
