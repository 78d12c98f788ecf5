"""A document's URL stored with a user name and password (a desk's record from before such a
URL was refused, 257a8e02 (trial47), which `db upgrade` keeps as it was) is published by no
export with them: an annotation's source and ClaimReview's appearance name the page without
its userinfo (`urls.as_uri`), and the annotations still read back as the document's own; the
report links the page without them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.db.engine import get_engine
from workbench.domain.urls import as_uri, without_credentials, without_userinfo
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.doc_show import show_document
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_annotations, export_claimreview, report_pages
from workbench.services.imports import import_annotations
from workbench.services.review_selection import ReviewSelection

TEXT = "The mayor said unemployment fell to 3.2 percent last year.\n"
STORED = "https://editor:s3cret@news.example.com/2019/story"
PAGE = "https://news.example.com/2019/story"


def test_as_uri_leaves_out_a_user_name_and_password() -> None:
    assert as_uri(STORED) == PAGE
    assert as_uri("https://ed@news.example.com:8443/a#b") == "https://news.example.com:8443/a#b"
    # A password holding `@`: the userinfo runs to the authority's last one.
    assert (
        as_uri("https://ed:p@ss@新闻.example.cn/路") == "https://xn--efvy88h.example.cn/%E8%B7%AF"
    )
    # An `@` after the authority is the path's: kept.
    assert as_uri("https://x.example/@author/story") == "https://x.example/@author/story"


def test_no_export_publishes_the_password(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=PAGE)).document.id
    with get_engine(wb.url).begin() as conn:  # as an older release stored it
        conn.execute(text("UPDATE documents SET url = :u WHERE id = :d"), {"u": STORED, "d": doc})
    assert show_document(wb, doc).document.url == STORED
    claim = add_claim(wb, doc, "Unemployment fell to 3.2%", SpanRequest(quote="unemployment fell"))
    add_evidence(wb, claim.id, EvidenceInput(stance="refutes", citation="BLS table 4"))
    set_status(wb, claim.id, "false", note="The rate was 4.1 percent.")
    collection = export_annotations(wb).collection
    [review] = export_claimreview(
        wb, ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
    ).reviews
    written = json.dumps([collection, review], ensure_ascii=False)
    assert "s3cret" not in written and "editor" not in written
    assert collection["first"]["items"][0]["target"]["source"] == PAGE
    assert review["itemReviewed"]["appearance"]["url"] == PAGE
    # Read back into its document, the source still names it: the claim is present.
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    result = import_annotations(wb, str(path), doc)
    assert (list(result.added), result.present, result.notices) == ([], 1, [])


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_report_links_the_page_without_the_password(wb: Workbench, fmt: str) -> None:
    """`report` publishes the document's page as a link (HTML) or an autolink (Markdown): the
    page without its user name and password, as the exports name it."""
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=PAGE)).document.id
    with get_engine(wb.url).begin() as conn:  # as an older release stored it
        conn.execute(text("UPDATE documents SET url = :u WHERE id = :d"), {"u": STORED, "d": doc})
    add_claim(wb, doc, "Unemployment fell to 3.2%", SpanRequest(quote="unemployment fell"))
    pages = report_pages(wb, fmt=fmt)
    written = "".join(page.text for page in pages)
    assert "s3cret" not in written and "editor:" not in written
    assert "news.example.com/2019/story" in written


# An empty port (RFC 3986 3.2.3: port = *DIGIT) is a port, not a password's start: the desk
# takes this URL (`doc add --url`, as urlsplit reads it: host medium.example, path /@mayor/...)
# and the fetch asks medium.example for it. The userinfo rule read `medium.example:/` as a
# user name and password holding a `/`, ending at the path's `@`, so every export published
# the page as https://mayor/jobs-report, another host (rannot).
EMPTY_PORT = "https://medium.example:/@mayor/jobs-report"


def test_an_empty_port_is_no_user_name() -> None:
    assert without_credentials(EMPTY_PORT) == EMPTY_PORT
    assert without_userinfo(EMPTY_PORT) == EMPTY_PORT
    assert as_uri(EMPTY_PORT) == EMPTY_PORT
    # A password holding `/` after a port that is no number is still one (a legacy row's).
    assert as_uri("https://ed:pa/ss@news.example.com/a") == "https://news.example.com/a"


def test_a_page_at_an_empty_port_is_published_at_its_host(wb: Workbench) -> None:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=EMPTY_PORT)).document.id
    assert show_document(wb, doc).document.url == EMPTY_PORT
    claim = add_claim(wb, doc, "Unemployment fell to 3.2%", SpanRequest(quote="unemployment fell"))
    add_evidence(wb, claim.id, EvidenceInput(stance="refutes", citation="BLS table 4"))
    set_status(wb, claim.id, "false", note="The rate was 4.1 percent.")
    [annotation] = export_annotations(wb).collection["first"]["items"]
    [review] = export_claimreview(
        wb, ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
    ).reviews
    assert annotation["target"]["source"] == EMPTY_PORT
    assert review["itemReviewed"]["appearance"]["url"] == EMPTY_PORT
    for fmt in ("html", "md"):
        written = "".join(page.text for page in report_pages(wb, fmt=fmt))
        assert "https://mayor/" not in written and EMPTY_PORT in written, fmt


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_report_links_evidence_without_the_password(wb: Workbench, fmt: str) -> None:
    """An evidence URL an older desk stored with a user name and password goes through the same
    link as the document's (b18f97bf said so; no test held it: rannot)."""
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=PAGE)).document.id
    claim = add_claim(wb, doc, "Unemployment fell to 3.2%", SpanRequest(quote="unemployment fell"))
    add_evidence(wb, claim.id, EvidenceInput(stance="refutes", url="https://stats.example.gov/t4"))
    with get_engine(wb.url).begin() as conn:  # as an older release stored it
        conn.execute(
            text("UPDATE evidence SET url = :u"), {"u": "https://ev:evpass@stats.example.gov/t4"}
        )
    written = "".join(page.text for page in report_pages(wb, fmt=fmt))
    assert "evpass" not in written and "ev:" not in written
    assert "https://stats.example.gov/t4" in written


def test_a_password_is_left_out_where_the_host_is_one_the_rule_refuses() -> None:
    """reB: as_uri took the user name and password out and put the host in its DNS form in
    one step under suppress(InvalidInput), so a URL stored before the host rule
    (`exa_mple..com`, a label of 70 letters) kept its password: ascii_host refused, and the
    assignment that would have dropped it never ran."""
    from workbench.domain.urls import as_uri

    for url in ("https://user:pw@exa_mple..com/p", f"https://user:pw@{'a' * 70}.example/p"):
        assert "pw" not in as_uri(url) and "user" not in as_uri(url), as_uri(url)
