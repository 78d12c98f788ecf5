"""`import claims --dry-run` names every claim present on a span a row would pin again.

The CLI told a dry run's own claims from the claims present by their ids: the first claim the
dry run would add drew the lowest id of them, so any id at or above it was taken for one of
its rolled-back writes and left out. On PostgreSQL ids are sequence values, and a claim
another writer put in (a tool inserting with its own ids, a sequence set back) can have an
id above the one the dry run drew first: the editor was told "claim #1 and a claim this
import would add pin exactly these words" of a span claims #1 and #51, both present, pinned,
and --json's `same_span` left #51 out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.cli.test_spreadsheet_round_trip_trial97 import _desk
from tests.conftest import PG_URL
from tests.inprocess import ok
from workbench.db.engine import get_engine

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="SQLite gives a new row the id above the highest: none is out of order"
)

QUOTE = "融资金额超过１０亿美元"  # claim #1's quote in `_desk`'s article


def _set_claims_sequence(db_url: str, value: int) -> None:
    with get_engine(db_url).begin() as conn:
        conn.execute(
            text("SELECT setval(pg_get_serial_sequence('claims', 'id'), :v)"), {"v": value}
        )


def _claim_above_the_sequence(cli: Any, db_url: str) -> None:
    """Claim #51 on claim #1's words, and the sequence then set back to 10: the next claim
    written draws 11, below #51."""
    _set_claims_sequence(db_url, 50)
    ok(cli("claim", "add", "1", "--quote", QUOTE, "--text", "第二种说法"))
    _set_claims_sequence(db_url, 10)


def _twin_row(tmp_path: Path) -> Path:
    sheet = tmp_path / "twin.csv"
    sheet.write_text(f"quote,text\r\n{QUOTE},另一种说法\r\n", encoding="utf-8")
    return sheet


def test_a_present_claim_with_an_id_above_the_dry_runs_is_named(
    cli: Any, tmp_path: Path, db_url: str
) -> None:
    _desk(cli, tmp_path)
    _claim_above_the_sequence(cli, db_url)
    r = cli("import", "claims", str(_twin_row(tmp_path)), "--doc", "1", "--dry-run")
    assert r.code == 0, (r.out, r.err)
    warned = [line for line in r.err.splitlines() if line.startswith("warning:")]
    assert warned == [
        "warning: row 2: claims #1 and #51 pin exactly these words (characters 12–23) with "
        "other text; the import would add another claim on the same span"
    ], r.err


def test_a_present_claim_with_an_id_above_the_dry_runs_is_in_its_json(
    cli: Any, tmp_path: Path, db_url: str
) -> None:
    _desk(cli, tmp_path)
    _claim_above_the_sequence(cli, db_url)
    r = cli("import", "claims", str(_twin_row(tmp_path)), "--doc", "1", "--dry-run", "--json")
    assert r.code == 0, (r.out, r.err)
    added = json.loads(r.out)["added"]
    assert [(c["id"], c["same_span"]) for c in added] == [(None, [1, 51])], added
