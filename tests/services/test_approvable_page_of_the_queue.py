"""`claim list --approvable --limit N` is the first N of the whole queue, judged as far as it
needs: the queue was judged whole before a page was cut (the year desk's 1,416 claims in review,
each with its events, for `--limit 20`: 62 MB and 0.29 CPU s where the whole queue took 63 MB and
0.33 s), so a page is now read from the claims in review in the list's order, judged a page at a
time by the approval's own rule (`decide_approval`), until N are found. Over a desk of
look-alike names (case, width, Cyrillic, one address, a display name, pinyin of hanzi) and mixed
states, every page asked is the same as that part of the whole list, for each approver and
sort."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import PG_URL, Result
from workbench.domain.identity import skeleton
from workbench.services import claim_rows, queries, review
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.settings import set_config
from workbench.services.users import _insert_user
from workbench.services.workflow import set_priority

# Who proposes each claim's verdict, in turn: alice and five look-alikes of hers (the rule reads
# each as alice), and others, 王芳 as herself, her pinyin, and the name showing her.
PROPOSERS = (
    "alice",
    "bob",
    "Alice",
    "王芳",
    "ａｌｉｃｅ",
    "li",
    "\u0430\u04cf\u0456\u0441\u0435",  # Cyrillic
    "wang fang",
    "al",  # alice's address, in other case
    "wang",  # displayed as 王芳
    "ALICE",
    "bob",
)
# Registered once the desk's work is done (rows and events, no check: look-alikes among them).
PEOPLE = (
    ("alice", None, "alice@example.org"),
    ("al", None, "ALICE@example.org"),
    ("bob", None, None),
    ("li", None, None),
    ("王芳", None, None),
    ("wang", "王芳", None),
)
APPROVERS = ("alice", "王芳", "bob")
CLAIMS = 36


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def _desk(wb: Workbench) -> None:
    """CLAIMS claims: most proposed in turn by PROPOSERS; some left unverified or in progress,
    one withdrawn, one approved; some with evidence added after the proposal (refused to
    all), or a note by one approver (still theirs to approve, no one else's)."""
    text = "".join(f"第{i}段：指标为{100 + 7 * i}万。" for i in range(CLAIMS))
    doc = add_document(wb, text.encode()).document.id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    for i in range(CLAIMS):
        cid = add_claim(wb, doc, f"figure {i}", SpanRequest(quote=f"指标为{100 + 7 * i}万")).id
        if i % 3 == 1:
            set_priority(wb, [cid], "high")
        if i % 9 == 4:
            continue  # unverified
        if i % 9 == 7:
            set_status(wb, cid, "in_progress")
            continue
        if i == 5:
            withdraw(wb, cid, reason="taken back")
            continue
        proposer = PROPOSERS[i % len(PROPOSERS)]
        set_status(_as(wb, proposer), cid, "unverifiable", note=f"no record {i}")
        if i == 10:
            review.approve(_as(wb, "li" if proposer != "li" else "bob"), cid)
        elif i % 8 == 3:
            add_evidence(_as(wb, "li"), cid, EvidenceInput(citation="later", stance="refutes"))
        elif i % 8 == 6:
            add_note(_as(wb, APPROVERS[i % 3]), cid, "read it too")
    with transaction(_as(wb, "alice"), write=True) as tx:
        for name, display, email in PEOPLE:
            _insert_user(tx, name, skeleton(name), display=display, email=email)


def _listed(wb: Workbench, approver: str, **paging: Any) -> list[dict[str, Any]]:
    flt = ClaimFilter(approvable_by=approver, **paging)
    return [c.to_json() for c in list_claims(_as(wb, approver), flt)]


@pytest.mark.parametrize("page", [claim_rows.PAGE, 4], ids=["pages", "pages of 4"])
def test_a_page_of_the_queue_is_that_part_of_the_whole(
    wb: Workbench, page: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _desk(wb)
    monkeypatch.setattr(queries, "PAGE", page)
    monkeypatch.setattr(claim_rows, "PAGE", page)
    sizes = {}
    for approver in APPROVERS:
        for sort in ("id", "priority", "updated"):
            whole = _listed(wb, approver, sort=sort)
            sizes[approver] = len(whole)
            for offset in (0, 1, 5):
                for limit in (0, 1, 2, 3, 5, len(whole) - 1, len(whole), len(whole) + 1):
                    part = _listed(wb, approver, sort=sort, limit=limit, offset=offset)
                    assert part == whole[offset : offset + limit], (approver, sort, offset, limit)
    # Each approver's queue has claims, and each leaves out some that are in review.
    in_review = [c.id for c in list_claims(wb, ClaimFilter(statuses=("in_review",)))]
    assert all(0 < n < len(in_review) for n in sizes.values()), (sizes, len(in_review))


def _ok(r: Result) -> Result:
    assert r.code == 0, r.err
    return r


def test_the_cli_pages_the_queue_as_it_lists_it_whole(
    wb: Workbench, cli: Callable[..., Result]
) -> None:
    _desk(wb)
    for approver in APPROVERS:
        queue = ("--as", approver, "claim", "list", "--approvable")
        whole = json.loads(_ok(cli(*queue, "--json")).out)
        assert whole
        for limit in (1, 3, len(whole)):
            part = json.loads(_ok(cli(*queue, "--json", "--limit", str(limit))).out)
            assert part == whole[:limit]
        table = _ok(cli(*queue, "--limit", "2", "--offset", "1"))
        assert f"claims 2–3 of {len(whole)}" in table.err
        rows = table.out.splitlines()
        shown = [any(r.startswith(f"| {c['id']} ") for r in rows) for c in whole[:4]]
        assert shown == [False, True, True, False]


def test_a_page_judges_the_claims_it_reads_not_the_whole_queue(
    wb: Workbench, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--json --limit 2` asks the approval's rule of a page of claims in review (4 here), not
    of each of the queue's; a table, which says of how many, judges each once (it judged them
    twice: once for the page, once for its total)."""
    from workbench.domain import sign_off

    _desk(wb)
    monkeypatch.setattr(queries, "PAGE", 4)
    monkeypatch.setattr(claim_rows, "PAGE", 4)
    judged: list[int] = []
    decide = sign_off.decide_approval

    def counted(claim: Any, *args: Any) -> Any:
        judged.append(claim.id)
        return decide(claim, *args)

    monkeypatch.setattr(sign_off, "decide_approval", counted)
    in_review = len(list_claims(wb, ClaimFilter(statuses=("in_review",))))
    queue = ("--as", "bob", "claim", "list", "--approvable")
    assert len(json.loads(_ok(cli(*queue, "--json", "--limit", "2")).out)) == 2
    assert 2 <= len(judged) <= 4, judged
    judged.clear()
    _ok(cli(*queue, "--limit", "2"))
    assert sorted(judged) == sorted(set(judged)), "a claim judged twice"
    assert len(judged) == in_review
