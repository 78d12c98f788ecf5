"""Exports and imports as review49 found them wrong (each test failed before its fix): a CSV
cell starting with two quotes, a flagged verdict through a claims table, a javascript: URL
through a bundle, a review naming no author unsaid, a cell over the csv module's limit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from export_desk import Desk, Run

from workbench.domain.errors import InvalidInput
from workbench.exports.cells import cell_text, csv_cell
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import claim_rows


def test_csv_cell_round_trips_a_text_starting_with_two_apostrophes() -> None:
    for text in ["''Tis the season", "'='", "''", "'a"]:
        assert cell_text(csv_cell(text)) == text, text


def test_claims_csv_round_trip_keeps_a_note_starting_with_two_apostrophes(
    run: Run, wb: Workbench, tmp_path: Path
) -> None:
    doc = add_document(wb, b"He said ''Tis true, the rate rose 5%.").document.id
    cid = add_claim(wb, doc, "''Tis true: the rate rose", SpanRequest(quote="the rate rose 5%")).id
    from workbench.services.notes import add_note

    add_note(wb, cid, "''quoted'' said the source")
    out = tmp_path / "c.csv"
    assert run("export", "claims", "--format", "csv", "-o", str(out)).code == 0
    # into another document of the same text (as the README's round trip does)
    other = add_document(wb, b"He said ''Tis true, the rate rose 5%.\n").document.id
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    for r in rows:
        r["document_id"] = ""
        r["id"] = ""
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = run("import", "claims", str(tmp_path / "in.csv"), "--doc", str(other))
    assert r.code == 0, r.err
    back = claim_rows(wb, document_ids=[other])[0]
    assert back["text"] == "''Tis true: the rate rose"
    assert back["note"] == "''quoted'' said the source"


def _flagged_unverifiable(wb: Workbench) -> tuple[int, int, str]:
    """A document whose one claim's Unproven verdict is flagged for re-review (its quote's
    figure changed after the verdict), and the current text."""
    from workbench.services.claims import set_status
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    first = "甲公司称，公司估值超过40亿美元，位居行业第一。其他内容保持不变，以便重新锚定。\n"
    second = "甲公司称，公司估值超过50亿美元，位居行业第一。其他内容保持不变，以便重新锚定。\n"
    doc = add_document(wb, first.encode()).document.id
    cid = add_claim(wb, doc, "Valued over $4bn", SpanRequest(quote="公司估值超过40亿美元")).id
    set_status(wb, cid, "unverifiable", note="No public valuation.")
    update_document(wb, doc, Content(second, "text", "v2.txt"), force=True)
    return doc, cid, second


def test_a_flagged_verdict_is_not_published_after_a_claims_table_round_trip(
    run: Run, wb: Workbench, tmp_path: Path
) -> None:
    from workbench.services.exports import export_claimreview
    from workbench.services.review_selection import ReviewSelection

    doc, cid, second = _flagged_unverifiable(wb)
    (row,) = claim_rows(wb, document_ids=[doc])
    assert row["flagged"] is True and row["status"] == "unverifiable"
    # withheld from publishing on this desk
    pub = export_claimreview(wb, ReviewSelection(org="Desk", org_url="https://desk.example.org"))
    assert pub.reviews == [] and pub.flagged == [cid]
    # the table moved to another document holding the same (current) text
    out = tmp_path / "claims.json"
    assert run("export", "claims", "--format", "json", "-o", str(out)).code == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    for r in rows:
        r.pop("document_id"), r.pop("id")
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    other = add_document(wb, (second + "附言。\n").encode()).document.id
    r = run("import", "claims", str(out), "--doc", str(other))
    assert r.code == 0, r.err
    (back,) = claim_rows(wb, document_ids=[other])
    # FAILS: it comes back an unflagged Unproven verdict, and is published
    assert back["flagged"] is True or back["status"] != "unverifiable", (back, r.err)


def test_a_restored_bundle_cannot_put_a_javascript_url_into_the_report(
    wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    """Every way in checks a URL is http(s) (doc add, doc edit, evidence add, a page's
    canonical), but a bundle restore does not: a bundle whose URL was edited, event and row
    alike, its chain recomputed, restores, and the report links it. The page's CSP allows
    'unsafe-inline' scripts, under which a javascript: link runs when clicked."""
    from test_bundle import bundle_bytes, fresh_sqlite
    from test_bundle_replay import forge

    from workbench.services.bundle import import_bundle
    from workbench.services.exports import report_pages

    evil = "javascript:alert(document.domain)"

    def edit(t: dict) -> None:  # type: ignore[type-arg]
        for row in t["evidence"]:
            if row["url"]:
                row["url"] = evil
        for ev in t["events"]:
            if ev["action"] == "evidence.added":
                payload = json.loads(ev["payload"])
                payload["after"]["url"] = evil
                from workbench.domain.chain import canonical_json

                ev["payload"] = canonical_json(payload)

    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    target = Workbench(url=fresh_sqlite(tmp_path, "t.db"), actor="tester")
    # chain and replay are consistent, but no command takes such a URL: refused, said which
    with pytest.raises(InvalidInput, match=r"^the bundle's evidence #1: 'javascript:alert"):
        import_bundle(target, str(path))
    # and the report links only http(s) URLs, whatever a database holds
    from workbench.exports.report import _link

    assert _link(evil) == "javascript:alert(document.domain)"
    assert _link("https://a.example/?q=<b>").startswith('<a href="https://a.example/?q=&lt;b&gt;"')
    assert report_pages(wb)[0].text.count('href="https://') >= 1


def test_a_review_naming_no_author_is_always_said(wb: Workbench) -> None:
    """A claim whose speaker is 'Article author' in a document with no author is published
    naming no author of the claim, as one with no speaker is; only the latter is said."""
    from workbench.services.claims import set_status
    from workbench.services.exports import export_claimreview
    from workbench.services.review_selection import ReviewSelection

    doc = add_document(wb, b"The firm was founded in 1999 and is valued at $4bn.").document.id
    cid = add_claim(
        wb, doc, "Valued at $4bn", SpanRequest(quote="valued at $4bn"), speaker="Article author"
    ).id
    set_status(wb, cid, "unverifiable", note="No public valuation.")
    out = export_claimreview(wb, ReviewSelection(org="Desk", org_url="https://desk.example.org"))
    (review,) = out.reviews
    assert "author" not in review["itemReviewed"]  # no one named...
    assert out.unattributed == [cid]  # FAILS: ...and nothing said of it


def test_a_claims_csv_with_a_cell_over_the_csv_modules_limit_is_read(tmp_path: Path) -> None:
    """review49: an export's claim on a 200,000-character span could not be imported back."""
    from workbench.exports.claims_table import read_csv

    quote = "增长了5%。" * 40_000
    data = f"quote,text\n{quote},whole\n"
    [row] = list(read_csv(io.StringIO(data, newline="")))
    assert row.values["quote"] == quote
