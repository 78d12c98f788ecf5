"""Pages, Markdown and URLs in: the article's text and metadata, the original archived, the
fetch bounded. Pages are served from 127.0.0.1 only."""

from __future__ import annotations

import hashlib
import http.server
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.local_site import base_url, serving
from workbench.db.engine import get_engine
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench
from workbench.services.documents import (
    DocumentMeta,
    add_document,
    add_from,
    document_text,
    update_from,
)
from workbench.services.fetch import fetch
from workbench.services.replay import replay
from workbench.services.revisions import update_document

PAGES = Path(__file__).parent.parent / "data" / "pages"
ZH = (PAGES / "zh-news.html").read_bytes()
EN = (PAGES / "en-news.html").read_bytes()

Counts = Callable[[], dict[str, int]]

# What a page carries besides its article: none of it may reach the stored text.
ZH_CHROME = [
    "首页",
    "登录",
    "dataLayer",
    "Cookie",
    "热门文章",
    "广告",
    "网友甲",
    "期待开源",
    "版权所有",
]
EN_CHROME = [
    "Home",
    "Sports",
    "analytics",
    "cookies",
    "Most read",
    "Subscribe",
    "reader42",
    "waste of money",
    "All rights reserved",
]


def blob(wb: Workbench, digest: str) -> bytes | None:
    from sqlalchemy import text

    with get_engine(wb.url).connect() as conn:
        row = conn.execute(text("SELECT data FROM blobs WHERE sha256 = :d"), {"d": digest}).first()
    return bytes(row[0]) if row else None


def test_chinese_page_main_text_and_metadata(wb: Workbench) -> None:
    added = add_document(wb, ZH, source="zh-news.html")
    d = added.document
    text = document_text(wb, d.id)
    assert "2025年1月，MiniMax发布了国内首个线性注意力模型MiniMax-Text-01，参数量达到4560亿" in text
    assert "海螺AI在全球拥有超过一亿用户" in text
    for chrome in ZH_CHROME:
        assert chrome not in text, chrome
    # Block elements became lines: one paragraph per line.
    assert "\n创始人" not in text and "\nMiniMax成立于2021年底" in text
    assert d.title == "MiniMax发布线性注意力大模型"
    assert d.published == "2025-01-15"
    assert d.url == "https://news.example.cn/tech/2025/01/15/minimax.html"
    assert d.language == "zh-CN" and d.author and "李明" in d.author
    assert d.format == "html" and d.source_sha256 == hashlib.sha256(ZH).hexdigest()
    assert blob(wb, d.source_sha256) == ZH
    assert replay(wb).consistent


def test_english_page_main_text_and_metadata(wb: Workbench) -> None:
    d = add_document(
        wb, EN, source="en-news.html", meta=DocumentMeta(title="Given title wins")
    ).document
    text = document_text(wb, d.id)
    assert "approve a transit budget of $412 million" in text
    for chrome in EN_CHROME:
        assert chrome not in text, chrome
    assert d.title == "Given title wins"
    assert d.author == "Jane Smith" and d.published == "2025-03-02" and d.language == "en"


def test_an_over_long_page_title_is_cut_not_refused(wb: Workbench) -> None:
    # The page gave the title, not the person: over the limit it is shortened with an ellipsis
    # (a title typed with --title over the limit is still refused, as typed).
    from workbench.domain.limits import MAX_TITLE

    long = b"Budget " * 200
    page = EN.replace(b"City council approves", long + b"City council approves")
    d = add_document(wb, page, source="long.html").document
    assert d.title is not None and len(d.title) == MAX_TITLE and d.title.endswith("…")
    with pytest.raises(InvalidInput, match=r"the title is 1,?400 characters"):
        add_document(wb, ZH, source="zh.html", meta=DocumentMeta(title="Budget " * 200))


