"""`audit verify` and `audit replay` hold a trail's registrations to the email rule too.

trial254 made `user add` refuse a name that is (or looks like) another person's `--email`, and
an `--email` that is another person's name: `maria@example.org`, registered beside maria whose
address it was, approved her verdict and the trail read "given by maria, approved by
maria@example.org". A desk that registered such a pair before the rule (or a trail rewritten to
hold one) was named by neither `audit verify` nor `audit replay`, though they warn of every
other pair `user add` refuses (domain.trail_people): review256 found them silent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.services.test_trail_look_alikes import exported, look_alikes, registered_at
from workbench.domain.identity import skeleton
from workbench.services.context import Workbench, transaction
from workbench.services.replay import replay
from workbench.services.users import _insert_user, add_user
from workbench.services.verify import verify_database, verify_file


def _reports(wb: Workbench, tmp_path: Path) -> list[Any]:
    checked, replayed = verify_database(wb), replay(wb)
    from_file = verify_file(exported(wb, tmp_path))
    assert checked.ok and replayed.consistent and from_file.ok
    return [checked, replayed, from_file]


def _older_desk(wb: Workbench, name: str, email: str | None) -> Workbench:
    """maria registered with her address; then `name` (with `email`) as a workbench before
    the rule wrote it: the row and its event, no check."""
    maria = Workbench(url=wb.url, actor="maria")
    add_user(maria, "maria", email="maria@example.org")
    with transaction(maria, write=True) as tx:
        _insert_user(tx, name, skeleton(name), email=email)
    return maria


def test_a_name_that_is_anothers_email_is_named(wb: Workbench, tmp_path: Path) -> None:
    _older_desk(wb, "maria@example.org", None)
    second, first = registered_at(wb, "maria@example.org"), registered_at(wb, "maria")
    for report in _reports(wb, tmp_path):
        found = look_alikes(report)
        assert [(f["seq"], f["other_seq"]) for f in found] == [(second, first)], found
        message = found[0]["message"]
        assert "the email address of the registered user 'maria'" in message, message


def test_a_plus_tagged_address_is_named(wb: Workbench, tmp_path: Path) -> None:
    _older_desk(wb, "maria+review@example.org", None)
    found = look_alikes(verify_database(wb))
    assert [f["other"] for f in found] == ["maria"], found


def test_an_email_that_is_anothers_name_is_named(wb: Workbench, tmp_path: Path) -> None:
    maria = Workbench(url=wb.url, actor="maria@example.org")
    add_user(maria, "maria@example.org")
    with transaction(maria, write=True) as tx:
        _insert_user(tx, "maria", skeleton("maria"), email="maria@example.org")
    for report in _reports(wb, tmp_path):
        found = look_alikes(report)
        assert [(f["name"], f["other"]) for f in found] == [("maria", "maria@example.org")]
        assert "is the name of the registered user" in found[0]["message"], found


def test_people_with_their_own_addresses_say_nothing(wb: Workbench, tmp_path: Path) -> None:
    _older_desk(wb, "bob", "bob@example.org")
    for report in _reports(wb, tmp_path):
        assert look_alikes(report) == [], report.to_json()
