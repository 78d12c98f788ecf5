"""A restore replays what it has written before committing it. A bundle forged by someone who
knows the recipes (rows edited, events added or taken out, the chain recomputed and the manifest
made to match) passes the chain check; it is still refused, and nothing is written, when its
tables are not what its events describe, or its events record a move the workflow refuses."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from export_desk import Desk, Run
from test_bundle import DERIVED, bundle_bytes, busy_desk, carried, fresh_sqlite, state

from tests.chain_rows import rehash
from workbench.domain.chain import GENESIS, canonical_json
from workbench.domain.errors import InvalidInput
from workbench.services.bundle import import_bundle
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.verify import verify_database

Tables = dict[str, list[dict[str, Any]]]
Edit = Callable[[Tables, Desk], None]


def forge(data: bytes, edit: Callable[[Tables], None], *, ascii_only: bool = False) -> bytes:
    """The bundle with its tables edited by `edit` (each row a dict by column), then made whole
    again as a forger would: the events numbered from 1 in their order and every hash
    recomputed from the recipe, each table's row count and SHA-256 and the audit head written
    into the manifest. `ascii_only` writes the rows with every other character escaped (\\uXXXX),
    as JSON may: the only way to write a lone surrogate."""
    src = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(src.read("manifest.json"))
    tables: Tables = {}
    for name, entry in manifest["tables"].items():
        lines = src.read(f"tables/{name}.jsonl").decode("utf-8").splitlines()
        tables[name] = [dict(zip(entry["columns"], json.loads(x), strict=True)) for x in lines]
    edit(tables)
    events = tables["events"]
    previous = GENESIS
    for seq, ev in enumerate(events, start=1):
        ev["seq"], ev["prev_hash"] = seq, previous
        ev["hash"] = previous = rehash(ev)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name, entry in manifest["tables"].items():
            body = "".join(
                json.dumps([row[c] for c in entry["columns"]], ensure_ascii=ascii_only) + "\n"
                for row in tables[name]
            ).encode("utf-8")
            entry["rows"] = len(tables[name])
            entry["sha256"] = hashlib.sha256(body).hexdigest()
            dst.writestr(f"tables/{name}.jsonl", body)
        manifest["audit_head"] = {"count": len(events), "hash": previous}
        dst.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    return out.getvalue()


def one(rows: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    (found,) = [r for r in rows if all(r[k] == v for k, v in match.items())]
    return found


def _status_row_only(t: Tables, desk: Desk) -> None:
    """A claim's row says 'verified'; no event says so."""
    one(t["claims"], id=desk.ids["nested"])["status"] = "verified"


def _note_without_event(t: Tables, desk: Desk) -> None:
    note = dict(t["notes"][-1], id=t["notes"][-1]["id"] + 1, body="slipped in")
    t["notes"].append(note)


def _event_without_row(t: Tables, desk: Desk) -> None:
    t["notes"].pop()


def _evidence_taken_out(t: Tables, desk: Desk) -> None:
    """The 'false' claim's only evidence gone, row and event: rows and events agree, and the
    verdict then rests on nothing."""
    claim = desk.ids["false"]
    t["evidence"].remove(one(t["evidence"], claim_id=claim))
    t["events"].remove(one(t["events"], action="evidence.added", claim_id=claim))


def _verdict_appended(t: Tables, desk: Desk) -> None:
    """An event giving a claim with no evidence a verdict, its row changed to match."""
    claim = desk.ids["nested"]
    one(t["claims"], id=claim)["status"] = "verified"
    last = t["events"][-1]
    change = {"before": {"status": "unverified"}, "after": {"status": "verified"}, "note": None}
    t["events"].append(
        dict(
            last,
            action="claim.status_changed",
            entity_type="claim",
            entity_id=str(claim),
            claim_id=claim,
            payload=canonical_json(change),
        )
    )


