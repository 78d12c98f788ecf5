"""Writes whose work must not grow with the desk around them, or with the square of the claims
they touch (review61, "scale to a year of work").

Nothing here is timed: each test counts what the database is asked to do (statements sent, or
SQLite virtual-machine steps of one statement) at two sizes, through SQLAlchemy's event hooks on
the engine every command uses."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from workbench.db.engine import get_engine
from workbench.services.claim_edits import edit_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import import_claims
from workbench.services.revisions import update_document
from workbench.services.sources import Content


@contextmanager
def sqlite_steps(url: str, counted: Callable[[str], bool]) -> Iterator[list[int]]:
    """SQLite virtual-machine steps (sqlite3's progress handler, called every step) spent in
    the statements `counted` picks, triggers they fire included; the total is the list's one
    item once the block ends."""
    total = [0]

    def tick() -> int:
        total[0] += 1
        return 0  # go on

    def before(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        raw = conn.connection.dbapi_connection
        raw.set_progress_handler(tick if counted(statement) else None, 1)

    def after(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        conn.connection.dbapi_connection.set_progress_handler(None, 1)

    engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        yield total
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)


@contextmanager
def statements(url: str) -> Iterator[list[str]]:
    """Every statement sent to the database meanwhile."""
    sent: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        sent.append(statement)

    engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def _claims_file(path: Path, quotes: list[str], speakers: list[str] | None = None) -> str:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, ["quote", "text", "speaker"])
        out.writeheader()
        for i, q in enumerate(quotes):
            out.writerow({"quote": q, "text": q, "speaker": speakers[i] if speakers else ""})
    return str(path)


def _updates_claims(statement: str) -> bool:
    return statement.lstrip().upper().startswith("UPDATE CLAIMS")


def test_changing_a_claims_words_does_not_read_the_whole_search_index(
    wb: Workbench, tmp_path: Path
) -> None:
    """Changing one claim's text or quote (`claim edit --text`, and every claim whose quote a
    `doc update` changed) read every row of SQLite's search index: the trigger that keeps
    claim_fts in step deletes the claim's old row by `claim_id`, an UNINDEXED column of the
    FTS5 table, so each such UPDATE scanned the index whole (claims, notes and evidence titles
    of the entire desk). On generated desks a `doc update` changing the quotes of one
    document's 200 claims took 2.0 CPU s at 2,000 claims, 5.0 at 20,000 and 17.9 at 100,000
    (1.5 with that trigger dropped), all of it under the write lock."""
    if not wb.url.startswith("sqlite"):
        pytest.skip("claim_fts is SQLite's search index")
    lines = [f"第{i}条：某市去年新增就业岗位{i}万个。" for i in range(1, 1501)]
    doc = add_document(wb, "\n".join(lines).encode()).document.id
    [first_view] = list(import_claims(wb, _claims_file(tmp_path / "one.csv", lines[:1]), doc).added)
    first = first_view.id

    with sqlite_steps(wb.url, _updates_claims) as small:
        edit_claim(wb, first, text="某市去年新增就业岗位一万个。")
    # The same desk with 1,499 more claims (each a row of claim_fts) in it.
    import_claims(wb, _claims_file(tmp_path / "more.csv", lines[1:]), doc)
    with sqlite_steps(wb.url, _updates_claims) as large:
        edit_claim(wb, first, text="某市去年新增就业岗位1万个。")

    assert small[0] > 0
    # One claim's UPDATE (and its triggers) should cost the same whatever else the desk holds.
    assert large[0] < 2 * small[0], (small[0], large[0])


def _transcript(rows: int) -> tuple[str, list[str], list[str]]:
    """A transcript of `rows` turns, every other one SPEAKER A's: its text, each turn's
    sentence and each turn's speaker."""
    said = [f"Revenue in region {i} grew {i + 3} percent in {2000 + i}." for i in range(rows)]
    who = ["SPEAKER A" if i % 2 == 0 else "BOB" for i in range(rows)]
    return "\n".join(f"{w}: {s}" for w, s in zip(who, said, strict=True)) + "\n", said, who


def _speaker_reads(wb: Workbench, tmp_path: Path, rows: int) -> int:
    """How many statements a `doc update` sends that read the document's speakers, when a
    transcript of `rows` turns (a claim on each) has SPEAKER A renamed ALICE."""
    text, said, who = _transcript(rows)
    doc = add_document(wb, text.encode()).document.id
    added = list(import_claims(wb, _claims_file(tmp_path / f"t{rows}.csv", said, who), doc).added)
    assert len(added) == rows
    renamed = text.replace("SPEAKER A:", "ALICE:")
    with statements(wb.url) as sent:
        result = update_document(wb, doc, Content(renamed, "text", f"v2-{rows}.txt"))
    relabelled = [a for a in result.anchors if a.new_speaker == "ALICE"]
    assert len(relabelled) == rows // 2, result.anchors
    return sum(1 for s in sent if "GROUP BY" in s.upper() and "speaker" in s)


def test_renaming_a_speaker_reads_the_documents_speakers_a_bounded_number_of_times(
    wb: Workbench, tmp_path: Path
) -> None:
    """`doc update` of a transcript that gives a speaker's lines another name (SPEAKER A
    corrected to ALICE) asked the database for the document's speakers once per claim whose
    line changed hands (`speakers.document_speaker`, a GROUP BY over every claim of the
    document): work growing with the square of the document's claims, under the write lock.
    A transcript of 1,000 / 4,000 / 8,000 turns, a claim on each, half of them renamed: 1.4 /
    7.0 / 18.7 CPU s, half of the largest in those reads (4,000 of them)."""
    small = _speaker_reads(wb, tmp_path, 10)
    large = _speaker_reads(wb, tmp_path, 40)
    assert small >= 1
    # One new speaker in both revisions: the spelling the document uses for it need not be
    # asked again for every claim that takes it.
    assert large == small, (small, large)
