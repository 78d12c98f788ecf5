"""trial252: `workbench seed load -` typed at a terminal waited without a word (it reads the
seed from standard input, as every `-` does), where `note add 1 -`, `doc add -` and the other
readers of `-` say what they wait for and how to end it (fix166). It says so now; piped, it
loads the seed, its document named from the current folder, and says nothing more."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.test_stdin_terminal_notice import terminal, waiting
from tests.inprocess import Outcome, run_cli
from workbench.services.seed_files import seeds_dir

__all__ = ["terminal"]  # the fixture, used by name

Run = Callable[..., Outcome]


@pytest.fixture
def seed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("minimax-claims.yaml", "minimax-profile.zh.txt"):
        shutil.copy(seeds_dir() / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(db_url: str, *args: str, stdin: bytes) -> Outcome:
    return run_cli(list(args), stdin=stdin, env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})


def test_seed_load_dash_at_a_terminal_says_what_it_waits_for(
    db_url: str, seed_folder: Path, terminal: None
) -> None:
    seed = (seed_folder / "minimax-claims.yaml").read_bytes()
    r = run(db_url, "seed", "load", "-", stdin=seed)
    assert r.crash is None, repr(r.crash)
    assert r.err.startswith(waiting("the seed file")), r.err
    assert r.code == 0, r.err


def test_seed_load_dash_piped_says_nothing_of_waiting(db_url: str, seed_folder: Path) -> None:
    seed = (seed_folder / "minimax-claims.yaml").read_bytes()
    r = run(db_url, "seed", "load", "-", stdin=seed)
    assert r.code == 0, r.err
    assert "waiting for" not in r.err
    assert "31 claims added" in r.out
