"""Adding documents through the library: normalisation, dedup, and refusals that write nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.text import sha256_text
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.doc_list import list_documents
from workbench.services.doc_show import show_document
from workbench.services.documents import (
    DocumentMeta,
    add_document,
    edit_document,
    read_source,
)

Counts = Callable[[], dict[str, int]]


def test_add_stores_normalised_text_and_hash(wb: Workbench) -> None:
    raw = "\ufeff第一行\r\nCafe\u0301\r".encode()
    added = add_document(
        wb, raw, meta=DocumentMeta(title=" 标题 ", language="zh", published="2025-10-01")
    )
    doc = added.document
    assert added.created
    assert doc.sha256 == sha256_text("第一行\nCafé\n")
    assert doc.length == len("第一行\nCafé\n")
    assert doc.title == "标题"
    assert doc.published == "2025-10-01"
    assert doc.added_by == "tester"


def test_adding_the_same_text_returns_the_existing_document(wb: Workbench, counts: Counts) -> None:
    first = add_document(wb, "同一篇文章。".encode())
    before = counts()
    again = add_document(wb, "同一篇文章。\r\n".encode()[:-2])
    assert not again.created
    assert again.document.id == first.document.id
    assert counts() == before
    assert [d.id for d in list_documents(wb)] == [first.document.id]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
        (b"ok \xe4\xb8 broken", "not valid UTF-8.*byte offset 3"),
    ],
)
def test_refusals_write_nothing(wb: Workbench, counts: Counts, data: bytes, message: str) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=message):
        add_document(wb, data, source="in.txt")
    assert counts() == before


def test_bad_published_date_is_refused(wb: Workbench, counts: Counts) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match="not a date"):
        add_document(wb, b"text", meta=DocumentMeta(published="last week"))
    assert counts() == before


def test_a_published_date_to_come_is_refused_as_an_accessed_one_is(
    wb: Workbench, counts: Counts
) -> None:
    """A new-user trial: `--published 2099-01-01` was stored and reached ClaimReview's
    datePublished, while `evidence add --accessed 2030-01-01` was refused. One rule now, in
    DocumentMeta.checked, so doc add, doc edit, seed files and imports all obey it."""
    import datetime as dt

    from workbench.domain.clock import latest_today

    # "Today" is the latest calendar's (UTC+14): a desk east of UTC may give its own today.
    today = latest_today()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    before = counts()
    with pytest.raises(InvalidInput, match=f"published date {tomorrow} is in the future"):
        add_document(wb, b"text", meta=DocumentMeta(published=tomorrow))
    assert counts() == before
    doc = add_document(wb, b"text", meta=DocumentMeta(published=today.isoformat())).document
    assert doc.published == today.isoformat()
    with pytest.raises(InvalidInput, match="is in the future") as refused:
        edit_document(wb, doc.id, published="2099-01-01")
    assert refused.value.hint is not None and refused.value.hint.facts == {"field": "published"}
    assert show_document(wb, doc.id).document.published == today.isoformat()


def test_a_pages_own_date_to_come_is_left_out_not_refusing_the_page(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services import pages

    def page(
        data: bytes, source: str, *, url: str | None = None, charset: str | None = None
    ) -> pages.Page:
        return pages.Page("A page's text.\n", {"title": "T", "published": "2099-01-01"})

    monkeypatch.setattr(pages, "extract_page", page)
    doc = add_document(wb, b"<html><body>x</body></html>", source="p.html").document
    assert (doc.title, doc.published) == ("T", None)


def test_read_source_refuses_missing_directory_and_oversized(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InvalidInput, match="is a directory"):
        read_source(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InvalidInput, match="over the 1,024-byte limit"):
        read_source(str(big), max_bytes=1024)
    assert read_source(str(big), max_bytes=4096) == b"x" * 2048


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 2000)
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", "0.001")
    with pytest.raises(InvalidInput, match="WORKBENCH_MAX_DOCUMENT_MB"):
        read_source(str(f))


def test_show_counts_claims_by_status(wb: Workbench) -> None:
    from workbench.services.claims import SpanRequest, add_claim

    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document
    add_claim(wb, doc.id, "Founded late 2021", SpanRequest(quote="2021年底"))
    detail = show_document(wb, doc.id)
    assert detail.status_counts["unverified"] == 1
    assert detail.status_counts["verified"] == 0
    assert [c.quote for c in detail.claims] == ["2021年底"]
    with pytest.raises(NotFound, match="no document #999"):
        show_document(wb, 999)


def test_document_event_carries_the_full_text(wb: Workbench) -> None:
    add_document(wb, "全文。".encode(), meta=DocumentMeta(title="t"))
    exported = export_text(wb, "jsonl")
    assert '"action":"document.added"' in exported
    assert '"text":"全文。"' in exported


def test_same_text_with_other_metadata_reports_what_was_not_applied(
    wb: Workbench, counts: Counts
) -> None:
    first = add_document(wb, "同一篇。".encode(), meta=DocumentMeta(title="Old", language="zh"))
    before = counts()
    again = add_document(
        wb,
        "同一篇。".encode(),
        meta=DocumentMeta(title="New", url="https://example.com/a", language="zh"),
    )
    assert counts() == before
    assert again.document.title == "Old"
    assert again.not_applied == {"title": "New", "url": "https://example.com/a"}
    assert again.to_json()["not_applied"] == again.not_applied
    assert "not_applied" not in first.to_json()
    same = add_document(wb, "同一篇。".encode(), meta=DocumentMeta(title="Old"))
    assert same.not_applied == {}


def test_edit_changes_metadata_with_one_event_that_replays(wb: Workbench, counts: Counts) -> None:
    from workbench.services.replay import replay

    doc = add_document(
        wb, "一篇。".encode(), meta=DocumentMeta(title="Old", published="2025-01-01", language="zh")
    ).document.id
    edited = edit_document(wb, doc, title="New", published="2025-02-03", language="zh")
    assert edited.changed == ("title", "published")
    assert (edited.document.title, edited.document.published) == ("New", "2025-02-03")
    lines = export_text(wb, "jsonl").splitlines()
    assert '"action":"document.edited"' in lines[-1]
    assert '"before":{"published":"2025-01-01","title":"Old"}' in lines[-1]
    before = counts()
    assert edit_document(wb, doc, title="New").changed == ()
    assert counts() == before
    assert edit_document(wb, doc, url="").changed == ()  # already none
    assert edit_document(wb, doc, title="").document.title is None
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"url": "not a url"}, "http"),
        ({"published": "last week"}, "date"),
        # The rules doc add applies to what it is given (control characters, length).
        ({"title": "T\x1b[2J"}, "the title: character 2 is the control character U\\+001B"),
        ({"title": "two\nlines"}, "the title: character 4 is the control character U\\+000A"),
        ({"title": "t" * 501}, "the title is 501 characters; the limit is 500"),
        ({"author": "A\x07"}, "the author: character 2 is the control character U\\+0007"),
        ({"language": "zh\x9b"}, "the language: character 3 is the control character"),
        ({"language": "中文"}, "'中文' is not a language tag: give one such as zh, en or zh-Hant"),
        ({"language": "zh_CN"}, "not a language tag"),
        ({"url": "https://example.org/\x00"}, "the URL: character 21 is the control character NUL"),
        ({"text": "rewritten"}, "no editable field 'text'"),
        ({}, "nothing to change"),
    ],
)
def test_edit_refusals_write_nothing(
    wb: Workbench, counts: Counts, changes: dict[str, str], message: str
) -> None:
    doc = add_document(wb, "一篇。".encode()).document.id
    before = counts()
    with pytest.raises(InvalidInput, match=message):
        edit_document(wb, doc, **changes)
    with pytest.raises(NotFound):
        edit_document(wb, 99, title="x")
    assert counts() == before


def test_a_user_agent_without_a_url_is_told_before_anything_is_read(tmp_path: Path) -> None:
    from workbench.services.documents import load, load_problem

    assert load_problem("https://example.org/a", user_agent="desk/1") is None
    assert load_problem(str(tmp_path / "missing.txt")) is None
    problem = load_problem(str(tmp_path / "missing.txt"), user_agent="desk/1")
    assert problem is not None and "goes with a URL" in problem.message
    with pytest.raises(InvalidInput, match="goes with a URL"):
        load(str(tmp_path / "missing.txt"), user_agent="desk/1")  # not "no such file"


def test_listing_documents_reads_no_text(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    """A trial's `doc list` grew to 262 MB with five 18 MB documents: it read every text (and
    every latest revision's) to list titles. (Every statement it runs, on the driver.)"""
    from workbench.db.reader import Reader

    add_document(wb, "第一版。".encode())
    statements: list[str] = []
    execute = Reader._execute

    def seen(self: Reader, sql: Any, cursor: Any = None) -> Any:
        statements.append(sql.text)
        return execute(self, sql, cursor)

    monkeypatch.setattr(Reader, "_execute", seen)
    assert len(list_documents(wb)) == 1
    monkeypatch.undo()
    reads = [s for s in statements if "FROM documents" in s or "FROM document_revisions" in s]
    assert reads and not any(".text" in s for s in reads), reads
