"""An annotation's target names its document by a URI, as the Web Annotation model's MUST
schemas check it (`format: uri`), whatever the document's URL holds: a Chinese news site's
address has a Unicode host and path, and a URL as typed may hold `"`, `<`, `>`, `|`, `{`, `}`.
The stored URL is kept as typed (the report shows it); only the export writes it as a URI,
to the same address: the host as DNS asks for it, every other character percent-encoded as a
browser sends it, and an escape already there (`%20`) left as it was."""

from __future__ import annotations

import json
from pathlib import Path

from test_annotations import VALIDATORS

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.doc_show import show_document
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations

TEXT = "国务院新闻办公室表示，２０２５年ＧＤＰ增长５．２％。\n"
URL = 'https://新闻.example.cn/路径/a%20b?q="x"&r=<y>|{z}#第1段'
AS_URI = (
    "https://xn--efvy88h.example.cn/%E8%B7%AF%E5%BE%84/a%20b"
    "?q=%22x%22&r=%3Cy%3E%7C%7Bz%7D#%E7%AC%AC1%E6%AE%B5"
)


def test_a_unicode_url_with_quotes_is_written_as_a_uri(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=URL, title="标题")).document.id
    assert show_document(wb, doc).document.url == URL  # stored as typed
    add_claim(wb, doc, "GDP grew 5.2% in 2025", SpanRequest(quote="２０２５年ＧＤＰ增长５．２％"))
    collection = export_annotations(wb).collection
    [annotation] = collection["first"]["items"]
    assert annotation["target"]["source"] == AS_URI
    for name, validator in VALIDATORS:
        errors = [e.message[:200] for e in validator.iter_errors(annotation)]
        assert not errors, f"fails {name}: {errors[:2]}"
    # Read back into its own document, the URI names it: nothing is added and nothing said.
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    result = import_annotations(wb, str(path), doc)
    assert (list(result.added), result.present, result.notices, result.warnings) == ([], 1, [], [])


def test_a_backslash_in_the_path_names_the_page_the_fetch_asks_for(wb: Workbench) -> None:
    """A backslash before the query is a slash in an http(s) address, as a browser and the
    desk's fetch read it (`doc update` asks for /news/2026/story); the source wrote it %5C,
    which a server reads as a backslash in one segment: another page (rpub). In the query
    and the fragment it is data, and a URI holds it only percent-encoded."""
    url = "https://x.example/news\\2026\\story?x=a\\b#sec\\1"
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(url=url)).document.id
    add_claim(wb, doc, "GDP grew 5.2% in 2025", SpanRequest(quote="２０２５年ＧＤＰ增长５．２％"))
    [annotation] = export_annotations(wb).collection["first"]["items"]
    assert annotation["target"]["source"] == "https://x.example/news/2026/story?x=a%5Cb#sec%5C1"
    for name, validator in VALIDATORS:
        errors = [e.message[:200] for e in validator.iter_errors(annotation)]
        assert not errors, f"fails {name}: {errors[:2]}"
