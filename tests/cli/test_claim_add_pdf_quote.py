"""`claim add DOC --quote` finds a quote pasted from a PDF (ligatures, words hyphenated at a
line break), and a plainly typed quote in a document taken from a PDF that kept them.

An English desk's trial: such a quote was refused, the error only offering the nearest passage.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

PDF_TEXT = (
    "The council will con-\nsider the ﬁrst draft in March.\n"
    "A well-\nknown auditor ﬂagged the eﬃciency figures.\n"
    "从2019-\n2020年起，预算增长12%。\n"
)
PLAIN_TEXT = "The council will consider the first draft in March.\n"


def _doc(cli: Run, tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    ok(cli("doc", "add", str(path)))


@pytest.mark.parametrize(
    ("quote", "stored"),
    [
        ("consider the first draft", "con-\nsider the ﬁrst draft"),
        ("con- sider the ﬁrst draft", "con-\nsider the ﬁrst draft"),
        ("well-known auditor flagged the efficiency", "well-\nknown auditor ﬂagged the eﬃciency"),
    ],
)
def test_plain_quote_pins_the_pdf_text_span(
    cli: Run, tmp_path: Path, quote: str, stored: str
) -> None:
    """A quote typed plainly was refused in a document holding ligatures and line-break
    hyphens; now the claim is pinned and its stored quote is the document's own span."""
    _doc(cli, tmp_path, PDF_TEXT)
    added = json.loads(ok(cli("claim", "add", "1", "--text", "T", "--quote", quote, "--json")).out)
    start = PDF_TEXT.index(stored)
    assert (added["start"], added["end"], added["quote"]) == (start, start + len(stored), stored)


def test_pasted_pdf_quote_pins_the_plain_text_span(cli: Run, tmp_path: Path) -> None:
    """A quote pasted from a PDF ("con-\\nsider the ﬁrst") was refused in the plain text."""
    _doc(cli, tmp_path, PLAIN_TEXT)
    pasted = "con-\nsider the ﬁrst draft"
    added = json.loads(ok(cli("claim", "add", "1", "--text", "T", "--quote", pasted, "--json")).out)
    assert (added["start"], added["end"], added["quote"]) == (17, 41, "consider the first draft")


def test_ordinary_and_chinese_hyphens_are_not_dropped(cli: Run, tmp_path: Path) -> None:
    """Folding must not have made "wellknown" find a hyphenated word or a range of years
    broken at a line find "20192020": both are refused in one line, exit 1, nothing added."""
    _doc(cli, tmp_path, PLAIN_TEXT.replace("first", "well-known"))
    refused = cli("claim", "add", "1", "--text", "T", "--quote", "the wellknown draft")
    assert refused.code == 1 and "quote not found" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    _doc(cli, tmp_path, PDF_TEXT)
    refused = cli("claim", "add", "2", "--text", "T", "--quote", "从20192020年起")
    assert refused.code == 1 and "quote not found" in refused.err
    assert json.loads(ok(cli("claim", "list", "--json")).out) == []


def test_two_spans_matching_once_folded_need_an_occurrence(cli: Run, tmp_path: Path) -> None:
    """Two passages matching a pasted quote only once folded are ambiguous: refused with the
    usual 'say which', and --occurrence pins the one asked for."""
    _doc(cli, tmp_path, "The ﬁrst  time. Then the ﬁrst\ntime.\n")
    refused = cli("claim", "add", "1", "--text", "T", "--quote", "first time")
    assert refused.code == 1 and "occurs 2 times" in refused.err
    added = ok(cli("claim", "add", "1", "--text", "T", "--quote", "first time",
                   "--occurrence", "2", "--json"))  # fmt: skip
    assert json.loads(added.out)["quote"] == "ﬁrst\ntime"
