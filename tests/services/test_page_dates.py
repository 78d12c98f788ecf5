"""A page's publication date is one the page states (meta tags, JSON-LD, a <time>, the URL's
path, a dateline), never trafilatura's guess from the body text or footer: a trial's page with
no date got "published 2025-01-01" (from its "© 2025"), a GBK page 2024-01-01 (from "2024年"
in a sentence), and both went into ClaimReview's datePublished and the report's header."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services.pages import extract_page

PAGES = Path(__file__).parent.parent / "data" / "pages"


def published(name: str, url: str | None = None) -> str | None:
    return extract_page((PAGES / name).read_bytes(), name, url=url).metadata["published"]


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("no-date.html", None),  # "© 2025" in the footer, "March 2024" and 2030 in the text
        ("gbk-no-charset.html", None),  # "2024年" in a sentence
        ("year-only.html", None),  # meta "2024" and "2024-05", a URL of /2024/05/
        ("json-ld.html", "2024-11-05"),  # datePublished, not dateModified
        ("time-pubdate.html", "2024-06-01"),  # not the comment's <time>
        ("byline-date.html", "2025-03-02"),  # By Jane Smith | March 2, 2025
        ("dateline.html", "2025-03-12"),  # 文/王晓明　2025年3月12日 09:30 (htmldate: 2024-01-01)
        ("en-news.html", "2025-03-02"),  # article:published_time
        ("zh-news.html", "2025-01-15"),
        ("lanxi.html", "2025-03-12"),
    ],
)
def test_the_day_a_page_states(name: str, day: str | None) -> None:
    assert published(name) == day


def test_the_url_path_states_a_day_a_month_does_not() -> None:
    assert published("no-date.html", "https://news.example.com/2024/07/09/story") == "2024-07-09"
    assert published("no-date.html", "https://news.example.com/2024/07/story") is None
    assert published("no-date.html", "https://news.example.com/story?date=2024-07-09") is None


def _page(body: str) -> bytes:
    article = (
        "<p>The city council voted on Tuesday to approve a transit budget of $412 million, "
        "the largest in its history, after a debate that ran past midnight.</p>"
    )
    return f"<html><body><article><h1>Budget</h1>{body}{article}</article></body></html>".encode()


def test_an_unmarked_time_counts_only_when_it_is_the_pages_only_date() -> None:
    one = _page('<p><time datetime="2024-06-01">1 June</time></p>')
    assert extract_page(one, "one").metadata["published"] == "2024-06-01"
    two = _page(
        '<p><time datetime="2024-06-01">1 June</time> <time datetime="2024-06-09">9 June</time></p>'
    )
    assert extract_page(two, "two").metadata["published"] is None
    year = _page('<p><time datetime="2024">2024</time></p>')
    assert extract_page(year, "year").metadata["published"] is None
    aside = _page('<aside><time datetime="2024-06-01">1 June</time></aside>')
    assert extract_page(aside, "aside").metadata["published"] is None


def test_a_source_naming_no_day_gives_way_to_the_next() -> None:
    page = (
        b'<html><head><meta property="article:published_time" content="2024-05">'
        b'<meta name="pubdate" content="2024-05-17 08:00"></head>' + _page("")[6:]
    )
    assert extract_page(page, "p").metadata["published"] == "2024-05-17"
