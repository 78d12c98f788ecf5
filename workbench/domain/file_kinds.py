"""What a file given as an article's text is when it is a word processor's file instead.

A desk's files come renamed: a PDF, a .docx or WordPad's RTF saved as article.txt. RTF is all
ASCII (its Chinese is written as byte escapes, \\'d6\\'d0) and so is a PDF without compressed
streams, so decoding alone lets them through as text: the document would be their markup and
every claim's offsets would point into it. Their signatures say what they are.
"""

from __future__ import annotations

# The two a spreadsheet's workbook may be (`workbook_kind`).
_ZIP = "a ZIP archive (.docx, .xlsx, .odt...)"
_OLD_OFFICE = "an old Word or Excel file (.doc, .xls)"
# The bytes each format starts with (after a BOM or blank lines, which some tools write first),
# and what to call it. Only at the start: an article may well mention "%PDF-" or "{\\rtf".
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"{\\rtf", "an RTF document"),
    # Office Open XML (.docx, .xlsx, .pptx) and OpenDocument (.odt) files are ZIP archives.
    (b"PK\x03\x04", _ZIP),
    # The compound file of Word 97-2003 (.doc) and Excel (.xls).
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _OLD_OFFICE),
)


def document_kind(data: bytes) -> str | None:
    """What `data` is when it starts as a PDF, RTF, ZIP or old Office file does; else None."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def workbook_kind(data: bytes) -> str | None:
    """What `data` is when it starts as a spreadsheet program's workbook may (.xlsx, .ods and
    .numbers are ZIP archives; .xls an old Office file); else None."""
    kind = document_kind(data)
    return kind if kind in (_ZIP, _OLD_OFFICE) else None
