"""`db status` labelled the Alembic revision `schema`: on PostgreSQL, where a desk lives in a
schema (`search_path=desk_a`), `schema    -` read as "no schema" beside a URL naming one, and
`schema    0014_…` as a schema of that name. The line is `revision` now; --json is unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from workbench.db.head import HEAD_REVISION

Run = Callable[..., Any]


def test_db_status_names_the_revision_as_a_revision(cli: Run) -> None:
    assert cli("db", "upgrade").code == 0
    r = cli("db", "status")
    assert r.code == 0, r.err
    labels = [line.split()[0] for line in r.out.splitlines()]
    assert "schema" not in labels
    assert f"revision  {HEAD_REVISION}\n" in r.out
    assert f"head      {HEAD_REVISION}\n" in r.out
    status = json.loads(cli("db", "status", "--json").out)
    assert status["current"] == status["head"] == HEAD_REVISION