def test_a_page_language_that_is_no_tag_is_left_out_not_refused(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page, not the person, names its language "Chinese": left out, as an over-long one is
    # (a --lang typed as 中文 is still refused, as typed).
    import trafilatura

    extract = trafilatura.bare_extraction

    def naming(*args: object, **kwargs: object) -> object:
        found = extract(*args, **kwargs)  # type: ignore[arg-type]
        fields = found if isinstance(found, dict) else found.as_dict()
        return {**fields, "language": "Chinese"}

    monkeypatch.setattr(trafilatura, "bare_extraction", naming)
    d = add_document(wb, EN, source="en.html").document
    assert d.language == "en"  # from <html lang="en"> instead
    assert (
        add_document(
            wb, ZH, source="zh.html", meta=DocumentMeta(language="zh-Hant")
        ).document.language
        == "zh-Hant"
    )
    with pytest.raises(InvalidInput, match="'中文' is not a language tag"):
        add_document(wb, ZH, source="zh.html", meta=DocumentMeta(language="中文"))


@pytest.mark.parametrize(
    "canonical",
    [b"https://exa mple.com/a", b"https://", b"http://[::1/x", b"http://h:99999/x"],
)
def test_a_page_url_that_cannot_be_stored_is_left_out_not_refused(
    wb: Workbench, canonical: bytes
) -> None:
    # The page names a URL no reader can open: the person gave none, so the page is stored
    # without it (a --url typed that way is still refused, as typed).
    page = EN.replace(b"https://www.example.com/news/2025/03/02/transit-budget", canonical)
    assert canonical in page
    d = add_document(wb, page, source="odd.html").document
    assert d.url is None and d.title is not None
    with pytest.raises(InvalidInput, match="is not an http"):
        add_document(wb, ZH, source="zh.html", meta=DocumentMeta(url=canonical.decode()))


def test_page_without_article_text_is_refused(wb: Workbench, counts: Counts) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match="no article text"):
        add_document(wb, b"<html><body><script>x()</script></body></html>", source="e.html")
    assert counts() == before


def test_markdown_becomes_lines_without_markup(wb: Workbench) -> None:
    md = (
        "# 标题\n\n第一段**加粗**，见[链接](https://a.example)。\n\n"
        "- 列表一\n- 列表 *二*\n\n1. First item\n"
    ).encode()
    d = add_document(wb, md, source="notes.md").document
    assert d.format == "markdown"
    assert document_text(wb, d.id) == (
        "标题\n\n第一段加粗，见链接。\n\n列表一\n\n列表 二\n\nFirst item\n"
    )
    assert d.title == "标题"


def test_a_chinese_list_item_does_not_run_into_the_next_line(wb: Workbench) -> None:
    """A list item ending in Chinese does not run into a code line after it (trial 2, finding
    11): each block is apart from the next, as in the source."""
    from workbench.domain.segment import split_sentences

    md = "- 续航700公里\n\n```\nstaff grew by 12,000 people\n```\n".encode()
    d = add_document(wb, md, source="notes.md").document
    text = document_text(wb, d.id)
    assert text == "续航700公里\n\nstaff grew by 12,000 people\n"
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == ["续航700公里", "staff grew by 12,000 people"]


COUNCIL = (
    "# Harbourton council approves $4.2 million pool renovation\n\nBy Jane Smith\n\n"
    "The Harbourton council voted 7-2 on Tuesday to approve a $4.2 million renovation.\n\n"
    "The pool, built in 1968, has been closed since March.\n"
)


def test_markdown_headline_is_its_own_sentence_and_its_byline_the_author(wb: Workbench) -> None:
    """A new-user trial: the headline ran into the byline, one candidate. The blocks are kept
    apart; the H1 is the title and stays in the text, the byline is the author and is left
    out of it, as a page's is (see test_english_page_main_text_and_metadata)."""
    from workbench.domain.segment import split_sentences

    d = add_document(wb, COUNCIL.encode(), source="council.md").document
    assert d.title == "Harbourton council approves $4.2 million pool renovation"
    assert d.author == "Jane Smith"
    text = document_text(wb, d.id)
    assert "Jane Smith" not in text
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got[0] == "Harbourton council approves $4.2 million pool renovation"
    assert len(got) == 3
    # What the person gives wins; the text does not depend on it.
    other = COUNCIL.replace("1968", "1969").encode()
    mine = DocumentMeta(title="Pool vote", author="J. Smith")
    d2 = add_document(wb, other, source="council2.md", meta=mine).document
    assert (d2.title, d2.author) == ("Pool vote", "J. Smith")
    assert "Jane Smith" not in document_text(wb, d2.id)


