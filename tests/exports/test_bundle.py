"""The bundle: every table, losslessly, into an empty database; SQLite to PostgreSQL and back."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from export_desk import Desk, Run, make_desk
from sqlalchemy import inspect, select

from tests.conftest import PG_URL
from workbench.db.backend import is_backend_only
from workbench.db.engine import get_engine
from workbench.db.migrate import upgrade
from workbench.db.models import Base
from workbench.domain.errors import InvalidInput
from workbench.services.bundle import DATABASE_NOT_EMPTY, export_bundle, import_bundle
from workbench.services.chain_head import chain_head
from workbench.services.claims import SpanRequest, add_claim, withdraw
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence, get_evidence_file
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.settings import set_config
from workbench.services.verify import verify_database


def fresh_sqlite(folder: Path, name: str) -> str:
    url = f"sqlite:///{folder / name}"
    upgrade(get_engine(url))
    return url


def plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def state(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read straight from the database."""
    with get_engine(url).connect() as conn:
        return {
            t.name: [
                tuple(plain(v) for v in row)
                for row in conn.execute(select(t).order_by(*t.primary_key.columns))
            ]
            for t in Base.metadata.sorted_tables
        }


# The similarity index: derived, not carried (built again from the claims where restored).
DERIVED = ("similar_terms", "similar_indexed", "similar_df", "similar_meta")


