"""A size limit raised past what any file could be (WORKBENCH_MAX_DOCUMENT_MB=1e300, taken
as "no limit" by a user who wants none) was read as a byte count of over 300 digits, which the
readers then handed to C: `import bundle` and `doc add URL` of a gzip-compressed page crashed
with OverflowError ("cannot fit 'int' into an index-sized integer", "Python int too large to
convert to C ssize_t"). A limit that large is no limit: the command works as under any other."""

from __future__ import annotations

import gzip
import http.server
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.local_site import base_url, serving

Run = Callable[..., Any]

ARTICLE = "<html><body><p>MiniMax在2021年底创业，比ChatGPT的诞生早了一年。</p></body></html>"


class _Gzipped(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = gzip.compress(ARTICLE.encode("utf-8"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.mark.parametrize("var", ["WORKBENCH_MAX_DOCUMENT_MB", "WORKBENCH_MAX_EVIDENCE_MB"])
def test_import_bundle_under_a_limit_past_any_file(cli: Run, tmp_path: Path, var: str) -> None:
    assert cli("demo").code == 0
    bundle = tmp_path / "desk.bundle"
    assert cli("export", "bundle", str(bundle)).code == 0
    r = cli("--db", str(tmp_path / "other.db"), "import", "bundle", str(bundle), env={var: "1e300"})
    assert r.code == 0, (r.code, r.out, r.err)


def test_a_gzipped_page_under_a_limit_past_any_file(cli: Run) -> None:
    with serving(_Gzipped) as server:
        r = cli(
            "doc",
            "add",
            f"{base_url(server)}/article",
            env={"WORKBENCH_MAX_DOCUMENT_MB": "1e300"},
        )
    assert r.code == 0, (r.code, r.out, r.err)
    assert "added document #1" in r.out + r.err
