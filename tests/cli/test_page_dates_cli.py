"""`doc add` of a page that states no date publishes none: not in `doc show`, not in
ClaimReview's datePublished, not in the report's header (a trial got 2025-01-01)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]
PAGES = Path(__file__).parent.parent / "data" / "pages"


@pytest.fixture
def wb(db_url: str) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    return run


@pytest.mark.parametrize(
    ("page", "quote", "day"),
    [
        ("no-date.html", "$412 million", None),
        ("gbk-no-charset.html", "一百二十亿元", None),
        ("dateline.html", "一百二十亿元", "2025-03-12"),
    ],
)
def test_a_page_publishes_only_the_day_it_states(
    wb: Run, tmp_path: Path, page: str, quote: str, day: str | None
) -> None:
    ok(wb("doc", "add", str(PAGES / page), "--url", "https://news.example.com/story"))
    assert json.loads(ok(wb("doc", "show", "1", "--json")).out)["published"] == day
    ok(wb("claim", "add", "1", "--text", "The figure", "--quote", quote))
    ok(wb("evidence", "add", "1", "--citation", "Annual report", "--stance", "supports"))
    ok(wb("claim", "status", "1", "verified", "--note", "The annual report says so."))
    r = ok(wb("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example"))
    [review] = json.loads(r.out)
    item = review["itemReviewed"]
    assert item.get("datePublished") == day
    assert item["appearance"].get("datePublished") == day
    ok(wb("report", "1", "-o", str(tmp_path / "r.html")))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert ("published " in html) == (day is not None)
    if day is not None:
        assert f"published {day}" in html