def _withdrawal_unreasoned(t: Tables, desk: Desk) -> None:
    """The withdrawal's reason taken out, note row and the event's note both: rows and events
    agree, and the claim was then withdrawn with no reason."""
    claim = desk.ids["withdrawn"]
    event = one(t["events"], action="claim.status_changed", claim_id=claim)
    payload = json.loads(event["payload"])
    t["notes"].remove(one(t["notes"], id=payload["note"]["id"]))
    event["payload"] = canonical_json({**payload, "note": None})


NO_EVIDENCE = (
    "status becomes {!r} with no evidence recorded for the claim: the workflow refuses that "
    "verdict without evidence"
)


@pytest.fixture
def target_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """An empty database on the backend the suite runs on."""
    if db_url.startswith("postgresql"):
        return str(request.getfixturevalue("postgres_url"))
    return fresh_sqlite(tmp_path, "target.db")


def test_a_bundle_forged_with_no_change_restores(
    wb: Workbench, tmp_path: Path, target_url: str
) -> None:
    """The forger's tools alone change nothing: what the tests below refuse is their edit."""
    busy_desk(wb, tmp_path)
    data = bundle_bytes(wb)
    path = tmp_path / "same.zip"
    path.write_bytes(forge(data, lambda t: None))
    target = Workbench(url=target_url, actor="t")
    import_bundle(target, str(path))
    assert carried(target_url) == carried(wb.url)


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (_status_row_only, "claim #{nested} status: events say 'unverified', table says"),
        (_note_without_event, "note #{note}: in the table, but no event creates it"),
        (_event_without_row, "note #{last_note}: the events create it, but the table has no"),
        (_evidence_taken_out, "claim #{false}: " + NO_EVIDENCE.format("false")),
        (_verdict_appended, "claim #{nested}: " + NO_EVIDENCE.format("verified")),
        (_withdrawal_unreasoned, "claim #{withdrawn}: withdrawn with no reason recorded"),
    ],
)
def test_a_forged_bundle_that_does_not_replay_restores_nothing(
    wb: Workbench, tmp_path: Path, target_url: str, edit: Edit, fragment: str
) -> None:
    desk = busy_desk(wb, tmp_path)
    data = bundle_bytes(wb)
    last_note = state(wb.url)["notes"][-1][0]
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(data, lambda t: edit(t, desk)))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    message = str(refused.value)
    expected = fragment.format(**desk.ids, note=last_note + 1, last_note=last_note)
    assert expected in message, message
    assert message.startswith("the bundle's events and tables do not replay consistently")
    assert message.endswith("nothing was imported") and "\n" not in message
    assert all(rows == [] for rows in state(target_url).values())


def test_the_refused_trail_would_have_verified(wb: Workbench, tmp_path: Path) -> None:
    """The chain check alone lets the forged evidence-less verdict through: restored without
    the replay (into a database of its own), its chain verifies and only replay objects."""
    from sqlalchemy import insert

    from workbench.db.engine import get_engine
    from workbench.db.models import Base
    from workbench.exports.bundle import BundleReader

    desk = busy_desk(wb, tmp_path)
    forged = forge(bundle_bytes(wb), lambda t: _evidence_taken_out(t, desk))
    url = fresh_sqlite(tmp_path, "unchecked.db")
    reader = BundleReader(io.BytesIO(forged), max_bytes=1 << 30, max_row_bytes=1 << 30)
    with get_engine(url).begin() as conn:
        for table in Base.metadata.sorted_tables:
            columns = reader.spec(table.name).columns
            rows = [dict(zip(columns, r, strict=True)) for r in reader.rows(table.name)]
            if rows:
                conn.execute(insert(table), rows)
    unchecked = Workbench(url=url, actor="t")
    assert verify_database(unchecked).ok
    (difference,) = replay(unchecked).differences
    assert NO_EVIDENCE.format("false") in difference.message


