"""An English desk's first week (trial64): counts of one in the pages and timelines it
publishes read as English ("1 claim", not "1 claims")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]
STORY = "One short note.\n\nThe city spent $4m on 12 new buses in 2024, officials said.\n"


@pytest.fixture
def wb(db_url: str) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    return run


@pytest.fixture
def one_claim(wb: Run, tmp_path: Path) -> None:
    story = tmp_path / "buses.txt"
    story.write_text(STORY, encoding="utf-8")
    ok(wb("doc", "add", str(story)))
    ok(wb("claim", "add", "1", "--text", "The city spent $4m on buses.", "--quote", "$4m"))


@pytest.mark.usefixtures("one_claim")
def test_a_report_of_one_claim_says_1_claim(wb: Run, tmp_path: Path) -> None:
    """The report's header said "1 claims" for a document with one claim."""
    ok(wb("report", "1", "-o", str(tmp_path / "r.html")))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "1 claim ·" in page
    assert "1 claims" not in page


@pytest.mark.usefixtures("one_claim")
def test_the_index_of_one_document_says_1_document(wb: Run, tmp_path: Path) -> None:
    """`report --all`'s index said "1 documents" when the desk held one document."""
    ok(wb("report", "--all", "-o", str(tmp_path / "pages")))
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert "1 document ·" in index
    assert "1 documents" not in index


@pytest.mark.usefixtures("one_claim")
def test_the_timeline_scope_of_one_event_says_1_event(wb: Run) -> None:
    """The Markdown timeline's scope line said "1 events" (a claim's trail of one event, or a
    trail then holding one)."""
    out = ok(wb("audit", "export", "--format", "md", "--claim", "1")).out
    scope = next(line for line in out.splitlines() if line.startswith("Scope:"))
    assert ": 1 event, seq 2, " in scope, scope
    assert "1 events" not in out


def test_a_long_article_s_length_has_thousands_separated(wb: Run, tmp_path: Path) -> None:
    """`doc add` and `doc show` said "4690 characters" of a news story, where `doc update`
    says "4,690 characters"."""
    story = tmp_path / "long.txt"
    story.write_text("Revenue rose 15 percent in Q3 2025, the company said. " * 40, "utf-8")
    added = ok(wb("doc", "add", str(story))).out
    assert ": 2,160 characters, sha256 " in added, added
    assert "length  2,160 characters" in ok(wb("doc", "show", "1")).out
