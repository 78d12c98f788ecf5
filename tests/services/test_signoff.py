"""A second reviewer must really be a second person: by name, by look, and (PostgreSQL) by role."""

from __future__ import annotations

import os
import pwd
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.domain.errors import InvalidInput
from workbench.services import review
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.settings import set_config


def proposed(wb: Workbench, proposer: str, *, role_rule: bool = False) -> int:
    """A claim whose verdict `proposer` proposed, awaiting a second reviewer. Without
    `role_rule`, PostgreSQL's rule that the reviewer connects with a role of their own is off:
    all these tests connect as one role, and the role rule has its own tests below."""
    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    cid = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id
    set_config(wb, "review.required", "true")
    if PG_URL and not role_rule:
        set_config(wb, "review.distinct_roles", "false")
    set_status(Workbench(url=wb.url, actor=proposer), cid, "unverifiable", note="no record")
    return cid


MUST = "a different reviewer must approve it"


@pytest.mark.parametrize(
    ("proposer", "approver"),
    [
        ("alice", "ALICE"),
        ("alice", " ａｌｉｃｅ "),
        ("sasha", "\u0455\u0430\u0455\u04bb\u0430"),  # every letter Cyrillic
        ("bill", "BI\u217c\u217c"),  # SMALL ROMAN NUMERAL FIFTY as l
        ("alice", "\u0430\u04cf\u0456\u0441\u0435"),  # Cyrillic, palochka as l
        ("alice", "AL\u0130CE"),  # Turkish dotted I
        # trial47: one name in traditional characters, and given name first in pinyin
        ("张伟", "張偉"),
        ("張偉", "张伟"),
        ("张伟", "wei zhang"),
    ],
)
def test_look_alike_of_the_proposer_cannot_approve(
    wb: Workbench, proposer: str, approver: str
) -> None:
    cid = proposed(wb, proposer)
    with pytest.raises(InvalidInput, match="a different reviewer must approve") as refused:
        review.approve(Workbench(url=wb.url, actor=approver), cid)
    # The proposer is named, as stored; the approver only when their name merely looks alike.
    assert f"{proposer} proposed this verdict" in str(refused.value) or str(refused.value).endswith(
        f"is too like {proposer}, who proposed this verdict; {MUST}"
    )


@pytest.mark.parametrize("approver", ["alice\u200b", "\u0430lice", "ali\nce"])
def test_disguised_names_are_refused_before_anything(wb: Workbench, approver: str) -> None:
    with pytest.raises(InvalidInput):
        Workbench(url=wb.url, actor=approver)


def test_a_different_person_approves(wb: Workbench) -> None:
    cid = proposed(wb, "alice")
    assert review.approve(Workbench(url=wb.url, actor="editor"), cid).status == "unverifiable"


def machine_of_last_event(url: str) -> str:
    with get_engine(url).connect() as conn:
        return str(conn.execute(text("SELECT machine FROM events ORDER BY seq DESC")).scalar())


def test_every_event_records_the_machine_identity(wb: Workbench) -> None:
    add_document(wb, "一段文字。".encode())
    if PG_URL:
        with get_engine(wb.url).connect() as conn:
            expected = conn.execute(text("SELECT session_user")).scalar()
    else:
        expected = pwd.getpwuid(os.geteuid()).pw_name
    assert machine_of_last_event(wb.url) == expected


