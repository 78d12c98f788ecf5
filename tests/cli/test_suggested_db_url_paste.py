"""A --db value the workbench reads as a mistyped PostgreSQL URL is answered with the URL meant,
`--db postgresql://...`: printed so that it pastes as one word, as the shell needs it (a
space, a `;` or an `&` in it split the command, or ran the rest)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.shell_reads import shell_reads


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("postgres:/h/d b", "postgresql://h/d b"),
        ("postgres:/h/d;b", "postgresql://h/d;b"),
        ("postgres:/h/d&x", "postgresql://h/d&x"),
        ("h:5432/d$b", "postgresql://USER@h:5432/d$b"),
    ],
)
def test_a_mistyped_url_is_told_the_url_meant_as_one_word(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbench_main: Callable[..., Result],
    given: str,
    meant: str,
) -> None:
    """`no database at ...; a PostgreSQL URL starts with postgresql://: --db postgresql://h/d b`:
    pasted, `b` was a second argument (and after `;`, a command of its own)."""
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["--db", given, "claim", "list"])
    assert r.code == 1, r.out
    said = r.err.rstrip("\n").rsplit("--db ", 1)[1]
    assert shell_reads("--db " + said) == ["--db", meant]


@pytest.mark.parametrize("name", ["d b", "d;b", "o'brien", "d$b`c`"])
def test_a_bare_name_is_told_the_postgresql_url_as_one_word(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbench_main: Callable[..., Result],
    name: str,
) -> None:
    """`--db 'd b'` made the file and hinted `--db postgresql://USER@HOST/d b`, two words."""
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["--db", name, "doc", "add", "-"], input="第一篇。")
    assert r.code == 0, r.err
    hint = r.err.splitlines()[1]
    said = hint.split("give its URL: --db ", 1)[1].rsplit(" (and remove ", 1)[0]
    assert shell_reads("--db " + said) == ["--db", f"postgresql://USER@HOST/{name}"]


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        (
            "postgres:/h/db?options=-csearch_path%3Ddesk",
            "postgresql://h/db?options=-csearch_path%3Ddesk",
        ),
        (
            "postgresql//h/db?sslmode=require&options=-c",
            "postgresql://h/db?sslmode=require&options=-c",
        ),
    ],
)
def test_a_mistyped_url_with_options_is_told_the_url_meant(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbench_main: Callable[..., Result],
    given: str,
    meant: str,
) -> None:
    """`--db 'postgres:/h/db?options=-csearch_path%3Ddesk'` (the `:/` mistyped) was read as a
    SQLite file and refused "rename the file": the URL meant was said only without a query. Told
    it, quoted for the shell (`?` and `&` in it are the shell's)."""
    monkeypatch.chdir(tmp_path)
    r = workbench_main(["--db", given, "claim", "list"])
    assert r.code == 1, r.out
    assert "a PostgreSQL URL starts with postgresql://" in r.err
    said = r.err.rstrip("\n").rsplit("--db ", 1)[1]
    assert shell_reads("--db " + said) == ["--db", meant]
