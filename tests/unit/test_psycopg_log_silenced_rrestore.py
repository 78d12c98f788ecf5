"""psycopg's own log records reach stderr through Python's last resort when no host program
sets logging up, as SQLAlchemy's did (fix135). A PostgreSQL restore refused by a table's
constraint (a forged bundle's note on claim #99, `import bundle`) printed, on some runs,

    error ignored terminating <psycopg.Pipeline [INERROR, pipeline=ON] (host=... user=...
    database=...) at 0x...>: pipeline aborted

above its one line `error: the bundle's table notes does not fit this schema: ...`: psycopg's
executemany runs in pipeline mode and logs the pipeline's second failure as a warning (found
restoring forged bundles by the CLI; it came and went from run to run, so it is asked here of
the record itself). A refusal is one line on stderr (docs/errors.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_psycopg_warning_prints_nothing_once_the_engines_are_loaded() -> None:
    script = (
        "import logging, workbench.db.engine\n"
        "logging.getLogger('psycopg').warning("
        "'error ignored terminating <psycopg.Pipeline [INERROR]>: pipeline aborted')\n"
        "print('done')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ran = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout == "done\n"
    assert ran.stderr == ""


def test_a_host_program_still_hears_psycopg() -> None:
    """Only the last resort is silenced: a host's own handler (on the root logger) still gets
    the record, as with SQLAlchemy's."""
    script = (
        "import logging, sys, workbench.db.engine\n"
        "logging.basicConfig(stream=sys.stdout, format='%(name)s %(message)s')\n"
        "logging.getLogger('psycopg').warning('pipeline aborted')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ran = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout == "psycopg pipeline aborted\n"
