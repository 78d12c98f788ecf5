"""newuser: `doc add URL#section` of a page naming its canonical URL stored that canonical URL
without the #fragment typed, where README promises the fragment kept "over a redirect too":
the canonical URL names the same page as the one fetched, so the section the person pointed at
is kept on it, as a redirect keeps it (a canonical URL naming a fragment of its own keeps it)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    Serve,
    page,
    run,
    serve,
)


def _naming(canonical: str) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">'.encode()
    return ARTICLE.replace(b"</title>", b"</title>" + link)


@pytest.mark.parametrize(
    ("typed", "canonical", "stored"),
    [
        ("/a?utm_source=x#sec-2", "/story", "/story#sec-2"),
        ("/a#:~:text=minister", "/story", "/story#:~:text=minister"),
        ("/a#sec-2", "/story#top", "/story#top"),
        ("/a", "/story", "/story"),
    ],
    ids=["typed-fragment", "text-fragment", "canonical-own-fragment", "no-fragment"],
)
def test_doc_add_keeps_the_fragment_typed_on_the_canonical_url(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
    typed: str,
    canonical: str,
    stored: str,
) -> None:
    site = serve({})
    # (the server's scripts are keyed by the request target: the path and query sent)
    serve({typed.partition("#")[0]: page(_naming(f"{site}{canonical}"))})
    r = run("doc", "add", f"{site}{typed}")
    assert r.code == 0, (r.code, r.out, r.err)
    shown = run("doc", "show", "1", "--json")
    assert json.loads(shown.out)["url"] == f"{site}{stored}"
