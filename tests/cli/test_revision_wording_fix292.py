"""A document's revision was named two ways: `doc update` said "document #1 revision 1
already has this text" and `claim show` "source   document #1, revision 2, characters ...",
where `doc add`, `doc show` and the refusals said "revision 2 of document #1". A desk reading
them side by side could not tell whether they spoke of the same thing. One wording now:
"revision N of document #M" (workbench.domain.revision_words)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

FIRST = "甲说了一句话。乙说了另一句话。\n"
SECOND = "丙先开口。甲说了一句话。乙说了另一句话。\n"


def test_every_command_names_a_revision_the_same_way(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(FIRST, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    said = [ok(cli("doc", "update", "1", str(article))).err]
    article.write_text(SECOND, encoding="utf-8")
    said.append(ok(cli("doc", "update", "1", str(article))).out)
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    said.append(ok(cli("claim", "show", "1")).out)
    said.append(ok(cli("doc", "add", str(article))).err)
    said.append(ok(cli("doc", "update", "1", str(article))).err)
    said.append(ok(cli("doc", "show", "1")).out)
    words = "\n".join(said)
    assert "revision 1 of document #1 already has this text" in said[0], said[0]
    assert "stored revision 2 of document #1" in said[1], said[1]
    assert "  source   revision 2 of document #1, characters " in said[2], said[2]
    assert "revision 2 of document #1" in said[3], said[3]
    assert "revision 2 of document #1 already has this text" in said[4], said[4]
    assert "revision 2 of document #1 unchanged" in said[5], said[5]
    assert "document #1 revision" not in words and "document #1, revision" not in words, words
