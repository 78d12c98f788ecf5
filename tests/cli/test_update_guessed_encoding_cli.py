"""`doc update` with a page read by a guess at its encoding says so, as `doc add` does.

A trial (a Chinese desk's files): a newer copy of a GBK page with no charset tag was stored as
the document's next revision, its claims re-anchored to the text a guess read, and nothing was
said (`doc add` of the same page warns; `doc update` dropped what the reading knew). Now the
revision is stored with the same warning on stderr, naming the encoding, and `--json` has
`guessed_encoding` as `doc add`'s has; a page in UTF-8 or that declares its charset is no guess.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.inprocess import ok, run_cli

PAGES = Path(__file__).parent.parent / "data" / "pages"
GUESSED = (
    "warning: the page is not UTF-8 and declares no charset it is in: read as GB18030/GBK, a "
    "guess (if `workbench doc text 1` reads wrong, convert the page to UTF-8 or give it a "
    "<meta charset>, and update it again)"
)


def test_doc_update_names_a_guessed_encoding(db_url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    page = (PAGES / "gbk-no-charset.html").read_bytes()
    ok(run_cli(["doc", "add", str(PAGES / "gbk-no-charset.html")], env=env))
    newer = tmp_path / "newer.html"
    newer.write_bytes(page.replace("一百二十亿元".encode("gbk"), "一百三十亿元".encode("gbk")))
    r = ok(run_cli(["doc", "update", "1", str(newer)], env=env))
    assert r.out.startswith("stored revision 2 of document #1")
    assert r.err.strip().splitlines()[-1] == GUESSED
    assert "一百三十亿元" in ok(run_cli(["doc", "text", "1"], env=env)).out
    # --json says it too; a page that declares its charset is no guess.
    newest = tmp_path / "newest.html"
    newest.write_bytes(page.replace("一百二十亿元".encode("gbk"), "一百四十亿元".encode("gbk")))
    r = ok(run_cli(["doc", "update", "1", str(newest), "--json"], env=env))
    assert json.loads(r.out)["guessed_encoding"] == "gb18030"
    declared = tmp_path / "declared.html"
    declared.write_bytes(page.replace(b"<head>", b'<head><meta charset="gbk">'))
    r = ok(run_cli(["doc", "update", "1", str(declared), "--json"], env=env))
    assert "guessed_encoding" not in json.loads(r.out) and "warning" not in r.err
