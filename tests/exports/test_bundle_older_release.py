"""A bundle written by an older release, restored by this one (a desk upgrading across
releases must not lose the way back to its archived bundles)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.verify import chain_head

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
    path.write_bytes(_as_written_at(buf.getvalue(), "0012_withdrawn"))

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
