"""A live blog's time stamps ("08:05", "2:05 p.m.", each post's own line): kept in the text
of every revision, and never run into the headline above them by `extract`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.domain.bylines import credit

Run = Callable[..., Any]
PAGES = Path(__file__).parent.parent / "data" / "pages"

LIVE_V1 = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>直播｜台风登陆福建沿海</title></head><body>
<nav><a href="/">首页</a> | <a href="/live">直播</a></nav>
<article><h1>直播｜台风登陆福建沿海</h1>
<p class="byline">记者 林晓东 陈雨 报道</p>
<h2>08:05</h2>
<p>福建省气象台消息，今年第18号台风于今天凌晨5时40分在福建省霞浦县沿海登陆，登陆时中心附近最大风力14级（42米/秒）。</p>
<h2>08:30</h2>
<p>据福建省防汛抗旱指挥部介绍，全省已紧急转移群众12.6万人，关闭沿海景区87个，2300多艘渔船回港避风。</p>
<h2>10:20</h2>
<p>受台风影响，福州长乐国际机场今天共取消进出港航班214架次，福厦高铁部分列车停运。</p>
</article><footer>版权所有 © 2026 东南晚报</footer></body></html>
"""

COUNCIL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Live: Riverton council votes on $48m transit budget</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<article><h1>Live: Riverton council votes on $48m transit budget</h1>
<p class="byline">By Hannah Okoye</p>
<div class="post"><p class="ts">2:05 p.m.</p>
<p>The council chamber is packed as members begin debating the proposed $48 million transit budget, the largest in the city's history.</p></div>
<div class="post"><p class="ts">2:20 p.m.</p>
<p>Mayor Denise Alvarez opened by saying ridership on city buses rose 23 percent last year, to 11.4 million trips.</p></div>
</article><footer>&copy; 2026 The Riverton Ledger. All rights reserved.</footer></body></html>
"""  # noqa: E501  (a page's paragraphs are one line each)


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_live_blog_first_timestamp_is_kept(cli: Run, tmp_path: Path) -> None:
    """trial54 (finding 6): a bare time heading ("08:05") among a page's first three lines was
    taken for a dateline and dropped from the text, while the later "08:30" and "10:20"
    stayed."""
    ok(cli("doc", "add", _write(tmp_path, "live.html", LIVE_V1)))
    text = ok(cli("doc", "text", "1")).out
    assert "08:30" in text and "10:20" in text
    assert "08:05" in text, text
    # The byline is still taken out, and read as the page's authors.
    assert "记者" not in text
    assert json.loads(ok(cli("doc", "show", "1", "--json")).out)["author"] == "林晓东; 陈雨"


def test_a_new_entry_on_top_does_not_insert_the_old_first_time(cli: Run) -> None:
    """trial54 (finding 6): when the live blog posted a newer entry on top, "08:05" was no
    longer among the first lines and came back, so `doc diff` / `doc changes` said the revision
    inserted "08:05", an edit the page never made; and the newest entry's time ("11:00") was
    missing from the new revision's text. The page's dateline ("2026年12月4日 08:00") is still
    taken out of both."""
    ok(cli("doc", "add", str(PAGES / "live-typhoon.v1.html")))
    ok(cli("doc", "update", "1", str(PAGES / "live-typhoon.v2.html")))
    for number in (1, 2):
        text = ok(cli("doc", "text", "1", "--revision", str(number))).out
        assert "2026年12月4日" not in text
        assert "08:05" in text and "08:30" in text, text
    assert "11:00" in ok(cli("doc", "text", "1", "--revision", "2")).out
    changes = json.loads(ok(cli("doc", "changes", "1", "--json")).out)
    (revision,) = changes["revisions"]
    inserted = "".join(c["new_text"] for c in revision["changes"])
    assert "11:00" in inserted and "08:05" not in inserted, revision["changes"]


@pytest.mark.parametrize("line", ["08:05", "11:00", "9:45", "08:05:30", "１０：２０"])
def test_a_time_alone_is_no_dateline(line: str) -> None:
    """trial54 (finding 6): `credit("08:05")` read a bare time as a dateline (a Credit naming no
    one): a time alone is a live blog's heading, not a byline."""
    assert credit(line) is None


@pytest.mark.parametrize(
    "line", ["2025年3月12日 09:30", "2025-03-12 09:30", "3月12日 09:30", "发布时间：09:30"]
)
def test_a_date_or_a_labelled_time_is_still_a_dateline(line: str) -> None:
    assert credit(line) is not None


def test_extract_does_not_run_the_headline_into_the_next_timestamp(
    cli: Run, tmp_path: Path
) -> None:
    """trial54 (finding 8): the page's headline (its own line, no full stop) and the live
    blog's first time stamp "2:05 p.m." on the next line were offered, and accepted, as one
    candidate: "Live: Riverton council votes on $48m transit budget\\n2:05 p.m." (claim text
    with the time glued on)."""
    ok(cli("doc", "add", _write(tmp_path, "council.html", COUNCIL)))
    candidates = json.loads(ok(cli("extract", "1", "--min-score", "0", "--json")).out)
    joined = [c["text"] for c in candidates if "budget" in c["text"] and "2:05" in c["text"]]
    assert joined == [], joined
