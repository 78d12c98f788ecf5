"""`doc add` and `doc update` of a word processor's file renamed to .txt: refused in one line,
exit 1, naming the format, nothing stored (an RTF file from WordPad, all ASCII, was stored as
its markup; a .docx was refused as "a binary file"). See tests/services/test_renamed_documents.py.
"""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import run_cli

RTF = b"{\\rtf1\\ansi\\ansicpg936\\deff0\\pard \\'d6\\'d0\\'b9\\'fa\\par\r\n}\r\n"
REFUSED = (
    "error: {name} is an RTF document, not plain text: open it and save its text as plain text "
    "(UTF-8) first\n"
)


def test_doc_add_and_update_refuse_an_rtf_file(db_url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    rtf = tmp_path / "稿件.txt"
    rtf.write_bytes(RTF)
    r = run_cli(["doc", "add", str(rtf)], env=env)
    assert (r.code, r.out, r.err) == (1, "", REFUSED.format(name=rtf))
    assert run_cli(["doc", "list", "--json"], env=env).out.strip() == "[]"
    article = tmp_path / "article.txt"
    article.write_text("中国科技创业者正迎来前所未有的机遇。\n", encoding="utf-8")
    assert run_cli(["doc", "add", str(article)], env=env).code == 0
    r = run_cli(["doc", "update", "1", str(rtf)], env=env)
    assert (r.code, r.err) == (1, REFUSED.format(name=rtf))
    assert run_cli(["doc", "revisions", "1", "--json"], env=env).out.count('"number"') == 1
