"""review328: `doc update --if-revision R` of a revision the document never had (5, of one at
revision 1) was told `workbench doc changes DOC` showed what changed, as if revisions had
landed since R: nothing had. The hint now says what `doc changes` shows either way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

TEXT = "The council approved the budget on Monday.\n\nSpending rises by {n} percent next year.\n"


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_revision_never_had_is_not_said_to_have_changed(
    cli: Callable[..., Any], tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    ok(cli("doc", "add", str(_written(tmp_path / "a.txt", TEXT.format(n=4)))))
    before = counts()
    r = cli(
        "doc",
        "update",
        "1",
        str(_written(tmp_path / "b.txt", TEXT.format(n=6))),
        "--if-revision",
        "5",
    )
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    assert "never had revision 5" in r.err and "--if-revision 1" in r.err, r.err
    assert "what changed" not in r.err, r.err
    assert counts() == before
