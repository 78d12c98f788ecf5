"""A page saved again and added as a new document is told `workbench doc update ID FILE`,
which must paste as printed: a file named `-saved.html` was read as an option ("no such
option"), as every suggested command's words are one shell word each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.shell_reads import pasted


@pytest.mark.parametrize("name", ["-saved.html", "o'k saved;1.html", "saved.html"])
def test_the_doc_update_suggested_for_a_saved_copy_pastes(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """`doc add -- -saved.html` of a page already stored was told `workbench doc update 1
    -saved.html`: pasted, Click read the file's name as an option and stored nothing."""
    monkeypatch.chdir(tmp_path)
    pages = Path(__file__).parent.parent / "data" / "pages"
    page = (pages / "en-news.html").read_bytes()
    assert cli("doc", "add", str(pages / "en-news.html")).code == 0
    (tmp_path / name).write_bytes(page.replace(b"$412 million", b"$421 million"))
    r = cli("doc", "add", "--", name)
    assert r.code == 0, r.err
    argv = pasted(r.err)
    assert argv[:3] == ["workbench", "doc", "update"] and argv[-1] == name
    if name == "saved.html":
        assert argv == ["workbench", "doc", "update", "1", "saved.html"]  # plain, as it was
    again = cli(*argv[1:])
    assert again.code == 0, again.err
    assert "revision 2" in again.out
