"""A URL the desk stores without fetching it (evidence, a document's --url, a sheet's column)
names a host the fetch can look up, by the same rule (review rfetch: `evidence add --url
http://a..b/` was stored, `doc add http://a..b/` refused); a restored bundle's URLs are
taken as its release stored them."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.urls import check_http_url


@pytest.mark.parametrize(
    "url", ["http://a..b/", "https://.x/p", "http://ex%2Fample.org/", "http://a\ue000b.org/"]
)
def test_a_url_whose_host_cannot_be_looked_up_is_refused(url: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_http_url(url)
    assert refused.value.message.startswith(f"'{url}' names no host that can be looked up ("), (
        refused.value.message
    )


@pytest.mark.parametrize(
    "url",
    ["http://straße.de/", "https://例え.テスト/a", "http://[::1]:8080/", "http://a_b.example./"],
)
def test_a_url_whose_host_can_be_looked_up_is_kept_as_typed(url: str) -> None:
    assert check_http_url(url) == url


def test_a_restored_url_is_taken_as_its_release_stored_it() -> None:
    assert check_http_url("http://a..b/", stored=True) == "http://a..b/"


@pytest.mark.parametrize(
    "url", ["http://[::1]x/", "http://x[::1]/", "http://[::1]]/", "http://[::1]x:80/"]
)
def test_an_ip_literal_with_more_around_its_brackets_is_refused(url: str) -> None:
    """urlsplit reads ::1 as the host of each; http.client asked the resolver for `x[::1]`,
    which no reader can open either (review rfetch)."""
    with pytest.raises(InvalidInput) as refused:
        check_http_url(url)
    assert refused.value.message.startswith(f"'{url}' names no host that can be looked up ("), (
        refused.value.message
    )
