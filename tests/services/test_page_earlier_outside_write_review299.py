"""review299: fix292 read a page's earlier readings when first asked, which for a changed page
(`doc update`) or a new one (`doc add`) was inside the write transaction: on SQLite the write
lock was held for another extraction of each page (0.6-0.9 s of a 0.7-1 s write on a
120,000-character page), where before fix292 they were read before it. They are read before it
again, and only where needed."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.services import documents, pages, revisions
from workbench.services.context import Workbench
from workbench.services.documents import add_from, update_from

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>市统计局于<time datetime="2026-03-01">2026年3月1日</time>发布的数据显示，全市常住人口首次
超过2000万，比去年增加了{n}万人，增长率为1.8%。这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def _watched(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each run of the extractor from now on, whether a write transaction was open."""
    writing: list[bool] = [False]
    runs: list[bool] = []
    real_extract = pages._extract

    def extract(*args: Any, **kwargs: Any) -> Any:
        runs.append(writing[0])
        return real_extract(*args, **kwargs)

    for module in (documents, revisions):
        real = module.transaction

        @contextlib.contextmanager
        def watched(wb: Workbench, *, _real: Any = real, **kw: Any) -> Iterator[Any]:
            with _real(wb, **kw) as tx:
                writing[0] = bool(kw.get("write"))
                try:
                    yield tx
                finally:
                    writing[0] = False

        monkeypatch.setattr(module, "transaction", watched)
    monkeypatch.setattr(pages, "_extract", extract)
    return runs


def test_a_changed_page_is_read_before_the_write(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(n=35), encoding="utf-8")
    doc = add_from(wb, str(page)).document
    page.write_text(PAGE.format(n=36), encoding="utf-8")
    runs = _watched(monkeypatch)
    assert update_from(wb, doc.id, str(page)).created
    assert len(runs) > 1 and not any(runs), runs


def test_new_pages_are_read_before_the_write(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    one.write_text(PAGE.format(n=35), encoding="utf-8")
    two.write_text(PAGE.format(n=36), encoding="utf-8")
    runs = _watched(monkeypatch)
    added = documents.add_documents(wb, [str(one), str(two)])
    assert [a.created for a in added] == [True, True]
    assert len(runs) > 2 and not any(runs), runs
    # One stored already, one new, by add_document (bytes given, not a file):
    three = PAGE.format(n=37).encode()
    runs.clear()
    assert documents.add_document(wb, three, source="three.html").created
    assert not documents.add_document(wb, three, source="three.html").created
    assert len(runs) > 2 and not any(runs), runs