@pytest.mark.parametrize(
    ("lead", "author"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("*By Jane Smith and Li Wei*", "Jane Smith and Li Wei"),
        ("BY J. R. O'Brien-Jones, Staff Writer", "J. R. O'Brien-Jones"),
        ("By Anna de la Cruz | March 2, 2025", "Anna de la Cruz"),
        ("By 2030, the pool will be 62 years old.", None),
        ("By Tuesday the council had voted twice.", None),
        ("Bylines are rare here.", None),
        # A review: sentences with a separator after one capitalised word were taken for
        # bylines, deleted from the text and stored as the author.
        ("By Election Day, turnout had reached 61 percent.", None),
        ("By Tuesday, the council had voted to close it.", None),
        ("By March, prices had doubled.", None),
        ("By Contrast, Beijing grew 5%.", None),
        ("By Election Day — turnout was 60%.", None),
        ("By Noon, Smith had resigned.", None),
        ("By The Numbers", None),
        ("BY THE NUMBERS", None),
        ("By Jane Smith, The Harbourton Herald", "Jane Smith"),
        ("By Li Wei, 2 March 2025", "Li Wei"),
    ],
)
def test_markdown_byline_rule(lead: str, author: str | None) -> None:
    from workbench.domain.markdown import read_markdown

    md = read_markdown(f"# Title\n\n{lead}\n\nBody text here.\n")
    assert md.author == author
    assert (lead.strip("*") in md.text) == (author is None)
    assert md.title == "Title"


def test_a_role_on_the_line_after_the_byline_is_no_part_of_the_name() -> None:
    from workbench.domain.markdown import read_markdown

    md = read_markdown("# Title\n\nBy Jane Smith  \nStaff Writer\n\nBody text here.\n")
    assert md.author == "Jane Smith" and "Staff Writer" not in md.text


def test_markdown_byline_and_title_only_lead_the_document() -> None:
    """A byline is the first paragraph after the headings only, and the title is an H1 that
    opens the document: not one further down, and not a lower heading."""
    from workbench.domain.markdown import read_markdown

    later = read_markdown("Intro paragraph.\n\n# Part one\n\nBy Jane Smith\n")
    assert (later.title, later.author) == (None, None)
    assert "By Jane Smith" in later.text
    h2 = read_markdown("## Notes\n\nBy Jane Smith\n\nBody.\n")
    assert (h2.title, h2.author) == (None, "Jane Smith")
    listed = read_markdown("# T\n\n- By Jane Smith\n")
    assert listed.author is None


def test_markdown_stored_one_line_a_block_is_still_recognised(wb: Workbench) -> None:
    """A Markdown file stored before its blocks were kept apart (one line a block, the byline
    in the text) is the same document for doc add and doc update, not a new one."""
    from workbench.domain.markdown import read_markdown

    earlier = read_markdown(COUNCIL).earlier[0]
    assert earlier.startswith(
        "Harbourton council approves $4.2 million pool renovation\nBy Jane Smith\nThe "
    )
    old = add_document(wb, earlier, source="council.md").document
    again = add_document(wb, COUNCIL.encode(), source="council.md")
    assert not again.created and again.document.id == old.id
    from workbench.services.sources import read_content

    content = read_content(COUNCIL.encode(), "council.md")
    assert not update_document(wb, old.id, content).created


def test_format_given_overrides_detection(wb: Workbench) -> None:
    d = add_document(wb, b"# not a heading here", source="x.md", fmt="text").document
    assert document_text(wb, d.id) == "# not a heading here"


class Site(http.server.BaseHTTPRequestHandler):
    agents: list[str] = []  # noqa: RUF012 (shared with the test on purpose)
    pages: dict[str, bytes] = {}  # noqa: RUF012

    def do_GET(self) -> None:
        Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/zh.html")
            self.end_headers()
            return
        if self.path == "/login":  # to an address with a password in it
            self.send_response(302)
            self.send_header("Location", "http://user:s3cret@127.0.0.1/zh.html")
            self.end_headers()
            return
        body = Site.pages.get(self.path)
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    Site.agents.clear()
    Site.pages.update({"/zh.html": ZH, "/en.html": EN})
    with serving(Site) as server:
        yield base_url(server)


def test_add_from_url_reports_redirects_and_archives(wb: Workbench, site: str) -> None:
    added = add_from(wb, f"{site}/old", user_agent="desk-bot/1.0")
    assert added.redirects == (f"{site}/zh.html",)
    assert Site.agents == ["desk-bot/1.0", "desk-bot/1.0"]
    d = added.document
    assert d.format == "html" and blob(wb, d.source_sha256 or "") == ZH
    # The page's canonical URL is what it was published as.
    assert d.url == "https://news.example.cn/tech/2025/01/15/minimax.html"


