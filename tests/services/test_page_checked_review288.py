"""review288, on fix285's `document.checked` and the <time> words' earlier reading.

A check archived the bytes it read: a desk re-reading a news page hourly (each fetch other
bytes: a request id, an ad slot, a nonce) kept a full copy of every fetch, a year's 8,760
pages, for text it already held. A desk whose page was stored before the <time> words were
kept was told only "already has this text": nothing said its text is an earlier reading of
the page, which a fresh `doc add` of the same bytes reads with more words, and that the next
real change of the page will show those words as added. And a trail holding an action the
release does not know (a newer workbench's, as `document.checked` is to the one before it)
was refused with a developer's hint, to add a replay rule."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from workbench.db.models import Blob
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_from, update_from
from workbench.services.replay import replay
from workbench.services.verify import verify_database

Run = Callable[..., Any]

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body>{served}<article><h1>城市人口首次超过2000万</h1>
<p>市统计局于<time datetime="2026-03-01">2026年3月1日</time>发布的数据显示，全市常住人口首次
超过2000万，比去年增加了35万人，增长率为1.8%。这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def _blobs(wb: Workbench) -> int:
    with transaction(wb) as tx:
        return int(tx.session.execute(select(func.count()).select_from(Blob)).scalar_one())


def test_a_check_keeps_the_hash_of_the_bytes_read_not_a_copy(wb: Workbench, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(served=""), encoding="utf-8")
    doc = add_from(wb, str(page)).document
    kept = _blobs(wb)
    for hour in range(3):
        page.write_text(PAGE.format(served=f"<!-- request {hour} -->"), encoding="utf-8")
        result = update_from(wb, doc.id, str(page))
        assert not result.created and result.checked_at is not None
    # Three fetches of other bytes, the same text: no copy of each.
    assert _blobs(wb) == kept
    assert replay(wb).consistent and verify_database(wb).ok


def test_a_check_still_names_the_bytes_it_read(wb: Workbench, tmp_path: Path) -> None:
    import json

    from workbench.db.models import Event

    page = tmp_path / "page.html"
    page.write_text(PAGE.format(served=""), encoding="utf-8")
    doc = add_from(wb, str(page)).document
    page.write_text(PAGE.format(served="<!-- again -->"), encoding="utf-8")
    update_from(wb, doc.id, str(page))
    with transaction(wb) as tx:
        payload = tx.session.execute(
            select(Event.payload).where(Event.action == "document.checked")
        ).scalar_one()
    found = json.loads(payload)["after"]
    assert found["source_sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()


def test_a_page_stored_as_an_earlier_release_read_it_is_said_so(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services import pages

    page = tmp_path / "stats.html"
    page.write_text(PAGE.format(served=""), encoding="utf-8")
    with monkeypatch.context() as m:
        # As releases before fix285 stored it: the <time> words deleted.
        m.setattr(pages, "_with_times", lambda root: root)
        assert cli("doc", "add", str(page)).code == 0
    r = cli("doc", "update", "1", str(page))
    assert r.code == 0, r.err
    assert "earlier release" in r.err, r.err
    # Read again: the stored text is still the earlier reading (nothing was stored), so said again.
    other = cli("doc", "update", "1", str(page))
    assert "earlier release" in other.err
    fresh = tmp_path / "fresh.html"
    fresh.write_text(PAGE.format(served="").replace("城市人口", "城市常住人口"), encoding="utf-8")
    assert cli("doc", "add", str(fresh)).code == 0
    again = cli("doc", "update", "2", str(fresh))
    assert again.code == 0, again.err
    assert "earlier release" not in again.err, again.err


def test_an_action_this_release_does_not_know_is_said_to_be_a_newer_workbench_s(
    wb: Workbench, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(served=""), encoding="utf-8")
    doc = add_from(wb, str(page)).document
    with transaction(wb, write=True) as tx:
        tx.record("document.archived_later", "document", doc.id, {"after": {}})
    report = replay(wb)
    assert not report.consistent
    (message,) = [d.message for d in report.differences]
    assert "newer workbench" in message, message
    assert "RULES" not in message, message


@pytest.mark.parametrize(
    ("entity_type", "entity_id", "after", "said"),
    [
        ("document", "99", {"revision": 1}, "no earlier event creates it"),
        ("claim", "1", {"revision": 1}, "entity_type is"),
        ("document", "1", None, "lacks an 'after' object"),
        ("document", "1", {"revision": "one"}, "names no revision number"),
    ],
)
def test_a_check_of_no_document_or_of_no_revision_is_a_difference(
    wb: Workbench, tmp_path: Path, entity_type: str, entity_id: str, after: Any, said: str
) -> None:
    """`document.checked` rebuilds nothing, but replay took any such event as it came: one
    naming a document no event created, or with no revision number, passed as consistent."""
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(served=""), encoding="utf-8")
    add_from(wb, str(page))
    with transaction(wb, write=True) as tx:
        tx.record("document.checked", entity_type, entity_id, {"after": after})
    report = replay(wb)
    assert not report.consistent
    assert any(said in d.message for d in report.differences), report.differences
