"""The name of the OS account, when neither --as nor WORKBENCH_USER gives one (review65)."""

from __future__ import annotations

from tests.inprocess import run_cli


def test_a_bad_os_account_name_was_blamed_on_as(db_url: str) -> None:
    """With no --as and no WORKBENCH_USER, a LOGNAME holding a zero-width space was refused as
    `error: --as: character 4 is U+200B ...`, naming an option nobody typed."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": None, "LOGNAME": "ben\u200b"}
    r = run_cli(["note", "list", "1"], stdin=b"", env=env)
    assert r.code == 2 and r.crash is None and r.err.count("\n") == 1, r.err
    assert not r.err.startswith("error: --as"), r.err
    assert "the OS account's name" in r.err and "--as" in r.err, r.err
