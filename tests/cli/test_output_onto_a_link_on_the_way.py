"""rnames: the name typed for the desk (./workbench.db, --db or WORKBENCH_DB) may lead to it
through a second link (workbench.db -> mid.db -> real.db). An output onto that middle link was
allowed: `export claims -o mid.db --force` replaced the link with the CSV, and the next command
found no database behind workbench.db ("not a SQLite database ... restore it from a backup"),
though no file of the desk was written. Every link on the way from the typed name to the desk
is the desk's name too, refused as the typed name and the file are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PG_URL, run_in_process
from workbench.services.context import Workbench
from workbench.services.documents import add_document

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a SQLite file; PostgreSQL prints pg_dump")

DESK = "the database this command works on"


@pytest.fixture
def two_links(tmp_path: Path) -> Path:
    """real.db, the desk, reached from ./workbench.db through mid.db (the folder is current)."""
    add_document(Workbench.open("real.db", actor="ann"), b"A text.\n")
    os.symlink("real.db", "mid.db")
    os.symlink("mid.db", "workbench.db")
    return tmp_path


@pytest.mark.parametrize(
    "db", [[], ["--db", "workbench.db"], ["--db", os.path.join("sub", "..", "workbench.db")]]
)
def test_an_output_onto_a_link_between_the_name_and_the_desk_is_refused(
    two_links: Path, db: list[str]
) -> None:
    os.mkdir("sub")
    before = Path("real.db").read_bytes()
    r = run_in_process([*db, "export", "claims", "-o", "mid.db", "--force"])
    assert r.code == 1 and DESK in r.err, r
    done = run_in_process([*db, "backup", "mid.db"])
    assert done.code == 1 and done.err == r.err, (done, r)
    assert os.readlink("mid.db") == "real.db" and Path("real.db").read_bytes() == before
    assert run_in_process(["claim", "list"]).code == 0


def test_the_last_link_is_refused_from_workbench_db_too(two_links: Path) -> None:
    r = run_in_process(
        ["export", "claims", "-o", "mid.db", "--force"], env={"WORKBENCH_DB": "workbench.db"}
    )
    assert r.code == 1 and DESK in r.err, r
    assert os.readlink("mid.db") == "real.db"
