"""A bundle written by an older release, restored by this one (a desk upgrading across
releases must not lose the way back to its archived bundles)."""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from export_desk import Run

from workbench.db.migrate import head_revision
from workbench.db.url import sqlite_file
from workbench.domain.errors import InvalidInput
from workbench.services.bundle import BundleSummary, export_bundle, import_bundle
from workbench.services.chain_head import chain_head
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.replay import replay

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _as_written_at(bundle: bytes, revision: str) -> bytes:
    """The bundle as the release at `revision` wrote it. Between 0012_withdrawn and
    0013_event_identity no table changed (0013 adds a PostgreSQL trigger only): a bundle of the
    same desk exported before and after `db upgrade` differs in manifest.json's
    schema_revision alone (every tables/*.jsonl member is byte-identical)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_revision"] = revision
                data = json.dumps(manifest).encode()
            dst.writestr(info, data)
    return out.getvalue()


def test_a_bundle_from_the_release_before_0013_is_restored(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """`workbench import bundle` refused every bundle written by an older release ("the bundle
    holds schema '0012_withdrawn' and this database is at '0013_event_identity': use the same
    workbench version on both sides"), even one whose tables are exactly this schema's. A desk
    that upgraded could no longer restore or move the bundles it had exported the week
    before, and docs/backup.md ("Moving a desk: bundles") says nothing of the restriction."""
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta()).document.id
    add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%"))
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "from-0012.zip"
    # (notes.internal came with 0015: a bundle of 0012 has no such column.)
    path.write_bytes(_rewritten(buf.getvalue(), "0012_withdrawn", ADDED_SINCE_0014))

    fresh = Workbench(url=empty_db_url, actor="tester")
    summary = import_bundle(fresh, str(path))
    assert summary.tables["claims"] == 1
    assert chain_head(fresh).hash == chain_head(wb).hash


def test_a_bundle_from_a_newer_workbench_is_refused_as_newer(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """A bundle from a newer workbench was refused with the words an older one got ("use the
    same workbench version on both sides"), which did not say which side was newer nor which
    release restores it."""
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta()).document.id
    add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%"))
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "from-the-future.zip"
    path.write_bytes(_as_written_at(buf.getvalue(), "0099_future"))

    fresh = Workbench(url=empty_db_url, actor="tester")
    with pytest.raises(InvalidInput) as refused:
        import_bundle(fresh, str(path))
    assert refused.value.message == (
        "the bundle was written by a newer workbench (schema 0099_future, unknown to this "
        "release): restore it with that release or a newer one"
    )


# What 0011_user_role added: a bundle written at 0010 has no users.role (NULL on a desk that
# gives no one a role). The migration adds the column with a batch operation, which on SQLite
# copies the table anew: the restore goes through a real migration.
ADDED_SINCE_0010 = {"users": "role", "notes": "internal"}
# What 0015_internal_notes added: notes.internal (false on a desk with no internal note).
ADDED_SINCE_0014 = {"notes": "internal"}


def _rewritten(
    bundle: bytes,
    revision: str,
    dropped: dict[str, str] | None = None,
    edit: Callable[[str, list[Any]], list[Any]] | None = None,
) -> bytes:
    """The bundle as another release (or a hand editor) would write it: schema_revision set to
    `revision`, the `dropped` column of each table left out, each row passed through `edit`;
    the manifest's columns, kinds, row counts and digests made to match."""
    dropped = dropped or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src:
        manifest = json.loads(src.read("manifest.json"))
        manifest["schema_revision"] = revision
        members: dict[str, bytes] = {}
        for name, entry in manifest["tables"].items():
            gone = entry["columns"].index(dropped[name]) if name in dropped else None
            lines = []
            for line in src.read(f"tables/{name}.jsonl").decode("utf-8").splitlines():
                values = json.loads(line)
                if gone is not None:
                    # (What the migration that adds the column gives back: nothing is lost.)
                    assert values[gone] in (None, False)
                    del values[gone]
                if edit is not None:
                    values = edit(name, values)
                lines.append(json.dumps(values, ensure_ascii=False) + "\n")
            if gone is not None:
                del entry["columns"][gone], entry["kinds"][gone]
            data = "".join(lines).encode("utf-8")
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            members[f"tables/{name}.jsonl"] = data
    with zipfile.ZipFile(out, "w") as dst:
        dst.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            dst.writestr(name, data)
    return out.getvalue()


def _desk_bundle(wb: Workbench) -> tuple[bytes, BundleSummary]:
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta()).document.id
    add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%"))
    add_claim(
        wb, doc, "the first linear-attention model", SpanRequest(quote="国内首个线性注意力架构")
    )
    buf = io.BytesIO()
    summary = export_bundle(wb, buf)
    return buf.getvalue(), summary


def test_a_bundle_from_before_a_column_was_added_is_restored_upgraded(
    wb: Workbench, tmp_path: Path, empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle from before 0011_user_role (no users.role) was refused outright; it is now
    restored as its database would be upgraded, with the audit head its manifest records, a
    consistent replay, and no scratch file left behind."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    bundle, source = _desk_bundle(wb)
    path = tmp_path / "from-0010.zip"
    path.write_bytes(_rewritten(bundle, "0010_document_source", ADDED_SINCE_0010))

    fresh = Workbench(url=empty_db_url, actor="tester")
    summary = import_bundle(fresh, str(path))
    assert summary.upgraded_from == "0010_document_source"
    assert summary.schema_revision == head_revision()
    assert summary.to_json()["upgraded_from"] == "0010_document_source"
    assert (summary.events, summary.head) == (source.events, source.head)
    assert chain_head(fresh).hash == source.head
    assert summary.tables["claims"] == 2 and summary.tables["documents"] == 1
    assert replay(fresh).consistent
    assert list(scratch.iterdir()) == []


def test_a_bundle_of_this_release_says_nothing_of_an_upgrade(
    wb: Workbench, empty_db_url: str, tmp_path: Path
) -> None:
    """(The summary of a restore at this release's schema keeps its JSON fields as they were.)"""
    bundle, _ = _desk_bundle(wb)
    path = tmp_path / "same.zip"
    path.write_bytes(bundle)
    summary = import_bundle(Workbench(url=empty_db_url, actor="tester"), str(path))
    assert summary.upgraded_from is None and "upgraded_from" not in summary.to_json()


def _claim_text_edited(table: str, values: list[Any]) -> list[Any]:
    if table == "events":
        return [
            v.replace("GDP grew 5.2%", "GDP grew 9.9%") if isinstance(v, str) else v for v in values
        ]
    if table == "claims":
        return [
            v.replace("GDP grew 5.2%", "GDP grew 9.9%") if isinstance(v, str) else v for v in values
        ]
    return values


def test_a_tampered_older_bundle_is_refused(
    wb: Workbench, tmp_path: Path, empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(An older bundle edited by hand, rows and events alike, its digests recomputed but not
    its chain, is refused by the chain check as a bundle of this release is; nothing is
    created, and the scratch files are removed.)"""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    bundle, _ = _desk_bundle(wb)
    path = tmp_path / "tampered.zip"
    path.write_bytes(
        _rewritten(bundle, "0010_document_source", ADDED_SINCE_0010, _claim_text_edited)
    )

    fresh = Workbench(url=empty_db_url, actor="tester")
    with pytest.raises(InvalidInput, match="the bundle's audit trail is broken"):
        import_bundle(fresh, str(path))
    assert list(scratch.iterdir()) == []
    if sqlite_file(empty_db_url) is not None:
        assert not Path(sqlite_file(empty_db_url) or "").exists()


def test_an_older_bundle_with_columns_its_schema_lacks_is_refused(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """(A bundle claiming schema 0010 but holding 0011's users.role column is refused in one
    line naming the table, not restored nor a traceback.)"""
    bundle, _ = _desk_bundle(wb)
    path = tmp_path / "odd.zip"
    path.write_bytes(_rewritten(bundle, "0010_document_source", ADDED_SINCE_0014))
    with pytest.raises(
        InvalidInput, match="table users has other columns than schema 0010_document_source"
    ):
        import_bundle(Workbench(url=empty_db_url, actor="tester"), str(path))


def test_import_bundle_says_on_stderr_that_it_upgraded_an_older_bundle(
    tmp_path: Path, empty_db_url: str, run: Run
) -> None:
    """(`import bundle` of an older bundle says on stderr from which schema it upgraded it;
    stdout stays the summary.)"""
    source = Workbench(url=empty_db_url, actor="tester")
    bundle, summary = _desk_bundle(source)
    path = tmp_path / "from-0010.zip"
    path.write_bytes(_rewritten(bundle, "0010_document_source", ADDED_SINCE_0010))
    r = run("import", "bundle", str(path))
    assert r.code == 0, r.err
    assert r.err == (
        "the bundle was written at schema 0010_document_source: upgraded to "
        f"{head_revision()} as its database would have been\n"
    )
    assert r.out.endswith(f"head {summary.head}\n")


def test_an_older_bundle_into_a_database_with_rows_is_refused_before_it_is_upgraded(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(A database with rows refuses an older bundle as it refuses any, and before the bundle
    is upgraded in a scratch file, which costs about a restore.)"""
    import workbench.services.bundle_upgrade as bundle_upgrade

    def not_now(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("upgraded a bundle the database refuses")

    bundle, _ = _desk_bundle(wb)
    path = tmp_path / "from-0010.zip"
    path.write_bytes(_rewritten(bundle, "0010_document_source", ADDED_SINCE_0010))
    monkeypatch.setattr(bundle_upgrade, "upgraded_bundle", not_now)
    with pytest.raises(InvalidInput, match="a bundle is restored into an empty database"):
        import_bundle(wb, str(path))


def test_upgrading_an_older_bundle_reports_progress(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """(Upgrading an older bundle costs about a restore: its rows are reported as they are
    written to the scratch file, of all the bundle's rows, before the restore's own count.)"""
    bundle, source = _desk_bundle(wb)
    path = tmp_path / "from-0010.zip"
    path.write_bytes(_rewritten(bundle, "0010_document_source", ADDED_SINCE_0010))
    heard: list[tuple[int, int | None]] = []
    import_bundle(
        Workbench(url=empty_db_url, actor="tester"), str(path), lambda d, t: heard.append((d, t))
    )
    rows = sum(source.tables.values())
    assert heard[0] == (0, rows) and (rows, rows) in heard
    assert heard[-1][0] == heard[-1][1] and heard[-1][1] != rows


def test_an_older_bundle_whose_rows_break_its_schema_is_refused_in_one_line(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """(An older bundle whose rows its own schema refuses, a claim with no document, is refused
    in one line naming the table, and nothing is created.)"""
    bundle, _ = _desk_bundle(wb)
    with zipfile.ZipFile(io.BytesIO(bundle)) as src:
        columns = json.loads(src.read("manifest.json"))["tables"]["claims"]["columns"]
    at = columns.index("document_id")

    def orphaned(table: str, values: list[Any]) -> list[Any]:
        return [*values[:at], None, *values[at + 1 :]] if table == "claims" else values

    path = tmp_path / "orphan.zip"
    path.write_bytes(_rewritten(bundle, "0010_document_source", ADDED_SINCE_0010, orphaned))
    fresh = Workbench(url=empty_db_url, actor="tester")
    with pytest.raises(InvalidInput, match="the bundle's table claims does not fit its schema: "):
        import_bundle(fresh, str(path))
    if (file := sqlite_file(empty_db_url)) is not None:
        assert not Path(file).exists()
