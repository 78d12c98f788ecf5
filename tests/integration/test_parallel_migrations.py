"""Several processes meeting a new database at once: one migrates, the others wait, all succeed."""

from __future__ import annotations

import os
import subprocess
import sys

from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.revision import current_revision


def test_parallel_first_use(empty_db_url: str) -> None:
    env = {**os.environ, "WORKBENCH_DB": empty_db_url}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "workbench", "db", "upgrade"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(5)
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert current_revision(get_engine(empty_db_url)) == HEAD_REVISION
