"""The restore advice on a damaged desk named no backup (trial107, item 4).

The bug: `workbench backup b.db` of a damaged desk said `no backup was written to b.db: the
copy, as damaged, is kept as b.db.damaged; restore it from a backup: move it aside with its
-wal and -shm files and put the copy in its place, then check the copy`. The only copy the line
names is b.db.damaged, so "put the copy in its place" read as: put the damaged copy in place
of the desk. `audit verify` and every other command on a damaged desk gave the same advice,
"the copy" there a backup the line never mentions.

Now the advice names what to put in place: the last good backup, then check it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import zero_root_page
from tests.inprocess import run_cli
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a SQLite file's pages are damaged")


@pytest.mark.parametrize("command", [["backup", "b.db"], ["audit", "verify"]])
def test_the_advice_names_the_last_good_backup_not_the_damaged_copy(
    wb: Workbench, tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = add_document(wb, "MiniMax在2021年底创业。智谱在2019年成立。".encode()).document.id
    add_claim(wb, doc, "founded", SpanRequest(quote="2021年底"))
    path = Path(wb.url.removeprefix("sqlite:///"))
    zero_root_page(path, "claims")
    monkeypatch.chdir(tmp_path)
    r = run_cli(command, env={"WORKBENCH_DB": str(path), "WORKBENCH_USER": "tester"})
    assert r.crash is None and r.code == 1, r
    assert "put the copy in its place" not in r.err, r.err
    assert "put your last good backup in its place, then check it" in r.err, r.err
