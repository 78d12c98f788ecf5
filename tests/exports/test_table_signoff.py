"""The claims table names each verdict's sign-off (trial57's left-alone item: an editor's
sheet of the month's verdicts had no verdict date, and who gave and approved each was only in
`claim show`, a claim at a time): verdict_by, approved_by and verdict_at, from the trail,
written by every format and never imported."""

from __future__ import annotations

import csv
import io
import re

from tests.services.test_signoff import proposed
from workbench.exports import table_csv
from workbench.exports.claims_table import COLUMNS, EXPORT_ONLY
from workbench.services import review
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import claim_rows
from workbench.services.settings import set_config

SIGN_OFF = ("verdict_by", "approved_by", "verdict_at")
AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def signed(rows: list[dict[str, object]]) -> dict[object, tuple[object, ...]]:
    return {r["id"]: tuple(r[c] for c in SIGN_OFF) for r in rows}


def test_a_verdict_approved_names_both_and_the_approval_s_time(wb: Workbench) -> None:
    cid = proposed(wb, "alice")
    (row,) = claim_rows(wb)
    assert (row["status"], signed([row])[cid]) == ("in_review", (None, None, None))
    review.approve(Workbench(url=wb.url, actor="bob"), cid)
    (row,) = claim_rows(wb)
    by, approved, at = signed([row])[cid]
    assert (by, approved) == ("alice", "bob") and AT.fullmatch(str(at))


def test_a_verdict_given_alone_names_its_giver_and_no_approver(wb: Workbench) -> None:
    doc = add_document(wb, "甲公司去年营收一百亿元。乙公司员工三千人。".encode()).document.id
    given = add_claim(wb, doc, "revenue", SpanRequest(quote="营收一百亿元")).id
    open_one = add_claim(wb, doc, "staff", SpanRequest(quote="员工三千人")).id
    set_config(wb, "review.required", "false")
    set_status(Workbench(url=wb.url, actor="dana"), given, "unverifiable", note="no filing")
    set_status(Workbench(url=wb.url, actor="dana"), open_one, "in_progress", note="asked HR")
    rows = claim_rows(wb)
    assert signed(rows)[given][:2] == ("dana", None)
    assert signed(rows)[open_one] == (None, None, None)
    # Reopened, the verdict's columns empty again.
    set_status(Workbench(url=wb.url, actor="dana"), given, "in_progress", note="new filing")
    assert signed(claim_rows(wb))[given] == (None, None, None)


def test_the_columns_come_last_in_every_format_and_are_not_imported(wb: Workbench) -> None:
    assert COLUMNS[-3:] == SIGN_OFF and set(SIGN_OFF) <= EXPORT_ONLY
    cid = proposed(wb, "alice")
    review.approve(Workbench(url=wb.url, actor="bob"), cid)
    out = io.StringIO()
    table_csv.write(iter(claim_rows(wb)), out)
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header[-3:] == list(SIGN_OFF) and row[-3:-1] == ["alice", "bob"]
