"""trial122: a desk setting whose stored value was changed outside the workbench.

`UPDATE settings SET value = 'fals'` (a hand edit of the file or the database) crashed
`config list` and `claim status` with a JSONDecodeError traceback; a value that is JSON but no
boolean was guessed at (`"no"` read as true, `0` as false: review.required off). The workbench
writes `true` or `false` only: anything else is now refused in one line (kind damaged) naming
the setting and how to set it again, and `config set` writes over it, saying in its event
what was there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

Run = Callable[..., Any]


def _store(db_url: str, key: str, value: str) -> None:
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO settings (key, value, updated_by, updated_at)"
                    " VALUES (:k, :v, 'someone', CURRENT_TIMESTAMP)"
                ),
                {"k": key, "v": value},
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("stored", ["fals", '"no"', "0", "null", "[true]"])
def test_a_setting_written_outside_is_refused_naming_it(cli: Run, db_url: str, stored: str) -> None:
    assert cli("demo").code == 0
    _store(db_url, "review.required", stored)
    for args in (["config", "list"], ["claim", "status", "1", "false", "--note", "查无此事"]):
        r = cli(*args)
        assert r.code == 1, (args, r)
        assert r.err.count("\n") == 1 and "Traceback" not in r.err, r.err
        assert "review.required" in r.err and repr(stored) in r.err, r.err
        assert "workbench config set review.required true|false" in r.err, r.err
        j = cli(*args, "--json")
        assert json.loads(j.err)["error"]["kind"] == "damaged", j.err
    assert "claim.status_changed" not in cli("audit", "export").out


def test_config_set_writes_over_a_value_written_outside(cli: Run, db_url: str) -> None:
    assert cli("demo").code == 0
    _store(db_url, "review.required", "fals")
    r = cli("config", "set", "review.required", "true")
    assert r.code == 0, r.err
    listed = json.loads(cli("config", "list", "--json").out)
    assert {s["key"]: s["value"] for s in listed}["review.required"] is True
    events = [json.loads(line) for line in cli("audit", "export").out.splitlines()]
    changed = [e for e in events if e.get("action") == "setting.changed"]
    assert changed[-1]["payload"]["before"] == {"value": "fals"}, changed[-1]


def test_a_value_written_over_leaves_the_trail_replayable_and_the_desk_restorable(
    cli: Run, db_url: str, empty_db_url: str, tmp_path: Path
) -> None:
    """review140: once a setting the trail had set (review.required true) was changed outside
    the workbench and `config set` wrote over it, as the refusal said to, `audit replay` said
    for ever 'before says value 'fals', the events so far say True' (exit 1), and the desk's
    own bundle was refused by `import bundle` ('do not replay consistently; nothing was
    imported'): the event's before, the stored text the docs promise, was held to the trail's
    value, which a change outside the workbench is by its nature not."""
    assert cli("demo").code == 0
    assert cli("config", "set", "review.required", "true").code == 0
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE settings SET value = 'fals' WHERE key = 'review.required'"))
    finally:
        engine.dispose()
    assert cli("config", "set", "review.required", "false").code == 0
    replayed = cli("audit", "replay", "--json")
    assert replayed.code == 0, (replayed.out, replayed.err)
    assert json.loads(replayed.out)["consistent"] is True
    bundle = tmp_path / "desk.zip"
    assert cli("export", "bundle", str(bundle)).code == 0
    restored = cli("--db", empty_db_url, "import", "bundle", str(bundle))
    assert restored.code == 0, restored.err
    listed = json.loads(cli("--db", empty_db_url, "config", "list", "--json").out)
    assert {s["key"]: s["value"] for s in listed}["review.required"] is False
