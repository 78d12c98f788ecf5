"""A non-editable install (a built wheel) still finds its migrations and seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def pip(*args: str) -> None:
    """This interpreter's pip, offline (no dependencies fetched). The wheel is built without
    compiling claim discovery (a minute of mypyc; the editable install CI tests with compiles
    it, and tests/unit/test_native.py holds it to the sources)."""
    command = [sys.executable, "-m", "pip", args[0], "--no-deps", "-q", *args[1:]]
    env = {**os.environ, "WORKBENCH_PURE_PYTHON": "1"}
    subprocess.run(command, check=True, capture_output=True, timeout=300, env=env)


def test_wheel_install_runs_migrations_and_demo(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    pip("wheel", "--no-build-isolation", "-w", str(wheels), str(REPO))
    (wheel,) = wheels.glob("claim_workbench-*.whl")
    target = tmp_path / "site"
    pip("install", "--target", str(target), str(wheel))
    assert (target / "workbench" / "_migrations" / "env.py").is_file()
    # The check-worthiness weights are package data: `extract` reads them from the wheel.
    assert (target / "workbench" / "domain" / "checkworthy_weights.json").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "WORKBENCH_DB": str(elsewhere / "w.db")}
    probe = (
        "import workbench, workbench.db.migrate as m, workbench.services.seeds as s;"
        "print(workbench.__file__); print(m.migrations_dir()); print(s.seeds_dir())"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert all(line.startswith(str(target)) for line in out), out
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "demo", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    board = json.loads(r.stdout)
    assert board["total"] >= 20