def test_cli_refuses_a_forged_bundle_in_one_line(run: Run, wb: Workbench, tmp_path: Path) -> None:
    desk = busy_desk(wb, tmp_path)
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), lambda t: _verdict_appended(t, desk)))
    target = tmp_path / "new.db"
    r = run("--db", str(target), "import", "bundle", str(path))
    assert r.code == 1 and r.out == "", (r.code, r.out)
    assert len(r.err.strip().splitlines()) == 1 and "nothing was imported" in r.err, r.err
    # The database file the command made for the restore is gone again.
    assert list(tmp_path.glob("new.db*")) == []
    # An empty file that was there is kept, and left empty (it used to keep the schema the
    # refused restore set up, so a read then showed an empty desk: trial88).
    target.write_bytes(b"")
    r = run("--db", str(target), "import", "bundle", str(path))
    assert r.code == 1 and target.exists() and target.stat().st_size == 0
    r = run("--db", str(target), "audit", "head")
    assert r.code == 1 and "is an empty file: no desk is set up in it yet" in r.err, r.err


def _blob_edited(t: Tables, desk: Desk) -> None:
    """An archived evidence file's bytes changed in the bundle (its sha256 left as filed)."""
    import base64

    t["blobs"][-1]["data"] = base64.b64encode(b"other bytes").decode("ascii")


def test_an_edited_file_is_said_to_be_changed_in_the_bundle(
    wb: Workbench, tmp_path: Path, target_url: str
) -> None:
    """Nothing was imported, so neither "inside the database" nor a pointer to `audit replay`
    (there is no restored database to run it on) fits the refusal."""
    desk = busy_desk(wb, tmp_path)
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), lambda t: _blob_edited(t, desk)))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    message = str(refused.value)
    assert "it was changed in the bundle" in message, message
    assert "inside the database" not in message and "audit replay" not in message
    assert message.endswith("(1 difference in all); nothing was imported")
    assert all(rows == [] for rows in state(target_url).values())


def test_the_similarity_index_is_not_restored_but_rebuilt_from_the_claims(
    wb: Workbench, tmp_path: Path, target_url: str
) -> None:
    """The index is derived data no event records: a bundle's rows for it, edited or not, are
    not taken; the restored database builds it from its claims on first use, with the scores
    the source gives."""
    from workbench.services.similar import similar_claims

    desk = busy_desk(wb, tmp_path)
    claim = desk.ids["open"]
    before = similar_claims(wb, claim, min_score=0.0)  # builds the source's index
    assert before and state(wb.url)["similar_terms"]

    from sqlalchemy import select

    from workbench.db.engine import get_engine
    from workbench.db.models import Base

    with get_engine(wb.url).connect() as conn:
        index = {
            name: [dict(r) for r in conn.execute(select(Base.metadata.tables[name])).mappings()]
            for name in DERIVED
        }

    def inflate(t: Tables) -> None:
        """The index's rows, as a bundle written before they were left out holds them, with
        every term's count edited."""
        assert all(t[name] == [] for name in DERIVED)  # not carried now
        t.update(index)
        for row in t["similar_terms"]:
            row["count"] = 50

    path = tmp_path / "edited.zip"
    path.write_bytes(forge(bundle_bytes(wb), inflate))
    target = Workbench(url=target_url, actor="t")
    summary = import_bundle(target, str(path))
    restored = state(target_url)
    assert all(restored[name] == [] for name in DERIVED)
    assert all(summary.tables[name] == 0 for name in DERIVED)
    assert similar_claims(target, claim, min_score=0.0) == before
    assert replay(target).consistent and verify_database(target).ok