def carried(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """`state`, without the tables a bundle does not carry the rows of."""
    return {name: rows for name, rows in state(url).items() if name not in DERIVED}


def busy_desk(wb: Workbench, tmp_path: Path) -> Desk:
    desk = make_desk(wb)
    page = tmp_path / "page.html"
    page.write_bytes("<html>证据 \x00 bytes 😀</html>".encode() + bytes(range(256)))
    add_evidence(wb, desk.ids["open"], EvidenceInput(stance="context", file=str(page)))
    # A claim taken back: its status and the reason (a note with the change) travel too.
    dup = add_claim(wb, desk.doc, "Valued at over $4bn", SpanRequest(quote="估值超过40亿美元"))
    withdraw(wb, dup.id, reason=f"A duplicate of #{desk.ids['unverifiable']}.")
    desk.ids["withdrawn"] = dup.id
    set_config(wb, "review.required", "true")
    return desk


def bundle_bytes(wb: Workbench) -> bytes:
    buf = io.BytesIO()
    export_bundle(wb, buf)
    return buf.getvalue()


def move(source: Workbench, target_url: str, tmp_path: Path, name: str) -> Workbench:
    path = tmp_path / name
    path.write_bytes(bundle_bytes(source))
    target = Workbench(url=target_url, actor="tester")
    summary = import_bundle(target, str(path))
    assert summary.head == chain_head(source).hash
    return target


def assert_same(source: Workbench, target: Workbench) -> None:
    assert carried(target.url) == carried(source.url)
    assert all(state(target.url)[name] == [] for name in DERIVED)
    assert chain_head(target) == chain_head(source)
    assert verify_database(target).ok
    assert replay(target).consistent
    # archived evidence bytes survive the move
    eid = state(source.url)["evidence"][-1][0]
    assert get_evidence_file(target, eid)[1] == get_evidence_file(source, eid)[1]


def test_every_table_of_the_schema_is_carried(wb: Workbench, tmp_path: Path) -> None:
    busy_desk(wb, tmp_path)
    archive = zipfile.ZipFile(io.BytesIO(bundle_bytes(wb)))
    manifest = json.loads(archive.read("manifest.json"))
    with get_engine(wb.url).connect() as conn:
        in_db = {
            name
            for name in inspect(conn).get_table_names()
            if name != "alembic_version" and not is_backend_only(name)
        }
    assert set(manifest["tables"]) == in_db == set(Base.metadata.tables)
    filled = (
        "documents",
        "claims",
        "claim_tags",
        "notes",
        "evidence",
        "blobs",
        "settings",
        "events",
    )
    assert all(manifest["tables"][name]["rows"] > 0 for name in filled)


def test_same_backend_round_trip_is_lossless_and_deterministic(
    wb: Workbench, tmp_path: Path, db_url: str
) -> None:
    desk = busy_desk(wb, tmp_path)
    first = bundle_bytes(wb)
    assert bundle_bytes(wb) == first  # the same state, the same bytes
    if db_url.startswith("sqlite"):
        target_url = fresh_sqlite(tmp_path, "restored.db")
        target = move(wb, target_url, tmp_path, "b.zip")
        assert_same(wb, target)
        still_withdrawn(target, desk)
        assert bundle_bytes(target) == first
        # the restored database goes on: new ids follow the old ones, the chain continues
        claim = add_claim(target, 1, "after the move", SpanRequest(quote="MiniMax的估值"))
        assert claim.id == max(row[0] for row in state(wb.url)["claims"]) + 1
        add_note(target, claim.id, "still chained")
        assert verify_database(target).ok and replay(target).consistent


def still_withdrawn(target: Workbench, desk: Desk) -> None:
    """The withdrawn claim arrives withdrawn, with its reason, and out of the lists."""
    from workbench.services.queries import list_claims, show_claim

    withdrawn = show_claim(target, desk.ids["withdrawn"])
    assert withdrawn.claim.status == "withdrawn"
    assert withdrawn.notes[-1].body == f"A duplicate of #{desk.ids['unverifiable']}."
    assert desk.ids["withdrawn"] not in [c.id for c in list_claims(target)]


def test_sqlite_to_postgresql_and_back(tmp_path: Path, postgres_url: str) -> None:
    laptop = Workbench(url=fresh_sqlite(tmp_path, "laptop.db"), actor="tester")
    desk = busy_desk(laptop, tmp_path)
    team = move(laptop, postgres_url, tmp_path, "to-pg.zip")
    assert_same(laptop, team)
    still_withdrawn(team, desk)
    assert bundle_bytes(team) == bundle_bytes(laptop)
    # work goes on in PostgreSQL (sequences moved past the restored ids) ...
    claim = add_claim(team, 1, "added on the server", SpanRequest(quote="MiniMax的估值"))
    assert claim.id == len(state(laptop.url)["claims"]) + 1
    add_note(team, claim.id, "服务器上的笔记")
    # ... and comes back to a laptop intact
    back = move(team, fresh_sqlite(tmp_path, "back.db"), tmp_path, "to-sqlite.zip")
    assert_same(team, back)


def test_import_refuses_a_database_that_is_not_empty(
    wb: Workbench, tmp_path: Path, counts: Any
) -> None:
    from workbench.services.similar import similar_claims

    busy_desk(wb, tmp_path)
    path = tmp_path / "b.zip"
    path.write_bytes(bundle_bytes(wb))
    similar_claims(wb, 1)  # builds the similarity index: its tables hold rows too
    before = counts()
    with pytest.raises(InvalidInput, match="empty database; this one has rows in blobs") as no:
        import_bundle(wb, str(path))
    assert counts() == before
    # A script tells a desk with work from a bundle that is not sound (trial122: no reason).
    assert no.value.reason == DATABASE_NOT_EMPTY
    # the similarity index's tables are the workbench's own bookkeeping: not named beside them
    assert "similar_" not in str(no.value) and "claims (8)" in str(no.value)


def test_a_database_not_empty_is_said_before_the_restorers_name_is_checked(
    wb: Workbench, run: Run, db_url: str, tmp_path: Path, counts: Any
) -> None:
    # A trial restored into a database that was not empty as `root`, unregistered there: it
    # was told root is no user of the desk, and only as a registered user that a bundle goes
    # into an empty database, the refusal that stood whoever restored it.
    from workbench.services.users import add_user

    busy_desk(wb, tmp_path)
    add_user(wb, "tester")
    add_user(wb, "rosa")
    path = tmp_path / "b.zip"
    path.write_bytes(bundle_bytes(wb))
    before = counts()
    stranger = Workbench(url=db_url, actor="root")
    with pytest.raises(InvalidInput, match="a bundle is restored into an empty database"):
        import_bundle(stranger, str(path))
    assert counts() == before
    r = run("--as", "root", "import", "bundle", str(path))
    assert r.code == 1
    assert r.err.startswith("error: a bundle is restored into an empty database;"), r.err
    assert "not a registered user" not in r.err


def test_a_bundle_refused_by_a_desk_with_work_says_where_it_can_go(
    wb: Workbench, run: Run, tmp_path: Path
) -> None:
    """An editor who ran `import bundle desk.bundle` in the desk's own folder read only 'a
    bundle is restored into an empty database; this one has rows in documents (1), ...': what
    was wrong, and nothing of what to do, where every other refusal names its step (and
    docs/errors.md gives it: another --db, a new file or an empty schema). The line says it."""
    busy_desk(wb, tmp_path)
    path = tmp_path / "b.zip"
    path.write_bytes(bundle_bytes(wb))
    r = run("import", "bundle", str(path))
    assert r.code == 1
    assert r.err.count("\n") == 1, r.err
    assert "--db" in r.err and "new file" in r.err and "empty schema" in r.err, r.err
    r = run("import", "bundle", str(path), "--json")
    error = json.loads(r.err)["error"]
    assert error["reason"] == DATABASE_NOT_EMPTY and "--db" in error["message"], error


def rewrite(data: bytes, change: Any) -> bytes:
    """The archive with some members changed by `change(name, bytes) -> bytes`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, change(info.filename, src.read(info.filename)))
    return out.getvalue()


def _edit_claim(name: str, raw: bytes) -> bytes:
    return (
        raw.replace("2021年底创业".encode(), "2022年初创业".encode()) if "claims" in name else raw
    )


def _edit_event_and_manifest(data: bytes) -> bytes:
    """An event changed, and the manifest's row hash made to match: the chain catches it."""
    import hashlib

    edited = rewrite(
        data,
        lambda n, r: (
            r.replace(b"Founded in early 2022", b"Founded in 2019 ") if "events" in n else r
        ),
    )
    events = zipfile.ZipFile(io.BytesIO(edited)).read("tables/events.jsonl")

    def fix(name: str, raw: bytes) -> bytes:
        if name != "manifest.json":
            return raw
        manifest = json.loads(raw)
        manifest["tables"]["events"]["sha256"] = hashlib.sha256(events).hexdigest()
        return json.dumps(manifest).encode()

    return rewrite(edited, fix)


def _wrong_crc_for(member: str) -> Callable[[bytes], bytes]:
    """`member`'s CRC-32 in the central directory changed: the archive still opens, and the
    damage shows only when that member is read to its end ("Bad CRC-32")."""

    def damage(data: bytes) -> bytes:
        at = data.find(b"PK\x01\x02")
        while at != -1:
            name_length = int.from_bytes(data[at + 28 : at + 30], "little")
            if data[at + 46 : at + 46 + name_length] == member.encode():
                crc = at + 16
                return data[:crc] + bytes([data[crc] ^ 0xFF]) + data[crc + 1 :]
            at = data.find(b"PK\x01\x02", at + 4)
        raise AssertionError(f"{member} is not in the archive")

    return damage


def _manifest(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        def change(name: str, raw: bytes) -> bytes:
            if name != "manifest.json":
                return raw
            manifest = json.loads(raw)
            edit(manifest)
            return json.dumps(manifest).encode()

        return rewrite(data, change)

    return damage


def _head_named_twice(data: bytes) -> bytes:
    """The manifest naming `audit_head` twice, a forged head first: Python's reader keeps the
    last (the true one, which the restore checks), a reader keeping the first sees the forged
    one, as a repeated key in a claims file or an exported line (trial185)."""
    forged = '"audit_head": {"count": 1, "hash": "' + "0" * 64 + '"}, "audit_head"'

    def change(name: str, raw: bytes) -> bytes:
        if name != "manifest.json":
            return raw
        assert raw.count(b'"audit_head"') == 1
        return raw.replace(b'"audit_head"', forged.encode(), 1)

    return rewrite(data, change)


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda b: b"not a zip", "not a ZIP archive"),
        (_head_named_twice, 'manifest is not valid JSON: the key "audit_head" is given twice'),
        (_wrong_crc_for("tables/claims.jsonl"), "the bundle is damaged"),
        (_manifest(lambda m: m.update(audit_head="x")), "does not record its audit head"),
        (_manifest(lambda m: m["tables"].update(claims=[])), "describes table claims badly"),
        (lambda b: rewrite(b, _edit_claim), "table claims does not match its manifest"),
        (_edit_event_and_manifest, "audit trail is broken at seq"),
        (
            lambda b: rewrite(
                b,
                lambda n, r: r.replace(b'"schema_revision"', b'"x"') if n == "manifest.json" else r,
            ),
            "the bundle's manifest records no schema revision",
        ),
    ],
)
def test_damaged_bundles_are_refused_and_nothing_is_written(
    wb: Workbench, tmp_path: Path, damage: Any, fragment: str
) -> None:
    busy_desk(wb, tmp_path)
    path = tmp_path / "bad.zip"
    path.write_bytes(damage(bundle_bytes(wb)))
    target_url = fresh_sqlite(tmp_path, "target.db")
    with pytest.raises(InvalidInput, match=fragment):
        import_bundle(Workbench(url=target_url, actor="t"), str(path))
    assert all(rows == [] for rows in state(target_url).values())


