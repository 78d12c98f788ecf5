"""A page whose headline changed (a correction's new headline) was said once, as a warning of
`doc update`, and lost: `doc changes` listed the text's changes but not the headline's, and no
revision kept the headline its page had. The desk's title stays the desk's (`doc edit --title`
changes it, a page never does); each revision's headline is kept in the event that stored it
and `doc changes` says where it changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.headline_page import headline_page as _page
from tests.inprocess import ok

Run = Callable[..., Any]


def test_doc_changes_says_the_headline_a_revision_changed(cli: Run, tmp_path: Path) -> None:
    page = tmp_path / "stats.html"
    ok(cli("doc", "add", _page(page, "城市人口首次超过2000万", 35), "--title", "人口统计"))
    r = ok(cli("doc", "update", "1", _page(page, "城市人口突破2000万大关", 53)))
    assert "doc edit 1 --title" in r.err
    ok(cli("doc", "update", "1", _page(page, "城市人口突破2000万大关", 54)))
    # The desk's title stays: only `doc edit --title` changes it.
    assert json.loads(ok(cli("doc", "show", "1", "--json")).out)["title"] == "人口统计"
    text = ok(cli("doc", "changes", "1")).out
    assert "  headline '城市人口首次超过2000万' -> '城市人口突破2000万大关'" in text, text
    assert text.count("  headline ") == 1, text
    report = json.loads(ok(cli("doc", "changes", "1", "--json")).out)
    second, third = report["revisions"]
    assert second["headline"] == "城市人口突破2000万大关"
    assert second["headline_before"] == "城市人口首次超过2000万"
    assert third["headline"] == third["headline_before"] == "城市人口突破2000万大关"
    md = ok(cli("doc", "changes", "1", "--format", "md")).out
    assert "Headline changed: 城市人口首次超过2000万 → 城市人口突破2000万大关" in md, md


def test_a_text_file_has_no_headline(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。\n乙说了另一句话。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    article.write_text("丙说了一句话。\n乙说了另一句话。\n", encoding="utf-8")
    ok(cli("doc", "update", "1", str(article), "--force"))
    (rev,) = json.loads(ok(cli("doc", "changes", "1", "--json")).out)["revisions"]
    assert rev["headline"] is None and rev["headline_before"] is None
    assert "headline" not in ok(cli("doc", "changes", "1")).out


def test_the_headlines_kept_leave_the_trail_consistent(cli: Run, tmp_path: Path) -> None:
    """The headline stands beside the revision in its event, not in it: replay rebuilds the
    same revisions, and a bundle carries it."""
    page = tmp_path / "stats.html"
    ok(cli("doc", "add", _page(page, "城市人口首次超过2000万", 35)))
    ok(cli("doc", "update", "1", _page(page, "城市人口突破2000万大关", 53)))
    ok(cli("audit", "verify"))
    assert "consistent" in ok(cli("audit", "replay")).out + ok(cli("audit", "replay")).err
    bundle = tmp_path / "desk.zip"
    ok(cli("export", "bundle", str(bundle)))
    restored = tmp_path / "restored.db"
    ok(cli("--db", str(restored), "import", "bundle", str(bundle)))
    text = ok(cli("--db", str(restored), "doc", "changes", "1")).out
    assert "  headline '城市人口首次超过2000万' -> '城市人口突破2000万大关'" in text, text
