"""A page fetched again whose text is the current revision's (other bytes: another charset,
other markup) left no trace: `doc update` said "nothing stored" and the desk could not show
that the page was re-read and found unchanged, nor when. It now writes one event,
`document.checked` (the revision found, the text's sha256, where it was read from and the
sha256 of the bytes read, which are archived), and `doc show` says when it was last checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workbench.db.models import Event
from workbench.services.context import Workbench, transaction
from workbench.services.doc_show import show_document
from workbench.services.documents import add_from, update_from
from workbench.services.replay import replay
from workbench.services.verify import verify_database

Run = Callable[..., Any]

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="{charset}">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>据市统计局发布的数据显示，全市常住人口首次超过2000万，比去年增加了35万人，增长率为1.8%。</p>
{open}<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力。</p>{close}
</article></body></html>
"""


def _pages(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "page.html"
    first.write_bytes(PAGE.format(charset="utf-8", open="", close="").encode("utf-8"))
    other = tmp_path / "page-gbk.html"
    other.write_bytes(PAGE.format(charset="gbk", open="<div>", close="</div>").encode("gbk"))
    return first, other


def _checked(wb: Workbench) -> list[tuple[str, str, str, dict[str, Any]]]:
    with transaction(wb) as tx:
        rows = tx.session.execute(
            select(Event.at, Event.entity_type, Event.entity_id, Event.payload)
            .where(Event.action == "document.checked")
            .order_by(Event.seq)
        )
        return [(at, kind, ident, json.loads(payload)) for at, kind, ident, payload in rows]


def test_the_same_text_in_other_bytes_is_recorded_as_checked(wb: Workbench, tmp_path: Path) -> None:
    first, other = _pages(tmp_path)
    doc = add_from(wb, str(first)).document
    result = update_from(wb, doc.id, str(other))
    assert not result.created
    [(at, kind, ident, payload)] = _checked(wb)
    assert (kind, ident) == ("document", str(doc.id))
    found = payload["after"]
    assert found["revision"] == 1 and found["sha256"] == doc.sha256
    assert found["source"] == str(other)
    import hashlib

    assert found["source_sha256"] == hashlib.sha256(other.read_bytes()).hexdigest()
    assert at == result.checked_at
    shown = show_document(wb, doc.id)
    assert shown.checked_at == result.checked_at and shown.checked_by == "tester"
    assert replay(wb).consistent
    assert verify_database(wb).ok


def test_a_text_that_changed_is_a_revision_not_a_check(wb: Workbench, tmp_path: Path) -> None:
    first, _ = _pages(tmp_path)
    doc = add_from(wb, str(first)).document
    first.write_text(first.read_text(encoding="utf-8").replace("35万", "36万"), encoding="utf-8")
    assert update_from(wb, doc.id, str(first)).created
    assert _checked(wb) == []
    assert show_document(wb, doc.id).checked_at is None


def test_doc_update_says_it_was_checked_and_doc_show_when(cli: Run, tmp_path: Path) -> None:
    first, other = _pages(tmp_path)
    assert cli("doc", "add", str(first)).code == 0
    r = cli("doc", "update", "1", str(other))
    assert r.code == 0, r.err
    assert "recorded as checked" in r.err, r.err
    shown = cli("doc", "show", "1")
    assert "checked" in shown.out and "unchanged" in shown.out, shown.out
    data = json.loads(cli("doc", "show", "1", "--json").out)
    assert data["checked_at"] and data["checked_by"] == "tester"
