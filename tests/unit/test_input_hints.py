"""Hints for inputs a person likely mistyped: a URL read as a file name, a binary file given as
text, a person named by their display name."""

from __future__ import annotations

import pytest

from workbench.domain.decoding import not_utf8_advice
from workbench.domain.people import closest_people
from workbench.services.documents import meant_url


@pytest.mark.parametrize(
    ("location", "meant"),
    [
        ("htp://x", "http://x"),
        ("htps://example.com/a", "https://example.com/a"),
        ("http:/example.com/a", "http://example.com/a"),
        ("https//example.com", "https://example.com"),
        ("127.0.0.1:8765/x", "http://127.0.0.1:8765/x"),
        ("localhost:8000", "http://localhost:8000"),
        ("www.example.com/story", "http://www.example.com/story"),
        ("article.txt", None),
        ("notes/page.html", None),
        ("file:///tmp/x", None),
        ("c:/x", None),
    ],
)
def test_a_file_name_that_reads_as_a_url(location: str, meant: str | None) -> None:
    assert meant_url(location) == meant


def test_nul_bytes_read_as_a_binary_file() -> None:
    data = b"\x7fELF\x02\x01\x01\x00\x00\x00\xd0\x81"
    assert "looks like a binary file" in not_utf8_advice(data, 10)
    # A UTF-16 file without its byte-order mark has NUL bytes too, on one side of each pair,
    # and reads as text in UTF-16: said so (one with the mark is read: test_unicode_files.py)
    assert "looks like UTF-16 without a byte-order mark" in not_utf8_advice(b"a\x00b\x00", 0)
    # ... only when those bytes start the file, not a later line of it
    assert "UTF-16" not in not_utf8_advice(b"a\x00b\x00", 0, starts_file=False)
    assert "UTF-16" not in not_utf8_advice(b"\xff\xfe,bad\n", 0, starts_file=False)
    assert "iconv -f WINDOWS-1252" in not_utf8_advice(b"caf\xe9", 3)
    assert not_utf8_advice(b"caf\xe9\x81", 3) == "convert it to UTF-8 first"


def test_closest_people_include_a_display_name_typed_loosely() -> None:
    people = {"王芳": "Wang Fang", "editor": None, "lin": "Lin Yue"}
    assert closest_people("wangfang", people) == ["王芳 (Wang Fang)"]
    assert closest_people("Wang-Fang", people) == ["王芳 (Wang Fang)"]
    assert closest_people("edtor", people) == ["editor"]
    assert closest_people("zzz", people) == []


@pytest.mark.parametrize(
    ("location", "said"),
    [
        # trial47: both said "no such file"
        ("ftp://127.0.0.1/story.html", "only http(s) URLs are fetched, not ftp:// ones"),
        (
            "file:///tmp/a%20b.txt",
            "only http(s) URLs are fetched: give the file's path (/tmp/a b.txt)",
        ),
    ],
)
def test_a_url_of_another_scheme_is_said_to_be_one(location: str, said: str) -> None:
    from workbench.domain.errors import InvalidInput
    from workbench.services.documents import load

    with pytest.raises(InvalidInput) as refused:
        load(location)
    assert refused.value.message == said
