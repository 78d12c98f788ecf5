"""review261: trial252 said `--db LOOP` (a symbolic link to itself) as the link it is, where it
had said "no database at LOOP; run `workbench demo` ... to start one", which cannot be done
there. A path THROUGH such a link (`--db loop/desk.db`, `ln -s loop loop`) still got that advice,
and an output in it (`export claims -o loop/out.csv`, `backup loop/b.db`) was refused as "the
folder loop does not exist", sending the user to make a folder that is there, as a link. Both now
say a symbolic link on the way loops."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli

Run = Callable[..., Any]


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    link = tmp_path / "loop"
    os.symlink("loop", link)
    return link


@pytest.mark.skipif(bool(PG_URL), reason="--db names a SQLite file")
def test_a_database_through_a_link_loop_is_said_as_one(loop: Path) -> None:
    db = loop / "desk.db"
    r = run_cli(["--db", str(db), "claim", "list"], env={"WORKBENCH_USER": "tester"})
    assert r.code == 1, (r.code, r.err)
    assert r.err == (
        f"error: no database at {db}: a symbolic link on the way to it loops "
        "(Too many levels of symbolic links)\n"
    )


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("export", "claims", "-o"), "out.csv"),
        (("audit", "export", "-o"), "out.jsonl"),
        (("report", "1", "-o"), "out.html"),
    ],
    ids=["export-claims", "audit-export", "report"],
)
def test_an_output_through_a_link_loop_is_said_as_one(
    cli: Run, loop: Path, args: tuple[str, ...], name: str
) -> None:
    assert cli("demo").code == 0
    out = loop / name
    r = cli(*args, str(out))
    assert r.code == 1, (r.code, r.err)
    assert r.err == (
        f"error: cannot write {out}: the folder {loop} cannot be reached, a symbolic link on "
        "the way to it loops (Too many levels of symbolic links)\n"
    )
