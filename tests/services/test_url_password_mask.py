"""A refusal naming a URL leaves its user name and password out (`//…@host`), and only them.
The mask ran to the URL's last `@`: one in the path or query (`/@author/story`, `?by=a@b`)
hid the host the user was to correct, and left what follows as if it were the host."""

from __future__ import annotations

import pytest

from tests.services.test_fetch_deadline import Serve, fetched_within, send, serve  # noqa: F401
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.domain.urls import check_http_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("ftp://medium.com/@author/story", "ftp://medium.com/@author/story"),
        ("ftp://news.example/a?by=a@b.cn", "ftp://news.example/a?by=a@b.cn"),
        ("ftp://user:secret@news.example/a", "ftp://…@news.example/a"),
        ("ftp://user:p@ss:w@news.example/@me", "ftp://…@news.example/@me"),
        ("ftp://us:er:pw@news.example:21/a", "ftp://…@news.example:21/a"),
        ("news.example/a@b", "news.example/a@b"),
    ],
)
def test_only_the_user_name_and_password_are_masked(url: str, shown: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_http_url(url)
    assert refused.value.message == (
        f"{shown!r} is not an http(s) URL: write it as https://host/path"
    )


def test_a_redirect_to_another_scheme_is_refused_naming_its_host(
    serve: Serve,  # noqa: F811
) -> None:
    moved = (
        b"HTTP/1.1 301 Moved\r\nLocation: ftp://user:p@ss@files.example/@me/a.txt\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    site = serve({"/": send(moved)})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert "p@ss" not in got.message
    assert "'ftp://…@files.example/@me/a.txt'" in got.message, got.message
