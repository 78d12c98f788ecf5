"""review56: a page's HTML is parsed by lxml once for each reader that looks at it
(trafilatura's text and metadata, its fallbacks, the date reader, the workbench's own head and
byline readers): eight times for one `doc add`. Parsing a tag with many attributes costs lxml
time quadratic in their number, and trafilatura's and htmldate's passes are not linear either,
so a hostile page's cost was multiplied eightfold with no bound: one <p> with 40,000 attributes
(430 KB) took 149 s to add, 100,000 short paragraphs (800 KB) 194 s, and a page at the 20 MB
limit far longer (machine at load 9 on 2 cores). Hostile input must never hang a command: the
page should be parsed once (and its size in elements bounded). Counted, not timed.

What is counted is the parses of the page itself (its markup with its head). trafilatura's
fallback (readability) serialises the part of the page it picks and parses that again, and
parses a one-element `<div/>`, inside the library, once per extraction: not a reader of the
page that the workbench can hand its tree to (bounded by workbench.services.page_tree's caps
on attributes and elements)."""

from __future__ import annotations

import lxml.html
import pytest

from workbench.services.pages import extract_page

ARTICLE = (
    b"<p>"
    + b"The minister said the unemployment rate rose by 5 percent in 2023, the highest level. " * 4
    + b"</p>"
)


def test_review56_a_page_is_parsed_once_not_once_for_each_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = (
        b"<html><head><title>T</title></head><body><article><p "
        + b" ".join(b'a%d="x"' % i for i in range(200))
        + b">x</p>"
        + ARTICLE
        + b"</article></body></html>"
    )
    parsed = 0
    real = lxml.html.document_fromstring

    def counted(*args: object, **kwargs: object) -> object:
        nonlocal parsed
        markup = args[0] if isinstance(args[0], bytes) else str(args[0]).encode()
        parsed += b"<title>T</title>" in markup
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lxml.html, "document_fromstring", counted)
    extract_page(page, "page.html")
    assert parsed == 1, f"the page was parsed {parsed} times"
