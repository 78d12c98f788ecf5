"""pgteam: moving a SQLite desk into a PostgreSQL schema of its own (docs/backup.md), a person's
role ran `import bundle` there before the owner did. It was told "its owner (role owner) runs
`workbench db upgrade`" (or, without USAGE on the schema, to have the owner grant what
docs/identity.md lists): the owner did, and the person's import was then refused again, as a
bundle is restored by the owner only. It says so at once, with the command the owner runs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, run_in_process
from workbench.db.engine import get_engine


def _run(url: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", "ed", *args])


def _role_of(url: str) -> str:
    with get_engine(url).connect() as conn:
        return str(conn.execute(text("SELECT session_user")).scalar_one())


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_persons_import_into_an_empty_schema_names_the_owners_import(
    empty_db_url: str, person: Callable[[str], str], tmp_path: Path
) -> None:
    bundle = tmp_path / "desk.zip"
    lite = f"sqlite:///{tmp_path / 'desk.db'}"
    assert _run(lite, "user", "add", "ed").code == 0
    assert _run(lite, "export", "bundle", str(bundle)).code == 0
    owner_role = _role_of(empty_db_url)
    maria_url = person(empty_db_url)  # USAGE on the schema, no CREATE: docs/identity.md's
    refused = _run(maria_url, "import", "bundle", str(bundle))
    assert refused.code == 1
    assert "db upgrade" not in refused.err, refused.err
    assert f"role {owner_role}" in refused.err, refused.err
    assert "workbench import bundle" in refused.err, refused.err
    # Nothing was set up in the schema: the owner's import goes into it as it is.
    assert _run(empty_db_url, "import", "bundle", str(bundle)).code == 0


@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_role_without_create_keeps_the_storage_refusal_and_its_reason(
    empty_db_url: str, person: Callable[[str], str], tmp_path: Path
) -> None:
    """rD: the refusal above turned a role's want of CREATE on the schema into "a bundle is
    restored by the owner of the database's tables": `invalid_input` with no reason, the
    server's words (`permission denied for schema`) dropped. Whether the role is a person's
    or the one meant to own the desk (a fresh PostgreSQL 15 database's `public` is its
    database owner's, not the role's), it lacks CREATE: said so, as `storage` with the reason
    `upgrade_not_permitted` docs/errors.md gives it, and the owner's step is the import."""
    bundle = tmp_path / "desk.zip"
    lite = f"sqlite:///{tmp_path / 'desk.db'}"
    assert _run(lite, "user", "add", "ed").code == 0
    assert _run(lite, "export", "bundle", str(bundle)).code == 0
    owner_role = _role_of(empty_db_url)
    maria_url = person(empty_db_url)
    maria = _role_of(maria_url)
    refused = _run(maria_url, "import", "bundle", "--json", str(bundle))
    assert refused.code == 1, refused.err
    error = json.loads(refused.out or refused.err)["error"]
    assert error["kind"] == "storage", error
    assert error["reason"] == "upgrade_not_permitted", error
    assert f"the role {maria} lacks the privilege" in error["message"], error
    assert error["hint"]["owner"] == owner_role, error
    words = _run(maria_url, "import", "bundle", str(bundle)).err
    assert "db upgrade" not in words, words
    assert f"role {owner_role}" in words and "workbench import bundle" in words, words
