"""The verification workflow: evidence, verdicts with ratings, sign-off, desk bookkeeping."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.domain.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    TransitionRefused,
    WorkbenchError,
    step,
)
from workbench.domain.settings import SETTINGS, setting_problem
from workbench.services.claim_records import claim_evidence, claim_notes
from workbench.services.claims import get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.evidence import (
    EvidenceInput,
    add_evidence,
    get_evidence_file,
)
from workbench.services.notes import add_note
from workbench.services.queries import show_claim
from workbench.services.review import approve, reject
from workbench.services.settings import get_config, list_config, set_config
from workbench.services.workflow import (
    assign,
    assign_owner,
    set_due,
    set_priority,
    tag,
    untag,
)

Counts = Callable[[], dict[str, int]]
MakeDoc = Callable[..., Any]
TEXT = "MiniMax经历了3到4次严重的预训练失败。单次高达1500万美金的算力成本。只有四家公司。"


@pytest.fixture
def cid(document_with_claims: MakeDoc) -> int:
    return document_with_claims(TEXT, [("3-4 failed runs", "3到4次严重的预训练失败")]).claims[0]


@pytest.fixture
def claims(document_with_claims: MakeDoc) -> list[int]:
    return document_with_claims(
        TEXT, ["3到4次严重的预训练失败", "1500万美金", "只有四家公司"]
    ).claims


def cite(wb: Workbench, cid: int, stance: str = "refutes") -> None:
    add_evidence(wb, cid, EvidenceInput(stance=stance, citation="Interview transcript, 2025"))


# --- evidence -------------------------------------------------------------------------------


def test_evidence_kinds(wb: Workbench, cid: int, tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    payload = "<html>证据 😀</html>".encode()
    f.write_bytes(payload)
    u = add_evidence(
        wb,
        cid,
        EvidenceInput(
            stance="supports",
            url="https://example.org/a",
            title="A",
            publisher="P",
            accessed="2025-10-01",
            excerpt="…",
        ),
    )
    assert (u.kind, u.url, u.accessed, u.added_by) == (
        "url",
        "https://example.org/a",
        "2025-10-01",
        "tester",
    )
    e = add_evidence(wb, cid, EvidenceInput(stance="context", file=str(f)))
    assert e.kind == "file" and e.size == len(payload) and e.media_type == "text/html"
    assert e.sha256 == hashlib.sha256(payload).hexdigest()
    c = add_evidence(wb, cid, EvidenceInput(stance="refutes", citation=" Book, p. 3 "))
    assert c.citation == "Book, p. 3"
    assert [x.id for x in claim_evidence(wb, cid)] == [u.id, e.id, c.id]
    view, data = get_evidence_file(wb, e.id)
    assert data == payload and view.sha256 == e.sha256
    with pytest.raises(InvalidInput, match="not an archived file"):
        get_evidence_file(wb, u.id)
    with pytest.raises(NotFound):
        get_evidence_file(wb, 999)


def test_same_file_is_archived_once_and_not_twice_on_one_claim(
    wb: Workbench, claims: list[int], tmp_path: Path, counts: Counts
) -> None:
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.4 same")
    add_evidence(wb, claims[0], EvidenceInput(stance="supports", file=str(f)))
    add_evidence(wb, claims[1], EvidenceInput(stance="context", file=str(f)))
    assert counts()["blobs"] == 1 and counts()["evidence"] == 2
    before = counts()
    with pytest.raises(Conflict, match="already has this source as evidence"):
        add_evidence(wb, claims[0], EvidenceInput(stance="refutes", file=str(f)))
    add_evidence(wb, claims[2], EvidenceInput(stance="supports", url="https://a.example/x"))
    with pytest.raises(Conflict, match="already has this source"):
        add_evidence(wb, claims[2], EvidenceInput(stance="supports", url="https://a.example/x"))
    assert counts()["evidence"] == before["evidence"] + 1


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (EvidenceInput(stance="supports", url="ftp://x.org/a"), "not an http"),
        (EvidenceInput(stance="supports", url="example.org"), "not an http"),
        (EvidenceInput(stance="supports", file="/nonexistent/x.pdf"), "no such file"),
        (EvidenceInput(stance="maybe", url="https://x.org"), "unknown stance"),
        (EvidenceInput(stance="supports", citation="  "), "citation is empty"),
        (EvidenceInput(stance="supports"), "exactly one"),
        (EvidenceInput(stance="supports", url="https://x.org", citation="c"), "exactly one"),
        (EvidenceInput(stance="supports", url="https://x.org", accessed="soon"), "not a date"),
        (EvidenceInput(stance="supports", url="http://exa mple.com"), "not an http"),
        (EvidenceInput(stance="supports", url="https://"), "not an http"),
        (
            EvidenceInput(
                stance="supports",
                url="https://a.example",
                accessed=(dt.date.today() + dt.timedelta(days=3)).isoformat(),
            ),
            "in the future",
        ),
    ],
)
def test_evidence_refusals_write_nothing(
    wb: Workbench, cid: int, counts: Counts, item: EvidenceInput, message: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=message):
        add_evidence(wb, cid, item)
    assert counts() == before


def test_oversized_evidence_is_refused(
    wb: Workbench, cid: int, counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "big.bin"
    f.write_bytes(b"x" * 5000)
    monkeypatch.setenv("WORKBENCH_MAX_EVIDENCE_MB", "0.001")
    before = counts()
    with pytest.raises(InvalidInput, match="evidence limit"):
        add_evidence(wb, cid, EvidenceInput(stance="supports", file=str(f)))
    assert counts() == before


def test_corrupted_archive_is_detected(
    wb: Workbench, cid: int, tmp_path: Path, db_url: str
) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")
    e = add_evidence(wb, cid, EvidenceInput(stance="supports", file=str(f)))
    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE blobs SET data = :d"), {"d": b"forged!!"})
    with pytest.raises(WorkbenchError, match="do not match"):
        get_evidence_file(wb, e.id)


# --- verdicts and ratings -------------------------------------------------------------------


@pytest.mark.parametrize("verdict", ["verified", "false", "misleading"])
def test_factual_verdicts_need_evidence(
    wb: Workbench, cid: int, counts: Counts, verdict: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match="at least one evidence"):
        set_status(wb, cid, verdict, note="because")
    assert counts() == before
    cite(wb, cid)
    assert set_status(wb, cid, verdict, note="because").claim.status == verdict


@pytest.mark.parametrize(
    ("verdict", "rating"),
    [
        ("verified", {"value": 5, "label": "True"}),
        ("misleading", {"value": 3, "label": "Misleading"}),
        ("false", {"value": 1, "label": "False"}),
        ("unverifiable", {"value": None, "label": "Unproven"}),
        ("opinion", None),
    ],
)
def test_ratings(wb: Workbench, cid: int, verdict: str, rating: object) -> None:
    assert get_claim(wb, cid).to_json()["rating"] is None
    cite(wb, cid)
    set_status(wb, cid, verdict, note="reason")
    assert get_claim(wb, cid).to_json()["rating"] == rating


@pytest.mark.parametrize("verdict", ["unverifiable", "opinion"])
def test_unverifiable_and_opinion_need_only_a_note(
    wb: Workbench, cid: int, counts: Counts, verdict: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match="needs a reason"):
        set_status(wb, cid, verdict)
    assert counts() == before
    # No evidence at all: the note is enough for these two verdicts.
    done = set_status(wb, cid, verdict, note="no public record").claim
    assert (done.status, done.evidence_count) == (verdict, 0)
    assert get_claim(wb, cid).status == verdict
    assert [n.body for n in claim_notes(wb, cid)] == ["no public record"]


# --- two-person rule ------------------------------------------------------------------------


def test_review_flow(wb: Workbench, cid: int, counts: Counts) -> None:
    assert get_config(wb, "review.required").value is False
    set_config(wb, "review.required", "true")
    assert {s.key: s.value for s in list_config(wb)}["review.required"] is True
    if "postgresql" in wb.url:
        # One database role for every test: the role rule has its own tests (test_signoff).
        set_config(wb, "review.distinct_roles", "false")
    cite(wb, cid)
    r = set_status(wb, cid, "false", note="The transcript says 2 runs.")
    c = r.claim
    assert (c.status, c.proposed_status, c.proposed_by) == ("in_review", "false", "tester")
    assert c.rating is None
    before = counts()
    with pytest.raises(InvalidInput, match="different reviewer"):
        approve(wb, cid)
    with pytest.raises(InvalidInput, match="in review"):
        set_status(wb, cid, "verified", note="x")
    assert counts() == before
    editor = Workbench(url=wb.url, actor="editor")
    done = approve(editor, cid, note="Agreed.")
    assert (done.status, done.proposed_status, done.rating) == (
        "false",
        None,
        {"value": 1, "label": "False"},
    )
    with pytest.raises(InvalidInput, match="not in review"):
        approve(editor, cid)


def test_reject_sends_back_and_needs_a_note(wb: Workbench, cid: int) -> None:
    set_config(wb, "review.required", "yes")
    set_status(wb, cid, "unverifiable", note="nothing found")
    editor = Workbench(url=wb.url, actor="editor")
    with pytest.raises(InvalidInput, match="needs a reason"):
        reject(editor, cid, note=" ")
    c = reject(editor, cid, note="Ask the company first.")
    assert (c.status, c.proposed_status) == ("in_progress", None)
    with pytest.raises(InvalidInput, match="not in review"):
        reject(editor, cid, note="again")


# --- a proposal is judged on the record as it was proposed ---------------------------------


def _in_review(wb: Workbench, cid: int) -> int:
    """Propose `false` on the claim (as tester), review.required on; its version then."""
    set_config(wb, "review.required", "true")
    if "postgresql" in wb.url:
        # One database role for every test: the role rule has its own tests (test_signoff).
        set_config(wb, "review.distinct_roles", "false")
    cite(wb, cid)
    return set_status(wb, cid, "false", note="The transcript says 2 runs.").claim.version


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def _refused_for_additions(editor: Workbench, cid: int, version: int) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as refused:
        approve(editor, cid, expected_version=version)
    assert refused.value.reason == "added_since_proposal"
    assert refused.value.hint is not None
    assert refused.value.hint.facts == {"step": "repropose", "claim_id": cid, "verdict": "false"}
    return refused.value


def test_evidence_added_after_the_proposal_stops_its_approval(
    wb: Workbench, cid: int, counts: Counts
) -> None:
    """The trial: a "supports" item and a STOP note after the proposal, then an approval at
    the version the reviewer read (neither bumps it)."""
    version = _in_review(wb, cid)
    ev = add_evidence(
        wb, cid, EvidenceInput(stance="supports", citation="New: claim is TRUE", title="New")
    )
    note = add_note(_as(wb, "carol"), cid, "STOP - do not approve")
    assert get_claim(wb, cid).version == version
    before = counts()
    refused = _refused_for_additions(_as(wb, "editor"), cid, version)
    assert refused.message == (
        f"claim #{cid} had evidence #{ev.id} by tester and note #{note.id} by carol added "
        "after its verdict (false) was proposed; the proposal did not weigh them"
    )
    assert counts() == before
    assert get_claim(wb, cid).status == "in_review"
    assert [(a.kind, a.id, a.by) for a in show_claim(wb, cid).added_since_proposal] == [
        ("evidence", ev.id, "tester"),
        ("note", note.id, "carol"),
    ]


def test_a_note_by_another_after_the_proposal_stops_its_approval(wb: Workbench, cid: int) -> None:
    version = _in_review(wb, cid)
    note = add_note(wb, cid, "One more thing: the CFO disputes it.")  # the proposer's own
    refused = _refused_for_additions(_as(wb, "editor"), cid, version)
    assert f"note #{note.id} by tester" in refused.message
    assert "evidence" not in refused.message


def test_the_approvers_own_note_and_items_before_the_proposal_do_not(
    wb: Workbench, cid: int
) -> None:
    add_note(_as(wb, "carol"), cid, "Asked the company; no answer.")
    add_evidence(_as(wb, "carol"), cid, EvidenceInput(stance="supports", citation="Memo"))
    version = _in_review(wb, cid)  # its evidence too comes before the proposal
    editor = _as(wb, "editor")
    add_note(editor, cid, "Read the transcript myself: 2 runs.")
    assert show_claim(wb, cid).added_since_proposal != ()  # shown, though it does not block
    done = approve(editor, cid, note="Agreed.", expected_version=version)
    assert (done.status, done.proposed_status) == ("false", None)
    assert show_claim(wb, cid).added_since_proposal == ()  # no longer in review


def test_after_reject_and_a_new_proposal_the_verdict_can_be_approved(
    wb: Workbench, cid: int
) -> None:
    _in_review(wb, cid)
    add_evidence(wb, cid, EvidenceInput(stance="context", citation="Later filing"))
    editor = _as(wb, "editor")
    _refused_for_additions(editor, cid, get_claim(wb, cid).version)
    reject(editor, cid, note="Weigh the later filing first.")
    assert show_claim(wb, cid).added_since_proposal == ()
    again = set_status(wb, cid, "false", note="The filing agrees: 2 runs.").claim
    assert show_claim(wb, cid).added_since_proposal == ()
    done = approve(editor, cid, expected_version=again.version)
    assert done.status == "false"


def test_in_review_cannot_be_set_directly(wb: Workbench, cid: int) -> None:
    with pytest.raises(InvalidInput, match="not set directly"):
        set_status(wb, cid, "in_review", note="x")


def test_settings_refusals(wb: Workbench, counts: Counts) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match="unknown setting"):
        set_config(wb, "review.optional", "true")
    with pytest.raises(InvalidInput, match="true or false"):
        set_config(wb, "review.required", "sometimes")
    assert counts() == before


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_a_setting_s_bad_value_is_a_problem_told_before_the_call(key: str) -> None:
    """What a front end asks before `set_config` (the CLI: bad usage, exit 2), for every
    setting; the same words the service refuses with."""
    assert setting_problem(key) is None and setting_problem(key, " On ") is None
    problem = setting_problem(key, "maybe")
    assert problem is not None
    assert problem.message == f"{key} takes true or false, not 'maybe'"
    unknown = setting_problem("review.optional", "true")
    assert unknown is not None and unknown.message.startswith("unknown setting")


# --- owners, tags, priority, due ------------------------------------------------------------


def test_bulk_edits(wb: Workbench, claims: list[int]) -> None:
    a, b, c = claims
    # an owner is a person's name in its normal form, as whoever acts is (domain.identity)
    out = assign(wb, [a, b], "  Ａlice  ")
    assert [x.assignee for x in out] == ["alice", "alice"]
    assert [x.tags for x in tag(wb, [a, c], [" AI ", "money", "ai"]).claims] == [
        ("ai", "money"),
        ("ai", "money"),
    ]
    assert untag(wb, [a], ["MONEY"]).claims[0].tags == ("ai",)
    assert set_priority(wb, [b], "HIGH").claims[0].priority == "high"
    assert set_due(wb, [c], "2025-01-31").claims[0].due == "2025-01-31"
    assert set_due(wb, [c], None).claims[0].due is None
    assert assign(wb, [a], None)[0].assignee is None


def test_tags_are_folded_and_a_look_alike_of_one_in_use_is_refused(
    wb: Workbench, claims: list[int], counts: Counts
) -> None:
    """A trial tagged claims `ｍｏｎｅｙ` and `mоney` (a Cyrillic о) beside `money`, and
    `claim list --tag money` missed them."""
    a, b, c = claims
    assert tag(wb, [a], ["money"]).claims[0].tags == ("money",)
    assert tag(wb, [b], ["ｍｏｎｅｙ", "Covid-19"]).claims[0].tags == ("covid-19", "money")
    before = counts()
    with pytest.raises(InvalidInput, match="mixes scripts"):
        tag(wb, [c], ["m\u043eney"])
    with pytest.raises(InvalidInput, match="'covid19' looks like 'covid-19', a tag claims"):
        tag(wb, [c], ["covid19"])
    with pytest.raises(InvalidInput, match="tags 'lab' and '1ab' look alike"):
        tag(wb, [c], ["lab", "1ab"])
    with pytest.raises(InvalidInput, match="holds a space"):
        tag(wb, [c], ["a b"])
    assert counts() == before
    assert tag(wb, [c], ["MONEY"]).claims[0].tags == ("money",)


def test_untag_says_which_tags_a_claim_did_not_have(wb: Workbench, claims: list[int]) -> None:
    a, b, _ = claims
    tag(wb, [a], ["money", "ai"])
    done = untag(wb, [a, b], ["ＭＯＮＥＹ", "nonexist"])
    assert [x.tags for x in done.claims] == [("ai",), ()]
    assert done.absent == {a: ("nonexist",), b: ("money", "nonexist")}
    assert done.unchanged == {b}
    assert untag(wb, [a], ["ai"]).absent == {}


def test_a_tag_stored_before_tags_were_folded_is_removed_as_typed_now(
    wb: Workbench, claims: list[int]
) -> None:
    from sqlalchemy import insert

    from workbench.db.models import ClaimTag

    with wb.engine(write=True).begin() as conn:  # as an older version stored it
        conn.execute(insert(ClaimTag), [{"claim_id": claims[0], "tag": "ｍｏｎｅｙ"}])
    assert tag(wb, [claims[1]], ["money"]).claims[0].tags == ("money",)  # not its twin
    done = untag(wb, [claims[0]], ["money"])
    assert done.claims[0].tags == () and done.absent == {}


def test_a_tag_stored_before_tags_were_folded_is_found_as_typed_now(
    wb: Workbench, claims: list[int]
) -> None:
    """Tags stored as typed by an older version (`ｍｏｎｅｙ`, `Money`) are found by
    `--tag money` beside the folded one, and only those: `moneys` is another tag."""
    from sqlalchemy import insert

    from workbench.db.models import ClaimTag
    from workbench.services.queries import ClaimFilter, list_claims

    with wb.engine(write=True).begin() as conn:  # as an older version stored them
        conn.execute(
            insert(ClaimTag),
            [
                {"claim_id": claims[0], "tag": "ｍｏｎｅｙ"},
                {"claim_id": claims[1], "tag": "Money"},
                {"claim_id": claims[2], "tag": "moneys"},
            ],
        )
    tag(wb, [claims[1]], ["money"])  # both spellings on one claim: listed once
    for typed in ("money", "MONEY", "ｍｏｎｅｙ"):
        found = [c.id for c in list_claims(wb, ClaimFilter(tags=(typed,)))]
        assert found == claims[:2]


def test_bulk_edit_with_an_unknown_id_changes_nothing(
    wb: Workbench, claims: list[int], counts: Counts
) -> None:
    before = counts()
    for call in (
        lambda: assign(wb, [claims[0], 999, 998], "bob"),
        lambda: tag(wb, [claims[0], 999], ["x"]),
        lambda: set_priority(wb, [999, claims[1]], "low"),
        lambda: set_due(wb, [claims[2], 999], "2030-01-01"),
    ):
        with pytest.raises(NotFound, match="#999"):
            call()
    assert counts() == before
    assert get_claim(wb, claims[0]).assignee is None


def test_only_an_edit_says_that_nothing_was_changed(wb: Workbench, claims: list[int]) -> None:
    """A bulk edit naming a missing claim changes none (all or none), and says so; an export
    naming one is a read, which never changes anything (a trial read "no claim #999; nothing
    was changed" from `export claimreview --claim 999`). Both name `claim list`."""
    from workbench.services.exports import export_claimreview
    from workbench.services.review_selection import ReviewSelection

    with pytest.raises(NotFound) as edit:
        tag(wb, [claims[0], 999], ["x"])
    assert edit.value.message == "no claim #999; nothing was changed"
    with pytest.raises(NotFound) as read:
        export_claimreview(
            wb, ReviewSelection(org="D", org_url="https://d.org", claim_ids=[999, claims[0], 998])
        )
    assert read.value.message == "no claim #999, #998"
    for refused in (edit.value, read.value):
        assert refused.hint == step("list", entity="claim")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda wb, ids: tag(wb, ids, ["  "]), "empty tag"),
        (lambda wb, ids: tag(wb, ids, ["x" * 101]), "longer than 100 characters"),
        (lambda wb, ids: untag(wb, ids, ["a;b"]), "separate tags in exports"),
        (lambda wb, ids: tag(wb, ids, ["a\tb"]), "control character U\\+0009"),
        (lambda wb, ids: tag(wb, ids, ["fact check"]), "join its words with a hyphen"),
        (lambda wb, ids: tag(wb, ids, ["m\u043eney"]), "mixes scripts"),
        (lambda wb, ids: tag(wb, ids, []), "at least one tag"),
        # read as a claim ID wherever it came first: the service refuses it, not only the CLI
        (lambda wb, ids: tag(wb, ids, ["money", " 2025 "]), "only digits"),
        (lambda wb, ids: set_priority(wb, ids, "urgent"), "unknown priority"),
        (lambda wb, ids: set_due(wb, ids, "31/01/2025"), "not a date"),
        (lambda wb, ids: assign(wb, ids, "  "), "needs a name"),
        (lambda wb, ids: assign(wb, ids, "bob\u200b"), "invisible"),
        (lambda wb, ids: assign(wb, ids, "b" * 101), "at most 100"),
        (lambda wb, ids: assign(wb, [], "x"), "at least one claim"),
    ],
)
def test_desk_refusals(
    wb: Workbench, claims: list[int], counts: Counts, call: Callable[..., object], message: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=message):
        call(wb, claims)
    assert counts() == before


