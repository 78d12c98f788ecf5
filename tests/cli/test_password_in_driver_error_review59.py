"""review59: a PostgreSQL URL whose password holds a '%' not followed by two hex digits (a
password typed raw, `Pa%ss9`) printed the password in every read command's error: the read
path hands the URL to libpq, whose refusal quotes the token (`invalid percent-encoded token:
"Pa%ss9"`), and cannot_open appended that message after the URL it had masked. `db status`
(SQLAlchemy's parser) accepted the same URL and masked it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Result

# Port 1: libpq refuses the URI before any connection is tried, so no server is needed.
URL = "postgresql://ana:Pa%ss9@127.0.0.1:1/desk"


@pytest.mark.parametrize(
    "args",
    [["claim", "list"], ["stats"], ["stats", "--by", "tag"], ["claim", "list", "--approvable"]],
)
def test_a_raw_percent_in_the_password_was_printed_by_the_read_path(
    workbench_main: Callable[..., Result], args: list[str]
) -> None:
    r = workbench_main(["--db", URL, *args], env={"WORKBENCH_USER": "bob"})
    assert r.code != 0
    assert "Pa%ss9" not in r.err + r.out, r.err
