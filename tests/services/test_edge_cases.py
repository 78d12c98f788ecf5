"""Refusals found by trying the tool as a new user: each must be one clear error, no writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import Conflict, InvalidInput, step
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, max_document_bytes
from workbench.services.evidence import EvidenceInput, add_evidence, max_evidence_bytes
from workbench.services.review import approve
from workbench.services.settings import set_config

Counts = Callable[[], dict[str, int]]
TEXT = "2020年,当他第一次读到CLIP论文时,那种震撼感让他连续两三天无法入眠。"


@pytest.fixture
def cid(document_with_claims: Callable[..., Any]) -> int:
    return int(document_with_claims(TEXT, [("read CLIP in 2020", "2020年")]).claims[0])


def test_reviewer_identity_ignores_case(wb: Workbench, cid: int, counts: Counts) -> None:
    set_config(wb, "review.required", "true")
    set_status(Workbench(url=wb.url, actor="alice"), cid, "unverifiable", note="no record")
    before = counts()
    with pytest.raises(InvalidInput, match="different reviewer"):
        approve(Workbench(url=wb.url, actor=" ALICE "), cid)
    assert counts() == before


def test_a_note_on_an_unchanged_status_is_refused_not_dropped(
    wb: Workbench, cid: int, counts: Counts
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=r"note was not saved") as refused:
        set_status(wb, cid, "unverified", note="still looking")
    assert refused.value.hint == step("add_note", claim_id=cid)
    assert counts() == before


def test_the_same_claim_twice_is_a_conflict(wb: Workbench, cid: int, counts: Counts) -> None:
    before = counts()
    with pytest.raises(Conflict, match=f"claim #{cid} already pins this span"):
        add_claim(wb, 1, "read CLIP in 2020", SpanRequest(quote="2020年"))
    assert counts() == before
    other = add_claim(wb, 1, "a different reading of the same words", SpanRequest(quote="2020年"))
    # Accepted, but it says which claims already pin exactly these words (and --json carries it).
    assert other.same_span == (cid,)
    assert other.to_json()["same_span"] == [cid]
    third = add_claim(wb, 1, "a third reading", SpanRequest(quote="2020年"))
    assert third.same_span == (cid, other.id)
    elsewhere = add_claim(wb, 1, "a longer span", SpanRequest(quote="2020年,"))
    assert elsewhere.same_span == ()


def test_quote_hints(wb: Workbench, cid: int) -> None:
    with pytest.raises(InvalidInput, match="the quote is empty"):
        add_claim(wb, 1, "x", SpanRequest(quote="  "))
    # Typed with a full-width comma, the quote is found; the claim keeps the document's own text.
    found = add_claim(wb, 1, "x", SpanRequest(quote="2020年，当他"))
    assert (found.start, found.quote) == (0, "2020年,当他")
    with pytest.raises(InvalidInput, match="quote not found"):
        add_claim(wb, 1, "x", SpanRequest(quote="2021年，当他"))


def test_empty_evidence_file(wb: Workbench, cid: int, counts: Counts, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    before = counts()
    with pytest.raises(InvalidInput, match="empty"):
        add_evidence(wb, cid, EvidenceInput(stance="supports", file=str(empty)))
    assert counts() == before


def test_document_url_is_checked(wb: Workbench, counts: Counts) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match="not an http"):
        add_document(wb, "正文。".encode(), meta=DocumentMeta(url="notaurl"))
    assert counts() == before


@pytest.mark.parametrize("raw", ["-5", "0", "lots", "nan", "inf", "1e400", "-inf", "1e308", "1e-9"])
def test_size_limits_must_be_positive(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_EVIDENCE_MB", raw)
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", raw)
    with pytest.raises(InvalidInput, match="positive number of megabytes"):
        max_evidence_bytes()
    with pytest.raises(InvalidInput, match="positive number of megabytes"):
        max_document_bytes()


def test_blank_actor_is_refused(db_url: str) -> None:
    with pytest.raises(InvalidInput, match="needs a name"):
        Workbench.open(db_url, "   ")


def test_version_from_the_future(wb: Workbench, cid: int) -> None:
    with pytest.raises(Conflict, match="has never been at version 9"):
        set_status(wb, cid, "in_progress", expected_version=9)


def test_owner_filters_fold_case_beyond_ascii(wb: Workbench, cid: int) -> None:
    from workbench.services.queries import ClaimFilter, list_claims
    from workbench.services.workflow import assign

    assign(wb, [cid], "Élise")
    assert [c.id for c in list_claims(wb, ClaimFilter(assignee="élise"))] == [cid]
    assert [c.id for c in list_claims(wb, ClaimFilter(assignee=" ÉLISE "))] == [cid]
    assert list_claims(wb, ClaimFilter(assignee="Elise")) == []


def test_markup_in_user_text_is_printed_as_text(wb: Workbench, cid: int) -> None:
    import io

    from rich.console import Console

    from workbench.cli import render

    buf = io.StringIO()
    original = render._console
    render._console = lambda *_: Console(file=buf, width=200)  # type: ignore[assignment]
    try:
        render.table(["claim"], [["[/x] and [bold]loud[/bold]"]], title="[red]t")
    finally:
        render._console = original  # type: ignore[assignment]
    out = buf.getvalue()
    assert "[/x] and [bold]loud[/bold]" in out and "[red]t" in out


def test_claim_text_and_notes_are_stored_nfc(wb: Workbench, cid: int) -> None:
    from workbench.services.notes import add_note

    n = add_note(wb, cid, "Cafe\u0301 source")
    assert n.body == "Café source"


def test_text_of_characters_that_draw_nothing_is_empty(wb: Workbench, counts: Counts) -> None:
    """A document, a citation, an evidence title or excerpt of U+200B alone is as empty as one
    of spaces (a review found them stored)."""
    before = counts()
    with pytest.raises(InvalidInput, match="is empty"):
        add_document(wb, "\u200b\u200b\n\u2060".encode())
    assert counts() == before
    doc = add_document(wb, "正文：营收12亿元。".encode()).document.id
    claim = add_claim(wb, doc, "营收12亿元", SpanRequest(quote="营收12亿元")).id
    with pytest.raises(InvalidInput, match="the citation is empty"):
        add_evidence(wb, claim, EvidenceInput(stance="supports", citation="\u200b"))
    added = add_evidence(
        wb,
        claim,
        EvidenceInput(stance="supports", citation="年报第3页", title="\u200b", excerpt="\u3164"),
    )
    assert (added.title, added.excerpt) == (None, None)
