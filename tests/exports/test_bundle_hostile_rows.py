"""What a restored bundle may carry (review restore): a bundle edited by hand, its events and
rows alike and its chain recomputed, replays consistently; each row is still held to the checks
the command that stores such a row applies, and the archive to one entry per name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_bundle import bundle_bytes, fresh_sqlite
from test_bundle_replay import forge

from workbench.domain.chain import canonical_json
from workbench.domain.errors import InvalidInput
from workbench.services.bundle import import_bundle
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note


def _desk(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, b"The rate rose 5% last year, the minister said.").document.id
    cid = add_claim(wb, doc, "The rate rose 5%", SpanRequest(quote="The rate rose 5%")).id
    archived = tmp_path / "minutes.txt"
    archived.write_text("the minutes\n", encoding="utf-8")
    add_evidence(wb, cid, EvidenceInput(stance="supports", file=str(archived), title="Minutes"))
    add_note(wb, cid, "called the ministry")


def _edited(table: str, entity: str, column: str, value: Any) -> Any:
    """An edit setting `column` of every row of `table`, and of its rows' added events."""

    def edit(t: dict[str, list[dict[str, Any]]]) -> None:
        for row in t[table]:
            row[column] = value
        for ev in t["events"]:
            if ev["action"] == f"{entity}.added":
                payload = json.loads(ev["payload"])
                payload["after"][column] = value
                ev["payload"] = canonical_json(payload)

    return edit


HOSTILE = [
    # evidence add records a file's name, never a path, and refuses controls and bidi in it
    ("evidence", "evidence", "file_name", "../../.ssh/authorized_keys"),
    ("evidence", "evidence", "file_name", "invoice\u202etxt.exe"),
    ("evidence", "evidence", "file_name", "min\x1b[2Jutes.txt"),
    ("evidence", "evidence", "file_name", ".."),
    # its title is one line of visible text
    ("evidence", "evidence", "title", "Min\x1b]0;owned\x07utes"),
    ("evidence", "evidence", "title", "Line one\nline two"),
    # a note's body: no control character but newline and tab
    ("notes", "note", "body", "called\x1b[31m the ministry"),
    ("notes", "note", "body", "called\u2028the ministry"),
]


@pytest.mark.parametrize(("table", "entity", "column", "value"), HOSTILE)
def test_a_bundle_row_is_held_to_the_checks_of_the_command_that_stores_it(
    wb: Workbench, tmp_path: Path, table: str, entity: str, column: str, value: str
) -> None:
    _desk(wb, tmp_path)
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), _edited(table, entity, column, value)))
    target = Workbench(url=fresh_sqlite(tmp_path, "t.db"), actor="tester")
    with pytest.raises(InvalidInput, match=rf"^the bundle's {entity} #1: .*nothing was imported"):
        import_bundle(target, str(path))


def test_the_bundle_unedited_restores(wb: Workbench, tmp_path: Path) -> None:
    _desk(wb, tmp_path)
    path = tmp_path / "desk.zip"
    path.write_bytes(forge(bundle_bytes(wb), lambda t: None))
    target = Workbench(url=fresh_sqlite(tmp_path, "t.db"), actor="tester")
    assert import_bundle(target, str(path)).tables["evidence"] == 1


def test_a_row_an_older_release_stored_unnormalised_still_restores(
    wb: Workbench, tmp_path: Path
) -> None:
    """Only what the command refuses is refused: the form it stores (NFC, no space around)
    is not asked of a restored row, as an older release stored an excerpt as typed (review52),
    decomposed, and a desk's own bundle must restore."""
    _desk(wb, tmp_path)
    path = tmp_path / "older.zip"
    path.write_bytes(
        forge(bundle_bytes(wb), _edited("evidence", "evidence", "title", " Cafe\u0301 "))
    )
    target = Workbench(url=fresh_sqlite(tmp_path, "t.db"), actor="tester")
    assert import_bundle(target, str(path)).tables["evidence"] == 1
