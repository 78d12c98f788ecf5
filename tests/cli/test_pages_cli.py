"""A short news page added and updated through the real CLI (in-process), as a new-user trial
did: a two-character edit must not change how the page is read, the stealth-edit report must
list only that edit, and the author is the byline's name. Then a Chinese Markdown article: its
wrapped lines join without spaces and its byline is its author."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

PAGE = (Path(__file__).parent.parent / "data" / "pages" / "lanxi.html").read_bytes()
BEFORE = "公司海外收入占比首次超过40%,达到41.2%。"
AFTER = "公司海外收入占比接近40%,达到41.2%。"  # two characters shorter


def _ok(r: Any) -> Any:
    assert r.code == 0, (r.code, r.out, r.err)
    return r


def test_a_short_page_edited_shows_only_the_edit(cli: Run, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.replace("公司海外收入占比接近40%,达到39.8%。".encode(), BEFORE.encode()))
    assert "added document #1" in _ok(cli("doc", "add", str(page))).out
    text = _ok(cli("doc", "text", "1")).out
    assert text.splitlines()[2].startswith(BEFORE) and len(text.splitlines()) == 6
    shown = _ok(cli("doc", "show", "1")).out
    assert [line.split() for line in shown.splitlines() if "author" in line] == [
        ["author", "王晓明"]
    ]

    page.write_bytes(page.read_bytes().replace(BEFORE.encode(), AFTER.encode()))
    assert "stored revision 2 of document #1" in _ok(cli("doc", "update", "1", str(page))).out
    text = _ok(cli("doc", "text", "1")).out
    assert text.splitlines()[2].startswith(AFTER) and len(text.splitlines()) == 6
    assert "王晓明" not in text and "09:30" not in text
    report = _ok(cli("doc", "changes", "1", "--format", "md")).out
    changes = [line for line in report.splitlines() if line.startswith("- ")]
    assert changes == ["- replace: “首次超过” → “接近”"]
    # The same page again stores nothing.
    assert "nothing stored" in _ok(cli("doc", "update", "1", str(page))).err


def test_a_line_break_that_became_a_space_is_seen_in_the_report(cli: Run, tmp_path: Path) -> None:
    """A whitespace-only change was listed as '' -> '' (text) and “ ” → “ ” (md). A sentence
    is added too: the same words spaced otherwise alone are no revision (a check)."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("第一句。\n第二句。\n", encoding="utf-8")
    second.write_text("第一句。 第二句。\n第三句。\n", encoding="utf-8")
    _ok(cli("doc", "add", str(first)))
    _ok(cli("doc", "update", "1", str(second)))
    assert "'↵' -> '␣'" in _ok(cli("doc", "changes", "1")).out
    assert "- replace: “↵” → “␣”" in _ok(cli("doc", "changes", "1", "--format", "md")).out


def test_a_chinese_markdown_article_keeps_no_space_at_its_line_breaks(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "zh-article.md"
    article.write_text(
        "澜汐电器2024年营收创新高，净利润增长15%\n"
        "记者 王晓明 报道\n\n"
        "2025年3月12日，澜汐电器在深圳发布2024年度财报。\n"
        "目前公司员工总数超过12,000人，其中研发人员占比约18%。\n"
        "2024年，公司研发投入为7.2亿元。\n",
        encoding="utf-8",
    )
    _ok(cli("doc", "add", str(article)))
    assert _ok(cli("doc", "text", "1")).out == (
        "澜汐电器2024年营收创新高，净利润增长15%\n\n"
        "2025年3月12日，澜汐电器在深圳发布2024年度财报。目前公司员工总数超过12,000人，"
        "其中研发人员占比约18%。2024年，公司研发投入为7.2亿元。\n"
    )
    shown = _ok(cli("doc", "show", "1")).out
    assert [line.split() for line in shown.splitlines() if "author" in line] == [
        ["author", "王晓明"]
    ]
