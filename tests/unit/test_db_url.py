"""`--db` / WORKBENCH_DB becomes one URL: a path is made absolute with symlinks and `~` resolved,
so that two spellings of one file are one database (the lean read path and the engine agree)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.db.url import resolve_url, sqlite_file


def test_a_relative_path_becomes_the_absolute_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("desk.db") == f"sqlite:///{tmp_path.resolve()}/desk.db"


def test_a_symlinked_folder_and_the_home_tilde_are_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    monkeypatch.setenv("HOME", str(tmp_path / "link"))
    expected = f"sqlite:///{real.resolve()}/desk.db"
    assert resolve_url(str(tmp_path / "link" / "desk.db")) == expected
    assert resolve_url("~/desk.db") == expected


def test_the_environment_is_read_when_no_option_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_DB", "postgres://u@h/db")
    assert resolve_url(None) == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_setting_is_refused_not_taken_for_the_default(
    given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--db ""` or WORKBENCH_DB= (a lost value) would otherwise open ./workbench.db."""
    from workbench.domain.errors import EMPTY_SETTING, InvalidInput

    with pytest.raises(InvalidInput, match="the database needs a name") as given_empty:
        resolve_url(given)
    monkeypatch.setenv("WORKBENCH_DB", given)
    with pytest.raises(InvalidInput, match="WORKBENCH_DB is set but empty") as env_empty:
        resolve_url(None)
    assert given_empty.value.reason == env_empty.value.reason == EMPTY_SETTING
    # An option given wins over the environment, as before.
    assert resolve_url("desk.db").endswith("/desk.db")


def test_sqlite_file_is_the_path_of_a_file_url_only() -> None:
    assert sqlite_file("sqlite:////srv/desk.db") == "/srv/desk.db"
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql+psycopg://u@h/db") is None
    assert os.path.isabs(sqlite_file(resolve_url("x.db")) or "")


@pytest.mark.parametrize("db", ["a?b.db", "sqlite:///desk.db?mode=ro"])
def test_a_question_mark_in_a_sqlite_name_is_refused(db: str) -> None:
    """SQLAlchemy would write to the file before '?' and the read path look for the whole
    name: refused in one line instead."""
    from workbench.db.url import check_url
    from workbench.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"'\?' is not supported"):
        check_url(resolve_url(db))