def test_a_redirect_to_an_address_with_a_password_is_the_server_s(wb: Workbench, site: str) -> None:
    """Review: the refusal read "give the address without them", though the user typed a
    clean address: the redirect is the server's."""
    with pytest.raises(InvalidInput) as refused:
        add_from(wb, f"{site}/login")
    said = refused.value.message
    assert said.startswith(f"{site}/login redirects to an address that is not taken: a URL with")
    assert "s3cret" not in said


def test_update_from_url_re_anchors(wb: Workbench, site: str) -> None:
    doc = add_from(wb, f"{site}/zh.html").document.id
    cid = add_claim(wb, doc, "456B", SpanRequest(quote="参数量达到4560亿")).id
    Site.pages["/zh.html"] = ZH.replace("参数量达到4560亿".encode(), "参数量达到4650亿".encode())
    result = update_from(wb, doc, f"{site}/zh.html")
    assert result.created and result.revision.format == "html"
    assert result.revision.source == f"{site}/zh.html"
    c = get_claim(wb, cid)
    assert (c.anchor_state, c.quote, c.revision) == ("fuzzy", "参数量达到4650亿", 2)
    assert replay(wb).consistent


def test_url_errors(site: str) -> None:
    with pytest.raises(WorkbenchError, match="404"):
        fetch(f"{site}/missing", max_bytes=10**6)
    with pytest.raises(InvalidInput, match="over the 100-byte limit"):
        fetch(f"{site}/zh.html", max_bytes=100)
    with pytest.raises(InvalidInput, match="not an http"):
        fetch("file:///etc/passwd", max_bytes=100)