def test_cli_moves_a_desk(run: Run, wb: Workbench, tmp_path: Path) -> None:
    busy_desk(wb, tmp_path)
    path = tmp_path / "desk.zip"
    r = run("export", "bundle", str(path))
    assert r.code == 0 and "events, head" in r.err, r.err
    target = tmp_path / "new.db"
    r = run("--db", str(target), "import", "bundle", str(path), "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["head"] == chain_head(wb).hash
    r = run("--db", str(target), "audit", "head")
    assert r.out.split()[-1] == chain_head(wb).hash
    r = run("--db", str(target), "import", "bundle", str(path))
    assert r.code == 1 and "empty database" in r.err


def test_a_bundle_never_overwrites_a_file_as_a_backup_never_does(
    run: Run, wb: Workbench, tmp_path: Path
) -> None:
    busy_desk(wb, tmp_path)
    path = tmp_path / "desk.zip"
    path.write_text("precious")
    r = run("export", "bundle", str(path))
    assert r.code == 1
    assert r.err == f"error: {path} exists: a bundle never overwrites a file\n"
    assert path.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".desk.zip")] == []
    if not PG_URL:  # PostgreSQL's backup is pg_dump's, which `backup` prints
        r = run("backup", str(path))  # the same rule, the same words
        assert r.code == 1 and r.err == f"error: {path} exists: a backup never overwrites a file\n"
    # a link to a file, even a dangling one, is not written through either
    link = tmp_path / "link.zip"
    link.symlink_to(tmp_path / "nowhere.zip")
    r = run("export", "bundle", str(link))
    assert r.code == 1 and "never overwrites" in r.err
    assert not (tmp_path / "nowhere.zip").exists()
    r = run("export", "bundle", str(tmp_path / "new.zip"))
    assert r.code == 0, r.err
    assert zipfile.is_zipfile(tmp_path / "new.zip")


