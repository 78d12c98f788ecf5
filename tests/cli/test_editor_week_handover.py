"""An editor's week on the command line (trial68): handing a checker's claims over, and the
names a Chinese desk types for its people."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.domain.identity import normalise_name

Run = Callable[..., Any]

TEXT = "宁德时代2024年营收4009亿元。\n公司表示，其海螺AI在全球拥有超过一亿用户。\n"


@pytest.fixture
def desk(cli: Run, tmp_path: Path) -> None:
    """Two claims of one document, nobody registered yet."""
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    ok(cli("doc", "add", str(source)))
    for quote in ("营收4009亿元", "海螺AI在全球拥有超过一亿用户"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))


@pytest.mark.parametrize("typed", ["王 芳", "王　芳", " 王  芳 "])
def test_a_space_inside_a_chinese_name_was_another_name(typed: str) -> None:
    """`王 芳` (a two-character name padded to three, as Chinese name lists write it) was a
    name of its own beside `王芳`: one owner became two."""
    assert normalise_name(typed) == "王芳"


def test_latin_and_mixed_names_keep_their_spaces() -> None:
    """(Not a bug: only the space between two Chinese characters goes.)"""
    assert normalise_name("Li  Wei") == "li wei"
    assert normalise_name("王 fang") == "王 fang"


def test_assign_to_a_spaced_chinese_name_was_refused(cli: Run, desk: None) -> None:
    """`claim assign --to "王 芳"` was refused on a desk that registered 王芳 ("looks like the
    registered user '王芳', written another way"), and `--as "王 芳"` likewise."""
    ok(cli("user", "add", "tester"))
    ok(cli("user", "add", "王芳"))
    r = ok(cli("claim", "assign", "1", "--to", "王 芳"))
    assert r.out == "claim #1: assigned to 王芳\n"
    r = ok(cli("--as", "王　芳", "claim", "list", "--mine", "--json"))
    assert [c["id"] for c in json.loads(r.out)] == [1]


def test_an_unregistered_desk_split_one_owner_in_two(cli: Run, desk: None) -> None:
    """With nobody registered, `--to "王 芳"` and `--to 王芳` were two owners on the board."""
    ok(cli("claim", "assign", "1", "--to", "王芳"))
    ok(cli("claim", "assign", "2", "--to", "王 芳"))
    r = ok(cli("stats", "--by", "owner", "--json"))
    rows = json.loads(r.out)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    assert [(row["owner"], row["claims"]) for row in rows] == [("王芳", 2)]


@pytest.fixture
def year_page(cli: Run, tmp_path: Path) -> None:
    """A desk of 60 claims: more than a table shows unless asked."""
    lines = [f"第{i}号城市2024年新增岗位{1000 + i}个。" for i in range(60)]
    source = tmp_path / "b.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ok(cli("doc", "add", str(source)))
    for line in lines:
        ok(cli("claim", "add", "1", "--text", line, "--quote", line[:-1]))


def _rows(table: str) -> list[int]:
    cells = (line.strip("|").split("|")[0].strip() for line in table.splitlines())
    return [int(cell) for cell in cells if cell.isdigit()]


def test_claim_list_printed_every_claim_of_the_desk(cli: Run, year_page: None) -> None:
    """`claim list` with no --limit laid out every claim of the desk in one table (a year's
    desk printed tens of thousands of rows, all held in memory first); a table now shows the
    first 50 and says on stderr how many match and how to see the rest."""
    r = ok(cli("claim", "list"))
    assert _rows(r.out) == list(range(1, 51))
    assert r.err == "claims 1–50 of 60 (more: --offset 50, or --limit N; --csv or --json: all)\n"
    r = ok(cli("claim", "list", "--offset", "50"))
    assert _rows(r.out) == list(range(51, 61))
    assert r.err == "claims 51–60 of 60\n"
    r = ok(cli("claim", "list", "--limit", "100"))
    assert len(_rows(r.out)) == 60 and r.err == "claims 1–60 of 60\n"
    # A pipe to a script gets every claim, as before.
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 60
    assert len(ok(cli("claim", "list", "--csv")).out.splitlines()) == 61
    # A table that holds every match says nothing more.
    r = ok(cli("claim", "list", "--search", "第1号"))
    assert _rows(r.out) == [2] and r.err == ""


PAGE = "<html><head><title>{}</title></head><body><h1>{}</h1><p>{}</p></body></html>"


def test_doc_update_said_nothing_of_the_pages_new_title(cli: Run, tmp_path: Path) -> None:
    """A corrected page (更正：... its headline changed) stored as a new revision kept the
    document's old headline without a word: the publication report and the exports cite a
    headline the article no longer has. The title stays (the desk often gives its own), but
    the update now says the page's new one and the `doc edit` that takes it."""
    old, new = tmp_path / "p1.html", tmp_path / "p2.html"
    body = "北京市2024年新增就业岗位10000个，比上年多两成。" * 4
    old.write_text(PAGE.format("市长称新增岗位一万个", "市长称新增岗位一万个", body), "utf-8")
    headline = "更正：市长称新增岗位九千个"
    new.write_text(PAGE.format(headline, headline, body.replace("10000", "9000")), "utf-8")
    ok(cli("doc", "add", str(old)))
    r = ok(cli("doc", "update", "1", str(new)))
    assert (
        f"warning: this page is titled '{headline}', not document #1's title "
        f"'市长称新增岗位一万个', which stays; to change it: "
        # (bare: a title of letters alone is one shell word, as workbench.domain.shell
        # leaves every suggestion's; review343)
        f"workbench doc edit 1 --title {headline}\n"
    ) in r.err
    r = ok(cli("doc", "update", "1", str(old), "--json"))
    assert json.loads(r.out)["not_applied"] == {}
    ok(cli("doc", "update", "1", str(new)))
    r = ok(cli("doc", "update", "1", str(old), "--json"))
    assert json.loads(r.out)["not_applied"] == {}


def test_a_name_registered_with_a_space_was_locked_out(cli: Run, desk: None, wb: Any) -> None:
    """Once a space between Chinese characters stopped being part of a name, a person
    registered before as `王 芳` was refused under either spelling ("'王芳' looks like the
    registered user '王 芳'; give --as '王 芳'", which was refused the same way)."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    ok(cli("user", "add", "tester"))
    ok(cli("user", "add", "王芳"))
    with get_engine(wb.url).begin() as conn:  # as an earlier version registered it
        conn.execute(text("UPDATE users SET name = '王 芳' WHERE name = '王芳'"))
    r = ok(cli("claim", "assign", "1", "--to", "王 芳"))
    assert r.out == "claim #1: assigned to 王芳\n"
    ok(cli("--as", "王 芳", "note", "add", "1", "called the bureau"))
    r = ok(cli("--as", "王芳", "claim", "list", "--mine", "--json"))
    assert [c["id"] for c in json.loads(r.out)] == [1]


def test_handing_over_a_checkers_open_claims_took_a_pipeline(cli: Run, desk: None) -> None:
    """A checker who left had her open claims handed over only by listing their IDs (`claim
    list --assignee 王芳 --open --json | jq ... | xargs claim assign --to 陈静`); `claim assign
    --from 王芳 --to 陈静` now hands over every open claim of hers (a proposal awaiting sign-off
    moves with its claim, still approvable by anyone but its proposer), her verdicts stay."""
    ok(cli("user", "add", "tester"))
    for name in ("王芳", "陈静", "li wei"):
        ok(cli("user", "add", name))
    ok(cli("config", "set", "review.required", "true"))
    # One database role for the whole desk in the tests (PostgreSQL would refuse the approval).
    ok(cli("config", "set", "review.distinct_roles", "false"))
    ok(cli("claim", "assign", "1", "2", "--to", "王芳"))
    ok(cli("--as", "王芳", "claim", "status", "2", "in_progress"))
    ok(cli("--as", "王芳", "evidence", "add", "2", "--citation", "年报", "--stance", "refutes"))
    ok(cli("--as", "王芳", "claim", "status", "2", "false", "--note", "公报"))
    r = ok(cli("claim", "assign", "--from", "王 芳", "--to", "陈静"))
    assert r.out == "claim #1: assigned to 陈静\nclaim #2: assigned to 陈静\n"
    r = ok(cli("--as", "li wei", "claim", "approve", "2", "--json"))
    assert json.loads(r.out)["status"] == "false"
    # Nothing open left: said, exit 0, as an empty listing is.
    r = ok(cli("claim", "assign", "--from", "王芳", "--to", "陈静"))
    assert r.out == "" and r.err == "王芳 owns no open claims; nothing to hand over\n"
    r = cli("claim", "assign", "1", "--from", "王芳", "--to", "陈静")
    assert r.code == 2 and "either claim IDs or --from NAME" in r.err
    r = cli("claim", "assign", "--to", "陈静")
    assert r.code == 2 and "(or --from NAME: all theirs)" in r.err