def test_url_size_limit_applies_to_doc_add(
    wb: Workbench, site: str, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", "0.001")
    before = counts()
    with pytest.raises(InvalidInput, match="limit"):
        add_from(wb, f"{site}/zh.html")
    assert counts() == before


def test_a_server_that_never_answers_times_out() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        port = listener.getsockname()[1]
        with pytest.raises(WorkbenchError, match="cannot fetch"):
            fetch(f"http://127.0.0.1:{port}/", max_bytes=1000, timeout=0.3)
    finally:
        listener.close()


PAGE = (
    '<html lang="zh"><head><meta charset="{charset}"><title>星途汽车</title>{meta}</head>'
    "<body><article><h1>星途汽车一季度交付新车8.2万辆</h1>"
    "<p>4月1日，星途汽车发布公告称，一季度共交付新车8.2万辆，同比增长35%。</p>"
    "<p>公司表示，4月将推出两款新车型。</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "charset", "author"),
    [
        # trafilatura names no author for a Chinese name in the head (the desk trial's page)
        ('<meta name="author" content="李明">', "utf-8", "李明"),
        ('<meta name="author" content="李明">', "gbk", "李明"),
        ('<meta property="article:author" content="王芳">', "utf-8", "王芳"),
        # a profile link is no name; no author at all stays none
        ('<meta property="article:author" content="https://example.org/x">', "utf-8", None),
        ("", "utf-8", None),
    ],
)
def test_an_author_named_in_the_head_is_read(meta: str, charset: str, author: str | None) -> None:
    from workbench.services.pages import extract_page

    data = PAGE.format(meta=meta, charset=charset).encode(charset)
    assert extract_page(data, "page.html").metadata["author"] == author


def test_each_revision_says_where_its_text_was_read_from(wb: Workbench, tmp_path: Path) -> None:
    """A new-user trial: revision 1 of a page added from a saved file showed the page's
    canonical URL as its source, and revision 1 of a text file none. Each revision's source
    is the file read or the URL fetched, revision 1's as any other's."""
    from workbench.services.revisions import list_revisions

    page = tmp_path / "page.html"
    page.write_bytes(ZH)
    d = add_from(wb, str(page)).document
    assert d.url == "https://news.example.cn/tech/2025/01/15/minimax.html"
    assert [r.source for r in list_revisions(wb, d.id)] == [str(page)]
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The council voted 7-2 on Tuesday.\n", encoding="utf-8")
    second.write_text("The council voted 7-2 on Tuesday night.\n", encoding="utf-8")
    doc = add_from(wb, str(first)).document.id
    update_from(wb, doc, str(second))
    assert [r.source for r in list_revisions(wb, doc)] == [str(first), str(second)]


def test_a_new_document_with_an_earlier_ones_url_names_it(wb: Workbench) -> None:
    """A new-user trial: a saved copy of a page whose canonical URL is a stored document's
    became a new document silently. It is still added (not refused), naming that document."""
    first = add_document(wb, ZH, source="zh-news.html")
    assert first.same_url_as is None and "same_url_as" not in first.to_json()
    newer = add_document(wb, ZH.replace("4560亿".encode(), "4650亿".encode()), source="z2.html")
    assert newer.created and newer.same_url_as == first.document.id
    assert newer.to_json()["same_url_as"] == first.document.id
    # a URL given, not the page's, is compared as well; another URL is no match
    given = add_document(wb, b"Other text.", meta=DocumentMeta(url=first.document.url))
    assert given.same_url_as == first.document.id
    other = add_document(wb, b"Third text.", meta=DocumentMeta(url="https://example.org/x"))
    assert other.same_url_as is None


LANXI = (PAGES / "lanxi.html").read_bytes()
LANXI_BODY = [
    "澜汐电器海外收入首超四成",
    "2025年3月12日，澜汐电器在深圳发布2024年度财报。财报显示，公司全年营收达到128.6亿元，"
    "同比增长15%。",
    "公司海外收入占比接近40%,达到39.8%。在东南亚市场，澜汐电器的空调销量排名第一。",
    "董事长陈立新表示，公司计划在2025年投资20亿元，在越南海防市建设新工厂，预计2026年6月投产。",
    "据行业协会数据，2024年国内空调总销量约为1.1亿台，澜汐电器的国内市场份额约为4.3%，排名第六。",
    "截至发稿，澜汐电器股价报15.8元，总市值约为190亿元。",
]


def test_a_short_page_reads_the_same_whatever_small_edit_it_had() -> None:
    """A new-user trial: on a page of ~250 characters of article, 首次超过40% -> 接近40% (two
    characters shorter) stored the byline and date with all paragraphs on one line (the text
    fell under trafilatura's 250-character minimum, and its fallback's page dump replaced it),
    while 41.2 -> 41.3 did not. Every length now reads the same: one paragraph a line, no
    byline or dateline, the byline's name the author."""
    from workbench.services.pages import extract_page

    page = extract_page(LANXI, "lanxi.html")
    assert page.text == "\n".join(LANXI_BODY) + "\n"
    assert page.metadata["author"] == "王晓明"  # not "文; 王晓明"
    edited = "公司海外收入占比接近40%,达到39.8%。"
    for n in range(-40, 41, 3):
        # the paragraph cut by up to 40 characters, or lengthened by as many
        new = (
            edited[:n] if n < 0 else edited + "在东南亚市场销量第一。" * (n // 10) + "新" * (n % 10)
        )
        got = extract_page(LANXI.replace(edited.encode(), new.encode()), "lanxi.html")
        lines = got.text.splitlines()
        assert lines[:2] + lines[3:] == LANXI_BODY[:2] + LANXI_BODY[3:], n
        assert "王晓明" not in got.text and "09:30" not in got.text
        assert got.metadata["author"] == "王晓明"


def test_a_byline_the_layout_keeps_is_left_out_as_one_it_drops(wb: Workbench) -> None:
    """trafilatura leaves out a byline marked as one (class="byline") and keeps one in a plain
    paragraph: both are left out, and their name is the author when the page's head names
    none."""
    from workbench.services.pages import extract_page

    plain = LANXI.replace(b' class="byline"', b"").replace(
        '<meta name="author" content="王晓明">'.encode(), b""
    )
    page = extract_page(plain, "lanxi.html")
    assert page.text == "\n".join(LANXI_BODY) + "\n"
    assert page.metadata["author"] == "王晓明"


def test_a_page_stored_by_the_earlier_reading_is_still_recognised(wb: Workbench) -> None:
    """The same page stored before (byline, date and all on one line) is the same document
    for doc add and doc update, not a new one or a new revision."""
    from workbench.services.pages import _extract
    from workbench.services.sources import read_content

    fields = _extract(LANXI, None, None)  # trafilatura's own settings, as before
    assert fields is not None
    old_text = str(fields["text"]).strip() + "\n"  # as extract_page stored it
    assert "文/王晓明" in old_text and "\n" not in old_text.strip()
    old = add_document(wb, old_text.encode(), source="lanxi.html", fmt="text").document
    again = add_document(wb, LANXI, source="lanxi.html")
    assert not again.created and again.document.id == old.id
    assert not update_document(wb, old.id, read_content(LANXI, "lanxi.html")).created
    # a real edit is a new revision, with the new reading's text
    edited = LANXI.replace("接近40%".encode(), "首次超过40%".encode())
    result = update_document(wb, old.id, read_content(edited, "lanxi.html"))
    assert result.created and "文/王晓明" not in document_text(wb, old.id)


def test_a_long_page_stored_with_its_byline_is_still_recognised(wb: Workbench) -> None:
    """A page over 3,000 characters is not read twice: the text the earlier reading stored is
    its text with the byline line it led with."""
    from workbench.services.pages import extract_page

    more = "".join(
        f"<p>第{n}季度，澜汐电器的空调销量排名第一，营收为{n * 7}亿元，同比增长{n}%。" * 5 + "</p>"
        for n in range(1, 20)
    )
    long = LANXI.replace(b' class="byline"', b"").replace(
        "<p>截至发稿".encode(), (more + "<p>截至发稿").encode()
    )
    page = extract_page(long, "long.html")
    assert len(page.text) > 3000 and "文/王晓明" not in page.text
    (earlier,) = page.earlier
    assert earlier.splitlines()[1] == "文/王晓明 2025年3月12日 09:30"
    old = add_document(wb, earlier.encode(), source="long.txt", fmt="text").document
    again = add_document(wb, long, source="long.html")
    assert not again.created and again.document.id == old.id


def test_a_headline_the_extractor_dropped_is_kept_as_the_first_line(wb: Workbench) -> None:
    """Session 45's team trial: a Chinese news page laid out in <div class="article"> lost its
    <h1> (which held the claim: GDP growth of 5.2%) from the stored text, where the same page
    in <article>, and every saved test page, keep it as the first line. A headline that is the
    page's title is the text's first line, as on the others."""
    page = (
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>深圳今年前三季度GDP增长5.2%_新闻中心_某某网</title></head><body>"
        '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></div>'
        '<div class="article"><h1>深圳今年前三季度GDP增长5.2%</h1>'
        '<div class="info">文/王晓明　2026年10月28日　来源：某某网</div>'
        "<p>记者从深圳市统计局获悉，今年前三季度，深圳全市实现地区生产总值约2.7万亿元，同比增长5.2%。</p>"
        "<p>其中，规模以上工业增加值同比增长7.1%，高技术制造业增加值增长9.8%。</p>"
        "<p>数据显示，前三季度深圳新能源汽车产量达到182.5万辆，居全国城市首位。</p></div>"
        '<div class="footer">版权所有 (C) 2026 某某网</div></body></html>'
    ).encode()
    d = add_document(wb, page, source="gdp.html").document
    text = document_text(wb, d.id)
    assert text.startswith("深圳今年前三季度GDP增长5.2%\n记者从深圳市统计局获悉"), text[:60]
    assert d.title == "深圳今年前三季度GDP增长5.2%" and text.count("GDP增长5.2%") == 1
    # Stored before, without it: the same page is the same document, no new revision.
    from workbench.services.sources import read_content

    before = text.split("\n", 1)[1]
    old = add_document(wb, before.encode(), source="gdp-then.txt", fmt="text").document
    assert not update_document(wb, old.id, read_content(page, "gdp.html")).created


@pytest.mark.parametrize(
    ("meta", "byline", "author"),
    [
        # trial54: the head's one author stood for a byline of two (a plain paragraph, which
        # the extractor does not read as a byline)
        ('<meta name="author" content="林晓东">', "记者 林晓东 陈雨 报道", "林晓东; 陈雨"),
        # a byline naming the same one person leaves the head's name
        ('<meta name="author" content="林晓东">', "记者 林晓东 报道", "林晓东"),
        ("", "记者 林晓东 陈雨 报道", "林晓东; 陈雨"),
    ],
)
def test_a_byline_naming_the_heads_author_and_others_names_them_all(
    meta: str, byline: str, author: str
) -> None:
    from workbench.services.pages import extract_page

    page = PAGE.format(meta=meta, charset="utf-8").replace("</h1>", f"</h1><p>{byline}</p>")
    assert extract_page(page.encode(), "page.html").metadata["author"] == author
