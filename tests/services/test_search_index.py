"""SQLite's search index (claim_fts) held against the tables by `audit replay`, and rebuilt by
`workbench db upgrade` (services.search_index)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.db import sqlite
from workbench.db.engine import get_engine
from workbench.db.migrate import alembic_config, upgrade
from workbench.services.context import Workbench
from workbench.services.replay import replay
from workbench.services.search_index import rebuild

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is a table of its own")
VERSIONS = Path(__file__).parents[2] / "migrations" / "versions"


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
    """What a rebuild restores is what migration 0014 created, to the letter."""
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


def _migration(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"m{name[:4]}", VERSIONS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_live_triggers_are_migration_0014s_and_its_downgrade_puts_back_0003s() -> None:
    """The repair's DDL is a copy (migrations are frozen history, live code does not import
    them): a copy drifting from 0014's would restore triggers writing other rowids than the
    ones the claim's trigger deletes."""
    assert _migration("0014_search_rowids").TRIGGERS == sqlite.SEARCH_TRIGGERS
    made_by_0003 = _migration("0003_workflow").SQLITE_SEARCH_DDL
    assert all(
        ddl in made_by_0003 for ddl in _migration("0014_search_rowids").OLD_TRIGGERS.values()
    )


def _found(wb: Workbench, search: str) -> list[int]:
    from workbench.services.queries import ClaimFilter, list_claims

    return [c.id for c in list_claims(wb, ClaimFilter(search=search))]


def _rows(url: str) -> list[tuple[Any, ...]]:
    with get_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT rowid, claim_id, kind FROM claim_fts"))]


def test_0014_keys_an_index_written_by_0003s_triggers_by_its_rows(
    wb: Workbench, document_with_claims: Any
) -> None:
    """0003's triggers gave each row of claim_fts the next free rowid and deleted a claim's
    old row by `claim_id`; 0014 rebuilds the index with each row at the rowid computed from its
    source row, which its claim trigger deletes, and search finds what it found. A downgrade
    puts 0003's triggers back and leaves the rows as they are."""
    from workbench.services.claim_edits import edit_claim
    from workbench.services.evidence import EvidenceInput, add_evidence
    from workbench.services.notes import add_note

    first, second = document_with_claims(claims=["甲说了一句话", "乙说了另一句话"]).claims
    add_note(wb, first, "来源已核实无误")
    add_evidence(wb, second, EvidenceInput("supports", citation="年报第三页", title="年度报告摘要"))
    engine = get_engine(wb.url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0013_event_identity")
        made = dict(
            conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
        )
        # The index as 0003's triggers would have written it: the next free rowid for each row
        # in the order the rows came (here evidence, notes, then the claims newest first).
        conn.execute(text("DELETE FROM claim_fts"))
        conn.execute(
            text(
                "INSERT INTO claim_fts(claim_id, kind, body) "
                "SELECT claim_id, 'evidence', title FROM evidence"
            )
        )
        conn.execute(
            text(
                "INSERT INTO claim_fts(claim_id, kind, body) "
                "SELECT claim_id, 'note', body FROM notes"
            )
        )
        conn.execute(
            text(
                "INSERT INTO claim_fts(claim_id, kind, body) "
                "SELECT id, 'claim', text || char(10) || quote FROM claims ORDER BY id DESC"
            )
        )
    for name, ddl in _migration("0014_search_rowids").OLD_TRIGGERS.items():
        assert made[name] == ddl
    upgrade(engine)  # as any command does, on SQLite
    found = {s: _found(wb, s) for s in ("说了一句", "已核实", "报告摘要")}
    assert found == {"说了一句": [first], "已核实": [first], "报告摘要": [second]}

    assert sorted(_rows(wb.url), key=lambda r: r[2]) == [
        (4 * first, first, "claim"),
        (4 * second, second, "claim"),
        (4 * _id(wb.url, "evidence") + 2, second, "evidence"),
        (4 * _id(wb.url, "notes") + 1, first, "note"),
    ]
    assert _messages(wb) == []
    edit_claim(wb, first, text="甲改口说了别的")
    assert _found(wb, "改口说") == [first]
    with get_engine(wb.url).connect() as conn:
        bodies = conn.execute(text("SELECT body FROM claim_fts WHERE claim_id = :c"), {"c": first})
        assert sorted(bodies.scalars()) == ["来源已核实无误", "甲改口说了别的\n甲说了一句话"]
    assert len(_rows(wb.url)) == 4
    assert _messages(wb) == []


def _id(url: str, table: str) -> int:
    with get_engine(url).connect() as conn:
        found = conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}"))  # noqa: S608
        return int(found.scalar_one())


def test_a_search_row_at_another_rowid_is_reported_and_put_back(
    wb: Workbench, document_with_claims: Any
) -> None:
    """A claim's row moved by SQL to another rowid would be left behind by the trigger that
    replaces it (it deletes rowid 4 x id), and search would find the claim by its old words:
    replay names it, and a rebuild puts it at its own."""
    claim = document_with_claims().claims[0]
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("UPDATE claim_fts SET rowid = 999 WHERE rowid = :r"), {"r": 4 * claim})
    found = _messages(wb)
    assert any(f"lacks claim #{claim}'s text and quote" in m for m in found), found
    assert any(f"holds a claim row for claim #{claim}" in m for m in found), found
    assert rebuild(wb) is True
    assert _rows(wb.url) == [(4 * claim, claim, "claim")]
    assert _messages(wb) == []


def test_a_row_put_by_hand_at_a_notes_rowid_does_not_fail_the_note(
    wb: Workbench, document_with_claims: Any
) -> None:
    """Derived data must not refuse a write: a row inserted by hand takes the next free rowid,
    which may be the one a later note's row is computed to have. The note's trigger replaces
    it, and the index is then what the tables give it."""
    from workbench.services.notes import add_note

    claim = document_with_claims().claims[0]
    with get_engine(wb.url).begin() as conn:
        conn.execute(
            text("INSERT INTO claim_fts(rowid, claim_id, kind, body) VALUES (:r, :c, 'note', 'x')"),
            {"r": 4 * (_id(wb.url, "notes") + 1) + 1, "c": claim},
        )
    note = add_note(wb, claim, "来源已核实无误").id
    assert (4 * note + 1, claim, "note") in _rows(wb.url)
    assert _found(wb, "已核实") == [claim]
    assert _messages(wb) == []
