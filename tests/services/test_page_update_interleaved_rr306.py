"""rr306: review299 reads a page's earlier readings before the write transaction when a read
says they are needed, and the write asks again. Another `doc update` of the same document may
store a text between that read and the write: the write must decide on the text it reads
itself, reading the earlier readings there when the first read said they were not needed, and
never trusting the first read's answer. Two updates interleaved through the library: the second
runs where the first is about to open its write transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import Conflict
from workbench.services import documents, pages, revisions
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_from, update_from
from workbench.services.revisions import revision_text

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>市统计局于<time datetime="2026-03-01">2026年3月1日</time>发布的数据显示，全市常住人口首次
超过2000万，比去年增加了{n}万人，增长率为1.8%。这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def _before_the_write(
    monkeypatch: pytest.MonkeyPatch, module: Any, between: Callable[[], None]
) -> list[bool]:
    """`between` run once, just before `module`'s first write transaction opens (after the
    read that asks whether the earlier readings are needed); for each extraction from then on,
    whether it ran inside a write transaction."""
    real = module.transaction
    state = {"ran": False, "writing": False}
    runs: list[bool] = []
    real_extract = pages._extract

    @contextlib.contextmanager
    def hooked(wb: Workbench, **kw: Any) -> Iterator[Any]:
        if kw.get("write") and not state["ran"]:
            state["ran"] = True
            between()
        with real(wb, **kw) as tx:
            state["writing"] = bool(kw.get("write"))
            try:
                yield tx
            finally:
                state["writing"] = False

    def extract(*args: Any, **kwargs: Any) -> Any:
        runs.append(state["writing"])
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(module, "transaction", hooked)
    monkeypatch.setattr(pages, "_extract", extract)
    return runs


def _latest(wb: Workbench, document_id: int) -> tuple[int, str]:
    with transaction(wb) as tx:
        return revision_text(tx, documents.get_document(tx, document_id))


def test_a_text_stored_in_between_makes_the_readings_needed(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read finds the page's text latest (no readings needed); another update stores a
    plain text before the write: the write sees it and reads the readings itself, to tell
    whether it holds the page's text. It does not: the page's text, stored again as revision 3,
    would undo that newer revision, so the update is refused (race322)."""
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(n=35), encoding="utf-8")
    doc = add_from(wb, str(page)).document
    page_text = _latest(wb, doc.id)[1]
    other = tmp_path / "other.txt"
    other.write_text(page_text.replace("35万", "40万"), encoding="utf-8")
    runs = _before_the_write(
        monkeypatch, revisions, lambda: update_from(wb, doc.id, str(other), force=True)
    )
    with pytest.raises(Conflict, match="revision 2"):
        update_from(wb, doc.id, str(page))
    assert _latest(wb, doc.id) == (2, page_text.replace("35万", "40万"))
    # Read where the write found them needed, as fix292 did: the race is the only case.
    assert True in runs, runs


def test_the_same_text_stored_in_between_is_found_unchanged(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read finds another text latest (readings read first); another update stores this
    very page before the write: the write finds it held and stores nothing."""
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(n=35), encoding="utf-8")
    doc = add_from(wb, str(page)).document
    page.write_text(PAGE.format(n=36), encoding="utf-8")
    runs = _before_the_write(monkeypatch, revisions, lambda: update_from(wb, doc.id, str(page)))
    result = update_from(wb, doc.id, str(page))
    assert not result.created and result.revision.number == 2
    assert _latest(wb, doc.id)[0] == 2
    assert not any(runs), runs


def test_an_earlier_reading_stored_in_between_is_found(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read finds the page's text latest; another update stores the page as a release
    before fix285 read it (its <time> words left out) before the write: the write finds that
    an earlier reading of these very bytes, and stores nothing."""
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(n=35), encoding="utf-8")
    doc = add_from(wb, str(page)).document

    def older_release() -> None:
        with monkeypatch.context() as m:
            m.setattr(pages, "_with_times", lambda root: root)
            assert update_from(wb, doc.id, str(page), force=True).created

    _before_the_write(monkeypatch, revisions, older_release)
    result = update_from(wb, doc.id, str(page))
    assert not result.created and result.earlier_reading
    assert result.revision.number == 2


def test_a_page_added_in_between_is_found_by_doc_add(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """doc add: the read finds the page not stored (readings read first); another `doc add` of
    it stores it before the write: the write finds it, and adds no second document."""
    add_from(wb, str(_written(tmp_path / "seed.txt", "种子文档。\n")))
    page = _written(tmp_path / "page.html", PAGE.format(n=35))
    runs = _before_the_write(monkeypatch, documents, lambda: add_from(wb, str(page)))
    again = add_from(wb, str(page))
    assert not again.created and again.document.id == 2
    assert not any(runs), runs


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
