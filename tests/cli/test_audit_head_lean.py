"""`audit head` is noted down at every sign-off: two indexed reads (the newest event, the count).

It ran through the ORM and the whole of `services.verify` (replay's rules, the export's
streaming), which imported SQLAlchemy and built the models first: on a year desk (1,006,718
events) 0.68 s of CPU and 54 MB for what the `sqlite3` shell reads in 0.005 s. It now reads
on the database driver itself, as `claim show` does, and prints the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.cli.test_startup import HEAVY, _probe


@pytest.mark.parametrize("args", [["audit", "head"], ["audit", "head", "--json"]])
def test_audit_head_imports_no_sqlalchemy(
    db_url: str, document_with_claims: Any, args: list[str]
) -> None:
    document_with_claims()
    loaded, code, out = _probe(args, {"WORKBENCH_DB": db_url})
    assert code in ("0", "None"), (args, code)
    assert out
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_audit_head_names_the_newest_event_and_the_count(
    wb: Any, document_with_claims: Any, workbench_main: Callable[..., Any]
) -> None:
    """What it prints is the trail's: the newest event's hash and how many there are, as the
    chain's walk finds them (and an empty trail's head is the genesis hash, count 0)."""
    from workbench.services.verify import verify_database

    document_with_claims(claims=("甲说了一句话", "乙说了另一句"))
    walked = verify_database(wb)
    r = workbench_main(["--db", wb.url, "audit", "head", "--json"])
    assert r.code == 0, r.err
    said = json.loads(r.out)
    assert said == {
        "count": walked.count,
        "seq": walked.count,
        "head": walked.head,
        "hash": walked.head,
    }
    r = workbench_main(["--db", wb.url, "audit", "head"])
    assert r.out == f"{walked.count:,} events, head {walked.head}\n"
    assert f"audit verify --head {walked.head} --count {walked.count}" in r.err


def test_audit_head_of_an_empty_trail(wb: Any, workbench_main: Callable[..., Any]) -> None:
    from workbench.domain.chain import GENESIS

    r = workbench_main(["--db", wb.url, "audit", "head", "--json"])
    assert r.code == 0, r.err
    assert json.loads(r.out) == {"count": 0, "seq": 0, "head": GENESIS, "hash": GENESIS}