def test_a_setting_edited_to_no_json_value_is_refused_in_one_line(
    wb: Workbench, tmp_path: Path, target_url: str
) -> None:
    """trial122: a bundle whose settings.jsonl was edited by hand (`"true"` made `"fals"`, its
    SHA-256 in the manifest made to match) crashed `import bundle` with a JSONDecodeError
    traceback from the replay check instead of refusing it, as every other edited table is, in
    one line saying what differs."""
    busy_desk(wb, tmp_path)

    def edit(t: Tables) -> None:
        one(t["settings"], key="review.required")["value"] = "fals"

    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    message = str(refused.value)
    assert message.startswith("the bundle's events and tables do not replay consistently")
    assert "setting 'review.required' value: events say True, table says 'fals'" in message
    assert message.endswith("nothing was imported") and "\n" not in message
    assert all(rows == [] for rows in state(target_url).values())


def test_a_bool_cell_edited_to_text_names_the_bundle_row(
    wb: Workbench, tmp_path: Path, target_url: str
) -> None:
    """trial122: a bundle whose notes.jsonl had a note's `internal` cell edited by hand from
    `true` to `"yes"` (its SHA-256 made to match) was refused as `error: database error: Not a
    boolean value: 'yes'`, blaming the database the desk was moving into, where an int or a
    date cell edited so is refused naming the bundle's table and row, as a bad value in it."""
    busy_desk(wb, tmp_path)

    def edit(t: Tables) -> None:
        t["notes"][0]["internal"] = "yes"

    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    assert str(refused.value).startswith("bundle notes row 1: bad bool value 'yes'"), refused.value
    assert all(rows == [] for rows in state(target_url).values())


@pytest.mark.parametrize(
    ("column", "value", "kind"),
    [
        ("version", 2**70, "int"),
        ("version", 2**31, "int"),
        ("anchor_score", 10**400, "float"),
        ("anchor_score", float("inf"), "float"),
        ("anchor_score", float("nan"), "float"),
    ],
    ids=["int-2**70", "int-2**31", "float-10**400", "float-Infinity", "float-NaN"],
)
def test_a_number_cell_edited_out_of_range_names_the_bundle_row(
    wb: Workbench, tmp_path: Path, target_url: str, column: str, value: Any, kind: str
) -> None:
    """review133: a bundle whose claims.jsonl had a number edited by hand past what a database
    holds (a version of 2**70, an anchor score of 1e400; its SHA-256 made to match) crashed
    with an OverflowError traceback on SQLite, and on PostgreSQL was refused as a database
    error blaming the target, where the bool and float checks of trial122 name the bundle's
    table and row. A version of 2**31 (past PostgreSQL's integer) and an anchor score of
    Infinity or NaN (which SQLite stores as NULL) went each backend its own way."""
    busy_desk(wb, tmp_path)

    def edit(t: Tables) -> None:
        t["claims"][0][column] = value

    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    assert str(refused.value).startswith(f"bundle claims row 1: bad {kind} value"), refused.value
    assert all(rows == [] for rows in state(target_url).values())


def _everywhere(old: str, new: str) -> Callable[[Tables], None]:
    """`old` made `new` in every row and event that holds it (in an event's payload as JSON
    writes it): rows and events agree, and the chain is recomputed by `forge`."""

    def edit(t: Tables) -> None:
        escaped = json.dumps(new, ensure_ascii=False)[1:-1]
        for rows in t.values():
            for row in rows:
                for column, value in row.items():
                    if isinstance(value, str) and old in value:
                        row[column] = value.replace(old, escaped if column == "payload" else new)

    return edit


def _claim_text(new: str) -> Callable[[Tables], None]:
    def edit(t: Tables) -> None:
        t["claims"][0]["text"] = new

    return edit


