"""A page saved in UTF-32 starts with its byte-order mark, and UTF-32 LE's (FF FE 00 00) starts
with UTF-16 LE's (FF FE): the page was taken for UTF-16, was not seen to be HTML, and `doc add
URL` stored its whole markup (<!DOCTYPE, <script>) as the article's text."""

from __future__ import annotations

import codecs
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, page, run, serve  # noqa: F401
from workbench.services.pages import decode_page
from workbench.services.sources import read_content, sniff_format

ARTICLE = (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>稀宇科技发布新模型'
    "</title><script>var tracker = 1;</script></head><body><article><h1>稀宇科技发布新模型</h1>"
    "<p>稀宇科技周三表示，其新模型的训练成本比去年下降了40%，目前已有超过2000家企业客户"
    "使用其开放平台。</p></article></body></html>"
)

UTF32 = [
    codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"),
    codecs.BOM_UTF32_BE + ARTICLE.encode("utf-32-be"),
]


@pytest.mark.parametrize("data", UTF32, ids=["utf-32-le", "utf-32-be"])
def test_a_utf32_page_is_read_as_utf32(data: bytes) -> None:
    html, decoding = decode_page(data)
    assert decoding.encoding == "utf-32"
    assert html == ARTICLE


@pytest.mark.parametrize("data", UTF32, ids=["utf-32-le", "utf-32-be"])
def test_a_utf32_page_is_html_and_its_article_is_stored(data: bytes) -> None:
    assert sniff_format(data, "http://news.example/a/123") == "html"
    content = read_content(data, "http://news.example/a/123")
    assert content.format == "html"
    assert "<" not in content.text and "tracker" not in content.text
    assert "训练成本比去年下降了40%" in content.text


def test_doc_add_of_a_utf32_page_stores_its_article_not_its_markup(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = serve({"/a/123": page(UTF32[0])})
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    text = run("doc", "text", "1").out
    assert "<!DOCTYPE" not in text and "<script>" not in text
    assert text.startswith("稀宇科技发布新模型\n")
