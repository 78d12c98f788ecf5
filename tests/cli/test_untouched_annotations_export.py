"""`workbench import annotations` of the untouched `export annotations` of a desk with a
verdict recorded with no reason (an older trail): it was refused, exit 1, "annotation 1:
status 'unverifiable' is a verdict and needs a reason; give --skip-bad", and --skip-bad
skipped the claim's own annotation. It imports as nothing changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.inprocess import ok
from tests.older_trail import older_trail_claim
from workbench.services.context import Workbench


def test_an_untouched_annotations_export_imports_as_nothing_changed(
    cli: Any, db_url: str, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    older_trail_claim(
        Workbench(url=db_url, actor="tester"), 1, "unverifiable", "claim.status_changed"
    )
    exported = tmp_path / "annotations.json"
    ok(cli("export", "annotations", "--doc", "1", "-o", str(exported)))
    r = cli("import", "annotations", str(exported), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert (r.out, r.err) == ("", "0 claims added, 1 already present\n")
