"""A CSV export's escaped characters read back as they were written (review54)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.exports.cells import cell_text, csv_cell
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.imports import import_claims
from workbench.services.queries import ClaimFilter, list_claims

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
PDF = "\u202c"  # POP DIRECTIONAL FORMATTING
RLE = "\u202b"  # RIGHT-TO-LEFT EMBEDDING

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _doc(wb: Workbench, text: str = ARTICLE, **meta: Any) -> int:
    return add_document(wb, text.encode(), meta=DocumentMeta(**meta)).document.id


def _claims(wb: Workbench, doc: int) -> list[Any]:
    return list(list_claims(wb, ClaimFilter(document_id=doc)))


def _export_csv(cli: Any, tmp_path: Path, doc: int) -> Path:
    path = tmp_path / "claims.csv"
    r = cli("export", "claims", "--doc", str(doc), "--format", "csv", "-o", str(path))
    assert r.code == 0, r
    return path


def test_csv_reimport_of_own_export_duplicates_a_claim_whose_text_has_a_bidi_control(
    wb: Workbench, cli: Any, tmp_path: Path
) -> None:
    """review54: a claim text holding U+202E (allowed: check_text refuses only Cc/Cs/Zl/Zp)
    was written by csv_cell as the six characters `\\u202e`, and the import took them
    literally, so the row was not the claim: re-importing the export added a second claim,
    with the altered text."""
    doc = _doc(wb)
    add_claim(wb, doc, f"GDP grew {RLO}5.2%", SpanRequest(quote="2023年GDP增长5.2%"))
    path = _export_csv(cli, tmp_path, doc)
    written = path.read_text(encoding="utf-8")
    assert "\\u202e" in written and RLO not in written  # still shown, not acted on

    result = import_claims(wb, str(path), doc)

    texts = [c.text for c in _claims(wb, doc)]
    assert (len(result.added), result.present) == (0, 1), texts
    assert texts == [f"GDP grew {RLO}5.2%"]


def test_csv_round_trip_into_a_fresh_database_loses_a_quote_with_a_bidi_embedding(
    wb: Workbench, cli: Any, tmp_path: Path, empty_db_url: str
) -> None:
    """review54: a document may hold bidi controls (an Arabic name embedded in Chinese text),
    and a claim's quote then holds one. The CSV wrote it as `\\u202b`, and the import into a
    fresh copy of the same document failed the row: 'quote not found in the document'."""
    text = f"报道援引{RLE}محمد{PDF}的说法：出口增长了12%。"
    doc = _doc(wb, text)
    add_claim(
        wb, doc, "Exports grew 12%", SpanRequest(quote=f"{RLE}محمد{PDF}的说法：出口增长了12%")
    )
    path = _export_csv(cli, tmp_path, doc)

    fresh = Workbench(url=empty_db_url, actor="tester")
    other = _doc(fresh, text)
    try:
        import_claims(fresh, str(path), other)
    except InvalidInput as exc:
        pytest.fail(f"the CSV export does not import back: {exc}")
    [claim] = _claims(fresh, other)
    assert claim.quote == f"{RLE}محمد{PDF}的说法：出口增长了12%"


def test_a_text_that_reads_like_an_escape_round_trips(
    wb: Workbench, cli: Any, tmp_path: Path
) -> None:
    """review54: a claim whose text holds the typed characters `\\u202e` (or a backslash
    before a real override) comes back as typed, not as the override, and a Windows path is
    written as it is."""
    doc = _doc(wb)
    texts = ["GDP grew \\u202e5.2%", f"GDP grew \\{RLO}5.2%", "see C:\\users\\data\\u00e9"]
    for text in texts:
        add_claim(wb, doc, text, SpanRequest(quote="2023年GDP增长5.2%"))
    path = _export_csv(cli, tmp_path, doc)
    assert "C:\\users\\data\\u00e9" in path.read_text(encoding="utf-8")

    result = import_claims(wb, str(path), doc)

    assert (len(result.added), result.present) == (0, 3)
    assert sorted(c.text for c in _claims(wb, doc)) == sorted(texts)


def test_every_short_text_of_backslashes_and_escapes_reads_back() -> None:
    """review54: `cell_text` undoes exactly what `csv_cell` did, whatever mix of backslashes,
    escape-like letters, controls and formula starts a text holds; no control or override is
    left in a cell."""
    alphabet = ["\\", "u", "0", "2", "e", RLO, "\x1b", "\n", "'", "="]
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            cell = csv_cell(text)
            assert RLO not in cell and "\x1b" not in cell, (text, cell)
            assert cell_text(cell) == text, (text, cell)