def test_stale_version_conflicts(wb: Workbench, cid: int) -> None:
    seen = get_claim(wb, cid).version
    assign(wb, [cid], "alice")  # someone else changes the claim meanwhile
    with pytest.raises(
        Conflict, match=f"claim #{cid} was changed since version {seen} .* assignee by tester"
    ):
        set_status(wb, cid, "in_progress", expected_version=seen)


DESK_EDITS: dict[str, Callable[..., Any]] = {
    "assign": lambda wb, ids, **v: assign_owner(wb, ids, "alice", **v),
    "unassign": lambda wb, ids, **v: assign_owner(wb, ids, None, **v),
    "tag": lambda wb, ids, **v: tag(wb, ids, ["new"], **v),
    "untag": lambda wb, ids, **v: untag(wb, ids, ["ai"], **v),
    "priority": lambda wb, ids, **v: set_priority(wb, ids, "high", **v),
    "due": lambda wb, ids, **v: set_due(wb, ids, "2026-12-31", **v),
}


@pytest.mark.parametrize("edit", DESK_EDITS)
def test_desk_edits_take_an_expected_version_as_status_moves_do(
    wb: Workbench, claims: list[int], counts: Counts, edit: str
) -> None:
    """A trial: assign, tag, priority and due had no --if-version, so a desk edit made on a
    claim read before someone else's change went through unnoticed."""
    a, b, _ = claims
    change = DESK_EDITS[edit]
    tag(wb, [a], ["ai"])  # each edit below then changes something
    assign(wb, [a], "bob")
    seen = get_claim(wb, a).version
    set_status(wb, a, "in_progress")  # someone else's change meanwhile
    before = counts()
    with pytest.raises(Conflict) as stale:
        change(wb, [a], expected_version=seen)
    assert stale.value.message == (
        f"claim #{a} was changed since version {seen} (it is now at version "
        f"{seen + 1}): status by tester"
    )
    assert stale.value.hint == step("reread", claim_id=a)
    with pytest.raises(Conflict, match=f"claim #{a} has never been at version {seen + 9}"):
        change(wb, [a], expected_version=seen + 9)
    # one version says nothing of another claim's: refused with several (bad usage in the CLI)
    with pytest.raises(InvalidInput, match="was given for 2 claims"):
        change(wb, [a, b], expected_version=seen + 1)
    assert counts() == before  # nothing changed, no event
    done = change(wb, [a, a], expected_version=seen + 1)  # a repeated ID is one claim
    assert [c.version for c in done.claims] == [seen + 2] and not done.unchanged


