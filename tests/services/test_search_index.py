"""SQLite's search index (claim_fts) held against the tables by `audit replay`, and rebuilt by
`workbench db upgrade` (services.search_index)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.db import sqlite
from workbench.db.engine import get_engine
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.search_index import rebuild

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is a table of its own")


def _messages(wb: Workbench) -> list[str]:
    return [d.message for d in replay(wb).differences]


def test_replay_names_what_the_search_index_lacks_or_holds_over_and_a_rebuild_mends_it(
    wb: Workbench, document_with_claims: Any
) -> None:
    """Rows of claim_fts deleted or changed by SQL (a claim's text, a note), a row added, and a
    trigger that keeps it in step dropped went unnoticed: replay compared only the tables the
    events describe, and the claim vanished from every search. Replay now names each, and
    `rebuild` restores the index and its triggers from the tables."""
    from workbench.services.notes import add_note

    claims = document_with_claims(claims=["甲说了一句话", "乙说了另一句话"]).claims
    add_note(wb, claims[1], "来源已核实无误")
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("DELETE FROM claim_fts WHERE claim_id = :c"), {"c": claims[0]})
        conn.execute(text("UPDATE claim_fts SET body = 'x' WHERE kind = 'note'"))
        conn.execute(
            text("INSERT INTO claim_fts(claim_id, kind, body) VALUES (:c, 'claim', '伪造')"),
            {"c": claims[1]},
        )
        conn.execute(text("DROP TRIGGER claim_fts_evidence_ai"))
    found = _messages(wb)
    assert any("trigger claim_fts_evidence_ai is gone" in m for m in found), found
    assert any(f"lacks claim #{claims[0]}'s text and quote" in m for m in found), found
    assert any(f"lacks claim #{claims[1]}'s note" in m for m in found), found
    assert any(f"holds a claim row for claim #{claims[1]}" in m for m in found), found
    assert all("`workbench db upgrade` rebuilds it" in m for m in found), found

    assert rebuild(wb) is True
    assert _messages(wb) == []
    assert rebuild(wb) is False  # in step: nothing to do


def test_a_duplicated_search_row_is_counted(wb: Workbench, document_with_claims: Any) -> None:
    """A row there twice is one the tables do not hold (the comparison counts each row)."""
    claim = document_with_claims().claims[0]
    with get_engine(wb.url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO claim_fts(claim_id, kind, body) "
                "SELECT claim_id, kind, body FROM claim_fts WHERE claim_id = :c"
            ),
            {"c": claim},
        )
    found = _messages(wb)
    assert found and all(f"holds a claim row for claim #{claim}" in m for m in found), found


def test_the_restored_triggers_are_the_migrations_own(wb: Workbench) -> None:
    """What a rebuild restores is what migration 0003 created, to the letter."""
    with get_engine(wb.url).connect() as conn:
        made = dict(
            conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'claim_fts_%_a_'")
            ).all()
        )
    assert made == sqlite.SEARCH_TRIGGERS


def test_db_upgrade_rebuilds_a_search_index_out_of_step(
    db_url: str, document_with_claims: Any
) -> None:
    """Nothing could put the search index right once it was out of step: `db upgrade` now
    rebuilds it, says so, and search finds the claim again."""
    claim = document_with_claims(
        "甲说了一句话。乙说了另一句话。", claims=[("闫俊杰辞去商汤科技职务", "乙说了另一句话")]
    ).claims[0]
    with get_engine(db_url).begin() as conn:
        conn.execute(text("DELETE FROM claim_fts WHERE claim_id = :c"), {"c": claim})
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    assert "no claims match" in run_cli(["claim", "list", "--search", "辞去商汤"], env=env).out
    upgraded = run_cli(["db", "upgrade"], env=env)
    assert upgraded.code == 0, upgraded.err
    assert "rebuilt the search index" in upgraded.out
    found = run_cli(["claim", "list", "--search", "辞去商汤", "--json"], env=env)
    assert f'"id": {claim}' in found.out
    assert run_cli(["audit", "replay"], env=env).code == 0
    assert "rebuilt" not in run_cli(["db", "upgrade"], env=env).out


def test_a_note_deleted_by_sql_leaves_its_words_in_the_search_index(
    wb: Workbench, document_with_claims: Any
) -> None:
    """A note deleted from its table by SQL is reported twice, as both are true: its event has
    no row, and search still finds its claim by the note's words."""
    from workbench.services.notes import add_note

    claim = document_with_claims().claims[0]
    note = add_note(wb, claim, "来源已核实无误").id
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("DELETE FROM notes WHERE id = :n"), {"n": note})
    found = _messages(wb)
    assert f"note #{note}: the events create it, but the table has no such row" in found
    assert any(f"holds a note row for claim #{claim}" in m for m in found), found