def test_workbench_user_cannot_rename_the_machine_identity(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    add_document(Workbench(url=wb.url, actor="mallory"), "一段文字。".encode())
    assert machine_of_last_event(wb.url) != "mallory"


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_same_database_role_cannot_approve_under_another_name(wb: Workbench) -> None:
    from workbench.domain.errors import TransitionRefused
    from workbench.domain.transitions import Refusal

    cid = proposed(wb, "alice", role_rule=True)
    with pytest.raises(TransitionRefused, match="must connect with their own role") as refused:
        review.approve(Workbench(url=wb.url, actor="editor"), cid)
    # refused as by name (own_verdict), with a reason of its own a script can test
    assert refused.value.kind == "transition_refused"
    assert refused.value.reason == Refusal.OWN_ROLE == "own_role"


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_second_role_approves(wb: Workbench, person: Callable[[str], str]) -> None:
    cid = proposed(wb, "alice", role_rule=True)
    editor_url = person(wb.url)
    role = editor_url.split("://", 1)[1].split("@", 1)[0]
    editor = Workbench(url=editor_url, actor="editor")
    assert review.approve(editor, cid).status == "unverifiable"
    assert machine_of_last_event(wb.url) == role


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_a_persons_role_cannot_turn_the_role_rule_off(
    wb: Workbench, person: Callable[[str], str]
) -> None:
    """A trial: the proposer, on their own role, set review.distinct_roles false, had the
    verdict approved under another name from that role, and set it back. Turning a safeguard
    off is the desk's owner's (the role owning the tables, as for binding a name): a person's
    role is refused, naming the owner's, before the server's grants are asked; and the grants
    (docs/identity.md) still keep the other settings the owner's."""
    from workbench.domain.errors import SETTING_NOT_PERMITTED, StorageError, step
    from workbench.services.settings import NOT_DESK_OWNER, list_config

    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    cid = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id
    set_config(wb, "review.required", "true")  # the owner's role
    url = person(wb.url)
    role = url.split("://", 1)[1].split("@", 1)[0]
    mine = Workbench(url=url, actor="alice")
    set_status(mine, cid, "unverifiable", note="no record")  # proposed from alice's role
    for key in ("review.distinct_roles", "review.required"):
        with pytest.raises(InvalidInput) as off:
            set_config(mine, key, "false")
        assert off.value.reason == NOT_DESK_OWNER
        assert off.value.hint == step("change_setting", key=key, value="false", owner="postgres")
        assert off.value.message.startswith(f"this session's role {role!r} may not turn {key} off")
    assert {v.key: v.value for v in list_config(mine)}["review.distinct_roles"] is True
    with pytest.raises(InvalidInput, match="their own role"):
        review.approve(Workbench(url=mine.url, actor="editor"), cid)
    # Turning one on is anyone's by this rule; the grants still keep the settings the owner's.
    set_config(wb, "review.distinct_roles", "false")
    with pytest.raises(StorageError) as refused:
        set_config(mine, "review.distinct_roles", "true")
    assert refused.value.reason == SETTING_NOT_PERMITTED
    assert refused.value.hint == step(
        "change_setting", key="review.distinct_roles", owner="postgres"
    )
    assert "the desk's settings are its owner's to change" in refused.value.message


def test_a_proposal_on_a_quote_that_changed_cannot_be_approved(wb: Workbench) -> None:
    # A new-user trial: tom proposed `verified` on "1.5 million containers", the page then said
    # 1.6 million, and ed's approval published a True rating of text nobody had checked.
    from workbench.domain.errors import TransitionRefused
    from workbench.services.claims import get_claim
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    cid = proposed(wb, "tom")
    update_document(wb, 1, Content("MiniMax在2022年底创业。", "text", "revised.txt"))
    claim = get_claim(wb, cid)
    assert claim.status == "in_review" and claim.anchor_state == "fuzzy"
    assert claim.flagged and claim.verdict_revision == 1
    ed = Workbench(url=wb.url, actor="ed")
    with pytest.raises(TransitionRefused, match="quote changed after the verdict was proposed"):
        review.approve(ed, cid)
    assert get_claim(wb, cid).status == "in_review"
    # Sent back, checked on the new text and proposed again: now it can be approved.
    review.reject(ed, cid, note="the page says 2022 now: check it again")
    assert not get_claim(wb, cid).flagged
    set_status(Workbench(url=wb.url, actor="tom"), cid, "unverifiable", note="still no record")
    assert review.approve(ed, cid).status == "unverifiable"


def _registered_as_before(wb: Workbench, *people: tuple[str, str | None]) -> None:
    """Register `people` (name, display name) as a workbench before the rule that refuses a
    name like another's pinyin or display name left them: rows written directly."""
    from workbench.domain.identity import skeleton

    with get_engine(wb.url).begin() as conn:
        for name, display in people:
            conn.execute(
                text(
                    "INSERT INTO users (name, skeleton, display, added_by, created_at) "
                    "VALUES (:name, :key, :display, :name, CURRENT_TIMESTAMP)"
                ),
                {"name": name, "key": skeleton(name), "display": display},
            )


@pytest.mark.parametrize(
    ("proposer", "approver", "people"),
    [
        # the trial: `wang fang` proposed, 王芳 approved; and the other way round
        ("wang fang", "王芳", [("wang fang", None), ("王芳", None)]),
        ("王芳", "wang fang", [("wang fang", None), ("王芳", None)]),
        ("lin", "林", [("lin", None), ("林", None)]),
        # a name that is (or reads like) the proposer's display name, and back
        ("wang", "王芳", [("wang", "王芳"), ("王芳", None)]),
        ("wang fang", "wang", [("wang", "王芳"), ("wang fang", None)]),
        ("王芳", "wang", [("wang", "Wang Fang"), ("王芳", None)]),
    ],
)
def test_a_name_like_the_proposer_across_scripts_cannot_approve(
    wb: Workbench, proposer: str, approver: str, people: list[tuple[str, str | None]]
) -> None:
    """Names registered before registration refused them: the sign-off still reads the two
    as one person."""
    cid = proposed(wb, proposer)
    _registered_as_before(wb, *people, ("li", None))
    with pytest.raises(InvalidInput) as refused:
        review.approve(Workbench(url=wb.url, actor=approver), cid)
    assert refused.value.reason == "own_verdict"
    assert refused.value.message == f"{approver} is too like {proposer}, who proposed this " + (
        f"verdict; {MUST}"
    )
    approved = review.approve(Workbench(url=wb.url, actor="li"), cid)
    assert approved.status == "unverifiable"


def test_two_chinese_names_that_read_alike_sign_off_each_other(wb: Workbench) -> None:
    cid = proposed(wb, "王芳")
    assert review.approve(Workbench(url=wb.url, actor="汪芳"), cid).status == "unverifiable"


def imported_proposal(wb: Workbench, importer: str, tmp_path: object, *, role_rule: bool) -> int:
    """A claim an import brought in proposed (review.required on: an unverifiable row comes in
    in_review, proposed by the importer)."""
    from pathlib import Path

    from workbench.services.imports import import_claims

    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    set_config(wb, "review.required", "true")
    if PG_URL and not role_rule:
        set_config(wb, "review.distinct_roles", "false")
    path = Path(str(tmp_path)) / "rows.csv"
    path.write_text("quote,text,status,note\n2021年底,founded,unverifiable,no record\n")
    [claim] = import_claims(Workbench(url=wb.url, actor=importer), str(path), doc).added
    assert (claim.status, claim.proposed_by) == ("in_review", importer)
    return claim.id


def test_an_imported_proposal_is_not_approved_over_a_note_added_since(
    wb: Workbench, tmp_path: object
) -> None:
    """trial49: a colleague's contrary note after an imported proposal did not stop the
    approval, and `claim show` did not name it."""
    from workbench.domain.errors import TransitionRefused
    from workbench.services.notes import add_note
    from workbench.services.queries import show_claim

    cid = imported_proposal(wb, "ana", tmp_path, role_rule=False)
    note = add_note(Workbench(url=wb.url, actor="cai"), cid, "contrary data: look first")
    assert [(a.kind, a.id) for a in show_claim(wb, cid).added_since_proposal] == [("note", note.id)]
    with pytest.raises(TransitionRefused) as refused:
        review.approve(Workbench(url=wb.url, actor="eve"), cid)
    assert refused.value.reason == "added_since_proposal"


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_an_imported_proposal_is_not_approved_from_the_importers_role(
    wb: Workbench, tmp_path: object
) -> None:
    """trial49: the importer approved their own imported proposals under a second name, from
    the same role."""
    from workbench.domain.errors import TransitionRefused

    cid = imported_proposal(wb, "ana", tmp_path, role_rule=True)
    with pytest.raises(TransitionRefused) as refused:
        review.approve(Workbench(url=wb.url, actor="ghost"), cid)
    assert refused.value.reason == "own_role"
