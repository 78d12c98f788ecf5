"""`--db` / WORKBENCH_DB becomes one URL: a path is made absolute with symlinks and `~` resolved,
so that two spellings of one file are one database (the lean read path and the engine agree)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.db.url import meant_url, resolve_url, safe_url, sqlite_file


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


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("trial2_2764", "postgresql://USER@HOST/trial2_2764"),
        ("postgresql:/u@db.example/desk", "postgresql://u@db.example/desk"),
        ("postgres//u@db.example/desk", "postgresql://u@db.example/desk"),
        ("POSTGRESQL:desk", "postgresql://desk"),
        ("localhost:5432/desk", "postgresql://USER@localhost:5432/desk"),
        ("postgres_desk", "postgresql://USER@HOST/postgres_desk"),
        ("desk.db", None),
        ("Desk.SQLite3", None),
        ("./desk", None),
        ("archive/2026/desk", None),
    ],
)
def test_a_file_name_that_reads_as_a_postgresql_database(given: str, meant: str | None) -> None:
    assert meant_url(given) == meant


def test_an_at_sign_in_a_sqlite_file_name_is_not_a_password() -> None:
    assert safe_url("sqlite:////srv/a:b@c/desk.db") == "sqlite:////srv/a:b@c/desk.db"
    assert safe_url("postgresql://u:secret@h/db") == "postgresql://u@h/db"


@pytest.mark.parametrize(
    "url",
    ["postgresql://u@h:5432/", "postgresql://u@h", "postgres://u@h/?sslmode=require"],
)
def test_a_postgresql_url_must_name_its_database(url: str) -> None:
    from workbench.domain.errors import EMPTY_SETTING, InvalidInput

    with pytest.raises(InvalidInput, match="the URL names no database") as caught:
        resolve_url(url)
    assert caught.value.reason == EMPTY_SETTING


@pytest.mark.parametrize(
    "url",
    ["postgresql://u@h/desk", "postgresql:///desk?host=/run/pg", "postgresql://u@h/?dbname=d"],
)
def test_a_postgresql_url_naming_its_database_is_taken(url: str) -> None:
    assert resolve_url(url).startswith("postgresql+psycopg://")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:secret@h/db", "postgresql://u@h/db"),
        (
            "postgresql+psycopg://u@h/db?sslmode=require&password=hunter2",
            "postgresql+psycopg://u@h/db?sslmode=require",
        ),
        ("postgresql://u@h/db?password=hunter2", "postgresql://u@h/db"),
        ("postgresql://u:pw@h/db?a=1&password=x&b=2", "postgresql://u@h/db?a=1&b=2"),
        (
            "postgresql://u@h/db?application_name=desk@laptop",
            "postgresql://u@h/db?application_name=desk@laptop",
        ),
        ("postgresql:///db?host=%2Ftmp&password=y", "postgresql:///db?host=%2Ftmp"),
    ],
)
def test_a_password_is_hidden_in_the_query_too(url: str, shown: str) -> None:
    """`safe_url` hid `user:pw@` only: a password given as `?password=...` (libpq's form, and
    psycopg's) was shown whole by `db status`, `db upgrade` and "cannot open database"
    (trial56); and it split at the last '@', so an '@' in a query value made the part before
    it the user (`application_name=desk@laptop` showed the database at `postgres@laptop`)."""
    assert safe_url(url) == shown


def test_the_drivers_words_lose_the_urls_secrets() -> None:
    """review59: a driver's refusal may quote a secret of the URL it was given."""
    from workbench.db.url import without_secret_values

    url = "postgresql://ana:p%40ss@db/desk?sslpassword=k%20ey&application_name=x"
    said = 'bad token "p%40ss", password p@ss, key "k ey" or k%20ey, app x'
    assert (
        without_secret_values(url, said) == 'bad token "***", password ***, key "***" or ***, app x'
    )
    assert without_secret_values("sqlite:////tmp/a:b@c.db", "a:b@c") == "a:b@c"


def test_a_url_naming_a_driver_runs_on_the_shipped_one() -> None:
    """review60: `postgresql+asyncpg://` was told psycopg is missing (it is installed; the URL
    asked for asyncpg), and `sqlite+aiosqlite://` was a traceback."""
    from workbench.db.url import resolve_url

    assert resolve_url("postgresql+asyncpg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgres+psycopg2://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("sqlite+aiosqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert resolve_url("SQLite+pysqlite:///x.db") == "sqlite:///x.db"


def test_a_database_in_a_read_only_folder_is_said_to_be_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review60: a desk's copy on a read-only disk could not even be read, and the refusal said
    only "unable to open database file" (SQLite in WAL mode creates -wal and -shm beside it).
    A folder that takes files is no such case, nor a file that is not there. (Root ignores a
    folder's permissions, so the folder's answer is the test's.)"""
    from workbench.db.url import cannot_open

    db = tmp_path / "w.db"
    db.write_bytes(b"")
    url = f"sqlite:///{db}"
    assert cannot_open(url, "unable to open database file").endswith("database file")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    said = cannot_open(url, "unable to open database file")
    assert said.endswith(
        f"(its folder {tmp_path} is read-only, and SQLite keeps its -wal and "
        "-shm files beside the database, reads included: copy the file to a "
        "writable folder)"
    )
    assert cannot_open(url, "disk I/O error").endswith("disk I/O error")


def test_a_new_database_in_a_read_only_folder_is_said_to_be_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trial158: `workbench --db new.db demo` run in a read-only folder (a mounted share, a
    read-only checkout) said only "cannot open database ...: unable to open database file",
    which reads as a damaged file; a folder that is not there was already said (trial48).
    (Root ignores a folder's permissions, so the folder's answer is the test's.)"""
    from workbench.db.url import cannot_open

    url = f"sqlite:///{tmp_path / 'none.db'}"
    assert cannot_open(url, "unable to open database file").endswith("database file")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert cannot_open(url, "unable to open database file").endswith(
        f"(its folder {tmp_path} is read-only: a new database cannot be made there; "
        "give --db a path in a folder you can write to)"
    )
