"""A typed URL holding a space or a control character is refused before anything is read, in
words that say which (review r3fetch): a control character (ESC, DEL, U+0001, a C1 control) was
taken, and http.client then refused the request ("InvalidURL: URL can't contain control
characters", exit 1 after the desk was opened); a space was "not an http(s) URL: write it as
https://host/path", which it was already written as. A control character is said in the
words every one-line field says it (review r4fetch: `check_http_url` had its own, which only a
library caller saw: the CLI checked the text first, in these)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import run  # noqa: F401
from workbench.domain.errors import InvalidInput
from workbench.domain.urls import check_http_url


@pytest.mark.parametrize(
    ("url", "told"),
    [
        ("http://x.example/a b", "it holds a space, which a URL writes as %20"),
        (
            "http://x.example/a\x1bb",
            "is the control character U+001B; it must be one line of visible text",
        ),
        (
            "http://x.example/a\x7fb",
            "is the control character U+007F; it must be one line of visible text",
        ),
        (
            "http://x.example/a\x01b",
            "is the control character U+0001; it must be one line of visible text",
        ),
        (
            "http://x.example/a\x9bb",
            "is the control character U+009B; it must be one line of visible text",
        ),
    ],
)
def test_a_url_holding_a_space_or_a_control_character_is_told_so(url: str, told: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_http_url(url)
    assert refused.value.message.endswith(told)


def test_doc_add_of_a_url_holding_a_control_character_is_bad_usage(
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    r = run("doc", "add", "http://127.0.0.1:9/a\x1bb")
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code == 2, (r.code, r.err)
    assert "control character U+001B" in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert "\x1b" not in r.err
