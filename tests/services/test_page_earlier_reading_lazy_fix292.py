"""A page holding a <time> was read twice on every `doc add` and `doc update` (1.8-2x the
time: 0.57 -> 0.99 s on a 590 KB page), the second reading (its <time> words left out, as
releases before fix285 stored it) only to tell that a stored text is that earlier reading of
the same bytes. A desk re-checking a page hourly, its text unchanged, paid it every hour for
nothing: it is needed only when the page's text as read now is not the one stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.services import pages
from workbench.services.context import Workbench
from workbench.services.documents import add_from, update_from

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>市统计局于<time datetime="2026-03-01">2026年3月1日</time>发布的数据显示，全市常住人口首次
超过2000万，比去年增加了35万人，增长率为1.8%。这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The extractor's runs, counted from now on."""
    runs: list[int] = []
    real = pages._extract

    def extract(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pages, "_extract", extract)
    return runs


def test_an_unchanged_page_is_read_once(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    doc = add_from(wb, str(page)).document
    runs = _counted(monkeypatch)
    result = update_from(wb, doc.id, str(page))
    assert not result.created and not result.earlier_reading
    assert len(runs) == 1


def test_a_page_already_stored_is_read_once_by_doc_add(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    doc = add_from(wb, str(page)).document
    runs = _counted(monkeypatch)
    again = add_from(wb, str(page))
    assert again.document.id == doc.id and not again.created
    assert len(runs) == 1


def test_a_page_stored_without_its_time_words_is_still_found_unchanged(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The earlier reading, when it is needed, is still read: no revision, and said."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(pages, "_with_times", lambda root: root)
        doc = add_from(wb, str(page)).document
    result = update_from(wb, doc.id, str(page))
    assert not result.created and result.earlier_reading
