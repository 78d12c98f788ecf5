"""Counts of one read as English in the CLI's own lines too ("1 character", "1 event").

The bug: the rule "1 claim, 2 claims" has its home in workbench.domain.plurals (trial64 moved
the pages and timelines to it), but lines written before it kept a plural word after a number
that can be 1: a one-character document was "1 characters" in `doc add`, `doc show`, `doc
revisions`'s lines, the timeline and the refusal of a span past its end, `audit verify` said
"the trail holds 1 events", and a filtered export of one event verified as "1 events each
match their hash; 1 links not checked" (tests/cli/test_audit_cli.py held that line as
right). Now each of those counts is said by `plural`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.fixture
def one_character(cli: Run) -> Any:
    r = cli("doc", "add", "-", "--title", "T", input="甲")
    assert r.code == 0, r.err
    return r


def test_adding_a_one_character_document_says_1_character(one_character: Any) -> None:
    said = one_character.out + one_character.err
    assert "1 character," in said
    assert "1 characters" not in said


def test_showing_a_one_character_document_says_1_character(cli: Run, one_character: Any) -> None:
    r = cli("doc", "show", "1")
    assert r.code == 0, r.err
    assert "1 character\n" in r.out
    assert "1 characters" not in r.out


def test_a_span_past_a_one_character_document_says_1_character(
    cli: Run, one_character: Any
) -> None:
    r = cli("claim", "add", "1", "--text", "x", "--start", "0", "--end", "3")
    assert r.code == 1
    assert "which is 1 character long" in r.err


def test_the_timeline_of_a_one_character_document_says_1_character(
    cli: Run, one_character: Any, tmp_path: Path
) -> None:
    out = tmp_path / "t.md"
    r = cli("audit", "export", "--format", "md", "-o", str(out))
    assert r.code == 0, r.err
    page = out.read_text(encoding="utf-8")
    assert "1 character," in page
    assert "1 characters" not in page


def test_verify_against_a_count_past_a_trail_of_one_event(cli: Run, one_character: Any) -> None:
    head = cli("audit", "head").out.split()[-1]
    r = cli("audit", "verify", "--head", head, "--count", "3")
    assert r.code == 1
    assert "the trail holds 1 event" in r.err
    assert "1 events" not in r.err


def test_verifying_a_filtered_export_of_one_event(
    cli: Run, one_character: Any, tmp_path: Path
) -> None:
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲").code == 0
    part = tmp_path / "part.jsonl"
    assert cli("audit", "export", "--claim", "1", "-o", str(part)).code == 0
    r = cli("audit", "verify", "--file", str(part))
    assert r.code == 0, r.err
    assert r.out.startswith("OK 1 event matches its hash (seq 2..2),"), r.out
    assert "; 1 link not checked (into seq 2)" in r.out
