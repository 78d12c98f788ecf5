"""`user list` and `doc list` read one table each (and the revisions' newest row): on a year
desk they took 0.8-1.0 s of CPU and 54-60 MB whatever its size, SQLAlchemy and the ORM's
models imported first, where the `sqlite3` shell reads the same rows in 5 ms. They read on the
database driver itself, as `claim list`, `claim show` and `audit head` do.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.cli.test_startup import HEAVY, _probe


@pytest.mark.parametrize(
    "args",
    [["user", "list"], ["user", "list", "--json"], ["doc", "list"], ["doc", "list", "--json"]],
)
def test_user_and_doc_list_import_no_sqlalchemy(
    db_url: str, document_with_claims: Any, workbench_main: Callable[..., Any], args: list[str]
) -> None:
    document_with_claims()
    r = workbench_main(["--db", db_url, "--as", "ana", "user", "add", "ana"])
    assert r.code == 0, r.err
    loaded, code, out = _probe(args, {"WORKBENCH_DB": db_url})
    assert code in ("0", "None"), (args, code)
    assert "ana" in out if args[0] == "user" else "1" in out
    assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))


def test_doc_list_gives_each_document_its_newest_revision(
    wb: Any, workbench_main: Callable[..., Any], tmp_path: Any
) -> None:
    """Revision 1's figures are the document's row; a later one's are the newest revision's
    own, with its number, as the document had them (and one never revised keeps its own)."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("It grew 5% last year, the minister said.\n", encoding="utf-8")
    second.write_text("Unemployment fell to 3% in 2024.\n", encoding="utf-8")
    for path in (first, second):
        assert workbench_main(["--db", wb.url, "doc", "add", str(path)]).code == 0
    for figure in ("6", "7"):
        first.write_text(f"It grew {figure}% last year, the minister said.\n", encoding="utf-8")
        r = workbench_main(["--db", wb.url, "doc", "update", "1", str(first)])
        assert r.code == 0, r.err
    revisions = workbench_main(["--db", wb.url, "doc", "revisions", "1", "--json"])
    assert revisions.code == 0, revisions.err
    newest = json.loads(revisions.out)
    newest = (newest["revisions"] if isinstance(newest, dict) else newest)[-1]
    r = workbench_main(["--db", wb.url, "doc", "list", "--json"])
    assert r.code == 0, r.err
    listed = json.loads(r.out)
    assert [(d["id"], d["revisions"]) for d in listed] == [(1, 3), (2, 1)]
    assert listed[0]["current_sha256"] == newest["sha256"] != listed[0]["sha256"]
    assert listed[0]["current_length"] == newest["length"]
    assert listed[1]["current_sha256"] == listed[1]["sha256"]
    assert listed[0]["created_at"].endswith("Z") and listed[0]["published"] is None
