"""Lists ordered by a text column come out in code point order on PostgreSQL whatever the
database's collation, as on SQLite (portable SQL: the same desk, the same bytes).

The suite's server has a C collation, under which PostgreSQL orders text as SQLite does; a
newsroom's DBA makes databases in the locale's collation (en_US.UTF-8, an ICU one). Here the
desk's text columns are given an ICU collation, as such a database gives them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Result, pg_schema_of, run_in_process

# The ICU collation a database made in an English locale orders by: `ab, äc, ärger, ay, élan,
# zed` where code points say `ab, ay, zed, äc, ärger, élan`.
LOCALE_COLLATION = "en-x-icu"
COLUMNS = (
    ("claim_tags", "tag"),
    ("claims", "assignee"),
    ("claims", "speaker"),
    ("users", "name"),
    ("events", "actor"),
)
TAGS = ["zed", "élan", "ab", "经济", "ärger", "ay", "äc", "政治"]
NAMES = ["editor", "zed", "élodie", "ab", "王芳", "ärger", "émile", "bob"]


@pytest.fixture
def locale_desk(postgres_url: str) -> Iterator[str]:
    """A migrated PostgreSQL desk whose name columns collate as an English locale's would."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    engine = get_engine(postgres_url)
    with engine.begin() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_collation WHERE collname = :c"), {"c": LOCALE_COLLATION}
        ).scalar():
            pytest.skip(f"the server has no {LOCALE_COLLATION} collation (built without ICU)")
        schema = pg_schema_of(postgres_url)
        for table, column in COLUMNS:
            kind = conn.execute(
                text(
                    "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    " WHERE attrelid = to_regclass(:t) AND attname = :c"
                ),
                {"t": f'"{schema}".{table}', "c": column},
            ).scalar_one()
            conn.execute(
                text(
                    f'ALTER TABLE "{schema}".{table} ALTER COLUMN {column}'
                    f' TYPE {kind} COLLATE "{LOCALE_COLLATION}"'
                )
            )
    engine.dispose()
    yield postgres_url


def _tagged_claim(run: Callable[..., Result], tmp_path: Path) -> None:
    """A document with claim #1, tagged with every one of TAGS."""
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。\n", encoding="utf-8")
    run("doc", "add", str(article))
    run("claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲说了一句话")
    run("claim", "tag", "1", *TAGS)


def _cli(url: str) -> Callable[..., Result]:
    def run(*args: str) -> Result:
        result = run_in_process(args, env={"WORKBENCH_DB": url, "WORKBENCH_USER": "editor"})
        assert result.code == 0, result.err
        return result

    return run


def test_a_claims_tags_are_in_code_point_order_under_a_locale_collation(
    locale_desk: str, tmp_path: Path
) -> None:
    """A DBA's database in an English locale: `claim show` listed a claim's tags `ab, äc,
    ärger, ay, élan, zed`, SQLite's desk `ab, ay, zed, äc, ärger, élan`, and so did `claim
    list` (table, --json, --csv) and `export claims`: the same desk exported on the two
    backends differed byte for byte, by the database's collation."""
    run = _cli(locale_desk)
    _tagged_claim(run, tmp_path)
    want = sorted(TAGS)
    assert want[:3] == ["ab", "ay", "zed"]

    shown = json.loads(run("claim", "show", "1", "--json").out)
    assert shown["tags"] == want
    assert "tags " + ", ".join(want) in run("claim", "show", "1").out
    listed = json.loads(run("claim", "list", "--json").out)
    assert listed[0]["tags"] == want
    row = next(csv.DictReader(io.StringIO(run("claim", "list", "--csv").out)))
    assert row["tags"] == "; ".join(want)
    exported = next(csv.DictReader(io.StringIO(run("export", "claims", "-o", "-").out)))
    assert exported["tags"].lstrip("\ufeff") == "; ".join(want)


def test_user_list_is_in_code_point_order_under_a_locale_collation(locale_desk: str) -> None:
    """`user list` on a DBA's database in an English locale put `ärger`, `élodie` and `émile`
    among the a's and e's, where SQLite's desk lists them after `zed`: the order was the
    database's collation's."""
    run = _cli(locale_desk)
    for name in NAMES:
        run("user", "add", name)
    listed = [u["name"] for u in json.loads(run("user", "list", "--json").out)]
    assert listed == sorted(NAMES)


def test_a_bundle_lists_rows_in_code_point_order_under_a_locale_collation(
    locale_desk: str, tmp_path: Path
) -> None:
    """`export bundle`, "a deterministic archive", wrote a PostgreSQL desk's users and tags in
    the database's collation order: a desk moved from SQLite to a DBA's database in an English
    locale and bundled again came back with other bytes (and other sha256s in the manifest) for
    `users` and `claim_tags`, though nothing in it had changed."""
    import zipfile

    run = _cli(locale_desk)
    _tagged_claim(run, tmp_path)
    for name in NAMES:
        run("user", "add", name)
    bundle = tmp_path / "desk.zip"
    run("export", "bundle", str(bundle))
    with zipfile.ZipFile(bundle) as z:
        users = [json.loads(line)[0] for line in z.read("tables/users.jsonl").splitlines()]
        tags = [json.loads(line)[1] for line in z.read("tables/claim_tags.jsonl").splitlines()]
    assert users == sorted(NAMES)
    assert tags == sorted(TAGS)


def test_audit_replay_agrees_with_a_claims_tags_under_a_locale_collation(
    locale_desk: str, tmp_path: Path
) -> None:
    """`audit replay` on a DBA's database in an English locale said a claim's tags differed
    from its events (exit 1, the chain's sign-off refused) though nothing had changed: it read
    the claim_tags table in the database's collation order (`ab, äc, ärger, ...`) and compared
    it with the events' tags in code point order (`ab, ay, zed, ...`)."""
    run = _cli(locale_desk)
    _tagged_claim(run, tmp_path)
    replayed = run_in_process(["audit", "replay"], env={"WORKBENCH_DB": locale_desk})
    assert replayed.code == 0, (replayed.out, replayed.err)


def test_silent_actor_advice_names_ties_in_code_point_order_under_a_locale_collation(
    locale_desk: str, tmp_path: Path
) -> None:
    """`audit export --actor NAME` for a name no event records lists the actors the trail
    does record, busiest first; among actors with as many events, a DBA's database in an
    English locale put `ärger` and `élodie` before `zed`, where SQLite's desk says `zed, ärger,
    élodie`: the same mistyped name got another line on each backend."""
    run = _cli(locale_desk)
    _tagged_claim(run, tmp_path)
    people = ["zed", "élodie", "ärger"]
    for name in people:
        noted = run_in_process(
            ["note", "add", "1", f"a note by {name}"],
            env={"WORKBENCH_DB": locale_desk, "WORKBENCH_USER": name},
        )
        assert noted.code == 0, noted.err
    exported = run_in_process(
        ["audit", "export", "--actor", "nobody"],
        env={"WORKBENCH_DB": locale_desk, "WORKBENCH_USER": "editor"},
    )
    assert exported.code == 0, exported.err
    assert f"most events first: editor, {', '.join(sorted(people))})" in exported.err