def test_a_file_appearing_while_the_bundle_is_written_is_not_overwritten(tmp_path: Path) -> None:
    from workbench.cli.common import output_file

    path = tmp_path / "late.zip"
    with (
        pytest.raises(InvalidInput, match=r"late\.zip exists: a bundle never overwrites a file"),
        output_file(str(path), binary=True, never_over="a bundle") as out,
    ):
        out.write(b"bundle")
        path.write_text("precious")  # another process, meanwhile
    assert path.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["late.zip"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"not a zip",
        _manifest(lambda m: m.update(schema_revision="x")),  # refused after the schema is made
    ],
)
def test_a_refused_bundle_leaves_no_database_file_it_created(
    wb: Workbench, tmp_path: Path, damage: Any
) -> None:
    busy_desk(wb, tmp_path)
    path = tmp_path / "bad.zip"
    path.write_bytes(damage(bundle_bytes(wb)))
    target = tmp_path / "new.db"
    with pytest.raises(InvalidInput):
        import_bundle(Workbench(url=f"sqlite:///{target}", actor="t"), str(path))
    assert list(tmp_path.glob("new.db*")) == []
    # A file that was there before is never removed, empty or migrated.
    target.write_bytes(b"")
    with pytest.raises(InvalidInput):
        import_bundle(Workbench(url=f"sqlite:///{target}", actor="t"), str(path))
    assert target.exists()
    kept = fresh_sqlite(tmp_path, "kept.db")
    with pytest.raises(InvalidInput):
        import_bundle(Workbench(url=kept, actor="t"), str(path))
    assert (tmp_path / "kept.db").exists()


@pytest.mark.parametrize("appears", [False, True])
def test_a_drive_without_hard_links_gets_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, appears: bool
) -> None:
    """A review: `os.link` fails on exFAT (a USB stick), and the bundle ended in a raw
    OSError; the finished file is copied into a new file instead, never over one."""
    import errno
    import os

    from workbench.cli.common import output_file

    def no_links(src: str, dst: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "stick.zip"
    if appears:
        with (
            pytest.raises(InvalidInput, match="never overwrites"),
            output_file(str(path), binary=True, never_over="a bundle") as out,
        ):
            out.write(b"bundle")
            path.write_text("precious")
        assert path.read_text() == "precious"
    else:
        with output_file(str(path), binary=True, never_over="a bundle") as out:
            out.write(b"bundle")
        assert path.read_bytes() == b"bundle"
    assert [p.name for p in tmp_path.iterdir()] == ["stick.zip"]
