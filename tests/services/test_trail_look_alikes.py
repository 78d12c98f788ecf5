"""trial185: a trail rewritten whole (every hash recomputed, by someone with the database) gave
bob maria's display name, "Maria Lopez", and neither `audit verify` (the database or an
exported file) nor `audit replay` said a word: the chain held, the tables agreed. `user add`
refuses such a pair (36b2d7c6), so the trail registers two people no workbench today would
register side by side. The trail carries no version of the rule, and a desk's own trail from
before the rule may hold such a pair too, so it is a warning about the trail, naming both
people and both seqs, not a broken chain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.chain_rows import rehash
from tests.services.test_verify_file_workflow_rules import write
from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine
from workbench.domain.identity import skeleton
from workbench.exports.events import export_text
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.replay import replay
from workbench.services.users import _insert_user, add_user
from workbench.services.verify import verify_database, verify_file


def desk(wb: Workbench) -> Workbench:
    """maria, shown as Maria Lopez, registers herself and bob, shown as Bob Chen; then a
    document is added (events after the registrations, whose hashes a rewrite recomputes)."""
    maria = Workbench(url=wb.url, actor="maria")
    add_user(maria, "maria", display="Maria Lopez")
    add_user(maria, "bob", display="Bob Chen")
    add_document(maria, "MiniMax在2021年底创业，2023年估值25亿美元。".encode())
    return maria


def registered_at(wb: Workbench, name: str) -> int:
    with get_engine(wb.url).connect() as conn:
        return int(
            conn.execute(
                text("SELECT seq FROM events WHERE action = 'user.added' AND entity_id = :n"),
                {"n": name},
            ).scalar_one()
        )


def rewritten(wb: Workbench, seq: int, old: str, new: str) -> None:
    """Event `seq` (a registration) showing its person as `new` where it said `old`, every hash
    from it on recomputed (and each next prev_hash), the users table made to agree: what anyone
    holding the database can write, the recipe being public."""
    with get_engine(wb.url).begin() as conn:
        drop_append_only_triggers(conn)
        rows = [
            dict(r)
            for r in conn.execute(
                text("SELECT * FROM events WHERE seq >= :s ORDER BY seq"), {"s": seq}
            ).mappings()
        ]
        prev = rows[0]["prev_hash"]
        for ev in rows:
            if ev["seq"] == seq:
                ev["payload"] = ev["payload"].replace(shown_as(old), shown_as(new))
            ev["prev_hash"] = prev
            ev["hash"] = prev = rehash(ev)
            conn.execute(
                text("UPDATE events SET payload = :p, prev_hash = :ph, hash = :h WHERE seq = :s"),
                {"p": ev["payload"], "ph": ev["prev_hash"], "h": ev["hash"], "s": ev["seq"]},
            )
        conn.execute(text("UPDATE users SET display = :n WHERE display = :o"), {"n": new, "o": old})


def shown_as(display: str) -> str:
    """The display name as a registration's canonical payload holds it."""
    return '"display":' + json.dumps(display, ensure_ascii=False)


def exported(wb: Workbench, tmp_path: Path) -> str:
    return write(tmp_path, export_text(wb, "jsonl").splitlines())


def look_alikes(report: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = report.to_json().get("look_alikes")
    return found


def test_a_rewritten_trail_names_the_look_alike(wb: Workbench, tmp_path: Path) -> None:
    """bob's registration rewritten to show him as "Maria Lopez", every later hash recomputed
    and the users table agreeing: verify (database and full export) and replay still hold,
    and each now names the pair: bob and maria, both shown as Maria Lopez, and both seqs."""
    desk(wb)
    bob, maria = registered_at(wb, "bob"), registered_at(wb, "maria")
    rewritten(wb, bob, "Bob Chen", "Maria Lopez")
    expected = {
        "seq": bob,
        "name": "bob",
        "display": "Maria Lopez",
        "other_seq": maria,
        "other": "maria",
        "other_display": "Maria Lopez",
    }
    checked = verify_database(wb)
    assert checked.ok, checked.to_json()  # the chain holds: every hash was recomputed
    replayed = replay(wb)
    assert replayed.consistent, replayed.to_json()  # the tables were made to agree
    from_file = verify_file(exported(wb, tmp_path))
    assert from_file.ok and from_file.rules_checked, from_file.to_json()
    for report in (checked, replayed, from_file):
        found = look_alikes(report)
        assert found is not None and len(found) == 1, report.to_json()
        (one,) = found
        assert {k: one[k] for k in expected} == expected, one
        message = one["message"]
        assert f"seq {bob}" in message and f"seq {maria}" in message, message
        assert "'bob'" in message and "'maria'" in message and "'Maria Lopez'" in message


def test_a_genuine_desk_says_nothing_new(wb: Workbench, tmp_path: Path) -> None:
    """Two people with distinct names and display names: no finding anywhere."""
    desk(wb)
    for report in (verify_database(wb), replay(wb), verify_file(exported(wb, tmp_path))):
        assert look_alikes(report) == [], report.to_json()


def test_an_older_desks_look_alikes_are_a_warning_not_a_failure(
    wb: Workbench, tmp_path: Path
) -> None:
    """A desk that registered ml2 shown as "Lopez Maria" beside maria shown as Maria Lopez
    before `user add` refused it (written here as that workbench wrote it: the row and its
    event, no check): its own trail still verifies and replays (a failure would make its
    backups unrestorable), and the pair is named as a warning."""
    maria = desk(wb)
    with transaction(maria, write=True) as tx:
        _insert_user(tx, "ml2", skeleton("ml2"), display="Lopez Maria")
    ml2, first = registered_at(wb, "ml2"), registered_at(wb, "maria")
    checked, replayed = verify_database(wb), replay(wb)
    from_file = verify_file(exported(wb, tmp_path))
    assert checked.ok and replayed.consistent and from_file.ok
    for report in (checked, replayed, from_file):
        found = look_alikes(report)
        assert found is not None and [(f["seq"], f["other_seq"]) for f in found] == [
            (ml2, first)
        ], report.to_json()
        assert "'Lopez Maria'" in found[0]["message"], found


def test_a_name_like_another_persons_name_is_named_too(wb: Workbench) -> None:
    """The other registration rules hold the trail too: bob rewritten to be shown as `ｍａｒｉａ`
    (full-width: maria's name as every list would show it) is named."""
    desk(wb)
    bob = registered_at(wb, "bob")
    rewritten(wb, bob, "Bob Chen", "ｍａｒｉａ")
    found = look_alikes(verify_database(wb))
    assert found is not None and [f["seq"] for f in found] == [bob], found
    assert json.dumps(found, ensure_ascii=False).count("maria") >= 2