@pytest.mark.parametrize(
    ("edit", "table", "said"),
    [
        (_claim_text("a\x00b"), "claims", "a NUL character at 2"),
        (_claim_text("a\ud800b"), "claims", "half a surrogate pair (\\ud800) at 2"),
        (_everywhere("Founded in early 2022", "Founded\x00"), "notes", "a NUL character at 8"),
    ],
    ids=["nul-row-only", "lone-surrogate", "nul-row-and-event"],
)
def test_a_text_cell_no_database_holds_names_the_bundle_row(
    wb: Workbench,
    tmp_path: Path,
    target_url: str,
    edit: Callable[[Tables], None],
    table: str,
    said: str,
) -> None:
    """bundle: a text cell holding a NUL or a lone surrogate (written as the escape \\u0000 or
    \\ud800, which JSON takes) went each backend its own way: a NUL in a note and in its event
    alike was restored on SQLite (where `note add` refuses one) and refused on PostgreSQL as
    'database error: PostgreSQL text fields cannot contain NUL (0x00) bytes', blaming the
    target; a lone surrogate was said as 'the input is not valid UTF-8 text' on both, of a
    bundle all UTF-8. Either is refused naming the bundle's table and row, before a row is
    written, the same on both."""
    busy_desk(wb, tmp_path)
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit, ascii_only=True))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    message = str(refused.value)
    assert message.startswith(f"bundle {table} row 1: bad text value"), message
    assert said in message and "\n" not in message, message
    assert all(rows == [] for rows in state(target_url).values())


@pytest.mark.parametrize(
    ("column", "value", "kind"),
    [
        ("created_at", "2024-01-01T00:00:00+00:00" + "x" * 100_000, "datetime"),
        ("text", ["a" * 100_000], "text"),
        ("version", "9" * 100_000, "int"),
    ],
    ids=["datetime-long-string", "text-long-list", "int-long-string"],
)
def test_a_long_bad_cell_is_not_said_whole(
    wb: Workbench, tmp_path: Path, target_url: str, column: str, value: Any, kind: str
) -> None:
    """finalB: `bad datetime value '2024-...xxx' (Invalid isoformat string: '2024-...xxx')`
    repeated a 100,000-character cell twice in one error line, where the NUL and surrogate
    refusals above leave the cell out (it may be a document's whole text)."""
    busy_desk(wb, tmp_path)

    def edit(t: Tables) -> None:
        t["claims"][0][column] = value

    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    message = str(refused.value)
    assert message.startswith(f"bundle claims row 1: bad {kind} value"), message[:300]
    assert len(message) < 1_000 and "\n" not in message, message[:300]
    assert all(rows == [] for rows in state(target_url).values())


def test_a_short_bad_cell_is_said_as_it_is() -> None:
    """A short bad cell is still said whole: the person looks for it in the file."""
    from workbench.exports.bundle import decode_value

    with pytest.raises(InvalidInput) as refused:
        decode_value("date", "2024-13-01", "claims row 3")
    assert str(refused.value).startswith("bundle claims row 3: bad date value '2024-13-01' (")


@pytest.mark.parametrize(
    "value",
    ["9999-12-31T23:59:59.000000-05:00", "0001-01-01T00:00:00.000000+05:00"],
    ids=["past-9999", "before-1"],
)
def test_a_datetime_its_offset_takes_past_the_calendar_is_refused_naming_its_row(
    wb: Workbench, tmp_path: Path, target_url: str, value: str
) -> None:
    """rA: the hole 6307f805 closed for --since (an offset taking a date-time past the year
    9999 or before the year 1 in UTC) in a bundle's cell: decode_value kept the offset, and
    the driver's conversion to UTC failed on the insert, 'database error: (builtins.
    OverflowError) date value out of range [SQL: INSERT ...' with the row's parameters, a
    document's text among them. Refused as any other bad cell is, before a row is written."""
    busy_desk(wb, tmp_path)

    def edit(t: Tables) -> None:
        t["claims"][0]["created_at"] = value

    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), edit))
    with pytest.raises(InvalidInput) as refused:
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    message = str(refused.value)
    assert message.startswith(f"bundle claims row 1: bad datetime value '{value}'"), message[:300]
    assert "database error" not in message and "\n" not in message, message[:300]
    assert all(rows == [] for rows in state(target_url).values())
