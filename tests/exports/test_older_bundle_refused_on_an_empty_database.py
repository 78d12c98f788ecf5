"""A refused restore of an older release's bundle leaves a database with no desk as it was.

`import bundle` of a bundle an older release wrote first checks, in a write transaction of its
own, that the target takes it (empty, the restorer owns the tables), then upgrades the bundle,
then restores it in a second transaction. fix98 sets an empty database up inside the write that
meets it (PostgreSQL's empty schema, a SQLite file of another program's), so that a refused
write rolls the set-up back; but the check transaction changes nothing and commits, and the
set-up committed with it. A tampered older bundle, refused by the restore, then left the
workbench's tables in the empty schema (or beside the other program's tables), and the next
read answered from an empty desk where it had said there was none.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_bundle_older_release import (
    ADDED_SINCE_0010,
    _claim_text_edited,
    _desk_bundle,
    _rewritten,
)

from workbench.db.engine import get_engine
from workbench.db.revision import current_revision
from workbench.db.url import sqlite_file
from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.bundle import import_bundle
from workbench.services.context import Workbench, reading


def _tampered_older_bundle(wb: Workbench, tmp_path: Path) -> Path:
    bundle, _ = _desk_bundle(wb)
    path = tmp_path / "tampered-0010.zip"
    path.write_bytes(
        _rewritten(bundle, "0010_document_source", ADDED_SINCE_0010, _claim_text_edited)
    )
    return path


def test_a_refused_older_bundle_leaves_an_empty_schema_without_a_desk(
    wb: Workbench, tmp_path: Path, empty_db_url: str
) -> None:
    """PostgreSQL (a SQLite run's empty database is a missing file, taken back already)."""
    if sqlite_file(empty_db_url) is not None:
        pytest.skip("PostgreSQL only (WORKBENCH_TEST_DATABASE_URL): a new file is taken back")
    path = _tampered_older_bundle(wb, tmp_path)
    fresh = Workbench(url=empty_db_url, actor="tester")
    with pytest.raises(InvalidInput, match="the bundle's audit trail is broken"):
        import_bundle(fresh, str(path))
    assert current_revision(get_engine(empty_db_url)) is None
    with pytest.raises(NotFound), reading(Workbench(url=empty_db_url, actor="tester")):
        pass


def test_a_refused_older_bundle_leaves_another_programs_file_as_it_was(
    wb: Workbench, tmp_path: Path
) -> None:
    """A SQLite file holding another program's tables keeps only its own."""
    path = _tampered_older_bundle(wb, tmp_path)
    db = tmp_path / "mine.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    fresh = Workbench.open(str(db), "tester")
    with pytest.raises(InvalidInput, match="the bundle's audit trail is broken"):
        import_bundle(fresh, str(path))
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
    finally:
        conn.close()
    assert names == ["recipes"]
