"""trial252: a file the user may not read (mode 000, another user's) given to `import claims`,
`import annotations`, `import bundle` or `audit verify --file` was bad usage, exit 2 ("Invalid
value for 'FILE': Path 'x.csv' is not readable"), where the same commands refuse a missing file
with exit 1 and `doc add`, `evidence add --file` and `seed load` refuse the unreadable one with
exit 1 ("cannot read x: Permission denied"). A script that tells a refusal (1) from a mistyped
command (2) took it for the latter. Every reader now refuses it alike: exit 1, one line.

Root reads any file: as root the command runs in a process without the capabilities that let it
(setpriv), so the permission bits hold as for any user."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli

COMMANDS = {
    "import-claims": ("import", "claims", "--doc", "1", "{}"),
    "import-annotations": ("import", "annotations", "--doc", "1", "{}"),
    "import-bundle": ("import", "bundle", "{}"),
    "audit-verify": ("audit", "verify", "--file", "{}"),
    "doc-add": ("doc", "add", "{}"),
}

# setpriv's arguments that drop root's rights to read and search any file.
DROP_READ_ANY = ("--bounding-set=-dac_override,-dac_read_search", "--")


def run_unprivileged(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    if os.geteuid() != 0:
        with contextlib.chdir(cwd):
            r = run_cli(args, env=env)
        return r.code, r.err
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("as root, setpriv is needed to drop the right to read any file")
    proc = subprocess.run(
        [setpriv, *DROP_READ_ANY, sys.executable, "-m", "workbench", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=cwd,
        timeout=120,
    )
    return proc.returncode, proc.stderr


@pytest.mark.skipif(bool(PG_URL), reason="the file's permission, not the database, is tested")
@pytest.mark.parametrize("command", list(COMMANDS), ids=list(COMMANDS))
def test_an_unreadable_file_is_refused_with_exit_1_in_one_line(
    command: str, tmp_path: Path
) -> None:
    db = tmp_path / "desk.db"
    env = {"WORKBENCH_DB": str(db), "WORKBENCH_USER": "tester"}
    if command != "import-bundle":
        assert run_cli(["demo"], env=env).code == 0
    secret = tmp_path / "secret.csv"
    secret.write_text("text,quote\n", encoding="utf-8")
    secret.chmod(0)
    args = [a.format(secret.name) for a in COMMANDS[command]]
    code, err = run_unprivileged(args, env, tmp_path)
    assert (code, err) == (1, f"error: cannot read {secret.name}: Permission denied\n")
