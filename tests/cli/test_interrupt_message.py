"""What Ctrl-C leaves on stderr: one line, as every refusal is (docs/errors.md), and with
--json one JSON object a script can read."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import run_cli

Run = Callable[..., Any]


def _interrupt(*args: Any, **kwargs: Any) -> Any:
    raise KeyboardInterrupt


def test_ctrl_c_is_one_line_with_no_blank_line_before_it(
    cli: Run, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during `workbench claim list` printed an empty line, then "interrupted; nothing
    half-written was committed": two lines on stderr (Click's own newline after ^C, meant for
    a terminal, went into logs and pipes too)."""
    assert cli("demo").code == 0
    # A table reads a page (its first 50 rows), --json streams every match.
    monkeypatch.setattr("workbench.services.queries.claims_page", _interrupt)
    r = run_cli(["claim", "list"], env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})
    assert r.code == 130, r
    assert r.err == "interrupted; nothing half-written was committed\n", repr(r.err)


def test_ctrl_c_with_json_is_a_json_object(
    cli: Run, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during `workbench claim list --json` printed the plain line "interrupted; nothing
    half-written was committed" on stderr, where --json promises every refusal as one JSON
    object (kind `aborted` is listed in docs/errors.md)."""
    assert cli("demo").code == 0
    monkeypatch.setattr("workbench.services.queries.claims_stream", _interrupt)
    r = run_cli(
        ["claim", "list", "--json"], env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    )
    assert r.code == 130, r
    error = json.loads(r.err.strip())["error"]  # (the blank line is the test above)
    assert error["kind"] == "aborted", error
