"""A Markdown file fetched from a raw view (GitHub's raw.githubusercontent.com, GitLab's /raw/,
a static server that knows no .md type) comes as `text/plain`: the generic type servers give
every text they do not know, not a word on its kind. What the user met with `doc add URL` of
`.../README.md`: before the server's Content-Type chose the format, it was read as Markdown by
its name, as `doc add README.md` reads the file (its H1 the title, `**` and `#` left out of the
text); then it was stored as text, its markup kept in the claims' sentences. text/plain on a
.md address is Markdown; --format text still stores it as text."""

from __future__ import annotations

from collections.abc import Callable

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, run, send, serve  # noqa: F401
from workbench.services.sources import read_content

URL = "https://raw.example/org/repo/main/README.md"
MARKDOWN = b"# Jobs report\n\nThe minister said **unemployment rose** to 7 percent in 2021.\n"


def test_a_md_address_served_as_plain_text_is_markdown() -> None:
    content = read_content(MARKDOWN, URL, charset="text/plain; charset=utf-8", fetched=URL)
    assert content.format == "markdown"
    assert content.metadata["title"] == "Jobs report"
    assert "**" not in content.text


def test_the_format_given_still_wins() -> None:
    content = read_content(MARKDOWN, URL, "text", charset="text/plain", fetched=URL)
    assert content.format == "text" and "**unemployment rose**" in content.text


def test_a_txt_address_served_as_plain_text_is_still_text() -> None:
    url = URL.removesuffix(".md") + ".txt"
    content = read_content(MARKDOWN, url, charset="text/plain", fetched=url)
    assert content.format == "text"


def test_doc_add_of_a_raw_markdown_file_stores_its_text(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: %d\r\n\r\n" % len(MARKDOWN) + MARKDOWN
    )
    site = serve({"/org/repo/main/README.md": send(answer)})
    added = run("doc", "add", f"{site}/org/repo/main/README.md")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert "**" not in run("doc", "text", "1").out
