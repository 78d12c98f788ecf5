"""The CLI says the same thing the same way in every command (trial137's list).

Data on stdout, what happened (or did not) on stderr; tables headed in words; one metavar for
one kind of argument; one hint for one option.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

ARTICLE = "甲说了一句话。乙说了另一句话。\n"


def _desk(cli: Run, tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    return article


def test_doc_update_with_the_same_text_says_nothing_stored_on_stderr(
    cli: Run, tmp_path: Path
) -> None:
    """`doc update 1 a.txt` with the text already stored printed "... already has this text;
    nothing stored" on stdout, where every other command says it stored nothing on stderr."""
    article = _desk(cli, tmp_path)
    r = ok(cli("doc", "update", "1", str(article)))
    assert r.out == ""
    assert r.err == "document #1 revision 1 already has this text; nothing stored\n"
