"""Counts of a thousand or more are written with a thousands separator in every message, as
`stats --by` and the bundle's check already wrote them: most messages said "1001 rows" where
the next said "25,332 in all" (trial57's left-alone item)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.inprocess import Outcome, run_cli
from workbench.cli.render import plural

Run = Callable[..., Outcome]


def test_plural_groups_thousands() -> None:
    """`plural`, which most counts go through, wrote 25332."""
    assert plural(25332, "claim") == "25,332 claims"
    assert plural(1, "claim") == "1 claim"
    assert plural(999, "evidence item", "evidence items") == "999 evidence items"


def test_an_import_that_failed_whole_says_how_many_rows_grouped(
    db_url: str, tmp_path: Path
) -> None:
    """`import claims` said "1001 rows failed"."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    added = run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env)
    assert added.code == 0, added.err
    table = tmp_path / "claims.csv"
    table.write_text(
        "quote,text\n" + "".join(f"不在文中{i},claim {i}\n" for i in range(1001)),
        encoding="utf-8",
    )
    r = run_cli(["import", "claims", str(table), "--doc", "1"], env=env)
    assert r.code == 1 and r.crash is None
    assert r.err.splitlines()[-1].startswith("error: 1,001 rows failed"), r.err[-300:]
