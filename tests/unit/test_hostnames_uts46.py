"""A host name not in ASCII is asked for as UTS #46 (nontransitional) maps it and IDNA 2008
takes it: the name a browser asks for, or none a registry could have given out (review
rrfetch). The approximation before (Python's IDNA 2003 nameprep, Unicode 3.2 tables, plus the
four deviations kept) asked for other names: Cherokee in its small letters, which Python's
lower() writes and UTS #46 maps back to capitals; a compatibility ideograph of Unicode 4.1 as
itself, not as the ideograph it is. It refused a right-to-left name ending in a digit, which
IDNA 2008 allows, and took joiners, middle dots, keraias and symbols where IDNA 2008 allows
none. A part in ASCII is kept as typed (`my_host`: real hosts have underscores)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.hostnames import NoHostName, ascii_hostname
from workbench.domain.urls import check_http_url


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        # Cherokee (ᏣᎳᎩ): its capitals are the letters IDNA keeps; typed small, mapped to them.
        ("ᏣᎳᎩ.example", "xn--f9dt7l.example"),
        ("ꮳꮃꭹ.example", "xn--f9dt7l.example"),
        # U+FA2F, a compatibility ideograph (Unicode 4.1), is 隷 (U+96B7), its NFC.
        ("\ufa2f.example", "xn--zn5a.example"),
        # RFC 5893: a right-to-left part may end in a digit (IDNA 2003 refused it).
        ("א1.example", "xn--1-zhc.example"),
    ],
)
def test_a_name_is_asked_for_as_uts46_maps_it(typed: str, asked: str) -> None:
    assert ascii_hostname(typed) == asked


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        # Case and width mapped, each part not in ASCII in its xn-- form.
        ("ＢＵＣＨＥＲ.example", "bucher.example"),
        ("Bücher.Example", "xn--bcher-kva.Example"),
        # A part in ASCII is kept as typed: an underscore, capitals, an xn-- form.
        ("My_Host.example.org", "My_Host.example.org"),
        ("my_host.bücher.example", "my_host.xn--bcher-kva.example"),
        ("xn--g6h.example", "xn--g6h.example"),
        # Joiners and dots where IDNA 2008 allows them: after a virama, Catalan's l·l, a
        # keraia before a Greek letter, a Persian word's ZWNJ.
        ("क्\u200cष.example", "xn--11b2ezcs70k.example"),
        ("l·l.example", "xn--ll-0ea.example"),
        ("͵α.example", "xn--wva4j.example"),
        ("نامه\u200cای.ir", "xn--mgba3gch31f060k.ir"),
    ],
)
def test_what_both_rules_agree_on_is_kept(typed: str, asked: str) -> None:
    assert ascii_hostname(typed) == asked


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        # Symbols: IDNA 2003 took them, IDNA 2008 allows none (registries give none out).
        ("♥.example", "U+2665"),
        ("☃.net", "U+2603"),
        ("a😀b.example", "U+1F600"),
        # A joiner beside no letter it joins, a middle dot not between l's, a keraia
        # before no Greek letter.
        ("ab\u200ccd.example", "U+200C"),
        ("a\u200db.example", "U+200D"),
        ("a·b.example", "U+00B7"),
        ("α͵.example", "U+0375"),
        # Right-to-left text IDNA 2008's rule (RFC 5893) refuses: Arabic-Indic digits alone.
        ("١٢٣.example", "right-to-left"),
        # A part may not begin with a combining mark.
        ("\u0300x.example", "combining"),
    ],
)
def test_a_name_idna_2008_refuses_is_refused_with_its_reason(typed: str, told: str) -> None:
    with pytest.raises(NoHostName) as refused:
        ascii_hostname(typed)
    reason = refused.value.reason
    assert told in reason, reason
    # Plain words, not an exception's repr.
    assert "Error" not in reason and "Codepoint" not in reason, reason


def test_a_symbol_host_is_told_the_form_it_is_taken_in() -> None:
    """A host of a symbol a browser still opens (UTS #46 is lenient) is refused, and told the
    way it is taken: its xn-- form, as the browser shows it."""
    with pytest.raises(InvalidInput) as refused:
        check_http_url("http://i♥.ws/")
    said = refused.value.message
    assert said.startswith("'http://i♥.ws/' names no host that can be looked up ("), said
    assert "U+2665" in said and "xn--" in said, said
    assert check_http_url("http://xn--i-7iq.ws/") == "http://xn--i-7iq.ws/"


def test_idna_is_loaded_only_for_a_host_not_in_ascii() -> None:
    """A fresh process: what checking a URL imports is what it needs."""
    probe = (
        "import sys\n"
        "from workbench.domain.urls import check_http_url\n"
        "check_http_url('http://my_host.example.org/a')\n"
        "print('idna' in sys.modules)\n"
        "check_http_url('http://bücher.example/a')\n"
        "print('idna' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.split() == ["False", "True"], out


def test_a_character_refused_as_what_it_maps_to_is_said_so() -> None:
    """A full-width solidus is typed, a solidus refused: the reason says which is which."""
    with pytest.raises(NoHostName) as refused:
        ascii_hostname("1\uff0f.x")
    assert "holds a character IDNA reads as U+002F SOLIDUS" in refused.value.reason
