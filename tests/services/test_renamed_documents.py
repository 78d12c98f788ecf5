"""A document someone saved from a word processor and renamed to .txt is not read as its text.

A trial (a Chinese desk's files): WordPad's default format, RTF, is all ASCII (its Chinese is
written as GBK byte escapes, \\'d6\\'d0), and so is a PDF without compressed streams; both were
stored as "text", the document being their markup, with no word said. Binary ones (a .docx, a
PDF with its usual binary comment) were refused, but as "a binary file (it holds NUL bytes)",
which names neither the format nor what to do. Now a text or Markdown input that starts with
the signature of a PDF, RTF, ZIP (.docx, .xlsx, .odt) or an old Word file (.doc) is refused,
naming the format and asking for its text saved as UTF-8 plain text; nothing is stored.
"""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.doc_list import list_documents
from workbench.services.documents import add_document
from workbench.services.sources import read_content

RTF = (
    b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce;}}\r\n"
    b"\\pard\\f0\\fs22\\lang2052 \\'d6\\'d0\\'b9\\'fa\\'bf\\'c6\\'bc\\'bc\\par\r\n}\r\n"
)
PDF = (
    b"%PDF-1.1\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
    b"%%EOF\n"
)
BINARY_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x78\x9c\x00\x01\n"
DOCX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(RTF, "an RTF document", id="rtf"),
        pytest.param(b"\xef\xbb\xbf" + RTF, "an RTF document", id="rtf-bom"),
        pytest.param(PDF, "a PDF", id="ascii-pdf"),
        pytest.param(b"\r\n" + PDF, "a PDF", id="pdf-after-a-blank-line"),
        pytest.param(BINARY_PDF, "a PDF", id="pdf"),
        pytest.param(DOCX, "a ZIP archive (.docx, .xlsx, .odt...)", id="docx"),
        pytest.param(DOC, "an old Word or Excel file (.doc, .xls)", id="doc"),
    ],
)
@pytest.mark.parametrize("fmt", [None, "text", "markdown"])
def test_a_renamed_document_is_refused_naming_its_format(
    data: bytes, kind: str, fmt: str | None
) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_content(data, "article.txt", fmt)
    assert str(refused.value) == (
        f"article.txt is {kind}, not plain text: open it and save its text as plain text "
        "(UTF-8) first"
    )


def test_nothing_is_stored(wb: Workbench) -> None:
    with pytest.raises(InvalidInput):
        add_document(wb, RTF, source="article.txt")
    assert list_documents(wb) == []


@pytest.mark.parametrize(
    "text",
    [
        "本文讲 {\\rtf 格式。\n{\\rt 不是它\n",  # not at the start: words about RTF
        "PDF-1.7 的规范\n%PDF 不在开头\n",
        "PK 赛中国队 3:1 胜出。\n",
    ],
)
def test_a_text_that_mentions_them_is_still_text(text: str) -> None:
    assert read_content(text.encode("utf-8"), "a.txt").text == text