def test_a_due_date_names_the_claims_it_makes_overdue_at_once(
    wb: Workbench, claims: list[int]
) -> None:
    """A date already past makes open claims overdue (a fact of the change, which the CLI
    warns of); a date to come, a cleared one or a claim with a verdict, none."""
    a, b, c = claims
    set_status(wb, c, "opinion", note="a view")
    assert set_due(wb, [a, b, c], "2000-01-01").overdue == (a, b)
    assert set_due(wb, [a], "2000-01-01").overdue == (a,)  # already so: still overdue
    next_year = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=366)).isoformat()
    assert set_due(wb, [a, b], next_year).overdue == ()
    assert set_due(wb, [a, b], None).overdue == ()


@pytest.mark.parametrize("day", ["1900-01-01", "1999-12-31", "9999-12-31", "2999-01-01"])
def test_a_due_date_no_deadline_falls_on_is_refused(
    wb: Workbench, claims: list[int], day: str
) -> None:
    # A trial's 1900-01-01 and 9999-12-31 were taken: typos of the year.
    with pytest.raises(InvalidInput, match=f"due date {day} is not a likely deadline"):
        set_due(wb, claims[:1], day)
    assert get_claim(wb, claims[0]).due is None


def test_desk_edits_say_which_claims_were_already_so(wb: Workbench, claims: list[int]) -> None:
    a, b, _ = claims
    assert assign_owner(wb, [a], "ana").unchanged == frozenset()
    again = assign_owner(wb, [a, b], "ana")
    assert again.unchanged == {a} and [c.assignee for c in again.claims] == ["ana", "ana"]
    assert set_priority(wb, [a], "normal").unchanged == {a}
    assert set_priority(wb, [a], "high").unchanged == frozenset()
    assert set_due(wb, [a], None).unchanged == {a}
    assert tag(wb, [a], ["x"]).unchanged == frozenset()
    assert tag(wb, [a, b], ["X"]).unchanged == {a}
    assert untag(wb, [b], ["y"]).unchanged == {b}
