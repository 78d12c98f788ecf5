"""The name a host is looked up and asked for by, as browsers compute it (IDNA 2008 as UTS #46
applies it, nontransitional): Python's "idna" codec is IDNA 2003, which rewrites ß as ss, ς
as σ and drops ZWNJ/ZWJ, so `straße.de` was fetched from strasse.de, another site, and its page
stored under the address typed (review rfetch). And a name the codec refuses for another reason
than its length is said with that reason."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.fetch import ascii_host


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        # Registered apart from strasse.de since 2010 (DENIC).
        ("http://straße.de/a", "http://xn--strae-oqa.de/a"),
        ("https://Straße.de:8443/a?q=1#f", "https://xn--strae-oqa.de:8443/a?q=1#f"),
        # Final sigma kept: with σ it is xn--nxasmq6b, another name.
        ("http://βόλος.gr/", "http://xn--nxasmm1c.gr/"),
        # A Persian word's ZWNJ (U+200C) is part of it.
        ("http://نامه\u200cای.ir/", "http://xn--mgba3gch31f060k.ir/"),
        # Capital sigma is σ wherever it stands (urlsplit's lower() wrote the last one ς).
        ("http://ΣΊΣΥΦΟΣ.gr/", "http://xn--kxa6akbbkh.gr/"),
        # Mapped as before: case, full-width letters and dots.
        ("http://Bücher.example/", "http://xn--bcher-kva.example/"),
        ("http://例え。テスト/", "http://xn--r8jz45g.xn--zckzah/"),
    ],
)
def test_a_host_is_asked_for_by_its_idna_2008_name(typed: str, asked: str) -> None:
    assert ascii_host(typed) == asked


@pytest.mark.parametrize(
    "typed",
    ["http://bücher.example/?", "http://bücher.example/p#", "http://bücher.example/a?#"],
)
def test_only_the_host_of_the_address_is_rewritten(typed: str) -> None:
    """An empty query or fragment is kept: the rest of the address is asked for as typed."""
    assert ascii_host(typed) == typed.replace("bücher", "xn--bcher-kva")


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        (
            "a\ue000b.example",
            "'a\ue000b' holds U+E000, which IDNA 2008 allows in no host name; if a browser "
            "opens it, give the xn-- form the browser shows",
        ),
        (
            "\u2ff0.example",
            "'\u2ff0' holds U+2FF0 IDEOGRAPHIC DESCRIPTION CHARACTER LEFT TO RIGHT, which "
            "IDNA 2008 allows in no host name; if a browser opens it, give the xn-- form the "
            "browser shows",
        ),
        ("aא.example", "'aא' breaks IDNA's rule for right-to-left text (RFC 5893)"),
    ],
)
def test_a_part_idna_refuses_is_refused_with_its_reason(host: str, reason: str) -> None:
    """Said as "empty or over 63 characters" before, which it is not."""
    with pytest.raises(InvalidInput) as refused:
        ascii_host(f"http://{host}/")
    said = refused.value.message
    assert said.startswith(f"'http://{host}/' names no host that can be looked up"), said
    assert said.endswith(f": {reason})"), said


def test_a_control_character_in_a_host_is_written_once_escaped() -> None:
    """_said writes it \\u0000; a repr after it doubled the backslash (`ex\\\\u0000`)."""
    with pytest.raises(InvalidInput) as refused:
        ascii_host("http://ex%00ample.com/")
    said = refused.value.message
    assert said.endswith("(ex\\u0000ample.com: it holds a character no host name has)"), said
