"""A web page's article: its main text and metadata, extracted by trafilatura.

trafilatura was chosen over readability-lxml after measuring both on the saved test pages
(tests/data/pages): both kept the article and dropped navigation, scripts, sidebar, comments
and footer, but trafilatura also reads the metadata a fact-check cites (author, publication
date, canonical URL, a title without the site name) and leaves the byline out of the text.
It is imported here only, when a page is actually added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.errors import InvalidInput
from workbench.domain.text import normalise

_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    metadata: dict[str, str | None] = field(default_factory=dict)


def extract_page(data: bytes, source: str, *, url: str | None = None) -> Page:
    """The main text (one block per line, NFC/LF) and metadata of an HTML page."""
    import trafilatura

    found: Any = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        output_format="python",
    )
    if found is None:
        raise InvalidInput(f"{source}: no article text found in the page")
    fields = found if isinstance(found, dict) else found.as_dict()
    text = normalise(str(fields.get("text") or "")).strip()
    if not text:
        raise InvalidInput(f"{source}: no article text found in the page")
    lang = _LANG.search(data[:8192])
    metadata = {
        "title": _str(fields.get("title")),
        "author": _str(fields.get("author")),
        "published": _str(fields.get("date")),
        "url": _str(fields.get("url")) if str(fields.get("url") or "").startswith("http") else None,
        "language": _str(fields.get("language")) or (lang.group(1).decode() if lang else None),
    }
    return Page(text + "\n", metadata)


def _str(value: Any) -> str | None:
    # A page's metadata is not typed by anyone: a stray newline or control character in its
    # <title> is cleaned here rather than refused by DocumentMeta.checked with the whole page.
    raw = str(value) if value is not None else ""
    text = " ".join("".join(c for c in raw if c.isspace() or c.isprintable()).split())
    return text or None
