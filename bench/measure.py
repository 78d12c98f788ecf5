"""Whole-process measurements for the benchmarks: wall time, CPU time and the child's own peak
resident set, read from `wait4`.

A child started straight from the benchmark would not be measured alone: at exec, a vfork'd
child's ru_maxrss starts from its parent's high-water mark (a forked one's from its parent's
resident set), so a benchmark that had built a desk or timed a large text would see every
command peak at least as high as itself. So each command is started by a small launcher
process (`_LAUNCH`, a Python with no site packages, some 7 MB), which forks it, waits for it
and reports its figures: a command's peak counts no more of anything else than that launcher's
resident set, below what any Python command holds on its own (a small C program, such as the
`sqlite3` shell, reads at least the launcher's size)."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system: what a busy machine disturbs least
    peak_mb: float
    out_bytes: int = 0

    def __add__(self, other: Run) -> Run:
        """Processes run one after another: times add up, the peak is the highest."""
        return Run(
            self.seconds + other.seconds,
            self.cpu + other.cpu,
            max(self.peak_mb, other.peak_mb),
            self.out_bytes + other.out_bytes,
        )


NOTHING = Run(0.0, 0.0, 0.0)

# argv: the file to report to, then the command. It reports the command's wait status, CPU
# seconds (user, system), peak (KiB) and wall seconds, measured from its fork to its exit.
_LAUNCH = """
import os, sys, time
report, cmd = sys.argv[1], sys.argv[2:]
began = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    except OSError as e:
        os.write(2, f"{cmd[0]}: {e.strerror}\\n".encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - began
with open(report, "w") as f:
    f.write(f"{status} {usage.ru_utime} {usage.ru_stime} {usage.ru_maxrss} {seconds}")
"""


def run(
    cmd: Sequence[str], env: dict[str, str] | None = None, *, stdout: Path | None = None
) -> Run:
    """One whole process; SystemExit with its stderr when it fails.

    The child runs as an installed command does: allowed to cache its modules' bytecode. With
    PYTHONDONTWRITEBYTECODE set (as some shells and CI images set it), every run of an
    editable install would compile the workbench's modules afresh, some 0.05-0.1 s that no user
    pays twice."""
    child_env = dict(os.environ if env is None else env)
    child_env.pop("PYTHONDONTWRITEBYTECODE", None)
    with (
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as scratch,
        tempfile.TemporaryDirectory() as reports,
    ):
        report = Path(reports) / "run"
        out = stdout.open("wb") if stdout else scratch
        try:
            # The launcher is measured by no one: the command's figures are what it reports.
            launcher = [sys.executable, "-S", "-E", "-c", _LAUNCH, str(report), *cmd]
            subprocess.run(launcher, stdout=out, stderr=err, env=child_env, check=True)
            size = out.tell()
        finally:
            if stdout:
                out.close()
        status, user, system, peak_kib, seconds = report.read_text().split()
        code = os.waitstatus_to_exitcode(int(status))
        if code != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.read().decode().strip()}")
    return Run(float(seconds), float(user) + float(system), int(peak_kib) / 1024, size)


def workbench(db: str | Path, *args: str, stdout: Path | None = None) -> Run:
    """`workbench --db DB ARGS...` as a whole process (`run`), on the interpreter running the
    benchmark."""
    return run([sys.executable, "-m", "workbench", "--db", str(db), *args], stdout=stdout)


def desk_parser(doc: str | None) -> argparse.ArgumentParser:
    """The command line of a benchmark that builds a desk: `doc` (its docstring) as the help,
    laid out as written, and --db."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="a new SQLite file or an empty PostgreSQL database's URL")
    return parser


def add_repeat(parser: argparse.ArgumentParser) -> None:
    """`--repeat R`, which `best_of` takes."""
    parser.add_argument("--repeat", type=int, default=1, help="keep the run with least CPU of R")


def best_of(repeat: int, measure: Callable[[], Run]) -> Run:
    """The run with least CPU of `repeat` runs of `measure`: CPU time is what a busy machine
    disturbs least."""
    return min((measure() for _ in range(repeat)), key=lambda r: r.cpu)


def conditions() -> str:
    load = os.getloadavg()
    return (
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        "(1/5/15 min) when the run ended"
    )
