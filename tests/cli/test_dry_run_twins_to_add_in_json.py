"""`import claims --dry-run --json` counts, for each claim it would add, the claims the same
import would add before it on its very span.

What the user met (review187's left-alone item): a dry run of seven rows pinning one new
sentence's words warned of five, then "and 2 more claims would be added on the span of another
claim (--json: same_span)"; the script that looked there found `same_span: []` for every one of
them, since `same_span` names only claims present and the dry run's own claims have no ids. Now
each would-be claim carries `same_span_to_add` (how many this import would add before it on the
span), and the warning's pointer names it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_spreadsheet_round_trip_trial97 import _desk

OTHER_WORDS = "融资完成后，估值达到"  # in `_desk`'s article, pinned by no claim


def test_a_dry_runs_own_twins_are_counted_in_its_json(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "twins.csv"
    rows = "".join(f"{OTHER_WORDS},说法{k}\r\n" for k in range(7))
    sheet.write_text("quote,text\r\n" + rows, encoding="utf-8")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run", "--json")
    assert r.code == 0, (r.out, r.err)
    added = json.loads(r.out)["added"]
    assert [(c["same_span"], c["same_span_to_add"]) for c in added] == [
        ([], k) for k in range(7)
    ], added
    assert r.err.splitlines()[-2] == (
        "warning: and 1 more claim would be added on the span of another claim "
        "(--json: same_span, same_span_to_add)"
    ), r.err


def test_an_import_for_real_has_no_such_count(cli: Any, tmp_path: Path) -> None:
    """Claims added have ids: `same_span` names their twins, and the count is not given."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "twins.csv"
    sheet.write_text(f"quote,text\r\n{OTHER_WORDS},甲\r\n{OTHER_WORDS},乙\r\n", encoding="utf-8")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    added = json.loads(r.out)["added"]
    assert added[1]["same_span"] == [added[0]["id"]] and "same_span_to_add" not in added[1]
