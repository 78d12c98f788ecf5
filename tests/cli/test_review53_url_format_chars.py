"""review53: every URL holding a Unicode format character (category Cf) is refused now (a546d3a),
and a restore checks every stored URL with the same rule (`_check_urls`): a bundle written by the
previous release, whose document cites a Persian page by its address as read (ZWNJ, U+200C, is
part of Persian spelling: همه‌پرسی, referendum), is refused whole, "nothing was imported"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.inprocess import run_cli
from workbench.services.context import Workbench

PERSIAN = "https://fa.wikipedia.org/wiki/همه\u200cپرسی"
ARTICLE = "The minister said unemployment rose to 7 percent in 2021. " * 5


def test_review53_a_bundle_of_the_previous_release_with_a_zwnj_url_restores(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services import documents
    from workbench.services.bundle import export_bundle
    from workbench.services.documents import DocumentMeta, add_document

    with monkeypatch.context() as m:
        # 3b2debe's rule: no format-character check (the URL was taken then).
        m.setattr(documents, "check_http_url", lambda url: url.strip())
        add_document(wb, ARTICLE.encode(), meta=DocumentMeta(url=PERSIAN))
    buf = io.BytesIO()
    export_bundle(wb, buf)
    path = tmp_path / "backup.zip"
    path.write_bytes(buf.getvalue())
    target = tmp_path / "restored.db"
    r = run_cli(["--db", str(target), "import", "bundle", str(path)], env={"WORKBENCH_USER": "t"})
    assert r.crash is None, r.crash
    assert r.code == 0, r.err
