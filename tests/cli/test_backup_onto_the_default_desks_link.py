"""`backup NAME` onto the name the desk was opened by, when that name is the default
./workbench.db and a link to the desk: refused as the desk, as every `-o NAME` refuses it
(cleanup). The name typed was computed twice, and backup's copy left out the default: it said
"exists: a backup never overwrites a file" where `export ... -o workbench.db` said the file is
the database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PG_URL, run_in_process
from workbench.services.backup import backup
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a SQLite file; PostgreSQL prints pg_dump")

DESK = "the database this command works on"


@pytest.fixture
def linked_default(tmp_path: Path) -> Path:
    """./workbench.db, a link to the desk real.db beside it (the test's folder is current)."""
    add_document(Workbench.open("real.db", actor="ann"), b"A text.\n")
    os.symlink("real.db", "workbench.db")
    return tmp_path


def test_backup_refuses_the_default_name_as_every_output_does(linked_default: Path) -> None:
    before = Path("real.db").read_bytes()
    export = run_in_process(["export", "claims", "-o", "workbench.db", "--force"])
    assert export.code == 1 and DESK in export.err, export
    done = run_in_process(["backup", "workbench.db"])
    assert done.code == 1, done
    assert done.err == export.err, (done, export)
    assert os.path.islink("workbench.db") and Path("real.db").read_bytes() == before


def test_the_librarys_backup_of_the_default_desk_refuses_its_name(linked_default: Path) -> None:
    with pytest.raises(OSError, match=DESK):
        backup(Workbench.open(actor="ann"), "workbench.db")
