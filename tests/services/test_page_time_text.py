"""A page's <time> elements are part of its article: trafilatura deletes them with their text
(its MANUALLY_CLEANED list), so a trial's page stated "市统计局于2026年3月1日发布的数据" and the
workbench stored "市统计局于发布的数据": the date a claim is about could not be pinned, and the
sentence read wrong in every export. The same page stored before the date was kept must add no
revision when fetched again (its earlier reading, as review53's templates)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.services.pages import extract_page

Run = Callable[..., Any]

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>市统计局于<time datetime="2026-03-01">2026年3月1日</time>发布的数据显示，全市常住人口首次
超过2000万，比去年增加了35万人，增长率为1.8%。这一数字创下历史新高。</p>
<p>The figures were published on <time datetime="2026-03-01">March 1, 2026</time> by the
bureau, which said growth came mostly from new graduates.</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""


def test_the_words_of_a_time_element_stay_in_the_text() -> None:
    page = extract_page(PAGE.encode("utf-8"), "p.html")
    assert "市统计局于2026年3月1日发布的数据" in page.text
    assert "published on March 1, 2026 by the" in page.text
    # Its datetime still states the day the page was published.
    assert page.metadata["published"] == "2026-03-01"


def test_the_reading_without_them_is_an_earlier_reading_of_the_page() -> None:
    page = extract_page(PAGE.encode("utf-8"), "p.html")
    assert any("市统计局于发布的数据" in earlier for earlier in page.earlier)


def test_a_page_without_time_elements_has_no_second_reading() -> None:
    plain = PAGE.replace('<time datetime="2026-03-01">', "").replace("</time>", "")
    assert extract_page(plain.encode("utf-8"), "p.html").earlier == ()


def test_a_claim_about_the_date_is_pinned_and_the_old_reading_adds_no_revision(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services import pages

    page = tmp_path / "stats.html"
    page.write_text(PAGE, encoding="utf-8")
    # As the workbench stored it before: the <time> words deleted.
    with monkeypatch.context() as m:
        m.setattr(pages, "_with_times", lambda root: root)
        assert cli("doc", "add", str(page)).code == 0
    assert "统计局于发布" in cli("doc", "text", "1").out
    again = cli("doc", "update", "1", str(page))
    assert again.code == 0, again.err
    assert "revision 2" not in again.out + again.err
    added = cli("doc", "add", str(page))
    assert added.code == 0, added.err
    assert "document #2" not in added.out, added.out
    # A fresh database keeps the date: a claim on it is pinned.
    other = tmp_path / "other.html"
    other.write_text(PAGE.replace("城市人口", "城市常住人口"), encoding="utf-8")
    fresh = cli("doc", "add", str(other))
    assert fresh.code == 0, fresh.err
    claim = cli(
        "claim",
        "add",
        "2",
        "--text",
        "市统计局于2026年3月1日发布了人口数据。",
        "--quote",
        "2026年3月1日发布",
        "--type",
        "date",
    )
    assert claim.code == 0, claim.err
