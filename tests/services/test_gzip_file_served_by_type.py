"""A compressed text fetched as a file (`…/speech.txt.gz`, served as `application/gzip`, not
with a Content-Encoding). What the user met with `doc add URL`: before the server's Content-Type
was read, it was told it "looks gzip-compressed …: save it, decompress it (gunzip) and add that
file with --url URL"; refused by its type, it was told to "save its text as plain text (UTF-8)",
which no one can do with a .gz without decompressing it first. The compressed bytes are said as
such, whatever type names them."""

from __future__ import annotations

import gzip

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.sources import read_content

URL = "http://news.example/speech.txt.gz"
DATA = gzip.compress(b"The minister said unemployment rose to 7 percent in 2021.\n")


@pytest.mark.parametrize("content_type", ["application/gzip", "application/x-gzip"])
def test_a_gzip_file_is_told_to_be_decompressed(content_type: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_content(DATA, URL, charset=content_type, fetched=URL)
    assert "decompress it (gunzip) and add that file with --url " + URL in refused.value.message


def test_doc_update_is_told_so_too() -> None:
    with pytest.raises(InvalidInput) as refused:
        read_content(DATA, URL, charset="application/gzip", fetched=URL, update=3)
    assert "decompress it (gunzip)" in refused.value.message
    assert "workbench doc update 3 FILE" in refused.value.message
