"""A bundle's manifest is read only as far as a manifest goes (review54)."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from workbench.domain.errors import InvalidInput
from workbench.exports.bundle import MAX_MANIFEST_BYTES
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _padded_bundle(wb: Workbench, folder: Path, pad: int) -> Path:
    """A real bundle whose manifest.json is followed by `pad` spaces (still valid JSON)."""
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta()).document.id
    add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%"))
    good = folder / "good.zip"
    with good.open("wb") as out:
        export_bundle(wb, out)
    padded = folder / "padded.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "manifest.json":
                dst.writestr(info, data)
                continue
            member = zipfile.ZipInfo("manifest.json", info.date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(member, "w", force_zip64=True) as f:
                f.write(data)
                chunk = b" " * (1 << 20)
                for _ in range(pad // len(chunk)):
                    f.write(chunk)
    return padded


def test_a_padded_manifest_is_refused_without_being_read_whole(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """review54: BundleReader read manifest.json whole (archive.read, then decode, then
    json.loads), bounded only by the 4 GB unpacked-size limit; a real bundle whose manifest was
    padded with 200 MB of spaces took a 438 MB peak and was then imported. A manifest over
    MAX_MANIFEST_BYTES is now refused after reading at most that much."""
    pad = 32 * 1024 * 1024
    padded = _padded_bundle(wb, tmp_path, pad)

    fresh = Workbench(url=empty_db_url, actor="tester")
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput, match="manifest is over 1,048,576 bytes"):
            import_bundle(fresh, str(padded))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The manifest read is the cap plus one byte; the padding (32 MB) was never held.
    assert peak < 4 * MAX_MANIFEST_BYTES, f"peak {peak / 2**20:.1f} MB"


def test_a_manifest_within_the_cap_is_read(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """A manifest padded to just under the cap is still a manifest: the bundle is restored."""
    padded = _padded_bundle(wb, tmp_path, MAX_MANIFEST_BYTES // 2)
    fresh = Workbench(url=empty_db_url, actor="tester")
    summary = import_bundle(fresh, str(padded))
    assert summary.tables["claims"] == 1
