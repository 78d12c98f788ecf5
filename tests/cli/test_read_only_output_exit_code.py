"""trial252: an output the user may not write (a read-only FILE already there, a read-only
folder for `report --all`) was bad usage, exit 2 ("Invalid value for '--output' / '-o': File
'x.csv' is not writable"), in the exports, `export bundle` and `report`, where `evidence get -o`
refuses the same file with exit 1 (it exists: --force) and a file in a read-only folder is
refused with exit 1 ("Permission denied: ro/x.csv"). It is a refusal like those: exit 1, one
line, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_unreadable_file_exit_code import run_unprivileged
from tests.conftest import PG_URL
from tests.inprocess import run_cli

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="the file's permission is tested")

COMMANDS = {
    "export-claims": (("export", "claims", "-o", "out.csv"), "out.csv exists"),
    "export-bundle": (("export", "bundle", "out.csv"), "out.csv exists"),
    "audit-export": (("audit", "export", "-o", "out.csv"), "out.csv exists"),
    # (an .html name: since rr349 report reads -o's extension as every export does, and
    # refuses a .csv as bad usage before it looks at the file)
    "report": (("report", "1", "-o", "out.html"), "out.html exists"),
    "report-all": (("report", "--all", "-o", "ro"), "Permission denied"),
}


@pytest.mark.parametrize("command", list(COMMANDS), ids=list(COMMANDS))
def test_an_output_the_user_may_not_write_is_refused_with_exit_1(
    command: str, tmp_path: Path
) -> None:
    env = {"WORKBENCH_DB": str(tmp_path / "desk.db"), "WORKBENCH_USER": "tester"}
    assert run_cli(["demo"], env=env).code == 0
    kept = tmp_path / "out.csv"
    for name in ("out.csv", "out.html"):
        (tmp_path / name).write_text("kept\n", encoding="utf-8")
        (tmp_path / name).chmod(0o444)
    (tmp_path / "ro").mkdir(mode=0o555)
    args, said = COMMANDS[command]
    code, err = run_unprivileged(list(args), env, tmp_path)
    assert code == 1, err
    assert err.startswith("error: ") and err.count("\n") == 1 and said in err, err
    assert kept.read_text(encoding="utf-8") == "kept\n"
    assert (tmp_path / "out.html").read_text(encoding="utf-8") == "kept\n"
    assert list((tmp_path / "ro").iterdir()) == []
