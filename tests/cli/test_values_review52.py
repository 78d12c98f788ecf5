"""Review 52: values that came in wrong (not refused, not normalised). Each test failed on
the code as reviewed."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

Run = Callable[..., Outcome]

TEXT = "The minister said unemployment rose to 7 percent in 2021. Café prices doubled.\n"
NFD_E = "e\u0301"


@pytest.fixture
def run(db_url: str) -> Run:
    def go(*args: str, user: str = "tester") -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": user})

    return go


@pytest.fixture
def doc(run: Run, tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run("doc", "add", str(tmp_path / "a.txt")).code == 0
    return "1"


@pytest.mark.parametrize(
    "row",
    [
        {"text": "x", "start": True, "end": 35},
        {"text": "x", "start": True, "end": 35, "quote": "he minister said unemployment rose"},
    ],
)
def test_a_json_boolean_is_no_offset(run: Run, doc: str, tmp_path: Path, row: dict) -> None:
    """JSON `true` came in as the offset 1 (Pydantic's lax int): `"start": true` pinned a claim
    to characters 1-35, a span nobody gave. A string for a number is a CSV's way; a boolean is
    no number in any claims file."""
    (tmp_path / "claims.json").write_text(json.dumps([row]), encoding="utf-8")
    r = run("import", "claims", str(tmp_path / "claims.json"), "--doc", doc)
    assert r.crash is None and r.code == 1, (r.code, r.out, r.err)


@pytest.mark.parametrize("mark", ["\u20dd", "\u0489", "\u20df"])  # enclosing circle, ..., diamond
def test_an_enclosing_mark_does_not_make_a_second_reviewer(run: Run, doc: str, mark: str) -> None:
    """`maria⃝` (maria + U+20DD COMBINING ENCLOSING CIRCLE) approved maria's verdict, though
    `maria̲` and `mariá` are refused as too like maria: a mark drawn over her own letters
    (in most terminals nothing, or a ring) makes no other person."""
    assert run("config", "set", "review.required", "true").code == 0
    assert run("claim", "add", doc, "--text", "rose", "--quote", "unemployment rose").code == 0
    assert run("claim", "status", "1", "opinion", "--note", "a view", user="maria").code == 0
    r = run("claim", "approve", "1", user="maria" + mark)
    assert r.code == 1 and "too like maria" in r.err, (r.code, r.out, r.err)


def test_a_title_and_author_are_stored_nfc(run: Run, tmp_path: Path) -> None:
    """A title typed decomposed (as macOS file names and some keyboards give it) was stored
    so; adding the same text again with the title typed composed then said `title: stored
    Café, given Café` and offered a `doc edit` to 'change' it to what it already reads."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run("doc", "add", str(tmp_path / "a.txt"), "--title", f"Caf{NFD_E}").code == 0
    r = run("doc", "add", str(tmp_path / "a.txt"), "--title", "Café")
    assert r.code == 0 and "title:" not in r.err, r.err
    shown = json.loads(run("doc", "show", "1", "--json").out)
    assert unicodedata.is_normalized("NFC", shown["title"]), ascii(shown["title"])


def test_a_title_edited_is_stored_nfc(run: Run, doc: str) -> None:
    assert run("doc", "edit", doc, "--title", f"T{NFD_E}", "--author", f"A{NFD_E}").code == 0
    shown = json.loads(run("doc", "show", doc, "--json").out)
    assert unicodedata.is_normalized("NFC", shown["title"]), ascii(shown["title"])
    assert unicodedata.is_normalized("NFC", shown["author"]), ascii(shown["author"])


def test_evidence_text_is_stored_nfc(run: Run, doc: str) -> None:
    assert run("claim", "add", doc, "--text", "rose", "--quote", "unemployment rose").code == 0
    r = run(
        "evidence", "add", "1", "--stance", "context", "--json",
        "--citation", f"c{NFD_E}", "--title", f"t{NFD_E}",
        "--publisher", f"p{NFD_E}", "--excerpt", f"x{NFD_E}",
    )  # fmt: skip
    assert r.code == 0, r.err
    item = json.loads(r.out)
    for field in ("citation", "title", "publisher", "excerpt"):
        assert unicodedata.is_normalized("NFC", item[field]), (field, ascii(item[field]))


def test_an_excerpt_with_windows_line_ends_is_stored_with_lf(run: Run, doc: str) -> None:
    """A note pasted with CRLF is stored with LF; an evidence excerpt (or citation) so pasted
    was refused, 'character 2 is the control character U+000D'."""
    assert run("claim", "add", doc, "--text", "rose", "--quote", "unemployment rose").code == 0
    r = run(
        "evidence", "add", "1", "--stance", "context", "--json",
        "--citation", "Report", "--excerpt", "line one\r\nline two",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert json.loads(r.out)["excerpt"] == "line one\nline two"
