"""A Chinese page that declares Latin-1 is not stored as Latin-1 mojibake.

A trial (a Chinese desk's files): a page in GBK whose head says charset=iso-8859-1 (a copied
template; a Java server's default Content-Type says the same) was read as Windows-1252, the
charset that label means, and stored as "¼¼ÊõÀíÏë..." with no word said: Windows-1252 defines
nearly every byte, so a GBK page almost always decodes in it. Now a declared Windows-1252 or
Latin-1 is not believed of bytes that read as Chinese text in GB18030 by the rule that names
GBK text files (workbench.domain.decoding.looks_like): the page is read as GB18030, a guess said
as one (`Decoding.guessed`, with what was declared), as `doc add` says on stderr. A Western
page that declares it is read in it as before.
"""

from __future__ import annotations

import pytest

from workbench.services.context import Workbench
from workbench.services.documents import add_document, document_text
from workbench.services.pages import Decoding, decode_page

ZH = "澜汐电器周三公布的年报显示，公司海外收入去年首次超过总收入的四成。"
FR = "Le conseil a voté le budget à l’unanimité, malgré les critiques « très vives »."
LATIN1 = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'


def page(head: str, body: str) -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("head", "header"),
    [
        (LATIN1, None),
        ('<meta charset="windows-1252">', None),
        ("", "text/html; charset=ISO-8859-1"),
    ],
)
def test_a_gbk_page_declaring_latin1_is_read_as_gb18030_a_guess(
    head: str, header: str | None
) -> None:
    text, how = decode_page(page(head, ZH).encode("gbk"), header)
    assert ZH in text
    assert how == Decoding("gb18030", guessed=True, declared="cp1252")


def test_a_western_page_declaring_latin1_is_read_in_it() -> None:
    text, how = decode_page(page(LATIN1, FR).encode("cp1252"))
    assert FR in text and how == Decoding("cp1252")


def test_the_added_page_holds_the_chinese_and_names_the_guess(wb: Workbench) -> None:
    added = add_document(wb, page(LATIN1, ZH * 8).encode("gbk"), source="p.html")
    assert added.guessed_encoding == "gb18030"
    assert ZH in document_text(wb, added.document.id)
